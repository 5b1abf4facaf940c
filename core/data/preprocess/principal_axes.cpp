#include "core/data/preprocess/principal_axes.h"

#include <algorithm>
#include <string>

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

namespace mlp {

namespace {

// Many more rows than a few dozen columns: the scatter-matrix route is much faster and, for the
// leading axes PCA is used for, as accurate as the SVD to far better than 1e-6.
bool UseGramRoute(const Eigen::MatrixXd& x) { return x.cols() >= 64 && x.rows() >= x.cols(); }

}  // namespace

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
  if (UseGramRoute(x)) {
    // Eigen-decomposition of the scatter matrix (X − μ)ᵀ(X − μ) = V S² Vᵀ: one matrix product and a
    // columns × columns symmetric eigensolver instead of bidiagonalising the whole tall matrix
    // (5000 × 784: ~0.3 s instead of ~4 s). Leading axes agree with the SVD to ~ε·s₁²/gap; the
    // tiny trailing variances are only accurate to ~ε·s₁² in absolute terms (clamped at 0).
    Eigen::MatrixXd scatter(x.cols(), x.cols());
    scatter.setZero();
    scatter.selfadjointView<Eigen::Lower>().rankUpdate(centred.transpose());
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(scatter);  // reads the lower triangle only
    axes.singular_values = eigen.eigenvalues().reverse().cwiseMax(0.0).cwiseSqrt();  // eigenvalues ascend
    axes.components = eigen.eigenvectors().rightCols(kept).rowwise().reverse().transpose();
  } else {
    const Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
    axes.singular_values = svd.singularValues();
    axes.components = svd.matrixV().leftCols(kept).transpose();
  }
  axes.explained_variance = axes.singular_values.array().square() / static_cast<double>(std::max<Eigen::Index>(x.rows() - 1, 1));
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
