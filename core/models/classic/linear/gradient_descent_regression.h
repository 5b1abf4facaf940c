// Linear regression by full-batch gradient descent on the mean squared error, for watching a
// model learn: each Step() is one update
//
//   r = Xw + b − y,   w ← w − η·(2/n)·Xᵀr,   b ← b − η·(2/n)·Σr
//
// from w = 0, b = 0. With a small enough learning rate η (below 1/λ_max of (2/n)·[X 1]ᵀ[X 1]) it
// converges to the least-squares solution; too large a rate makes it diverge, which Step() reports.
#pragma once

#include <string>

#include <Eigen/Core>

#include "core/models/classic/linear/linear_regressor.h"

namespace mlp::classic {

struct GradientDescentRegressionSettings {
  double learning_rate = 1e-3;  // η > 0
  int max_iter = 1000;          // steps
  double tol = 0.0;             // finished early when max |gradient| ≤ tol (0: run all steps)
  bool fit_intercept = true;
};

class GradientDescentRegression : public LinearRegressor {
public:
  explicit GradientDescentRegression(GradientDescentRegressionSettings settings = {}) : settings_(settings) {}
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;  // one gradient step; progress().objective is the MSE after it

  const GradientDescentRegressionSettings& settings() const { return settings_; }
  // Largest |component| of the last gradient (∂MSE/∂w, ∂MSE/∂b).
  double gradient_norm() const { return gradient_norm_; }

private:
  GradientDescentRegressionSettings settings_;
  Eigen::MatrixXd x_;
  Eigen::VectorXd y_;
  Eigen::VectorXd residual_;  // Xw + b − y at the current weights
  Eigen::VectorXd gradient_;
  double gradient_norm_ = 0.0;
};

}  // namespace mlp::classic
