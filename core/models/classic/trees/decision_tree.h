// DecisionTree: a CART tree (classification with Gini or entropy, regression with squared error)
// that splits like scikit-learn 1.2.1's DecisionTreeClassifier / DecisionTreeRegressor with
// splitter="best": same splits, thresholds, node values and impurity importances on the same data
// and random_state (see tree_grower.h for the rules and where exact agreement can end).
//
// Step() decides ONE node, depth first and left before right — sklearn's order, which fixes how its
// random feature draws fall. A split appends both children at once, so at every step the tree is
// a valid predictor whose undecided ("open") leaves the diagram can draw as buds.
#pragma once

#include <cstdint>
#include <string>

#include <Eigen/Core>

#include "core/models/classic/model.h"
#include "core/models/classic/trees/tree_grower.h"
#include "core/models/classic/trees/tree_nodes.h"
#include "core/models/classic/trees/tree_settings.h"

namespace mlp::classic {

struct DecisionTreeSettings {
  SplitCriterion criterion = SplitCriterion::kGini;  // Gini/entropy: classifier; squared error: regressor
  int max_depth = -1;                                // −1: unlimited
  int min_samples_split = 2;
  int min_samples_leaf = 1;
  MaxFeatures max_features = MaxFeatures::All();     // features scanned per node (sklearn default: all)

  TreeLimits limits() const { return {max_depth, min_samples_split, min_samples_leaf}; }
};

// Checks a training table for trees: rows, matching targets, finite numbers and, for a
// classification criterion, class indices in [0, num_classes).
Status CheckTreeData(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, SplitCriterion criterion);

// Per-row class probabilities of one tree (rows × outputs): the leaf's class weights normalised, as
// sklearn's predict_proba. Added into `sum` (which must be rows × outputs).
void AddTreeProbabilities(const TreeNodes& nodes, const Eigen::MatrixXd& x, Eigen::MatrixXd* sum);
// Per-row leaf value of a regression tree, added into `sum` (rows).
void AddTreeValues(const TreeNodes& nodes, const Eigen::MatrixXd& x, Eigen::VectorXd* sum);
// Index of the largest entry of each row (first on ties, as numpy.argmax).
Eigen::VectorXd ArgMaxRows(const Eigen::MatrixXd& scores);

class DecisionTree : public Model {
public:
  explicit DecisionTree(const DecisionTreeSettings& settings = {}) : settings_(settings) {}

  const DecisionTreeSettings& settings() const { return settings_; }
  DecisionTreeSettings& settings() { return settings_; }  // takes effect at the next Reset

  ModelKind kind() const override;
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;  // decides one node
  Progress progress() const override;
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;
  Eigen::MatrixXd PredictProbabilities(const Eigen::MatrixXd& x) const override;

  // Fitted state for the views.
  const TreeNodes& nodes() const { return nodes_; }
  ModelInsight Insight() const override;  // the tree as grown so far and its importances
  // Normalised impurity decrease per feature (sklearn feature_importances_).
  Eigen::VectorXd FeatureImportances() const { return nodes_.FeatureImportances(static_cast<int>(x_.cols())); }
  int num_classes() const { return num_classes_; }
  // The node Step() decided last (−1 before the first Step or when done).
  int last_node() const { return last_node_; }

private:
  DecisionTreeSettings settings_;
  Eigen::MatrixXd x_;  // training rows (the grower reads them across steps)
  Eigen::VectorXd y_;
  int num_classes_ = 0;
  TreeNodes nodes_;
  TreeGrower grower_;
  int64_t steps_ = 0;
  int last_node_ = -1;
  bool started_ = false;
};

}  // namespace mlp::classic
