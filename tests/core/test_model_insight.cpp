// What models publish for their specific views (ModelInsight, ContourField): consistent with the
// fitted model itself — a forest's trees are the ones it votes with, k-means's path ends at its
// centres, a binary SVM's field is positive exactly where it predicts class 1, a mixture's field
// is its log density, PCA's axes are orthonormal.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/base/rng.h"
#include "core/models/classic/clustering/gaussian_mixture.h"
#include "core/models/classic/clustering/kmeans.h"
#include "core/models/classic/clustering/pca.h"
#include "core/models/classic/kernels/support_vector_classifier.h"
#include "core/models/classic/linear/lasso.h"
#include "core/models/classic/trees/decision_tree.h"
#include "core/models/classic/trees/random_forest.h"
#include "core/models/classic/trees/tree_nodes.h"

using namespace mlp::classic;

namespace {

// Two Gaussian clouds in 2-D (class 0 around (−1.5, 0), class 1 around (+1.5, 0.5)).
void TwoClouds(int per_class, Eigen::MatrixXd* x, Eigen::VectorXd* y) {
  mlp::Rng rng(11);
  x->resize(2 * per_class, 2);
  y->resize(2 * per_class);
  for (int i = 0; i < 2 * per_class; ++i) {
    const int k = i % 2;
    (*x)(i, 0) = (k ? 1.5 : -1.5) + rng.Normal();
    (*x)(i, 1) = (k ? 0.5 : 0.0) + 0.7 * rng.Normal();
    (*y)(i) = k;
  }
}

}  // namespace

TEST_CASE("a decision tree publishes itself as it grows, with its importances", "[classic][insight]") {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  TwoClouds(60, &x, &y);
  DecisionTree tree;
  REQUIRE(tree.Reset(x, y, 2, 0).ok());
  REQUIRE(tree.Step().ok());
  const int after_one = tree.Insight().trees.at(0)->size();
  while (!tree.progress().finished) REQUIRE(tree.Step().ok());
  const ModelInsight insight = tree.Insight();
  REQUIRE(insight.trees.size() == 1);
  CHECK(insight.trees[0]->size() == tree.nodes().size());
  CHECK(insight.trees[0]->size() > after_one);  // the published copy is a snapshot, not a view
  CHECK(insight.feature_importances.size() == 2);
  CHECK(insight.feature_importances.sum() == Approx(1.0));
  CHECK(insight.feature_importances(0) > insight.feature_importances(1));  // the clouds differ mostly along x0
}

TEST_CASE("a forest publishes the trees it votes with, shared rather than copied", "[classic][insight]") {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  TwoClouds(60, &x, &y);
  RandomForestSettings settings;
  settings.n_estimators = 7;
  settings.max_depth = 3;
  RandomForest forest(settings);
  REQUIRE(forest.Fit(x, y, 2, 3).ok());
  const ModelInsight first = forest.Insight(), second = forest.Insight();
  REQUIRE(first.trees.size() == 7);
  for (int t = 0; t < 7; ++t) {
    CHECK(first.trees[static_cast<size_t>(t)].get() == &forest.tree(t));
    CHECK(second.trees[static_cast<size_t>(t)].get() == first.trees[static_cast<size_t>(t)].get());
    CHECK(first.trees[static_cast<size_t>(t)]->MaxDepth() <= 3);
  }
  CHECK(first.feature_importances.isApprox(forest.FeatureImportances()));
}

TEST_CASE("k-means publishes each centre's path, ending at its centres, and the rows' clusters", "[classic][insight]") {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  TwoClouds(80, &x, &y);
  KMeansSettings settings;
  settings.clusters = 2;
  settings.runs = 1;
  KMeans kmeans(settings);
  REQUIRE(kmeans.Reset(x, Eigen::VectorXd(), 0, 5).ok());
  ModelInsight insight = kmeans.Insight();
  REQUIRE(insight.center_path.size() == 1);  // the starting centres, before any update
  CHECK(insight.center_path[0].isApprox(kmeans.centers()));
  while (!kmeans.progress().finished) REQUIRE(kmeans.Step().ok());
  insight = kmeans.Insight();
  CHECK(static_cast<int>(insight.center_path.size()) == kmeans.iterations() + 1);
  CHECK(insight.center_path.back().isApprox(insight.centers, 1e-12));
  CHECK(insight.centers.isApprox(kmeans.centers()));
  CHECK(insight.training_labels == kmeans.labels());
  CHECK(insight.covariances.empty());
}

