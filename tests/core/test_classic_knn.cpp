// k-nearest neighbours (core/models/classic/neighbors/k_neighbors.h) against scikit-learn 1.2.1's
// brute-force KNeighborsClassifier / KNeighborsRegressor (tests/golden/linear_golden.h).
// sklearn computes Euclidean distances through ||a||² − 2a·b + ||b||², so among training rows at
// the same exact distance its order depends on rounding; queries with a tie at the k-th neighbour
// (or a zero distance) are therefore compared only where the answer cannot depend on it. Every
// other query must agree exactly: the neighbour set, the prediction and the probabilities.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/models/classic/neighbors/k_neighbors.h"
#include "tests/core/classic_golden_helpers.h"

namespace {

using namespace mlp::classic;
using classic_test::RelativeError;
using classic_test::ToMatrix;
using classic_test::ToVector;
namespace golden = linear_golden;

struct Split {
  Eigen::MatrixXd train_x, test_x;
  Eigen::VectorXd train_y;
};

// Test rows: index % every == 0, as the golden script.
Split SplitEvery(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int every) {
  Split split;
  const Eigen::Index n = x.rows(), tests = (n + every - 1) / every;
  split.train_x.resize(n - tests, x.cols());
  split.train_y.resize(n - tests);
  split.test_x.resize(tests, x.cols());
  for (Eigen::Index i = 0, train = 0; i < n; ++i) {
    if (i % every == 0) {
      split.test_x.row(i / every) = x.row(i);
    } else {
      split.train_x.row(train) = x.row(i);
      split.train_y(train++) = y(i);
    }
  }
  return split;
}

struct ClassifierReference {
  int k;
  int every;
  const golden::Matrix& safe;
  const golden::Matrix& uniform_predict;
  const golden::Matrix& uniform_proba;
  const golden::Matrix& distance_predict;
  const golden::Matrix& distance_proba;
  const golden::Matrix& neighbor_sets;
};

// Rows of `safe` that are 1.
std::vector<Eigen::Index> SafeRows(const golden::Matrix& safe) {
  std::vector<Eigen::Index> rows;
  for (size_t i = 0; i < safe.values.size(); ++i)
    if (safe.values[i] == 1.0) rows.push_back(static_cast<Eigen::Index>(i));
  return rows;
}

void CheckNeighborSets(const KNeighborsBase& model, const Split& split, const std::vector<Eigen::Index>& safe,
                       const golden::Matrix& sets) {
  const Neighbors neighbors = model.KNeighbors(split.test_x);
  const Eigen::MatrixXd expected = ToMatrix(sets);
  REQUIRE(neighbors.indices.rows() == expected.rows());
  for (Eigen::Index q : safe) {
    std::vector<int> found;
    for (Eigen::Index j = 0; j < neighbors.indices.cols(); ++j) found.push_back(neighbors.indices(q, j));
    std::sort(found.begin(), found.end());
    for (Eigen::Index j = 0; j < expected.cols(); ++j) CHECK(found[static_cast<size_t>(j)] == expected(q, j));
    for (Eigen::Index j = 1; j < neighbors.distances.cols(); ++j)
      CHECK(neighbors.distances(q, j - 1) <= neighbors.distances(q, j));
  }
}

void CheckClassifier(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int classes, const ClassifierReference& ref) {
  const Split split = SplitEvery(x, y, ref.every);
  const std::vector<Eigen::Index> safe = SafeRows(ref.safe);
  REQUIRE(safe.size() * 2 > ref.safe.values.size());  // most queries are tie-free
  for (NeighborWeights weights : {NeighborWeights::kUniform, NeighborWeights::kDistance}) {
    const bool uniform = weights == NeighborWeights::kUniform;
    INFO((uniform ? "uniform" : "distance") << " weights, k = " << ref.k);
    KNeighborsClassifier model(KNeighborsSettings{ref.k, weights});
    REQUIRE(model.Fit(split.train_x, split.train_y, classes, 0).ok());
    CHECK(model.progress().finished);
    const Eigen::VectorXd predicted = model.Predict(split.test_x);
    const Eigen::MatrixXd proba = model.PredictProbabilities(split.test_x);
    const Eigen::VectorXd expected_predict = ToVector(uniform ? ref.uniform_predict : ref.distance_predict);
    const Eigen::MatrixXd expected_proba = ToMatrix(uniform ? ref.uniform_proba : ref.distance_proba);
    REQUIRE(proba.rows() == expected_proba.rows());
    for (Eigen::Index q : safe) {
      INFO("query " << q);
      CHECK(predicted(q) == expected_predict(q));
      CHECK((proba.row(q) - expected_proba.row(q)).cwiseAbs().maxCoeff() < 1e-12);
    }
    CheckNeighborSets(model, split, safe, ref.neighbor_sets);
  }
}

}  // namespace

