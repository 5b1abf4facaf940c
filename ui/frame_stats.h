// FrameStats: frame times of the last few seconds, for the status line and the page API.
#pragma once

#include <array>
#include <cstddef>

namespace mlp::ui {

class FrameStats {
public:
  void Add(double frame_ms);
  double MedianMs() const;   // over the last kWindow frames
  double Fps() const;        // 1000 / mean frame time over the window
  size_t count() const { return count_; }

private:
  static constexpr size_t kWindow = 240;
  std::array<double, kWindow> frames_{};
  size_t next_ = 0;
  size_t count_ = 0;
};

}  // namespace mlp::ui
