// SupportVectorClassifier (SMO, one-vs-one) against scikit-learn 1.2.1's SVC (libsvm). Reference
// numbers: tests/golden/kernels_golden.h, printed by tests/golden/make_kernels_golden.py.
// Tolerances: both solvers stop at the KKT gap tol = 1e-3, so α and ρ agree only to about that; the
// decision function is compared to 1e-3 absolute (plus 1e-3 relative), support-vector sets exactly.
// libsvm shrinks and we do not, so iteration counts differ; the dual optimum is the same.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/data/generators/classic.h"
#include "core/models/classic/kernels/support_vector_classifier.h"
#include "tests/golden/kernels_golden.h"

namespace {

using mlp::classic::KernelType;
using mlp::classic::SupportVectorClassifier;
using mlp::classic::SupportVectorSettings;

Eigen::MatrixXd Rows(const std::vector<double>& values, int columns) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(values.size()) / columns, columns);
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (int j = 0; j < columns; ++j) m(i, j) = values[static_cast<size_t>(i * columns + j)];
  return m;
}

Eigen::VectorXd Vec(const std::vector<double>& values) {
  return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

std::vector<int> Indices(const std::vector<Eigen::Index>& rows) { return {rows.begin(), rows.end()}; }

void CheckClose(const Eigen::VectorXd& got, const std::vector<double>& want, double tolerance) {
  REQUIRE(got.size() == static_cast<Eigen::Index>(want.size()));
  for (Eigen::Index i = 0; i < got.size(); ++i) {
    INFO("index " << i << ": " << got(i) << " vs " << want[static_cast<size_t>(i)]);
    CHECK(std::fabs(got(i) - want[static_cast<size_t>(i)]) <= tolerance * (1.0 + std::fabs(want[static_cast<size_t>(i)])));
  }
}

}  // namespace

TEST_CASE("SVC linear kernel on separable blobs matches libsvm", "[classic-svm]") {
  mlp::BlobsSettings blobs;
  blobs.samples = 40;
  blobs.centers = 2;
  blobs.seed = 6;
  const mlp::Dataset data = mlp::GenerateBlobs(blobs);
  SupportVectorSettings settings;
  settings.c = 1.0;
  settings.kernel.type = KernelType::kLinear;
  SupportVectorClassifier svc(settings);
  REQUIRE(svc.Fit(data.features, data.targets, 2, 0).ok());
  REQUIRE(svc.progress().finished);
  CHECK(Indices(svc.SupportIndices()) == kernels_golden::kBlobsSupport);
  const auto& machine = svc.machines().at(0);
  CheckClose(machine.dual_coef, kernels_golden::kBlobsDualBySupport, 1e-3);
  CHECK(std::fabs(machine.intercept - kernels_golden::kBlobsIntercept) <= 1e-3 * (1.0 + std::fabs(kernels_golden::kBlobsIntercept)));
  CheckClose(svc.DecisionFunction(data.features).col(0), kernels_golden::kBlobsDecision, 1e-3);
  CHECK((svc.Predict(data.features) - data.targets).cwiseAbs().sum() == 0.0);  // separable: all right
}

TEST_CASE("SVC RBF and polynomial kernels on moons match libsvm", "[classic-svm]") {
  const Eigen::MatrixXd x = Rows(kernels_golden::kMoonsX, 2);
  const Eigen::VectorXd y = Vec(kernels_golden::kMoonsY);
  const Eigen::MatrixXd grid = Rows(kernels_golden::kMoonsGrid, 2);
  SupportVectorSettings settings;
  settings.kernel = {KernelType::kRbf, 1.0, 3, 0.0};
  settings.iterations_per_step = 5;
  SupportVectorClassifier svc(settings);
  REQUIRE(svc.Reset(x, y, 2, 0).ok());
  // Step() = 5 SMO iterations here: the first Step already has support vectors but has not converged.
  REQUIRE(svc.Step().ok());
  CHECK(svc.progress().steps == 1);
  CHECK_FALSE(svc.machines()[0].support.empty());
  while (!svc.progress().finished) REQUIRE(svc.Step().ok());
  CHECK(svc.progress().steps > 1);
  CHECK(Indices(svc.SupportIndices()) == kernels_golden::kMoonsSupport);
  CHECK(svc.machines()[0].intercept == Approx(kernels_golden::kMoonsIntercept).margin(1e-3));
  CheckClose(svc.DecisionFunction(x).col(0), kernels_golden::kMoonsDecision, 1e-3);
  CheckClose(svc.DecisionFunction(grid).col(0), kernels_golden::kMoonsGridDecision, 1e-3);

  settings.c = 10.0;
  settings.kernel = {KernelType::kPolynomial, 0.5, 3, 1.0};
  SupportVectorClassifier poly(settings);
  REQUIRE(poly.Fit(x, y, 2, 0).ok());
  CHECK(Indices(poly.SupportIndices()) == kernels_golden::kMoonsPolySupport);
  CheckClose(poly.DecisionFunction(grid).col(0), kernels_golden::kMoonsPolyDecision, 1e-3);
}

TEST_CASE("SVC one-vs-one on three blobs matches libsvm", "[classic-svm]") {
  mlp::BlobsSettings blobs;
  blobs.samples = 60;
  blobs.centers = 3;
  blobs.cluster_sd = 1.5;
  blobs.seed = 0;
  const mlp::Dataset data = mlp::GenerateBlobs(blobs);
  SupportVectorSettings settings;
  settings.kernel = {KernelType::kRbf, 0.5, 3, 0.0};
  SupportVectorClassifier svc(settings);
  REQUIRE(svc.Fit(data.features, data.targets, 3, 0).ok());
  REQUIRE(svc.machines().size() == 3);
  CHECK(Indices(svc.SupportIndices()) == kernels_golden::kThreeSupport);
  const Eigen::MatrixXd grid = Rows(kernels_golden::kThreeGrid, 2);
  const Eigen::MatrixXd decision = svc.DecisionFunction(grid);
  const Eigen::MatrixXd want = Rows(kernels_golden::kThreeGridDecision, 3);
  CHECK((decision - want).cwiseAbs().maxCoeff() < 2e-3);
  const Eigen::VectorXd predicted = svc.Predict(grid);
  for (Eigen::Index i = 0; i < grid.rows(); ++i) CHECK(predicted(i) == kernels_golden::kThreeGridPredict[size_t(i)]);
}

TEST_CASE("SVC rejects impossible settings with a message", "[classic-svm]") {
  Eigen::MatrixXd x(4, 1);
  x << 0, 1, 2, 3;
  Eigen::VectorXd y(4);
  y << 0, 0, 0, 0;
  SupportVectorClassifier svc;
  mlp::Status status = svc.Reset(x, y, 2, 0);
  CHECK_FALSE(status.ok());
  CHECK(status.message().find("Class 1") != std::string::npos);
  y << 0, 1, 0, 1;
  svc.settings().c = 0.0;
  CHECK_FALSE(svc.Reset(x, y, 2, 0).ok());
  svc.settings().c = 1.0;
  svc.settings().kernel.gamma = -1.0;
  CHECK_FALSE(svc.Reset(x, y, 2, 0).ok());
  CHECK_FALSE(SupportVectorClassifier().Step().ok());
}
