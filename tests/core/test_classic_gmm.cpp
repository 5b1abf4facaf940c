// classic::GaussianMixture against scikit-learn 1.2.1's GaussianMixture (init_params='kmeans',
// reg_covar 1e-6, tol 1e-3): from sklearn's k-means labels — and from our own k-means with the same
// seed, which draws the same start — weights, means and covariances agree within 1e-6, as do the
// lower bound, the iteration count, score_samples and predict_proba. Numbers from
// tests/golden/make_clustering_golden.py.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/models/classic/clustering/gaussian_mixture.h"
#include "tests/core/classic_clustering_testing.h"

namespace {

namespace golden = clustering_golden;
using clustering_testing::MaxRelativeError;
using clustering_testing::ToMatrix;
using clustering_testing::ToVector;

struct GmmCase {
  const char* name;
  Eigen::MatrixXd x;
  int k;
  mlp::classic::CovarianceType covariance;
  uint32_t seed;
  const std::vector<int>* labels;
  const std::vector<double>* weights;
  const golden::Matrix *means, *covariances, *probe, *probe_proba;
  const std::vector<double>* probe_scores;
  double lower_bound, iterations;
};

void CheckFitted(const mlp::classic::GaussianMixture& gmm, const GmmCase& c) {
  CHECK(gmm.progress().finished);
  CHECK(gmm.converged());
  CHECK(gmm.iterations() == static_cast<int>(c.iterations));
  CHECK(MaxRelativeError(gmm.weights(), ToVector(*c.weights)) < 1e-6);
  CHECK(MaxRelativeError(gmm.means(), *c.means) < 1e-6);
  Eigen::MatrixXd covariances(c.k, c.x.cols() * c.x.cols());
  for (int k = 0; k < c.k; ++k) {
    const Eigen::MatrixXd& cov = gmm.covariances()[static_cast<size_t>(k)];
    for (Eigen::Index i = 0; i < cov.rows(); ++i)
      for (Eigen::Index j = 0; j < cov.cols(); ++j) covariances(k, i * cov.cols() + j) = cov(i, j);
  }
  CHECK(MaxRelativeError(covariances, *c.covariances) < 1e-6);
  CHECK(gmm.lower_bound_history().back() == Approx(c.lower_bound).epsilon(1e-6));
  const Eigen::MatrixXd probe = ToMatrix(*c.probe);
  CHECK(MaxRelativeError(gmm.ScoreSamples(probe), ToVector(*c.probe_scores)) < 1e-6);
  CHECK(MaxRelativeError(gmm.PredictProbabilities(probe), *c.probe_proba) < 1e-6);
}

void CheckCase(const GmmCase& c) {
  INFO(c.name);
  REQUIRE(c.x.rows() > 0);
  mlp::classic::GaussianMixtureSettings settings;
  settings.components = c.k;
  settings.covariance = c.covariance;
  {
    INFO("from sklearn's k-means labels");
    mlp::classic::GaussianMixture gmm(settings);
    gmm.SetInitialLabels(Eigen::Map<const Eigen::VectorXi>(c.labels->data(), static_cast<Eigen::Index>(c.labels->size())));
    REQUIRE(gmm.Fit(c.x, {}, 0, 0).ok());
    CheckFitted(gmm, c);
  }
  {
    INFO("from our k-means with the same seed");
    mlp::classic::GaussianMixture gmm(settings);
    REQUIRE(gmm.Fit(c.x, {}, 0, c.seed).ok());
    CheckFitted(gmm, c);
  }
}

}  // namespace

