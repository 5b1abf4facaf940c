// Classification and regression metrics against scikit-learn 1.2.1's numbers on the same inputs
// (tests/golden/make_metrics_golden.py).
#include <catch2/catch.hpp>

#include "core/metrics/classification_metrics.h"
#include "tests/golden/metrics_golden.h"

using namespace metrics_golden;

namespace {
Eigen::VectorXd Vec(const double* values, int n) { return Eigen::Map<const Eigen::VectorXd>(values, n); }
}  // namespace

TEST_CASE("Metrics: accuracy, per-class scores and the confusion matrix match scikit-learn", "[metrics]") {
  const mlp::ClassificationReport report = mlp::ScoreClassification(Vec(kTruth, kRows), Vec(kPredicted, kRows), 3);
  CHECK(report.accuracy == Approx(kAccuracy).epsilon(1e-12));
  for (int k = 0; k < 3; ++k) {
    CHECK(report.per_class[k].precision == Approx(kPrecision[k]).epsilon(1e-12));
    CHECK(report.per_class[k].recall == Approx(kRecall[k]).epsilon(1e-12));
    CHECK(report.per_class[k].f1 == Approx(kF1[k]).epsilon(1e-12));
  }
  CHECK(report.macro_f1 == Approx(kMacroF1).epsilon(1e-12));
  for (int t = 0; t < 3; ++t)
    for (int p = 0; p < 3; ++p) CHECK(report.confusion(t, p) == kConfusion[t * 3 + p]);
}

TEST_CASE("Metrics: ROC and precision-recall curves and their areas match scikit-learn, ties included", "[metrics]") {
  const mlp::Curve roc = mlp::RocCurve(Vec(kBinaryTruth, kRows), Vec(kScores, kRows));
  REQUIRE(static_cast<int>(roc.x.size()) == kRocPoints);
  for (int i = 0; i < kRocPoints; ++i) {
    CHECK(roc.x[i] == Approx(kRocFpr[i]).margin(1e-12));
    CHECK(roc.y[i] == Approx(kRocTpr[i]).margin(1e-12));
  }
  CHECK(roc.area == Approx(kRocAuc).epsilon(1e-12));
  const mlp::Curve pr = mlp::PrecisionRecallCurve(Vec(kBinaryTruth, kRows), Vec(kScores, kRows));
  REQUIRE(static_cast<int>(pr.x.size()) == kPrPoints);
  for (int i = 0; i < kPrPoints; ++i) {
    CHECK(pr.y[i] == Approx(kPrPrecision[i]).margin(1e-12));
    CHECK(pr.x[i] == Approx(kPrRecall[i]).margin(1e-12));
  }
  CHECK(pr.area == Approx(kAveragePrecision).epsilon(1e-12));
}

TEST_CASE("Metrics: R², MSE and MAE match scikit-learn", "[metrics]") {
  const mlp::RegressionReport report = mlp::ScoreRegression(Vec(kRegTruth, kRows), Vec(kRegPredicted, kRows));
  CHECK(report.r2 == Approx(kR2).epsilon(1e-12));
  CHECK(report.mse == Approx(kMse).epsilon(1e-12));
  CHECK(report.mae == Approx(kMae).epsilon(1e-12));
  const Eigen::VectorXd constant = Eigen::VectorXd::Constant(4, 2.0);
  CHECK(mlp::ScoreRegression(constant, constant).r2 == 1.0);
}
