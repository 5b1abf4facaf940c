// Cut scan with S/√B and S/√(S + B) (see cut_scan.h).
#include "core/data/generators/cut_scan.h"

#include <cmath>

namespace mlp {

Result<std::vector<CutScanPoint>> ScanCut(const Eigen::VectorXd& feature, const Eigen::VectorXd& is_signal,
                                          CutDirection direction, int thresholds) {
  if (feature.size() == 0 || feature.size() != is_signal.size()) {
    return Status::Error("The cut scan needs one signal flag per event and at least one event.");
  }
  if (thresholds < 2) return Status::Error("Scan at least 2 thresholds.");
  if (!feature.allFinite()) return Status::Error("The scanned feature has non-finite values.");
  const double lo = feature.minCoeff(), hi = feature.maxCoeff();
  std::vector<CutScanPoint> scan(static_cast<size_t>(thresholds));
  for (int t = 0; t < thresholds; ++t) {
    CutScanPoint& point = scan[static_cast<size_t>(t)];
    // The last threshold is exactly the maximum, so "keep below" then keeps every event.
    point.threshold = t == thresholds - 1 ? hi : lo + (hi - lo) * static_cast<double>(t) / (thresholds - 1);
    for (Eigen::Index i = 0; i < feature.size(); ++i) {
      const bool kept = direction == CutDirection::kKeepBelow ? feature(i) <= point.threshold : feature(i) >= point.threshold;
      if (!kept) continue;
      (is_signal(i) != 0.0 ? point.signal : point.background) += 1.0;
    }
    if (point.background > 0.0) point.s_over_sqrt_b = point.signal / std::sqrt(point.background);
    if (point.signal + point.background > 0.0) point.s_over_sqrt_s_plus_b = point.signal / std::sqrt(point.signal + point.background);
  }
  return scan;
}

int BestCut(const std::vector<CutScanPoint>& scan, FigureOfMerit merit) {
  int best = -1;
  double best_value = -1.0;
  for (size_t i = 0; i < scan.size(); ++i) {
    const double value = merit == FigureOfMerit::kSOverSqrtB ? scan[i].s_over_sqrt_b : scan[i].s_over_sqrt_s_plus_b;
    if (value > best_value) {
      best_value = value;
      best = static_cast<int>(i);
    }
  }
  return best;
}

}  // namespace mlp