TEST_CASE("Gaussian mixture EM matches sklearn on the two clusters (full and diagonal)", "[classic-gmm]") {
  using mlp::classic::CovarianceType;
  CheckCase({"two full", clustering_testing::TwoClusters(), 2, CovarianceType::kFull, 0, &golden::kTwoFullInitLabels,
             &golden::kTwoFullWeights, &golden::kTwoFullMeans, &golden::kTwoFullCovariances, &golden::kTwoFullProbe,
             &golden::kTwoFullProbeProba, &golden::kTwoFullProbeScores, golden::kTwoFullLowerBound,
             golden::kTwoFullIterations});
  CheckCase({"two diag", clustering_testing::TwoClusters(), 2, CovarianceType::kDiagonal, 0, &golden::kTwoDiagInitLabels,
             &golden::kTwoDiagWeights, &golden::kTwoDiagMeans, &golden::kTwoDiagCovariances, &golden::kTwoDiagProbe,
             &golden::kTwoDiagProbeProba, &golden::kTwoDiagProbeScores, golden::kTwoDiagLowerBound,
             golden::kTwoDiagIterations});
}

TEST_CASE("Gaussian mixture EM matches sklearn over many iterations (blobs, iris)", "[classic-gmm]") {
  using mlp::classic::CovarianceType;
  CheckCase({"blobs full", clustering_testing::Blobs(), 4, CovarianceType::kFull, 1, &golden::kBlobsFullInitLabels,
             &golden::kBlobsFullWeights, &golden::kBlobsFullMeans, &golden::kBlobsFullCovariances, &golden::kBlobsFullProbe,
             &golden::kBlobsFullProbeProba, &golden::kBlobsFullProbeScores, golden::kBlobsFullLowerBound,
             golden::kBlobsFullIterations});
  CheckCase({"iris full", clustering_testing::Builtin("iris"), 3, CovarianceType::kFull, 0, &golden::kIrisFullInitLabels,
             &golden::kIrisFullWeights, &golden::kIrisFullMeans, &golden::kIrisFullCovariances, &golden::kIrisFullProbe,
             &golden::kIrisFullProbeProba, &golden::kIrisFullProbeScores, golden::kIrisFullLowerBound,
             golden::kIrisFullIterations});
}

TEST_CASE("Gaussian mixture steps one EM iteration, the lower bound rises, errors explained", "[classic-gmm]") {
  const Eigen::MatrixXd x = clustering_testing::Builtin("iris");
  REQUIRE(x.rows() > 0);
  mlp::classic::GaussianMixtureSettings settings;
  settings.components = 3;
  settings.tolerance = 0.0;
  settings.max_iterations = 30;
  mlp::classic::GaussianMixture gmm(settings);
  REQUIRE(gmm.Reset(x, {}, 0, 0).ok());
  CHECK(std::isnan(gmm.progress().objective));
  REQUIRE(gmm.Step().ok());
  CHECK(gmm.progress().steps == 1);
  CHECK_FALSE(gmm.progress().finished);
  while (!gmm.progress().finished) REQUIRE(gmm.Step().ok());
  const std::vector<double>& bounds = gmm.lower_bound_history();
  REQUIRE(bounds.size() == 30);
  for (size_t i = 1; i < bounds.size(); ++i) CHECK(bounds[i] >= bounds[i - 1] - 1e-12);  // EM never lowers it
  CHECK(gmm.weights().sum() == Approx(1.0));
  const Eigen::MatrixXd proba = gmm.PredictProbabilities(x);
  CHECK((proba.rowwise().sum().array() - 1.0).abs().maxCoeff() < 1e-12);
  const Eigen::VectorXd predicted = gmm.Predict(x);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    Eigen::Index best = 0;
    proba.row(i).maxCoeff(&best);
    CHECK(predicted(i) == static_cast<double>(best));
  }

  // Identical rows without regularisation: a zero covariance, the message suggests reg_covar.
  settings.regularisation = 0.0;
  settings.components = 1;
  mlp::classic::GaussianMixture singular(settings);
  const mlp::Status status = singular.Reset(Eigen::MatrixXd::Ones(10, 2), {}, 0, 0);
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("reg_covar"));
  settings.regularisation = 1e-6;
  settings.components = 0;
  CHECK_FALSE(mlp::classic::GaussianMixture(settings).Reset(x, {}, 0, 0).ok());
  settings.components = 2;
  mlp::classic::GaussianMixture bad_labels(settings);
  bad_labels.SetInitialLabels(Eigen::VectorXi::Constant(x.rows(), 5));
  CHECK_FALSE(bad_labels.Reset(x, {}, 0, 0).ok());
}
