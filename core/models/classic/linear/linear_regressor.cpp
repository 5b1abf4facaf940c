#include "core/models/classic/linear/linear_regressor.h"

#include <limits>

namespace mlp::classic {

Eigen::VectorXd LinearRegressor::Predict(const Eigen::MatrixXd& x) const {
  if (!fitted_ || x.cols() != coef_.size()) return {};
  Eigen::VectorXd y = x * coef_;
  y.array() += intercept_;
  return y;
}

void LinearRegressor::ClearFit(Eigen::Index features, const char* objective_name) {
  coef_ = Eigen::VectorXd::Zero(features);
  intercept_ = 0.0;
  fitted_ = false;
  progress_ = Progress{};
  progress_.objective = std::numeric_limits<double>::quiet_NaN();
  progress_.objective_name = objective_name;
}

double RSquared(const Eigen::VectorXd& y, const Eigen::VectorXd& prediction) {
  if (y.size() == 0 || y.size() != prediction.size()) return std::numeric_limits<double>::quiet_NaN();
  const double residual = (y - prediction).squaredNorm();
  const double total = (y.array() - y.mean()).matrix().squaredNorm();
  if (total == 0.0) return residual == 0.0 ? 1.0 : 0.0;  // sklearn's convention for constant y
  return 1.0 - residual / total;
}

double MeanSquaredError(const Eigen::VectorXd& y, const Eigen::VectorXd& prediction) {
  if (y.size() == 0 || y.size() != prediction.size()) return std::numeric_limits<double>::quiet_NaN();
  return (y - prediction).squaredNorm() / static_cast<double>(y.size());
}

ModelInsight LinearRegressor::Insight() const {
  ModelInsight insight;
  if (progress_.steps > 0) insight.coefficients = coef_;
  return insight;
}

}  // namespace mlp::classic
