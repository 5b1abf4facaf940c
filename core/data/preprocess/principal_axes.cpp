#include "core/data/preprocess/principal_axes.h"

#include <algorithm>
#include <string>

#include <Eigen/SVD>

namespace mlp {

Result<PrincipalAxes> FitPrincipalAxes(const Eigen::MatrixXd& x, int kept, const std::string& what) {
  const Eigen::Index limit = std::min(x.rows(), x.cols());
  if (kept < 1 || kept > limit) {
    return Status::Error(what + ": asks for " + std::to_string(kept) + " components, but " +
                         std::to_string(x.rows()) + " training rows × " + std::to_string(x.cols()) +
                         " columns allow 1 to " + std::to_string(limit) + ".");
  }
  if (!x.allFinite()) return Status::Error(what + ": the data hold NaN or infinite values; impute or drop them first.");
  PrincipalAxes axes;
  axes.mean = x.colwise().mean();
  const Eigen::MatrixXd centred = x.rowwise() - axes.mean;
  // V only: U's columns we need for the signs are X v_k / s_k, and skipping U saves most of the work
  // on tall data (5000 × 784).
  const Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
  axes.singular_values = svd.singularValues();
  axes.explained_variance = axes.singular_values.array().square() / static_cast<double>(std::max<Eigen::Index>(x.rows() - 1, 1));
  axes.components = svd.matrixV().leftCols(kept).transpose();
  // svd_flip(u_based_decision=True): the sign of the largest |U(i, k)| (first one on ties) becomes +.
  const Eigen::MatrixXd scores = centred * axes.components.transpose();  // = U S, same signs as U
  for (Eigen::Index k = 0; k < kept; ++k) {
    Eigen::Index largest = 0;
    scores.col(k).cwiseAbs().maxCoeff(&largest);
    if (scores(largest, k) < 0) axes.components.row(k) *= -1.0;
  }
  return axes;
}

}  // namespace mlp