TEST_CASE("a mixture publishes its parameters and its log density as the contour field", "[classic][insight]") {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  TwoClouds(80, &x, &y);
  GaussianMixtureSettings settings;
  settings.components = 2;
  GaussianMixture mixture(settings);
  REQUIRE(mixture.Fit(x, Eigen::VectorXd(), 0, 1).ok());
  const ModelInsight insight = mixture.Insight();
  CHECK(insight.centers.isApprox(mixture.means()));
  CHECK(insight.mixture_weights.sum() == Approx(1.0));
  REQUIRE(insight.covariances.size() == 2);
  CHECK(insight.covariances[0].rows() == 2);
  const Eigen::VectorXd field = mixture.ContourField(x);
  CHECK(field.isApprox(mixture.ScoreSamples(x)));
  const std::vector<double> levels = mixture.ContourLevels(field);
  REQUIRE(levels.size() == 8);
  for (size_t i = 1; i < levels.size(); ++i) CHECK(levels[i] > levels[i - 1]);
  CHECK(levels.back() < field.maxCoeff());
}

TEST_CASE("a binary SVM's field is positive exactly where it predicts class 1, its support vectors are published", "[classic][insight]") {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  TwoClouds(50, &x, &y);
  SupportVectorClassifier svm;
  REQUIRE(svm.Fit(x, y, 2, 0).ok());
  mlp::Rng rng(2);
  Eigen::MatrixXd probe(300, 2);
  for (Eigen::Index i = 0; i < probe.size(); ++i) probe.data()[i] = 4 * rng.Uniform() - 2;
  const Eigen::VectorXd field = svm.ContourField(probe), predicted = svm.Predict(probe);
  REQUIRE(field.size() == 300);
  for (Eigen::Index i = 0; i < 300; ++i) CHECK((field(i) > 0) == (predicted(i) == 1));
  CHECK(svm.ContourLevels(field) == std::vector<double>{-1.0, 0.0, 1.0});
  const ModelInsight insight = svm.Insight();
  CHECK(insight.support_indices == svm.SupportIndices());
  CHECK_FALSE(insight.support_indices.empty());
}

TEST_CASE("PCA publishes orthonormal axes and their share of the variance", "[classic][insight]") {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  TwoClouds(80, &x, &y);
  Pca pca;
  CHECK(pca.Insight().components.size() == 0);  // nothing before the fit
  REQUIRE(pca.Fit(x, Eigen::VectorXd(), 0, 0).ok());
  const ModelInsight insight = pca.Insight();
  REQUIRE(insight.components.rows() == 2);
  CHECK((insight.components * insight.components.transpose()).isIdentity(1e-12));
  CHECK(insight.explained_variance_ratio.sum() == Approx(1.0));
  CHECK(insight.all_explained_variance(0) >= insight.all_explained_variance(1));
  CHECK(insight.mean.isApprox(x.colwise().mean()));
}

TEST_CASE("a linear regressor publishes its weights once fitted, lasso's unhelpful ones are exactly zero", "[classic][insight]") {
  mlp::Rng rng(4);
  Eigen::MatrixXd x(80, 5);
  Eigen::VectorXd y(80);
  for (Eigen::Index i = 0; i < 80; ++i) {
    for (Eigen::Index j = 0; j < 5; ++j) x(i, j) = rng.Normal();
    y(i) = 3 * x(i, 0) - 2 * x(i, 1) + 0.1 * rng.Normal();  // features 2..4 are noise
  }
  LassoRegression lasso(LassoSettings{0.3, true, 1000, 1e-4});
  REQUIRE(lasso.Reset(x, y, 0, 0).ok());
  CHECK(lasso.Insight().coefficients.size() == 0);  // nothing before the first sweep
  while (!lasso.progress().finished) REQUIRE(lasso.Step().ok());
  const Eigen::VectorXd w = lasso.Insight().coefficients;
  REQUIRE(w.size() == 5);
  CHECK(w == lasso.coef());
  CHECK(w(0) > 2.0);
  CHECK(w(1) < -1.0);
  CHECK(w.tail(3).isZero(0.0));
}
