#include "core/models/classic/clustering/pca.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/thread_pool.h"

namespace mlp::classic {

std::string Pca::Describe() const {
  return "PCA (" + std::to_string(settings_.components) + (settings_.components == 1 ? " component)" : " components)");
}

Status Pca::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd&, int, uint32_t) {
  fitted_ = false;
  steps_ = 0;
  axes_ = {};
  const Eigen::Index limit = std::min(x.rows(), x.cols());
  if (x.rows() < 2) return Status::Error(Describe() + ": needs at least 2 training rows, got " + std::to_string(x.rows()) + ".");
  if (settings_.components < 1 || settings_.components > limit) {
    return Status::Error(Describe() + ": choose between 1 and " + std::to_string(limit) + " components (" +
                         std::to_string(x.rows()) + " rows × " + std::to_string(x.cols()) + " features).");
  }
  if (!x.allFinite()) return Status::Error(Describe() + ": the data hold NaN or infinite values; impute or drop them first.");
  x_ = x;
  return Status::Ok();
}

Status Pca::Step() {
  if (fitted_) return Status::Ok();
  if (x_.size() == 0) return Status::Error(Describe() + ": call Reset with training data first.");
  Result<PrincipalAxes> axes = FitPrincipalAxes(x_, settings_.components, Describe());
  if (!axes.ok()) return axes.status();
  axes_ = std::move(axes.value());
  x_.resize(0, 0);
  fitted_ = true;
  ++steps_;
  return Status::Ok();
}

Progress Pca::progress() const {
  Progress p;
  p.steps = steps_;
  p.finished = fitted_;
  p.objective_name = "explained variance ratio";
  p.objective = fitted_ ? explained_variance_ratio().sum() : std::numeric_limits<double>::quiet_NaN();
  return p;
}

Eigen::MatrixXd Pca::Transform(const Eigen::MatrixXd& x) const {
  // Blocks of rows on the shared pool, each centred into a small buffer, rather than one centred
  // copy of x (5000×784: a 31 MB temporary took as long as the product). Blocks are cut by size
  // only, so the scores do not depend on the thread count.
  Eigen::MatrixXd scores(x.rows(), axes_.components.rows());
  const Eigen::Index rows_per_block = std::max<Eigen::Index>(16, (64 * 1024) / std::max<Eigen::Index>(1, x.cols()));
  SharedPool().ParallelFor(x.rows(), rows_per_block, [&](int64_t begin, int64_t end) {
    const Eigen::MatrixXd centred = x.middleRows(begin, end - begin).rowwise() - axes_.mean;
    scores.middleRows(begin, end - begin).noalias() = centred * axes_.components.transpose();
  });
  return scores;
}

Eigen::VectorXd Pca::Predict(const Eigen::MatrixXd& x) const {
  return Transform(x).col(0);
}

Eigen::MatrixXd Pca::Reconstruct(const Eigen::MatrixXd& scores) const {
  return (scores * axes_.components).rowwise() + axes_.mean;
}

double Pca::ReconstructionError(const Eigen::MatrixXd& x) const {
  if (x.rows() == 0) return 0.0;
  return (Reconstruct(Transform(x)) - x).rowwise().squaredNorm().mean();
}

Eigen::VectorXd Pca::explained_variance() const { return axes_.explained_variance.head(axes_.components.rows()); }

Eigen::VectorXd Pca::explained_variance_ratio() const {
  const double total = axes_.explained_variance.sum();
  if (total <= 0) return Eigen::VectorXd::Zero(axes_.components.rows());
  return explained_variance() / total;
}

Eigen::VectorXd Pca::singular_values() const { return axes_.singular_values.head(axes_.components.rows()); }

double Pca::noise_variance() const {
  const Eigen::Index kept = axes_.components.rows(), all = axes_.explained_variance.size();
  return kept < all ? axes_.explained_variance.tail(all - kept).mean() : 0.0;
}


ModelInsight Pca::Insight() const {
  ModelInsight insight;
  if (!fitted_) return insight;
  insight.mean = mean();
  insight.components = components();
  insight.explained_variance_ratio = explained_variance_ratio();
  insight.all_explained_variance = all_explained_variance();
  return insight;
}

}  // namespace mlp::classic
