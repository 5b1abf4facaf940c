#include "core/models/classic/clustering/kmeans.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "core/models/classic/clustering/kmeans_init.h"

namespace mlp::classic {

namespace {

// sklearn's _is_same_clustering: the two labelings are one partition up to renaming.
bool SamePartition(const Eigen::VectorXi& a, const Eigen::VectorXi& b, int k) {
  std::vector<int> mapping(static_cast<size_t>(k), -1);
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    int& m = mapping[static_cast<size_t>(a(i))];
    if (m == -1) m = b(i);
    else if (m != b(i)) return false;
  }
  return true;
}

}  // namespace

std::string KMeans::Describe() const {
  std::string text = "k-means (k = " + std::to_string(settings_.clusters);
  if (initial_centers_.size() > 0) return text + ", given start)";
  text += settings_.init == KMeansInit::kKMeansPlusPlus ? ", k-means++" : ", random start";
  return text + ", " + std::to_string(settings_.runs) + (settings_.runs == 1 ? " run)" : " runs)");
}

Status KMeans::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd&, int, uint32_t seed) {
  ready_ = finished_ = run_active_ = false;
  steps_ = 0;
  run_ = 0;
  best_run_ = -1;
  run_inertias_.clear();
  history_.clear();
  centers_.resize(0, 0);
  const int k = settings_.clusters;
  if (x.rows() < 1 || x.cols() < 1) return Status::Error(Describe() + ": there are no training rows.");
  if (k < 1 || k > x.rows()) {
    return Status::Error(Describe() + ": choose between 1 and " + std::to_string(x.rows()) +
                         " clusters (one per training row at most).");
  }
  if (settings_.runs < 1) return Status::Error(Describe() + ": needs at least 1 run (n_init).");
  if (settings_.max_iterations < 1) return Status::Error(Describe() + ": needs at least 1 iteration per run.");
  if (!(settings_.tolerance >= 0)) return Status::Error(Describe() + ": the tolerance must be 0 or positive.");
  if (!x.allFinite()) return Status::Error(Describe() + ": the data hold NaN or infinite values; impute or drop them first.");
  if (initial_centers_.size() > 0 && (initial_centers_.rows() != k || initial_centers_.cols() != x.cols())) {
    return Status::Error(Describe() + ": the given start has " + std::to_string(initial_centers_.rows()) + " × " +
                         std::to_string(initial_centers_.cols()) + " centres; expected " + std::to_string(k) + " × " +
                         std::to_string(x.cols()) + ".");
  }
  mean_ = x.colwise().mean();
  x_ = x.rowwise() - mean_;
  squared_norms_ = x_.rowwise().squaredNorm();
  // sklearn's _tolerance: tol × mean of the per-feature (population) variances.
  tolerance_ = settings_.tolerance * (x_.colwise().squaredNorm().array() / static_cast<double>(x.rows())).mean();
  rng_.Seed(seed);
  runs_ = initial_centers_.size() > 0 ? 1 : settings_.runs;
  labels_.resize(x.rows());
  old_labels_.resize(x.rows());
  products_.resize(x.rows(), k);
  counts_.resize(k);
  ready_ = true;
  StartRun();  // the first run's starting centres are visible before the first Lloyd step
  return Status::Ok();
}

void KMeans::StartRun() {
  const int k = settings_.clusters;
  if (initial_centers_.size() > 0) {
    centers_ = initial_centers_.rowwise() - mean_;
  } else {
    const std::vector<Eigen::Index> rows = settings_.init == KMeansInit::kKMeansPlusPlus
                                               ? KMeansPlusPlusRows(x_, squared_norms_, k, rng_)
                                               : RandomRows(x_.rows(), k, rng_);
    centers_.resize(k, x_.cols());
    for (int c = 0; c < k; ++c) centers_.row(c) = x_.row(rows[static_cast<size_t>(c)]);
  }
  Assign(centers_, labels_);  // what the first assignment will give, so views can colour rows at once
  old_labels_.setConstant(-1);
  history_.clear();
  path_.assign(1, centers_);
  iterations_ = 0;
  ++run_;
  run_active_ = true;
}

void KMeans::Assign(const Eigen::MatrixXd& centers, Eigen::VectorXi& labels) {
  products_.noalias() = x_ * centers.transpose();
  const Eigen::VectorXd center_norms = centers.rowwise().squaredNorm();
  for (Eigen::Index i = 0; i < x_.rows(); ++i) {
    int best = 0;
    double best_value = center_norms(0) - 2.0 * products_(i, 0);
    for (Eigen::Index c = 1; c < centers.rows(); ++c) {
      const double value = center_norms(c) - 2.0 * products_(i, c);
      if (value < best_value) best_value = value, best = static_cast<int>(c);
    }
    labels(i) = best;
  }
}

