#include "core/data/preprocess/pca.h"

#include <algorithm>

#include "core/data/preprocess/principal_axes.h"

namespace mlp {

std::string PcaStep::Name() const {
  return "PCA (" + std::to_string(components_) + (components_ == 1 ? " component)" : " components)");
}

Status PcaStep::FitSelected(const Eigen::MatrixXd& selected) {
  Result<PrincipalAxes> axes = FitPrincipalAxes(selected, components_, Describe());
  if (!axes.ok()) return axes.status();
  mean_ = axes.value().mean;
  axes_ = std::move(axes.value().components);
  const Eigen::VectorXd& variance = axes.value().explained_variance;
  const double total = variance.sum();
  ratio_ = total > 0 ? Eigen::VectorXd(variance.head(components_) / total) : Eigen::VectorXd::Zero(components_);
  return Status::Ok();
}

Result<Eigen::MatrixXd> PcaStep::TransformSelected(const Eigen::MatrixXd& selected) const {
  Eigen::MatrixXd out = (selected.rowwise() - mean_) * axes_.transpose();
  return out;
}

std::vector<std::string> PcaStep::SelectedOutputNames(const std::vector<std::string>&) const {
  std::vector<std::string> out;
  for (int k = 1; k <= components_; ++k) out.push_back("PC" + std::to_string(k));
  return out;
}

}  // namespace mlp
