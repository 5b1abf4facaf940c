// One-dimensional cut scan against a figure of merit, the particle-physics way to choose a
// selection before reaching for a classifier (seed 002's SoLid project): keep the events on one
// side of a threshold on one feature, count the signal S and background B kept, and report
// S/√B and S/√(S + B) for every threshold.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"

namespace mlp {

enum class CutDirection { kKeepBelow, kKeepAbove };  // keep feature ≤ threshold, or ≥ threshold

struct CutScanPoint {
  double threshold = 0.0;
  double signal = 0.0;                // S: signal events kept
  double background = 0.0;            // B: background events kept
  double s_over_sqrt_b = 0.0;         // S/√B; 0 when B = 0 (undefined there, so never "best")
  double s_over_sqrt_s_plus_b = 0.0;  // S/√(S + B); 0 when nothing is kept
};

// `thresholds` evenly spaced values from min(feature) to max(feature) inclusive (≥ 2).
// is_signal: 1 for signal, 0 for background (any non-zero counts as signal).
// Fails for empty or mismatched inputs, non-finite feature values, or fewer than 2 thresholds.
Result<std::vector<CutScanPoint>> ScanCut(const Eigen::VectorXd& feature, const Eigen::VectorXd& is_signal,
                                          CutDirection direction, int thresholds = 100);

enum class FigureOfMerit { kSOverSqrtB, kSOverSqrtSPlusB };
// Index of the scan point with the largest figure of merit (the first one on ties); -1 if empty.
int BestCut(const std::vector<CutScanPoint>& scan, FigureOfMerit merit);

}  // namespace mlp
