// Decision trees and random forests against scikit-learn 1.2.1 (tests/golden/make_trees_golden.py →
// tests/golden/trees_golden.h): single trees on iris and diabetes node for node (feature, threshold,
// rows, impurity, value), importances and predictions; forests on wine and on the red-wine-like
// table by test score (and, as our splitter replays sklearn's random draws, tree by tree); growth
// one node per Step; limits; thread-count independence; messages for impossible settings.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "core/base/thread_pool.h"
#include "core/data/builtin/builtin_datasets.h"
#include "core/data/generators/wine_like.h"
#include "core/data/splits.h"
#include "core/models/classic/trees/decision_tree.h"
#include "core/models/classic/trees/random_forest.h"
#include "tests/golden/trees_golden.h"

#ifndef MLP_DATASETS_DIR
#error "tests/CMakeLists.txt defines MLP_DATASETS_DIR (the folder scripts/setup.sh fills)"
#endif

namespace {

using mlp::classic::DecisionTree;
using mlp::classic::DecisionTreeSettings;
using mlp::classic::MaxFeatures;
using mlp::classic::RandomForest;
using mlp::classic::RandomForestSettings;
using mlp::classic::SplitCriterion;
using mlp::classic::TreeNodes;

mlp::Dataset Load(const std::string& id) {
  mlp::Result<mlp::Dataset> result = mlp::LoadBuiltinDatasetFile(id, MLP_DATASETS_DIR);
  INFO(result.status().message());
  REQUIRE(result.ok());
  return std::move(result).value();
}

// Node-for-node comparison in sklearn's pre-order.
void RequireSameTree(const TreeNodes& nodes, const trees_golden::TreeCase& golden) {
  const std::vector<int> order = nodes.PreOrder();
  REQUIRE(order.size() == golden.feature.size());
  const int outputs = nodes.outputs;
  REQUIRE(golden.value.size() == order.size() * static_cast<size_t>(outputs));
  for (size_t i = 0; i < order.size(); ++i) {
    const size_t n = static_cast<size_t>(order[i]);
    INFO("pre-order node " << i);
    CHECK((nodes.feature[n] < 0 ? -2 : nodes.feature[n]) == golden.feature[i]);
    CHECK(nodes.threshold[n] == Approx(golden.threshold[i]).epsilon(1e-12).margin(1e-15));
    CHECK(nodes.samples[n] == golden.samples[i]);
    CHECK(nodes.impurity[n] == Approx(golden.impurity[i]).epsilon(1e-9).margin(1e-9));
    for (int k = 0; k < outputs; ++k)
      CHECK(nodes.Value(order[i])[k] == Approx(golden.value[i * static_cast<size_t>(outputs) + static_cast<size_t>(k)]).epsilon(1e-9));
  }
}

void RequireClose(const Eigen::VectorXd& ours, const std::vector<double>& theirs, double tolerance) {
  REQUIRE(ours.size() == static_cast<Eigen::Index>(theirs.size()));
  for (Eigen::Index i = 0; i < ours.size(); ++i) {
    INFO("entry " << i);
    CHECK(ours[i] == Approx(theirs[static_cast<size_t>(i)]).margin(tolerance));
  }
}

DecisionTree FitTree(const mlp::Dataset& data, const DecisionTreeSettings& settings, uint32_t seed) {
  DecisionTree tree(settings);
  const mlp::Status status = tree.Fit(data.features, data.targets, data.num_classes(), seed);
  INFO(status.message());
  REQUIRE(status.ok());
  REQUIRE(tree.progress().finished);
  return tree;
}

void CheckTreeCase(const mlp::Dataset& data, const DecisionTreeSettings& settings, uint32_t seed,
                   const trees_golden::TreeCase& golden) {
  const DecisionTree tree = FitTree(data, settings, seed);
  RequireSameTree(tree.nodes(), golden);
  RequireClose(tree.FeatureImportances(), golden.importances, 1e-9);
  RequireClose(tree.Predict(data.features), golden.predictions, 1e-9);
}

struct SplitData {
  Eigen::MatrixXd x_train, x_test;
  Eigen::VectorXd y_train, y_test;
};

SplitData SplitRows(const mlp::Dataset& data, double test_fraction, uint32_t seed) {
  mlp::TrainTestSplitOptions options;
  options.test_fraction = test_fraction;
  options.random_state = seed;
  const mlp::Result<mlp::Split> split = mlp::TrainTestSplit(data.size(), options);
  REQUIRE(split.ok());
  SplitData out;
  const auto take = [&](const std::vector<int64_t>& rows, Eigen::MatrixXd* x, Eigen::VectorXd* y) {
    x->resize(static_cast<Eigen::Index>(rows.size()), data.features.cols());
    y->resize(static_cast<Eigen::Index>(rows.size()));
    for (size_t i = 0; i < rows.size(); ++i) {
      x->row(static_cast<Eigen::Index>(i)) = data.features.row(rows[i]);
      (*y)[static_cast<Eigen::Index>(i)] = data.targets[rows[i]];
    }
  };
  take(split.value().train, &out.x_train, &out.y_train);
  take(split.value().test, &out.x_test, &out.y_test);
  return out;
}

double Accuracy(const Eigen::VectorXd& predicted, const Eigen::VectorXd& truth) {
  return static_cast<double>((predicted.array() == truth.array()).count()) / static_cast<double>(truth.size());
}

double MeanSquaredError(const Eigen::VectorXd& predicted, const Eigen::VectorXd& truth) {
  return (predicted - truth).squaredNorm() / static_cast<double>(truth.size());
}

// Red-wine-like table (seed 0), quality as the regression target.
mlp::Dataset WineLike() { return mlp::GenerateWineLike({}); }

void CheckWineLikeForest(int trees, const trees_golden::ForestCase& golden) {
  const SplitData data = SplitRows(WineLike(), 0.25, 0);
  RandomForestSettings settings;
  settings.criterion = SplitCriterion::kSquaredError;
  settings.n_estimators = trees;
  settings.max_depth = 8;
  settings.oob_score = trees == 20;  // out-of-bag bookkeeping leaves the trees unchanged
  RandomForest forest(settings);
  REQUIRE(forest.Fit(data.x_train, data.y_train, 0, 0).ok());
  REQUIRE(forest.tree_count() == trees);
  const double mse = MeanSquaredError(forest.Predict(data.x_test), data.y_test);
  CHECK(mse == Approx(golden.score).epsilon(0.02));  // close to sklearn's
  // The same seeds, bootstraps and feature draws: same first tree and, float ties aside, the same forest.
  CHECK(forest.tree(0).size() == golden.first_tree_nodes);
  CHECK(forest.tree(0).feature[0] == golden.first_tree_root_feature);
  CHECK(forest.tree(0).threshold[0] == Approx(golden.first_tree_root_threshold).epsilon(1e-12));
  CHECK(mse == Approx(golden.score).epsilon(1e-9));
  RequireClose(forest.FeatureImportances(), golden.importances, 1e-9);
  if (trees == 20) CHECK(forest.OutOfBagScore() == Approx(trees_golden::kWineLikeForest20OobScore).epsilon(1e-9));
}

}  // namespace

