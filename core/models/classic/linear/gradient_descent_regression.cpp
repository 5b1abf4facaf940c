#include "core/models/classic/linear/gradient_descent_regression.h"

#include <algorithm>
#include <cmath>

#include "core/base/format.h"
#include "core/models/classic/supervised_checks.h"

namespace mlp::classic {

std::string GradientDescentRegression::Describe() const {
  return "gradient-descent regression (learning rate " + FormatNumber(settings_.learning_rate) + ")";
}

Status GradientDescentRegression::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int, uint32_t) {
  ClearFit(x.cols(), "training MSE");
  x_.resize(0, 0);
  y_.resize(0);
  gradient_norm_ = 0.0;
  if (!(settings_.learning_rate > 0.0) || !std::isfinite(settings_.learning_rate))
    return Status::Error("Gradient descent needs a learning rate > 0.");
  if (settings_.max_iter < 1) return Status::Error("Gradient descent needs at least one step (max_iter ≥ 1).");
  if (Status status = CheckRegressionData(x, y, "Gradient-descent regression"); !status.ok()) return status;
  x_ = x;
  y_ = y;
  residual_ = -y_;  // w = 0, b = 0
  gradient_.resize(x.cols());
  fitted_ = true;  // w = 0 predicts 0: the animation starts from a flat line
  progress_.objective = residual_.squaredNorm() / static_cast<double>(y_.size());
  return {};
}

Status GradientDescentRegression::Step() {
  if (progress_.finished) return {};
  if (x_.rows() == 0) return Status::Error("Gradient descent has no training data: call Reset first.");
  const double scale = 2.0 / static_cast<double>(x_.rows());
  gradient_.noalias() = scale * (x_.transpose() * residual_);
  const double intercept_gradient = settings_.fit_intercept ? scale * residual_.sum() : 0.0;
  gradient_norm_ = std::max(gradient_.cwiseAbs().maxCoeff(), std::abs(intercept_gradient));
  coef_.noalias() -= settings_.learning_rate * gradient_;
  intercept_ -= settings_.learning_rate * intercept_gradient;
  residual_.noalias() = x_ * coef_;
  residual_.array() += intercept_ - y_.array();
  progress_.objective = residual_.squaredNorm() / static_cast<double>(x_.rows());
  ++progress_.steps;
  if (!std::isfinite(progress_.objective))
    return Status::Error("Gradient descent diverged: lower the learning rate or standardise the features.");
  if (progress_.steps >= settings_.max_iter || gradient_norm_ <= settings_.tol) progress_.finished = true;
  return {};
}

}  // namespace mlp::classic