TEST_CASE("kNN classifier matches sklearn on iris and wine", "[classic-knn]") {
  const mlp::Dataset iris = classic_test::LoadBuiltin("iris");
  CheckClassifier(iris.features, iris.targets, 3,
                  {golden::kIrisKnnK, golden::kIrisKnnTestEvery, golden::kIrisKnnSafe, golden::kIrisKnnUniformPredict,
                   golden::kIrisKnnUniformProba, golden::kIrisKnnDistancePredict, golden::kIrisKnnDistanceProba,
                   golden::kIrisKnnNeighborSets});
  const mlp::Dataset wine = classic_test::LoadBuiltin("wine");
  REQUIRE(RelativeError(wine.features.sum(), golden::kWineFeatureSum) < 1e-12);
  CheckClassifier(wine.features, wine.targets, 3,
                  {golden::kWineKnnK, golden::kWineKnnTestEvery, golden::kWineKnnSafe, golden::kWineKnnUniformPredict,
                   golden::kWineKnnUniformProba, golden::kWineKnnDistancePredict, golden::kWineKnnDistanceProba,
                   golden::kWineKnnNeighborSets});
  CheckClassifier(classic_test::Standardise(wine.features), wine.targets, 3,
                  {golden::kWineStdKnnK, golden::kWineStdKnnTestEvery, golden::kWineStdKnnSafe,
                   golden::kWineStdKnnUniformPredict, golden::kWineStdKnnUniformProba,
                   golden::kWineStdKnnDistancePredict, golden::kWineStdKnnDistanceProba,
                   golden::kWineStdKnnNeighborSets});
}

TEST_CASE("kNN regressor matches sklearn on diabetes", "[classic-knn]") {
  const mlp::Dataset diabetes = classic_test::LoadBuiltin("diabetes");
  const Split split = SplitEvery(diabetes.features, diabetes.targets, golden::kDiabetesKnnTestEvery);
  const std::vector<Eigen::Index> safe = SafeRows(golden::kDiabetesKnnSafe);
  REQUIRE(safe.size() * 2 > golden::kDiabetesKnnSafe.values.size());
  for (NeighborWeights weights : {NeighborWeights::kUniform, NeighborWeights::kDistance}) {
    const bool uniform = weights == NeighborWeights::kUniform;
    KNeighborsRegressor model(KNeighborsSettings{golden::kDiabetesKnnK, weights});
    REQUIRE(model.Fit(split.train_x, split.train_y, 0, 0).ok());
    const Eigen::VectorXd predicted = model.Predict(split.test_x);
    const Eigen::VectorXd expected = ToVector(uniform ? golden::kDiabetesKnnUniformPredict : golden::kDiabetesKnnDistancePredict);
    for (Eigen::Index q : safe) CHECK(RelativeError(predicted(q), expected(q)) < 1e-12);
    CheckNeighborSets(model, split, safe, golden::kDiabetesKnnNeighborSets);
  }
}

TEST_CASE("kNN breaks ties like sklearn: lower index, then smaller class", "[classic-knn]") {
  // Rows 0..3 are all at distance 1 from the query 0; row 4 is farther.
  Eigen::MatrixXd x(5, 1);
  x << 1, -1, 1, -1, 3;
  Eigen::VectorXd y(5);
  y << 2, 1, 1, 2, 0;
  KNeighborsClassifier two(KNeighborsSettings{2, NeighborWeights::kUniform});
  REQUIRE(two.Fit(x, y, 3, 0).ok());
  const Eigen::MatrixXd query = Eigen::MatrixXd::Zero(1, 1);
  const Neighbors neighbors = two.KNeighbors(query);
  CHECK(neighbors.indices(0, 0) == 0);
  CHECK(neighbors.indices(0, 1) == 1);
  CHECK(two.Predict(query)(0) == 1.0);  // one vote each for classes 2 and 1: the smaller wins
  CHECK(two.PredictProbabilities(query).isApprox((Eigen::MatrixXd(1, 3) << 0, 0.5, 0.5).finished()));

  // Distance weights: a training row at distance 0 takes the whole vote.
  KNeighborsRegressor exact(KNeighborsSettings{3, NeighborWeights::kDistance});
  REQUIRE(exact.Fit(x, y, 0, 0).ok());
  CHECK(exact.Predict((Eigen::MatrixXd(1, 1) << 3).finished())(0) == 0.0);
  CHECK(exact.Predict((Eigen::MatrixXd(1, 1) << 2).finished())(0) == Approx((0.0 + 2 + 1) / 3.0));
}

TEST_CASE("kNN refuses k larger than the training set and bad labels", "[classic-knn]") {
  Eigen::MatrixXd x(3, 2);
  x << 0, 0, 1, 1, 2, 2;
  Eigen::VectorXd y(3);
  y << 0, 1, 1;
  KNeighborsClassifier big(KNeighborsSettings{5, NeighborWeights::kUniform});
  CHECK_THAT(big.Reset(x, y, 2, 0).message(), Catch::Contains("lower k"));
  CHECK_FALSE(big.Step().ok());
  KNeighborsClassifier zero(KNeighborsSettings{0, NeighborWeights::kUniform});
  CHECK_FALSE(zero.Reset(x, y, 2, 0).ok());
  KNeighborsClassifier model;
  y(0) = 0.5;
  CHECK_FALSE(model.Reset(x, y, 2, 0).ok());
  CHECK(model.Predict(x).size() == 0);
}
