// Lasso regression by cyclic coordinate descent, step for step as scikit-learn's Lasso
// (sklearn/linear_model/_cd_fast.pyx, enet_coordinate_descent with l1_ratio = 1):
//
//   minimise  1/(2n) ||y − Xw − b||² + α ||w||₁
//
// With an intercept X and y are centred and b = ȳ − x̄·w (b is not penalised). Starting from
// w = 0, each Step() is one sweep over the features in order, each weight set to its exact
// one-dimensional minimiser (soft thresholding). After a sweep whose largest weight change is below
// tol·max|w| (or the last allowed sweep) the duality gap is computed, and the fit is finished when
// it is below tol·||y − ȳ||², or after max_iter sweeps — the same stopping rule as sklearn, so the
// same tol and max_iter give the same number of sweeps (n_iter_).
#pragma once

#include <string>

#include <Eigen/Core>

#include "core/models/classic/linear/linear_regressor.h"

namespace mlp::classic {

struct LassoSettings {
  double alpha = 1.0;   // L1 penalty α ≥ 0
  bool fit_intercept = true;
  int max_iter = 1000;  // sweeps
  double tol = 1e-4;    // relative to ||y − ȳ||², as sklearn
};

class LassoRegression : public LinearRegressor {
public:
  explicit LassoRegression(LassoSettings settings = {}) : settings_(settings) {}
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;  // one coordinate sweep

  const LassoSettings& settings() const { return settings_; }
  // Duality gap of the last check in sklearn's units (n·objective scale); NaN until computed.
  double duality_gap() const { return gap_; }
  // Features with a non-zero weight.
  int active_features() const;

private:
  void UpdateFit();
  double DualityGap() const;

  LassoSettings settings_;
  Eigen::MatrixXd x_;            // centred training features (column-major: one column per feature)
  Eigen::VectorXd y_;            // centred targets
  Eigen::VectorXd residual_;     // y_ − x_·w
  Eigen::VectorXd column_norms_; // Σ x_ij² per feature
  Eigen::RowVectorXd x_mean_;
  double y_mean_ = 0.0;
  double l1_ = 0.0;              // α·n, sklearn's scaled penalty
  double gap_tol_ = 0.0;         // tol·||y_||²
  double gap_ = 0.0;
};

}  // namespace mlp::classic
