// RandomForest: bagged decision trees (Breiman 2001) like scikit-learn 1.2.1's
// RandomForestClassifier / RandomForestRegressor. With the same random_state it draws the same
// per-tree seeds (RandomState(seed).randint(2^31 − 1) per tree), the same bootstrap rows
// (RandomState(tree seed).randint(0, n, n), used as sample weights) and grows each tree with
// sklearn's splitter (tree_grower.h), so forests agree with sklearn's up to floating-point ties.
//
// Classifiers average the trees' class probabilities, regressors their values, in tree order.
// Step() adds one tree; StepTrees(k) adds k trees at once, grown in parallel on the shared pool
// (one tree per chunk, appended in order: the result does not depend on the thread count).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/base/rng.h"
#include "core/models/classic/model.h"
#include "core/models/classic/trees/tree_nodes.h"
#include "core/models/classic/trees/tree_settings.h"

namespace mlp::classic {

struct RandomForestSettings {
  SplitCriterion criterion = SplitCriterion::kGini;  // Gini/entropy: classifier; squared error: regressor
  int n_estimators = 100;
  int max_depth = -1;                 // −1: unlimited
  int min_samples_split = 2;
  int min_samples_leaf = 1;
  // Unset: sklearn 1.2's defaults, "sqrt" for classification and all features (1.0) for regression.
  std::optional<MaxFeatures> max_features;
  bool bootstrap = true;              // each tree sees n rows drawn with replacement
  bool oob_score = false;             // score every row on the trees that did not draw it

  TreeLimits limits() const { return {max_depth, min_samples_split, min_samples_leaf}; }
  MaxFeatures ResolvedMaxFeatures() const;
};

class RandomForest : public Model {
public:
  explicit RandomForest(const RandomForestSettings& settings = {}) : settings_(settings) {}

  const RandomForestSettings& settings() const { return settings_; }
  RandomForestSettings& settings() { return settings_; }  // takes effect at the next Reset

  ModelKind kind() const override;
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;  // adds one tree
  // Adds min(count, trees still missing) trees, grown in parallel; same trees as `count` Steps.
  Status StepTrees(int count);
  Progress progress() const override;
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;
  Eigen::MatrixXd PredictProbabilities(const Eigen::MatrixXd& x) const override;
  ModelInsight Insight() const override;  // the grown trees and the importances

  // Fitted state for the views.
  int tree_count() const { return static_cast<int>(trees_.size()); }
  const TreeNodes& tree(int index) const { return *trees_[static_cast<size_t>(index)]; }
  // Mean of the trees' normalised importances (trees that split at all), normalised again (sklearn).
  Eigen::VectorXd FeatureImportances() const;
  // Out-of-bag accuracy (classifier) or R² (regressor) over rows left out by at least one tree;
  // NaN when oob_score is off, without bootstrap, or before any row has an out-of-bag prediction.
  double OutOfBagScore() const;
  int num_classes() const { return num_classes_; }

private:
  struct TreeJob {
    uint32_t seed = 0;
    std::vector<double> weights;  // bootstrap multiplicities
    TreeNodes nodes;
  };
  void GrowTree(TreeJob* job) const;
  Eigen::MatrixXd SumLeafOutputs(const Eigen::MatrixXd& x, int outputs, bool normalise) const;
  void AddOutOfBag(const TreeJob& job);

  RandomForestSettings settings_;
  Eigen::MatrixXd x_;
  Eigen::VectorXd y_;
  int num_classes_ = 0;
  int max_features_ = 1;
  Rng seeds_;  // draws one seed per tree, as sklearn's forest RandomState
  std::vector<std::shared_ptr<const TreeNodes>> trees_;  // shared with published insights
  Eigen::MatrixXd oob_sum_;        // rows × outputs: summed out-of-bag predictions
  Eigen::VectorXi oob_votes_;      // trees that left each row out
  int64_t steps_ = 0;
  bool started_ = false;
};

}  // namespace mlp::classic
