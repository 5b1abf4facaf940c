#include "core/data/preprocess/scalers.h"

#include <cmath>
#include <limits>

namespace mlp {
namespace {

// sklearn's _handle_zeros_in_scale: a scale this close to zero is a constant column, so divide by
// 1 instead of amplifying rounding noise.
double NonZeroScale(double scale) { return scale < 10.0 * std::numeric_limits<double>::epsilon() ? 1.0 : scale; }

}  // namespace

Status StandardiseStep::FitSelected(const Eigen::MatrixXd& selected) {
  mean_ = selected.colwise().mean();
  scale_.resize(selected.cols());
  for (Eigen::Index j = 0; j < selected.cols(); ++j) {
    const double variance = (selected.col(j).array() - mean_(j)).square().mean();  // ddof = 0
    scale_(j) = NonZeroScale(std::sqrt(variance));
  }
  return Status::Ok();
}

Result<Eigen::MatrixXd> StandardiseStep::TransformSelected(const Eigen::MatrixXd& selected) const {
  Eigen::MatrixXd out = (selected.rowwise() - mean_).array().rowwise() / scale_.array();
  return out;
}

Status MinMaxStep::FitSelected(const Eigen::MatrixXd& selected) {
  min_ = selected.colwise().minCoeff();
  range_ = selected.colwise().maxCoeff() - min_;
  for (Eigen::Index j = 0; j < range_.size(); ++j) range_(j) = NonZeroScale(range_(j));
  return Status::Ok();
}

Result<Eigen::MatrixXd> MinMaxStep::TransformSelected(const Eigen::MatrixXd& selected) const {
  Eigen::MatrixXd out = (selected.rowwise() - min_).array().rowwise() / range_.array();
  return out;
}

Status Log1pStep::CheckDomain(const Eigen::MatrixXd& selected) const {
  for (Eigen::Index j = 0; j < selected.cols(); ++j) {
    const double smallest = selected.col(j).minCoeff();
    if (smallest <= -1.0) {
      return Status::Error(Describe() + ": log1p needs every value above -1, but " + ColumnLabel(static_cast<int>(j)) +
                           " holds " + FormatValue(smallest) + ". Shift that column or leave it out of this step.");
    }
  }
  return Status::Ok();
}

Status Log1pStep::FitSelected(const Eigen::MatrixXd& selected) { return CheckDomain(selected); }

Result<Eigen::MatrixXd> Log1pStep::TransformSelected(const Eigen::MatrixXd& selected) const {
  if (selected.rows() > 0) {
    if (Status domain = CheckDomain(selected); !domain.ok()) return domain;
  }
  Eigen::MatrixXd out = selected.unaryExpr([](double x) { return std::log1p(x); });
  return out;
}

std::vector<std::string> Log1pStep::SelectedOutputNames(const std::vector<std::string>& names) const {
  std::vector<std::string> out;
  for (const std::string& name : names) out.push_back("log1p(" + name + ")");
  return out;
}

}  // namespace mlp
