#include "ui/training_governor.h"

#include <algorithm>

namespace mlp::ui {

void TrainingGovernor::AddFrame(double frame_ms, bool training) {
  if (!training) {
    count_ = 0;
    return;
  }
  frames_[count_++] = frame_ms;
  if (count_ < kWindow) return;
  count_ = 0;
  std::array<double, kWindow> sorted = frames_;
  std::nth_element(sorted.begin(), sorted.begin() + kWindow / 2, sorted.end());
  const double median = sorted[kWindow / 2];
  // Frames come in whole display intervals, so "missed" means clearly above one interval.
  if (median > kTargetFrameMs * 1.2) {
    share_ = std::max(0.1, share_ * 0.85);
  } else if (median < kTargetFrameMs * 1.1) {
    share_ = std::min(1.0, share_ * 1.08);
  }
}

}  // namespace mlp::ui