TEST_CASE("Iris Gini tree matches sklearn node for node", "[classic-trees]") {
  CheckTreeCase(Load("iris"), DecisionTreeSettings{}, 0, trees_golden::kIrisGini);
}

TEST_CASE("Iris entropy tree of depth 3 matches sklearn", "[classic-trees]") {
  DecisionTreeSettings settings;
  settings.criterion = SplitCriterion::kEntropy;
  settings.max_depth = 3;
  CheckTreeCase(Load("iris"), settings, 1, trees_golden::kIrisEntropyDepth3);
}

TEST_CASE("Iris tree with leaf limits and 2 random features per node replays sklearn's draws", "[classic-trees]") {
  DecisionTreeSettings settings;
  settings.min_samples_leaf = 5;
  settings.min_samples_split = 12;
  settings.max_features = MaxFeatures::Count(2);
  CheckTreeCase(Load("iris"), settings, 3, trees_golden::kIrisLeaf5MaxFeatures2);
}

TEST_CASE("Breast-cancer entropy tree with sqrt features per node matches sklearn", "[classic-trees]") {
  DecisionTreeSettings settings;
  settings.criterion = SplitCriterion::kEntropy;
  settings.max_features = MaxFeatures::Sqrt();
  CheckTreeCase(Load("breast_cancer"), settings, 5, trees_golden::kCancerEntropySqrt);
}

