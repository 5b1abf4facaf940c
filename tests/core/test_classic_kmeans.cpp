// classic::KMeans against scikit-learn 1.2.1's KMeans(algorithm='lloyd'): from the same given
// centres Lloyd lands on sklearn's centres, labels, inertia and iteration count (1e-8); k-means++
// draws sklearn's rows for the same seed; with n_init = 10 the kept inertia matches sklearn's best
// (1e-6 relative). Numbers from tests/golden/make_clustering_golden.py.
#include <catch2/catch.hpp>

#include "core/models/classic/clustering/kmeans.h"
#include "core/models/classic/clustering/kmeans_init.h"
#include "tests/core/classic_clustering_testing.h"

namespace {

namespace golden = clustering_golden;
using clustering_testing::MaxRelativeError;
using clustering_testing::ToMatrix;

void CheckGivenStart(const char* name, const Eigen::MatrixXd& x, const golden::Matrix& init, const golden::Matrix& centers,
                     double inertia, double iterations, const std::vector<int>& labels) {
  INFO(name);
  REQUIRE(x.rows() > 0);
  mlp::classic::KMeansSettings settings;
  settings.clusters = init.rows;
  mlp::classic::KMeans kmeans(settings);
  kmeans.SetInitialCenters(ToMatrix(init));
  REQUIRE(kmeans.Fit(x, {}, 0, 0).ok());
  CHECK(kmeans.finished());
  CHECK(MaxRelativeError(kmeans.centers(), centers) < 1e-8);
  CHECK(kmeans.inertia() == Approx(inertia).epsilon(1e-8));
  CHECK(kmeans.iterations() == static_cast<int>(iterations));
  CHECK(kmeans.progress().steps == static_cast<int>(iterations));
  CHECK(kmeans.labels() == Eigen::Map<const Eigen::VectorXi>(labels.data(), static_cast<Eigen::Index>(labels.size())));
  CHECK(kmeans.Predict(x).cast<int>() == kmeans.labels());
  // The inertia before each update never rises (Lloyd's monotonicity).
  const std::vector<double>& history = kmeans.inertia_history();
  REQUIRE(history.size() == static_cast<size_t>(iterations));
  for (size_t i = 1; i < history.size(); ++i) CHECK(history[i] <= history[i - 1] * (1 + 1e-12));
  CHECK(kmeans.inertia() <= history.back() * (1 + 1e-12));
}

}  // namespace

TEST_CASE("k-means from given centres matches sklearn's Lloyd", "[classic-kmeans]") {
  CheckGivenStart("two clusters", clustering_testing::TwoClusters(), golden::kTwoGivenInit, golden::kTwoGivenCenters,
                  golden::kTwoGivenInertia, golden::kTwoGivenIterations, golden::kTwoGivenLabels);
  CheckGivenStart("blobs", clustering_testing::Blobs(), golden::kBlobsGivenInit, golden::kBlobsGivenCenters,
                  golden::kBlobsGivenInertia, golden::kBlobsGivenIterations, golden::kBlobsGivenLabels);
  CheckGivenStart("iris", clustering_testing::Builtin("iris"), golden::kIrisGivenInit, golden::kIrisGivenCenters,
                  golden::kIrisGivenInertia, golden::kIrisGivenIterations, golden::kIrisGivenLabels);
}

TEST_CASE("k-means++ draws sklearn's rows for the same seed", "[classic-kmeans]") {
  struct Case {
    Eigen::MatrixXd x;
    int k;
    uint32_t seed;
    const std::vector<int>* rows;
  };
  const std::vector<Case> cases = {{clustering_testing::TwoClusters(), 2, 0, &golden::kTwoPlusPlusRows},
                                   {clustering_testing::Blobs(), 4, 0, &golden::kBlobsPlusPlusRows},
                                   {clustering_testing::Builtin("iris"), 3, 7, &golden::kIrisPlusPlusRows}};
  for (const Case& c : cases) {
    mlp::Rng rng(c.seed);
    const std::vector<Eigen::Index> rows =
        mlp::classic::KMeansPlusPlusRows(c.x, c.x.rowwise().squaredNorm(), c.k, rng);
    CHECK(std::vector<int>(rows.begin(), rows.end()) == *c.rows);
  }
}

