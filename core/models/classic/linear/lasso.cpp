#include "core/models/classic/linear/lasso.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/format.h"
#include "core/models/classic/supervised_checks.h"

namespace mlp::classic {

std::string LassoRegression::Describe() const {
  return "lasso (alpha = " + FormatNumber(settings_.alpha) + (settings_.fit_intercept ? ")" : ", no intercept)");
}

int LassoRegression::active_features() const { return static_cast<int>((coef_.array() != 0.0).count()); }

Status LassoRegression::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int, uint32_t) {
  ClearFit(x.cols(), "lasso objective");
  x_.resize(0, 0);
  y_.resize(0);
  gap_ = std::numeric_limits<double>::quiet_NaN();
  if (!(settings_.alpha >= 0.0) || !std::isfinite(settings_.alpha))
    return Status::Error("Lasso needs a penalty alpha ≥ 0.");
  if (settings_.max_iter < 1) return Status::Error("Lasso needs at least one sweep (max_iter ≥ 1).");
  if (!(settings_.tol >= 0.0)) return Status::Error("Lasso needs a tolerance tol ≥ 0.");
  if (Status status = CheckRegressionData(x, y, "Lasso"); !status.ok()) return status;
  x_ = x;
  y_ = y;
  x_mean_ = Eigen::RowVectorXd::Zero(x.cols());
  y_mean_ = 0.0;
  if (settings_.fit_intercept) {
    x_mean_ = x_.colwise().mean();
    y_mean_ = y_.mean();
    x_.rowwise() -= x_mean_;
    y_.array() -= y_mean_;
  }
  residual_ = y_;  // w = 0
  column_norms_ = x_.colwise().squaredNorm().transpose();
  l1_ = settings_.alpha * static_cast<double>(x_.rows());
  gap_tol_ = settings_.tol * y_.squaredNorm();
  UpdateFit();
  progress_.finished = false;
  return {};
}

// sklearn's duality gap (l2_reg = 0, positive = False).
double LassoRegression::DualityGap() const {
  const Eigen::VectorXd xta = x_.transpose() * residual_;
  const double dual_norm = xta.cwiseAbs().maxCoeff();
  const double r_norm2 = residual_.squaredNorm();
  double scale = 1.0, gap = r_norm2;
  if (dual_norm > l1_) {
    scale = l1_ / dual_norm;
    gap = 0.5 * (r_norm2 + r_norm2 * scale * scale);
  }
  return gap + l1_ * coef_.cwiseAbs().sum() - scale * residual_.dot(y_);
}

void LassoRegression::UpdateFit() {
  intercept_ = settings_.fit_intercept ? y_mean_ - x_mean_.dot(coef_) : 0.0;
  fitted_ = true;
  progress_.objective = residual_.squaredNorm() / (2.0 * static_cast<double>(x_.rows())) +
                        settings_.alpha * coef_.cwiseAbs().sum();
}

Status LassoRegression::Step() {
  if (progress_.finished) return {};
  if (x_.rows() == 0) return Status::Error("Lasso has no training data: call Reset first.");
  double w_max = 0.0, dw_max = 0.0;
  for (Eigen::Index j = 0; j < x_.cols(); ++j) {
    if (column_norms_(j) == 0.0) continue;
    const double old = coef_(j);
    if (old != 0.0) residual_.noalias() += old * x_.col(j);
    const double rho = x_.col(j).dot(residual_);
    const double updated = std::copysign(std::max(std::abs(rho) - l1_, 0.0), rho) / column_norms_(j);
    coef_(j) = updated;
    if (updated != 0.0) residual_.noalias() -= updated * x_.col(j);
    dw_max = std::max(dw_max, std::abs(updated - old));
    w_max = std::max(w_max, std::abs(updated));
  }
  ++progress_.steps;
  UpdateFit();
  if (!std::isfinite(progress_.objective))
    return Status::Error("Lasso diverged (non-finite weights); standardise the features.");
  const bool last = progress_.steps >= settings_.max_iter;
  if (w_max == 0.0 || dw_max / w_max < settings_.tol || last) {
    gap_ = DualityGap();
    if (gap_ < gap_tol_ || last) progress_.finished = true;
  }
  return {};
}

}  // namespace mlp::classic
