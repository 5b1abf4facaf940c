// Ordinary least squares and ridge regression, both closed form (one Step() fits them).
//
// OLS minimises ||y − Xw − b||² like sklearn's LinearRegression: with an intercept X and y are
// centred first and b = ȳ − x̄·w; the centred system is solved through a singular value
// decomposition with singular values below eps·σ_max treated as zero, like scipy.linalg.lstsq
// (gelsd), so rank-deficient designs (duplicated or constant columns, more features than rows)
// give the minimum-norm solution instead of failing.
//
// Ridge minimises ||y − Xw − b||² + α||w||² like sklearn's Ridge: the intercept is not penalised
// (the data are centred, as above). It is solved with the same SVD, w = V diag(s/(s² + α)) Uᵀy,
// which stays accurate on the ill-conditioned polynomial designs of the over-fitting lesson where
// the normal equations lose every digit.
#pragma once

#include <string>

#include <Eigen/Core>

#include "core/models/classic/linear/linear_regressor.h"

namespace mlp::classic {

struct LinearRegressionSettings {
  bool fit_intercept = true;
};

class LinearRegression : public LinearRegressor {
public:
  explicit LinearRegression(LinearRegressionSettings settings = {}) : settings_(settings) {}
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;

  const LinearRegressionSettings& settings() const { return settings_; }
  // Numerical rank of the (centred) design found by the fit; < features means collinear columns.
  Eigen::Index rank() const { return rank_; }
  // Singular values of the (centred) design, largest first: their spread is the conditioning.
  const Eigen::VectorXd& singular_values() const { return singular_values_; }

private:
  LinearRegressionSettings settings_;
  Eigen::MatrixXd x_;
  Eigen::VectorXd y_;
  Eigen::Index rank_ = 0;
  Eigen::VectorXd singular_values_;
};

struct RidgeSettings {
  double alpha = 1.0;  // penalty strength α ≥ 0 (0 is OLS)
  bool fit_intercept = true;
};

class RidgeRegression : public LinearRegressor {
public:
  explicit RidgeRegression(RidgeSettings settings = {}) : settings_(settings) {}
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;

  const RidgeSettings& settings() const { return settings_; }

private:
  RidgeSettings settings_;
  Eigen::MatrixXd x_;
  Eigen::VectorXd y_;
};

}  // namespace mlp::classic