double KMeans::Inertia(const Eigen::MatrixXd& centers, const Eigen::VectorXi& labels) const {
  double total = 0.0;
  for (Eigen::Index i = 0; i < x_.rows(); ++i) total += (x_.row(i) - centers.row(labels(i))).squaredNorm();
  return total;
}

Status KMeans::Step() {
  if (!ready_) return Status::Error(Describe() + ": call Reset with training data first.");
  if (finished_) return Status::Ok();
  if (!run_active_) StartRun();
  const int k = settings_.clusters;
  // Assignment to the current centres.
  Assign(centers_, labels_);
  history_.push_back(Inertia(centers_, labels_));
  // Update: each centre moves to the mean of its rows.
  new_centers_.setZero(k, x_.cols());
  counts_.setZero();
  for (Eigen::Index i = 0; i < x_.rows(); ++i) {
    new_centers_.row(labels_(i)) += x_.row(i);
    counts_(labels_(i)) += 1.0;
  }
  std::vector<int> empty;
  for (int c = 0; c < k; ++c)
    if (counts_(c) == 0) empty.push_back(c);
  if (!empty.empty()) {
    // sklearn's relocation: the rows farthest from their (old) centre each seed one empty cluster.
    std::vector<Eigen::Index> order(static_cast<size_t>(x_.rows()));
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    Eigen::VectorXd distance(x_.rows());
    for (Eigen::Index i = 0; i < x_.rows(); ++i) distance(i) = (x_.row(i) - centers_.row(labels_(i))).squaredNorm();
    std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return distance(a) > distance(b); });
    for (size_t e = 0; e < empty.size(); ++e) {
      const Eigen::Index far = order[e];
      const int from = labels_(far), to = empty[e];
      new_centers_.row(from) -= x_.row(far);
      new_centers_.row(to) = x_.row(far);
      counts_(to) = 1.0;
      counts_(from) -= 1.0;
    }
  }
  for (int c = 0; c < k; ++c)
    if (counts_(c) > 0) new_centers_.row(c) /= counts_(c);
  const double shift = (new_centers_ - centers_).squaredNorm();
  centers_.swap(new_centers_);
  path_.push_back(centers_);
  ++iterations_;
  ++steps_;
  const bool same_labels = labels_ == old_labels_;
  if (same_labels || shift <= tolerance_ || iterations_ >= settings_.max_iterations) {
    if (!same_labels) Assign(centers_, labels_);  // labels that match the final centres
    FinishRun();
  } else {
    old_labels_ = labels_;
  }
  return Status::Ok();
}

void KMeans::FinishRun() {
  inertia_ = Inertia(centers_, labels_);
  run_inertias_.push_back(inertia_);
  run_active_ = false;
  if (best_run_ < 0 || (inertia_ < best_inertia_ && !SamePartition(labels_, best_labels_, settings_.clusters))) {
    best_run_ = run_ - 1;
    best_inertia_ = inertia_;
    best_centers_ = centers_;
    best_labels_ = labels_;
    best_history_ = history_;
    best_path_ = path_;
    best_iterations_ = iterations_;
  }
  if (run_ >= runs_) {
    finished_ = true;
    centers_ = best_centers_;
    labels_ = best_labels_;
    inertia_ = best_inertia_;
    history_ = best_history_;
    path_ = best_path_;
    iterations_ = best_iterations_;
  }
}

Progress KMeans::progress() const {
  Progress p;
  p.steps = steps_;
  p.finished = finished_;
  p.objective_name = "inertia";
  p.objective = finished_ ? inertia_ : history_.empty() ? std::numeric_limits<double>::quiet_NaN() : history_.back();
  return p;
}

Eigen::MatrixXd KMeans::centers() const {
  if (centers_.size() == 0) return {};
  return centers_.rowwise() + mean_;
}

Eigen::VectorXd KMeans::Predict(const Eigen::MatrixXd& x) const {
  Eigen::VectorXd out(x.rows());
  if (centers_.size() == 0) return out.setZero();
  const Eigen::MatrixXd c = centers();
  const Eigen::MatrixXd products = x * c.transpose();
  const Eigen::VectorXd norms = c.rowwise().squaredNorm();
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    Eigen::Index best = 0;
    (norms.transpose() - 2.0 * products.row(i)).minCoeff(&best);
    out(i) = static_cast<double>(best);
  }
  return out;
}


ModelInsight KMeans::Insight() const {
  ModelInsight insight;
  if (centers_.size() == 0) return insight;
  insight.centers = centers();
  for (const Eigen::MatrixXd& centers : path_) insight.center_path.push_back(centers.rowwise() + mean_);
  insight.training_labels = labels_;
  return insight;
}

}  // namespace mlp::classic
