// classic::Pca against scikit-learn 1.2.1's PCA(svd_solver='full') on iris, the course's rotated
// Gaussian (seed 123) and the 8×8 digits: every fitted quantity within 1e-6 relative, component
// signs included (svd_flip). Iris and the rotated Gaussian take the SVD route of
// core/data/preprocess/principal_axes.cpp, the digits (1797 × 64) its scatter-matrix route.
// Numbers from tests/golden/make_clustering_golden.py.
#include <catch2/catch.hpp>

#include "core/models/classic/clustering/pca.h"
#include "tests/core/classic_clustering_testing.h"

namespace {

namespace golden = clustering_golden;
using clustering_testing::MaxRelativeError;
using clustering_testing::ToVector;

struct PcaCase {
  const char* name;
  Eigen::MatrixXd x;
  int k;
  const golden::Matrix *mean, *components, *scores;
  const std::vector<double>*variance, *ratio, *singular;
  double noise, reconstruction;
  std::vector<Eigen::Index> rows;
};

void CheckCase(const PcaCase& c) {
  INFO(c.name);
  REQUIRE(c.x.rows() > 0);
  mlp::classic::Pca pca({c.k});
  REQUIRE(pca.Fit(c.x, {}, 0, 0).ok());
  CHECK(pca.progress().finished);
  CHECK(pca.progress().steps == 1);
  CHECK(MaxRelativeError(pca.mean(), *c.mean) < 1e-6);
  CHECK(MaxRelativeError(pca.components(), *c.components) < 1e-6);
  CHECK(MaxRelativeError(pca.explained_variance(), ToVector(*c.variance)) < 1e-6);
  CHECK(MaxRelativeError(pca.explained_variance_ratio(), ToVector(*c.ratio)) < 1e-6);
  CHECK(MaxRelativeError(pca.singular_values(), ToVector(*c.singular)) < 1e-6);
  CHECK(pca.noise_variance() == Approx(c.noise).epsilon(1e-6).margin(1e-12));
  Eigen::MatrixXd some(c.rows.size(), c.x.cols());
  for (size_t i = 0; i < c.rows.size(); ++i) some.row(static_cast<Eigen::Index>(i)) = c.x.row(c.rows[i]);
  CHECK(MaxRelativeError(pca.Transform(some), *c.scores) < 1e-6);
  CHECK(MaxRelativeError(pca.Predict(some), pca.Transform(some).col(0)) == 0.0);
  CHECK(pca.ReconstructionError(c.x) == Approx(c.reconstruction).epsilon(1e-6).margin(1e-12));
}

}  // namespace

TEST_CASE("PCA matches sklearn on iris (2 and all 4 components)", "[classic-pca]") {
  const Eigen::MatrixXd iris = clustering_testing::Builtin("iris");
  CheckCase({"iris k=2", iris, 2, &golden::kIrisPca2Mean, &golden::kIrisPca2Components, &golden::kIrisPca2Scores,
             &golden::kIrisPca2Variance, &golden::kIrisPca2Ratio, &golden::kIrisPca2Singular, golden::kIrisPca2Noise,
             golden::kIrisPca2ReconstructionError, {0, 50, 149}});
  CheckCase({"iris k=4", iris, 4, &golden::kIrisPca4Mean, &golden::kIrisPca4Components, &golden::kIrisPca4Scores,
             &golden::kIrisPca4Variance, &golden::kIrisPca4Ratio, &golden::kIrisPca4Singular, golden::kIrisPca4Noise,
             golden::kIrisPca4ReconstructionError, {0, 50, 149}});
}

TEST_CASE("PCA matches sklearn on the course's rotated Gaussian and the digits", "[classic-pca]") {
  CheckCase({"rotated", clustering_testing::Rotated(), 2, &golden::kRotatedPcaMean, &golden::kRotatedPcaComponents,
             &golden::kRotatedPcaScores, &golden::kRotatedPcaVariance, &golden::kRotatedPcaRatio,
             &golden::kRotatedPcaSingular, golden::kRotatedPcaNoise, golden::kRotatedPcaReconstructionError, {0, 1, 999}});
  CheckCase({"digits", clustering_testing::Builtin("digits"), 10, &golden::kDigitsPcaMean, &golden::kDigitsPcaComponents,
             &golden::kDigitsPcaScores, &golden::kDigitsPcaVariance, &golden::kDigitsPcaRatio,
             &golden::kDigitsPcaSingular, golden::kDigitsPcaNoise, golden::kDigitsPcaReconstructionError, {0, 1, 1796}});
}

TEST_CASE("PCA reproduces the course's explained-variance ratio on the rotated Gaussian", "[classic-pca]") {
  // course-inventory §4: EVR [0.87982678 0.12017322] (printed to 8 decimals).
  mlp::classic::Pca pca({2});
  REQUIRE(pca.Fit(clustering_testing::Rotated(), {}, 0, 0).ok());
  CHECK(pca.explained_variance_ratio()(0) == Approx(0.87982678).margin(5e-9));
  CHECK(pca.explained_variance_ratio()(1) == Approx(0.12017322).margin(5e-9));
  CHECK(pca.progress().objective == Approx(1.0));
}

TEST_CASE("PCA: all components reconstruct exactly, orthonormal axes, bad settings explained", "[classic-pca]") {
  const Eigen::MatrixXd x = clustering_testing::Rotated();
  mlp::classic::Pca full({2});
  REQUIRE(full.Fit(x, {}, 0, 0).ok());
  CHECK(full.ReconstructionError(x) < 1e-20);
  CHECK((full.components() * full.components().transpose() - Eigen::Matrix2d::Identity()).norm() < 1e-12);
  CHECK(full.noise_variance() == 0.0);

  mlp::classic::Pca too_many({3});
  const mlp::Status status = too_many.Reset(x, {}, 0, 0);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("between 1 and 2"));
  mlp::classic::Pca one_row({1});
  CHECK_FALSE(one_row.Reset(x.topRows(1), {}, 0, 0).ok());
  mlp::classic::Pca unreset({1});
  CHECK_FALSE(unreset.Step().ok());
}
