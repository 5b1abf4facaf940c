#include "ui/frame_stats.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace mlp::ui {

void FrameStats::Add(double frame_ms) {
  frames_[next_] = frame_ms;
  next_ = (next_ + 1) % kWindow;
  count_ = std::min(count_ + 1, kWindow);
}

double FrameStats::MedianMs() const {
  if (count_ == 0) return 0.0;
  std::vector<double> sorted(frames_.begin(), frames_.begin() + static_cast<std::ptrdiff_t>(count_));
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(count_ / 2), sorted.end());
  return sorted[count_ / 2];
}

double FrameStats::Fps() const {
  if (count_ == 0) return 0.0;
  const double total = std::accumulate(frames_.begin(), frames_.begin() + static_cast<std::ptrdiff_t>(count_), 0.0);
  return total > 0.0 ? 1000.0 * static_cast<double>(count_) / total : 0.0;
}

}  // namespace mlp::ui