TEST_CASE("Diabetes regression trees match sklearn", "[classic-trees]") {
  const mlp::Dataset diabetes = Load("diabetes");
  DecisionTreeSettings settings;
  settings.criterion = SplitCriterion::kSquaredError;
  settings.max_depth = 4;
  CheckTreeCase(diabetes, settings, 0, trees_golden::kDiabetesDepth4);
  settings.max_depth = -1;
  settings.min_samples_leaf = 20;
  CheckTreeCase(diabetes, settings, 0, trees_golden::kDiabetesLeaf20);

  settings.min_samples_leaf = 3;
  settings.max_features = MaxFeatures::Fraction(0.3);
  CheckTreeCase(diabetes, settings, 2, trees_golden::kDiabetesFraction03Leaf3);

  settings.min_samples_leaf = 1;
  settings.max_features = MaxFeatures::All();
  const DecisionTree full = FitTree(diabetes, settings, 0);
  CHECK(full.nodes().size() == trees_golden::kDiabetesFullNodes);
  CHECK(full.nodes().MaxDepth() == trees_golden::kDiabetesFullDepth);
  RequireClose(full.FeatureImportances(), trees_golden::kDiabetesFullImportances, 1e-9);
  // Grown to purity: every training row is predicted exactly (diabetes has no duplicate rows).
  CHECK((full.Predict(diabetes.features) - diabetes.targets).cwiseAbs().maxCoeff() < 1e-9);
}

