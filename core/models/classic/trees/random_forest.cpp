#include "core/models/classic/trees/random_forest.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "core/base/thread_pool.h"
#include "core/models/classic/trees/decision_tree.h"
#include "core/models/classic/trees/tree_grower.h"

namespace mlp::classic {

MaxFeatures RandomForestSettings::ResolvedMaxFeatures() const {
  if (max_features) return *max_features;
  return IsClassification(criterion) ? MaxFeatures::Sqrt() : MaxFeatures::All();
}

ModelKind RandomForest::kind() const {
  return IsClassification(settings_.criterion) ? ModelKind::kClassifier : ModelKind::kRegressor;
}

std::string RandomForest::Describe() const {
  std::ostringstream text;
  text << "random forest (" << settings_.n_estimators << " trees";
  if (settings_.max_depth > 0) text << ", depth " << settings_.max_depth;
  text << ", " << SplitCriterionName(settings_.criterion) << ", max features " << settings_.ResolvedMaxFeatures().Describe();
  if (!settings_.bootstrap) text << ", no bootstrap";
  text << ")";
  return text.str();
}

Status RandomForest::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) {
  started_ = false;
  steps_ = 0;
  trees_.clear();
  if (settings_.n_estimators < 1) return Status::Error("A forest needs at least one tree (n_estimators ≥ 1).");
  if (Status status = CheckTreeLimits(settings_.limits()); !status.ok()) return status;
  if (Status status = CheckTreeData(x, y, num_classes, settings_.criterion); !status.ok()) return status;
  Result<int> max_features = settings_.ResolvedMaxFeatures().Resolve(static_cast<int>(x.cols()));
  if (!max_features.ok()) return max_features.status();
  max_features_ = max_features.value();
  x_ = x.cast<float>().cast<double>();  // sklearn grows trees on float32 features (see tree_grower.h)
  y_ = y;
  num_classes_ = IsClassification(settings_.criterion) ? num_classes : 0;
  seeds_.Seed(seed);
  trees_.reserve(static_cast<size_t>(settings_.n_estimators));
  const int outputs = num_classes_ > 0 ? num_classes_ : 1;
  oob_sum_ = Eigen::MatrixXd::Zero(x.rows(), outputs);
  oob_votes_ = Eigen::VectorXi::Zero(x.rows());
  started_ = true;
  return {};
}

void RandomForest::GrowTree(TreeJob* job) const {
  const int64_t rows = x_.rows();
  job->weights.clear();
  if (settings_.bootstrap) {
    // sklearn _generate_sample_indices: RandomState(tree seed).randint(0, n, n), counted per row.
    job->weights.assign(static_cast<size_t>(rows), 0.0);
    Rng rng(job->seed);
    for (int64_t i = 0; i < rows; ++i) job->weights[static_cast<size_t>(rng.Interval(static_cast<uint64_t>(rows - 1)))] += 1.0;
  }
  TreeGrowerOptions options;
  options.criterion = settings_.criterion;
  options.limits = settings_.limits();
  options.max_features = max_features_;
  options.classes = num_classes_;
  TreeGrower grower;
  grower.Start(x_, y_, settings_.bootstrap ? &job->weights : nullptr, options, SklearnSplitterSeed(job->seed), &job->nodes);
  while (grower.GrowNode() >= 0) {}
  for (uint8_t& open : job->nodes.open) open = 0;
}

void RandomForest::AddOutOfBag(const TreeJob& job) {
  if (!settings_.oob_score || !settings_.bootstrap) return;
  for (Eigen::Index i = 0; i < x_.rows(); ++i) {
    if (job.weights[static_cast<size_t>(i)] != 0.0) continue;
    const double* value = job.nodes.Value(job.nodes.Apply(x_.data() + i, x_.rows()));
    if (num_classes_ > 0) {
      double total = 0.0;
      for (int k = 0; k < num_classes_; ++k) total += value[k];
      if (total == 0.0) total = 1.0;
      for (int k = 0; k < num_classes_; ++k) oob_sum_(i, k) += value[k] / total;
    } else {
      oob_sum_(i, 0) += value[0];
    }
    ++oob_votes_[i];
  }
}

Status RandomForest::Step() { return StepTrees(1); }

