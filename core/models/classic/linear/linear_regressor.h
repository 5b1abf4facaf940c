// LinearRegressor: what every linear regression model shares once fitted — prediction
// ŷ = X·coef + intercept, the fitted coefficients the views draw, and the training progress —
// plus RSquared, the coefficient of determination as scikit-learn's score() computes it.
// The concrete models (ordinary least squares, ridge, lasso, gradient descent) differ only in how
// Reset/Step find coef and intercept.
#pragma once

#include <Eigen/Core>

#include "core/models/classic/model.h"

namespace mlp::classic {

class LinearRegressor : public Model {
public:
  ModelKind kind() const override { return ModelKind::kRegressor; }
  Progress progress() const override { return progress_; }
  // One value per row; empty before the first Step() or when the column count differs from training.
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;
  ModelInsight Insight() const override;  // the weights, once fitted (lasso: some exactly zero)

  const Eigen::VectorXd& coef() const { return coef_; }  // one weight per feature
  double intercept() const { return intercept_; }         // 0 when fit_intercept is off
  bool fitted() const { return fitted_; }

protected:
  // Forgets a previous fit: coef = 0 (features entries), intercept = 0, progress reset.
  void ClearFit(Eigen::Index features, const char* objective_name);

  Eigen::VectorXd coef_;
  double intercept_ = 0.0;
  bool fitted_ = false;
  Progress progress_;
};

// R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)², like sklearn.metrics.r2_score: 1 for a perfect fit, 0 for the
// mean; a constant y gives 1 when predicted exactly and 0 otherwise. Empty or mismatched input: NaN.
double RSquared(const Eigen::VectorXd& y, const Eigen::VectorXd& prediction);
// Mean of (y − ŷ)²; NaN for empty or mismatched input.
double MeanSquaredError(const Eigen::VectorXd& y, const Eigen::VectorXd& prediction);

}  // namespace mlp::classic