TEST_CASE("A tree grows one node per Step and predicts at every step", "[classic-trees]") {
  const mlp::Dataset iris = Load("iris");
  DecisionTree tree;
  REQUIRE(tree.Reset(iris.features, iris.targets, 3, 0).ok());
  CHECK(tree.nodes().size() == 1);
  CHECK(tree.nodes().open[0] == 1);
  CHECK_FALSE(tree.progress().finished);
  CHECK(tree.progress().objective == Approx(2.0 / 3.0));  // root Gini of three equal classes
  double previous = tree.progress().objective;
  int steps = 0;
  while (!tree.progress().finished) {
    REQUIRE(tree.Step().ok());
    ++steps;
    const Eigen::VectorXd predicted = tree.Predict(iris.features);
    REQUIRE(predicted.size() == iris.size());
    CHECK(tree.progress().objective <= previous + 1e-12);
    previous = tree.progress().objective;
  }
  // Every node is decided once: as many steps as nodes.
  CHECK(steps == tree.nodes().size());
  CHECK(tree.progress().steps == steps);
  CHECK(tree.progress().objective == Approx(0.0).margin(1e-12));
  for (uint8_t open : tree.nodes().open) CHECK(open == 0);
  const Eigen::MatrixXd probabilities = tree.PredictProbabilities(iris.features);
  CHECK(probabilities.rows() == 150);
  CHECK((probabilities.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
}

TEST_CASE("Tree limits are honoured", "[classic-trees]") {
  const mlp::Dataset diabetes = Load("diabetes");
  DecisionTreeSettings settings;
  settings.criterion = SplitCriterion::kSquaredError;
  settings.max_depth = 5;
  settings.min_samples_leaf = 7;
  settings.min_samples_split = 30;
  const DecisionTree tree = FitTree(diabetes, settings, 4);
  const TreeNodes& nodes = tree.nodes();
  CHECK(nodes.MaxDepth() <= 5);
  for (int n = 0; n < nodes.size(); ++n) {
    CHECK(nodes.samples[static_cast<size_t>(n)] >= 7);
    if (!nodes.IsLeaf(n)) CHECK(nodes.samples[static_cast<size_t>(n)] >= 30);
  }
  // Importances are normalised and non-negative.
  const Eigen::VectorXd importances = tree.FeatureImportances();
  CHECK(importances.sum() == Approx(1.0));
  CHECK(importances.minCoeff() >= 0.0);
}

TEST_CASE("Impossible tree settings and data are refused with a message", "[classic-trees]") {
  const Eigen::MatrixXd x = Eigen::MatrixXd::Random(10, 3);
  Eigen::VectorXd y = Eigen::VectorXd::Zero(10);
  y.tail(5).setOnes();
  DecisionTreeSettings settings;
  settings.max_depth = 0;
  CHECK_THAT(DecisionTree(settings).Reset(x, y, 2, 0).message(), Catch::Contains("max_depth"));
  settings = {};
  settings.min_samples_split = 1;
  CHECK_THAT(DecisionTree(settings).Reset(x, y, 2, 0).message(), Catch::Contains("min_samples_split"));
  settings = {};
  settings.max_features = MaxFeatures::Count(4);
  CHECK_THAT(DecisionTree(settings).Reset(x, y, 2, 0).message(), Catch::Contains("3 features"));
  settings = {};
  CHECK_THAT(DecisionTree(settings).Reset(x, y * 2.5, 2, 0).message(), Catch::Contains("squared-error"));
  Eigen::MatrixXd bad = x;
  bad(3, 1) = std::nan("");
  CHECK_THAT(DecisionTree(settings).Reset(bad, y, 2, 0).message(), Catch::Contains("missing"));
  CHECK_FALSE(DecisionTree(settings).Step().ok());
  RandomForestSettings forest;
  forest.n_estimators = 0;
  CHECK_THAT(RandomForest(forest).Reset(x, y, 2, 0).message(), Catch::Contains("n_estimators"));
}

TEST_CASE("Wine forest (100 trees, depth 8) lands on sklearn's accuracy", "[classic-trees]") {
  const SplitData data = SplitRows(Load("wine"), 0.25, 0);
  RandomForestSettings settings;
  settings.max_depth = 8;
  RandomForest forest(settings);
  REQUIRE(forest.Fit(data.x_train, data.y_train, 3, 0).ok());
  CHECK(forest.tree_count() == 100);
  CHECK(forest.progress().steps == 100);
  const trees_golden::ForestCase& reference = trees_golden::kWineForest;
  const double accuracy = Accuracy(forest.Predict(data.x_test), data.y_test);
  CHECK(std::abs(accuracy - reference.score) <= 0.02);
  // Same seeds, bootstraps and feature draws as sklearn: the same trees, so the same probabilities.
  CHECK(forest.tree(0).size() == reference.first_tree_nodes);
  CHECK(forest.tree(0).feature[0] == reference.first_tree_root_feature);
  CHECK(forest.tree(0).threshold[0] == Approx(reference.first_tree_root_threshold).epsilon(1e-12));
  const Eigen::MatrixXd probabilities = forest.PredictProbabilities(data.x_test);
  REQUIRE(static_cast<size_t>(probabilities.size()) == reference.outputs.size());
  for (Eigen::Index i = 0; i < probabilities.rows(); ++i)
    for (Eigen::Index k = 0; k < 3; ++k)
      CHECK(probabilities(i, k) == Approx(reference.outputs[static_cast<size_t>(i * 3 + k)]).margin(1e-12));
  RequireClose(forest.FeatureImportances(), reference.importances, 1e-9);
  CHECK(std::isnan(forest.OutOfBagScore()));  // oob_score off

  settings.oob_score = true;
  RandomForest with_oob(settings);
  REQUIRE(with_oob.Fit(data.x_train, data.y_train, 3, 0).ok());
  CHECK(with_oob.OutOfBagScore() == Approx(trees_golden::kWineForestOobScore).margin(1e-12));
}

TEST_CASE("Red-wine-like forest regression (20 trees, depth 8) matches sklearn's MSE", "[classic-trees]") {
  CheckWineLikeForest(20, trees_golden::kWineLikeForest20);
}

TEST_CASE("Red-wine-like forest regression (100 trees, depth 8) matches sklearn's MSE", "[.classic-trees-slow]") {
  const auto start = std::chrono::steady_clock::now();
  CheckWineLikeForest(100, trees_golden::kWineLikeForest100);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WARN("100 trees depth 8 on 1199 × 11 rows, fit + predict: " << seconds << " s");
}

TEST_CASE("Forest trees grown in parallel equal trees grown one by one", "[classic-trees]") {
  const SplitData data = SplitRows(Load("wine"), 0.25, 0);
  RandomForestSettings settings;
  settings.n_estimators = 12;
  settings.oob_score = true;
  RandomForest sequential(settings), parallel(settings);
  REQUIRE(sequential.Fit(data.x_train, data.y_train, 3, 7).ok());
  const int previous = mlp::SharedPool().threads();
  mlp::SetSharedPoolThreads(2);
  REQUIRE(parallel.Reset(data.x_train, data.y_train, 3, 7).ok());
  REQUIRE(parallel.StepTrees(5).ok());
  REQUIRE(parallel.StepTrees(100).ok());
  mlp::SetSharedPoolThreads(previous);
  REQUIRE(parallel.tree_count() == 12);
  CHECK(parallel.progress().finished);
  for (int t = 0; t < 12; ++t) {
    CHECK(parallel.tree(t).feature == sequential.tree(t).feature);
    CHECK(parallel.tree(t).threshold == sequential.tree(t).threshold);
  }
  CHECK((parallel.PredictProbabilities(data.x_test) - sequential.PredictProbabilities(data.x_test)).cwiseAbs().maxCoeff() == 0.0);
  CHECK(parallel.OutOfBagScore() == sequential.OutOfBagScore());
  CHECK(sequential.OutOfBagScore() > 0.85);
}

// Writes the red-wine-like table for tests/golden/make_trees_golden.py (11 features, then quality)
// to build/trees_wine_like.csv; run from the worktree root.
TEST_CASE("Export the red-wine-like table for the golden script", "[.classic-trees-export]") {
  const mlp::Dataset data = WineLike();
  std::ofstream out("build/trees_wine_like.csv");
  REQUIRE(out.good());
  out.precision(17);
  for (Eigen::Index i = 0; i < data.size(); ++i) {
    for (Eigen::Index j = 0; j < data.features.cols(); ++j) out << data.features(i, j) << ",";
    out << data.targets[i] << "\n";
  }
}

TEST_CASE("A tree moved in the middle of its growth keeps growing the same tree", "[classic-trees]") {
  const mlp::Dataset iris = Load("iris");
  DecisionTree first;
  REQUIRE(first.Reset(iris.features, iris.targets, 3, 0).ok());
  for (int i = 0; i < 3; ++i) REQUIRE(first.Step().ok());
  DecisionTree moved = std::move(first);
  while (!moved.progress().finished) REQUIRE(moved.Step().ok());
  RequireSameTree(moved.nodes(), trees_golden::kIrisGini);
}

// Fit + predict times for the benchmark (random forest, 100 trees, depth 8, 1599 × 11):
// one tree per Step, then all trees at once on the shared pool.
TEST_CASE("Forest benchmark on the red-wine-like table", "[.classic-trees-slow]") {
  const mlp::Dataset data = WineLike();
  const Eigen::VectorXd premium = (data.targets.array() > 5.0).cast<double>();
  for (const bool classify : {false, true}) {
    RandomForestSettings settings;
    settings.criterion = classify ? SplitCriterion::kGini : SplitCriterion::kSquaredError;
    settings.max_depth = 8;
    const Eigen::VectorXd& y = classify ? premium : data.targets;
    Eigen::VectorXd sequential_predictions;
    for (const bool parallel : {false, true}) {
      RandomForest forest(settings);
      const auto start = std::chrono::steady_clock::now();
      REQUIRE(forest.Reset(data.features, y, classify ? 2 : 0, 0).ok());
      if (parallel) {
        REQUIRE(forest.StepTrees(settings.n_estimators).ok());
      } else {
        while (!forest.progress().finished) REQUIRE(forest.Step().ok());
      }
      const auto fitted = std::chrono::steady_clock::now();
      const Eigen::VectorXd predictions = forest.Predict(data.features);
      const auto predicted = std::chrono::steady_clock::now();
      if (!parallel) sequential_predictions = predictions;
      else CHECK((predictions - sequential_predictions).cwiseAbs().maxCoeff() == 0.0);
      WARN((classify ? "classifier" : "regressor") << (parallel ? ", parallel (" : ", one tree per step (")
           << mlp::SharedPool().threads() << " threads): fit "
           << std::chrono::duration<double>(fitted - start).count() << " s, predict "
           << std::chrono::duration<double>(predicted - fitted).count() << " s");
    }
  }
}

TEST_CASE("Degenerate tables give a single leaf", "[classic-trees]") {
  // One row.
  DecisionTree single;
  REQUIRE(single.Fit(Eigen::MatrixXd::Constant(1, 2, 3.0), Eigen::VectorXd::Constant(1, 1.0), 2, 0).ok());
  CHECK(single.nodes().size() == 1);
  CHECK(single.Predict(Eigen::MatrixXd::Zero(3, 2)) == Eigen::VectorXd::Ones(3));
  // Every feature constant: nothing to split on, the leaf predicts the majority class.
  Eigen::VectorXd y(5);
  y << 0, 1, 1, 2, 1;
  DecisionTree constant;
  REQUIRE(constant.Fit(Eigen::MatrixXd::Ones(5, 3), y, 3, 0).ok());
  CHECK(constant.nodes().size() == 1);
  CHECK(constant.Predict(Eigen::MatrixXd::Ones(1, 3))[0] == 1.0);
  CHECK(constant.FeatureImportances().isZero());
  CHECK(constant.PredictProbabilities(Eigen::MatrixXd::Ones(1, 3))(0, 1) == Approx(0.6));
  // A constant target: the regression root is pure.
  DecisionTreeSettings settings;
  settings.criterion = SplitCriterion::kSquaredError;
  DecisionTree flat(settings);
  REQUIRE(flat.Fit(Eigen::MatrixXd::Random(6, 2), Eigen::VectorXd::Constant(6, 4.5), 0, 0).ok());
  CHECK(flat.nodes().size() == 1);
  CHECK(flat.Predict(Eigen::MatrixXd::Zero(2, 2))[1] == 4.5);
  // A forest of such trees: importances all zero, predictions still made.
  RandomForestSettings forest_settings;
  forest_settings.n_estimators = 3;
  forest_settings.bootstrap = false;
  RandomForest forest(forest_settings);
  REQUIRE(forest.Fit(Eigen::MatrixXd::Ones(5, 3), y, 3, 0).ok());
  CHECK(forest.FeatureImportances().isZero());
  CHECK(forest.Predict(Eigen::MatrixXd::Ones(2, 3)) == Eigen::VectorXd::Ones(2));
  CHECK(std::isnan(forest.OutOfBagScore()));
}
