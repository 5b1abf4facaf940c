#include "core/data/preprocess/pca.h"

#include <algorithm>

#include <Eigen/SVD>

namespace mlp {

std::string PcaStep::Name() const {
  return "PCA (" + std::to_string(components_) + (components_ == 1 ? " component)" : " components)");
}

Status PcaStep::FitSelected(const Eigen::MatrixXd& selected) {
  const Eigen::Index limit = std::min(selected.rows(), selected.cols());
  if (components_ < 1 || components_ > limit) {
    return Status::Error(Describe() + ": asks for " + std::to_string(components_) + " components, but " +
                         std::to_string(selected.rows()) + " training rows × " + std::to_string(selected.cols()) +
                         " columns allow 1 to " + std::to_string(limit) + ".");
  }
  mean_ = selected.colwise().mean();
  const Eigen::MatrixXd centred = selected.rowwise() - mean_;
  const Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Eigen::VectorXd& singular = svd.singularValues();
  axes_ = svd.matrixV().leftCols(components_).transpose();
  // svd_flip(u_based_decision=True): the sign of the largest |U(i, k)| (first one on ties) becomes +.
  for (Eigen::Index k = 0; k < components_; ++k) {
    Eigen::Index largest = 0;
    svd.matrixU().col(k).cwiseAbs().maxCoeff(&largest);
    if (svd.matrixU()(largest, k) < 0) axes_.row(k) *= -1.0;
  }
  const double total = singular.squaredNorm();
  ratio_ = total > 0 ? Eigen::VectorXd(singular.head(components_).array().square() / total)
                     : Eigen::VectorXd::Zero(components_);
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