Status RandomForest::StepTrees(int count) {
  if (!started_) return Status::Error("Reset the forest with training data before stepping.");
  ++steps_;
  count = std::min(count, settings_.n_estimators - tree_count());
  if (count <= 0) return {};
  std::vector<TreeJob> jobs(static_cast<size_t>(count));
  for (TreeJob& job : jobs) job.seed = static_cast<uint32_t>(seeds_.Interval(0x7FFFFFFEu));  // randint(2^31 − 1)
  if (count == 1) {
    GrowTree(&jobs[0]);
  } else {
    SharedPool().ParallelFor(count, 1, [&](int64_t begin, int64_t end) {
      for (int64_t t = begin; t < end; ++t) GrowTree(&jobs[static_cast<size_t>(t)]);
    });
  }
  for (TreeJob& job : jobs) {
    AddOutOfBag(job);
    trees_.push_back(std::make_shared<const TreeNodes>(std::move(job.nodes)));
  }
  return {};
}

Progress RandomForest::progress() const {
  Progress progress;
  progress.steps = steps_;
  progress.objective = OutOfBagScore();
  progress.objective_name = kind() == ModelKind::kClassifier ? "out-of-bag accuracy" : "out-of-bag R²";
  progress.finished = started_ && tree_count() >= settings_.n_estimators;
  return progress;
}

// Sums each tree's leaf output (`outputs` numbers, normalised to probabilities when `normalise`)
// over the trees in order, per row. Blocks of rows run on the shared pool; within a block the
// trees are the outer loop, so one tree's nodes stay in cache while the block's rows walk it.
// Every row still adds the trees in the same order: the result does not depend on the thread count.
Eigen::MatrixXd RandomForest::SumLeafOutputs(const Eigen::MatrixXd& x, int outputs, bool normalise) const {
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(x.rows(), outputs);
  SharedPool().ParallelFor(x.rows(), 512, [&](int64_t begin, int64_t end) {
    for (const auto& tree : trees_) {
      for (int64_t i = begin; i < end; ++i) {
        const double* value = tree->Value(tree->Apply(x.data() + i, x.rows()));
        double total = 1.0;
        if (normalise) {
          total = 0.0;
          for (int k = 0; k < outputs; ++k) total += value[k];
          if (total == 0.0) total = 1.0;  // sklearn's normalizer for an empty leaf
        }
        for (int k = 0; k < outputs; ++k) sum(i, k) += normalise ? value[k] / total : value[k];
      }
    }
  });
  return sum;
}

Eigen::MatrixXd RandomForest::PredictProbabilities(const Eigen::MatrixXd& x) const {
  if (kind() != ModelKind::kClassifier || trees_.empty() || x.cols() != x_.cols()) return {};
  return SumLeafOutputs(x, num_classes_, true) / static_cast<double>(trees_.size());
}

Eigen::VectorXd RandomForest::Predict(const Eigen::MatrixXd& x) const {
  if (trees_.empty() || x.cols() != x_.cols()) return {};
  if (kind() == ModelKind::kClassifier) return ArgMaxRows(PredictProbabilities(x));
  return SumLeafOutputs(x, 1, false).col(0) / static_cast<double>(trees_.size());
}

Eigen::VectorXd RandomForest::FeatureImportances() const {
  const int features = static_cast<int>(x_.cols());
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(features);
  int used = 0;
  for (const auto& tree : trees_) {
    if (tree->size() <= 1) continue;
    sum += tree->FeatureImportances(features);
    ++used;
  }
  if (used == 0) return sum;
  sum /= static_cast<double>(used);
  return sum / sum.sum();
}

double RandomForest::OutOfBagScore() const {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (!started_ || !settings_.oob_score || !settings_.bootstrap) return nan;
  int64_t scored = 0;
  double hits = 0.0, sq_error = 0.0, sum = 0.0, sq_sum = 0.0;
  for (Eigen::Index i = 0; i < x_.rows(); ++i) {
    if (oob_votes_[i] == 0) continue;
    ++scored;
    if (num_classes_ > 0) {
      Eigen::Index best = 0;
      oob_sum_.row(i).maxCoeff(&best);
      hits += static_cast<double>(best) == y_[i] ? 1.0 : 0.0;
    } else {
      const double error = oob_sum_(i, 0) / oob_votes_[i] - y_[i];
      sq_error += error * error;
      sum += y_[i];
      sq_sum += y_[i] * y_[i];
    }
  }
  if (scored == 0) return nan;
  if (num_classes_ > 0) return hits / static_cast<double>(scored);
  const double mean = sum / static_cast<double>(scored);
  const double total = sq_sum - static_cast<double>(scored) * mean * mean;
  return total > 0.0 ? 1.0 - sq_error / total : nan;
}

ModelInsight RandomForest::Insight() const {
  ModelInsight insight;
  insight.trees = trees_;
  if (!trees_.empty()) insight.feature_importances = FeatureImportances();
  return insight;
}

}  // namespace mlp::classic
