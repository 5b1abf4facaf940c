// TrainingGovernor: trades training speed for frame rate. Every few frames while training it looks
// at the median frame time; above the 60 fps budget it lowers the share of time training may take,
// with headroom it raises it again (up to flat out). On a machine with cores and a GPU to spare the
// share stays at 1; on two cores with a software renderer it settles where frames keep up.
#pragma once

#include <array>
#include <cstddef>

namespace mlp::ui {

class TrainingGovernor {
public:
  static constexpr double kTargetFrameMs = 1000.0 / 60.0;

  // One frame's duration; `training` says whether a session was training during it.
  void AddFrame(double frame_ms, bool training);
  // Fraction of time training may use (0.1 … 1).
  double share() const { return share_; }

private:
  static constexpr size_t kWindow = 16;  // frames per decision
  std::array<double, kWindow> frames_{};
  size_t count_ = 0;
  double share_ = 1.0;
};

}  // namespace mlp::ui
