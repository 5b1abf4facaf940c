#include "core/models/classic/trees/decision_tree.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace mlp::classic {

Status CheckTreeData(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, SplitCriterion criterion) {
  if (x.rows() < 1 || x.cols() < 1) return Status::Error("A tree needs at least one training row and one feature.");
  if (y.size() != x.rows()) return Status::Error("The targets do not match the rows: one target per training row is needed.");
  if (x.rows() > std::numeric_limits<int32_t>::max()) return Status::Error("Too many rows for a tree (at most 2^31 − 1).");
  if (!x.allFinite()) return Status::Error("The features contain missing or infinite values: impute or drop them first.");
  if (!y.allFinite()) return Status::Error("The targets contain missing or infinite values: drop those rows first.");
  if (IsClassification(criterion)) {
    if (num_classes < 1)
      return Status::Error("Gini and entropy trees classify: choose a classification target, or the squared-error criterion for a regression target.");
    for (Eigen::Index i = 0; i < y.size(); ++i)
      if (y[i] < 0 || y[i] >= num_classes || y[i] != std::floor(y[i]))
        return Status::Error("Class labels must be indices 0.." + std::to_string(num_classes - 1) +
                             "; for a numeric target use the squared-error criterion.");
  }
  return {};
}

void AddTreeProbabilities(const TreeNodes& nodes, const Eigen::MatrixXd& x, Eigen::MatrixXd* sum) {
  const int outputs = nodes.outputs;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double* value = nodes.Value(nodes.Apply(x.data() + i, x.rows()));
    double total = 0.0;
    for (int k = 0; k < outputs; ++k) total += value[k];
    if (total == 0.0) total = 1.0;  // sklearn's normalizer for an empty leaf
    for (int k = 0; k < outputs; ++k) (*sum)(i, k) += value[k] / total;
  }
}

void AddTreeValues(const TreeNodes& nodes, const Eigen::MatrixXd& x, Eigen::VectorXd* sum) {
  for (Eigen::Index i = 0; i < x.rows(); ++i) (*sum)[i] += nodes.Value(nodes.Apply(x.data() + i, x.rows()))[0];
}

Eigen::VectorXd ArgMaxRows(const Eigen::MatrixXd& scores) {
  Eigen::VectorXd labels(scores.rows());
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    Eigen::Index best = 0;
    for (Eigen::Index k = 1; k < scores.cols(); ++k)
      if (scores(i, k) > scores(i, best)) best = k;
    labels[i] = static_cast<double>(best);
  }
  return labels;
}

ModelKind DecisionTree::kind() const {
  return IsClassification(settings_.criterion) ? ModelKind::kClassifier : ModelKind::kRegressor;
}

std::string DecisionTree::Describe() const {
  std::ostringstream text;
  text << "decision tree (" << SplitCriterionName(settings_.criterion);
  if (settings_.max_depth > 0) text << ", depth " << settings_.max_depth;
  if (settings_.min_samples_leaf > 1) text << ", leaf ≥ " << settings_.min_samples_leaf;
  if (settings_.max_features.kind != MaxFeatures::Kind::kAll) text << ", max features " << settings_.max_features.Describe();
  text << ")";
  return text.str();
}

Status DecisionTree::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) {
  started_ = false;
  steps_ = 0;
  last_node_ = -1;
  nodes_.Clear(1);
  if (Status status = CheckTreeLimits(settings_.limits()); !status.ok()) return status;
  if (Status status = CheckTreeData(x, y, num_classes, settings_.criterion); !status.ok()) return status;
  Result<int> max_features = settings_.max_features.Resolve(static_cast<int>(x.cols()));
  if (!max_features.ok()) return max_features.status();
  x_ = x.cast<float>().cast<double>();  // sklearn grows trees on float32 features (see tree_grower.h)
  y_ = y;
  num_classes_ = IsClassification(settings_.criterion) ? num_classes : 0;
  TreeGrowerOptions options;
  options.criterion = settings_.criterion;
  options.limits = settings_.limits();
  options.max_features = max_features.value();
  options.classes = num_classes_;
  grower_.Start(x_, y_, nullptr, options, SklearnSplitterSeed(seed), &nodes_);
  started_ = true;
  return {};
}

Status DecisionTree::Step() {
  if (!started_) return Status::Error("Reset the tree with training data before stepping.");
  grower_.Rebind(x_, y_, nullptr, &nodes_);  // this model may have been moved since Reset
  last_node_ = grower_.GrowNode();
  ++steps_;
  return {};
}

Progress DecisionTree::progress() const {
  Progress progress;
  progress.steps = steps_;
  progress.objective = started_ ? nodes_.LeafImpurity() : std::numeric_limits<double>::quiet_NaN();
  progress.objective_name = std::string("leaf impurity (") + SplitCriterionName(settings_.criterion) + ")";
  progress.finished = started_ && grower_.done();
  return progress;
}

Eigen::VectorXd DecisionTree::Predict(const Eigen::MatrixXd& x) const {
  if (nodes_.size() == 0 || x.cols() != x_.cols()) return {};
  if (kind() == ModelKind::kClassifier) return ArgMaxRows(PredictProbabilities(x));
  Eigen::VectorXd values = Eigen::VectorXd::Zero(x.rows());
  AddTreeValues(nodes_, x, &values);
  return values;
}

Eigen::MatrixXd DecisionTree::PredictProbabilities(const Eigen::MatrixXd& x) const {
  if (kind() != ModelKind::kClassifier || nodes_.size() == 0 || x.cols() != x_.cols()) return {};
  Eigen::MatrixXd probabilities = Eigen::MatrixXd::Zero(x.rows(), num_classes_);
  AddTreeProbabilities(nodes_, x, &probabilities);
  return probabilities;
}

ModelInsight DecisionTree::Insight() const {
  ModelInsight insight;
  if (nodes_.size() == 0) return insight;
  insight.trees.push_back(std::make_shared<const TreeNodes>(nodes_));
  insight.feature_importances = FeatureImportances();
  return insight;
}

}  // namespace mlp::classic