TEST_CASE("k-means++ with 10 runs keeps sklearn's best inertia", "[classic-kmeans]") {
  struct Case {
    const char* name;
    Eigen::MatrixXd x;
    int k;
    uint32_t seed;
    double inertia;
    const golden::Matrix* centers;
  };
  const std::vector<Case> cases = {
      {"two clusters", clustering_testing::TwoClusters(), 2, 0, golden::kTwoBestInertia, &golden::kTwoBestCenters},
      {"blobs", clustering_testing::Blobs(), 4, 0, golden::kBlobsBestInertia, &golden::kBlobsBestCenters},
      {"iris", clustering_testing::Builtin("iris"), 3, 7, golden::kIrisBestInertia, &golden::kIrisBestCenters}};
  for (const Case& c : cases) {
    INFO(c.name);
    mlp::classic::KMeansSettings settings;
    settings.clusters = c.k;
    mlp::classic::KMeans kmeans(settings);
    REQUIRE(kmeans.Fit(c.x, {}, 0, c.seed).ok());
    CHECK(kmeans.run_inertias().size() == 10);
    CHECK(kmeans.inertia() == Approx(c.inertia).epsilon(1e-6));
    CHECK(kmeans.progress().objective == kmeans.inertia());
    // Same seed, same draws: the kept run's centres are sklearn's, in sklearn's order.
    CHECK(MaxRelativeError(kmeans.centers(), *c.centers) < 1e-8);
  }
}

TEST_CASE("k-means steps one Lloyd iteration at a time and explains bad settings", "[classic-kmeans]") {
  const Eigen::MatrixXd x = clustering_testing::TwoClusters();
  mlp::classic::KMeansSettings settings;
  settings.clusters = 2;
  settings.runs = 2;
  mlp::classic::KMeans kmeans(settings);
  kmeans.SetInitialCenters(ToMatrix(golden::kTwoGivenInit));  // a given start means one run
  REQUIRE(kmeans.Reset(x, {}, 0, 0).ok());
  // Before any step: the starting centres, and every row with its nearest one.
  CHECK(MaxRelativeError(kmeans.centers(), golden::kTwoGivenInit) < 1e-12);
  CHECK(kmeans.labels() == kmeans.Predict(x).cast<int>());
  CHECK(kmeans.progress().steps == 0);
  REQUIRE(kmeans.Step().ok());
  CHECK(kmeans.progress().steps == 1);
  CHECK(kmeans.inertia_history().size() == 1);
  CHECK(kmeans.run() == 1);
  CHECK_FALSE(kmeans.progress().finished);
  kmeans.SetInitialCenters({});

  settings.clusters = 0;
  mlp::classic::KMeans none(settings);
  const mlp::Status status = none.Reset(x, {}, 0, 0);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("between 1 and 200"));
  settings.clusters = 2;
  settings.runs = 0;
  CHECK_FALSE(mlp::classic::KMeans(settings).Reset(x, {}, 0, 0).ok());
  settings.runs = 1;
  mlp::classic::KMeans wrong_start(settings);
  wrong_start.SetInitialCenters(Eigen::MatrixXd::Zero(3, 2));
  CHECK_FALSE(wrong_start.Reset(x, {}, 0, 0).ok());
  CHECK_FALSE(mlp::classic::KMeans(settings).Step().ok());

  // Random starts and empty clusters: 5 identical rows, k = 3 — relocation keeps every centre a row.
  Eigen::MatrixXd same = Eigen::MatrixXd::Ones(5, 2);
  same(4, 0) = 3.0;
  settings.clusters = 3;
  settings.init = mlp::classic::KMeansInit::kRandom;
  mlp::classic::KMeans random_start(settings);
  REQUIRE(random_start.Fit(same, {}, 0, 1).ok());
  CHECK(random_start.centers().allFinite());
  CHECK(random_start.inertia() == Approx(0.0).margin(1e-12));
}
