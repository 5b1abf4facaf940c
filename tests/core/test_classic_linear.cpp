// Linear regression models (core/models/classic/linear/) against the course's printed numbers and
// scikit-learn 1.2.1 (tests/golden/linear_golden.h, written by tests/golden/make_linear_golden.py).
// Closed-form fits agree to 1e-6 relative (most to ~1e-12); lasso runs sklearn's exact sweep
// sequence, so its sweep count matches and its weights agree to 1e-9.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/data/generators/classic.h"
#include "core/data/preprocess/polynomial.h"
#include "core/models/classic/linear/gradient_descent_regression.h"
#include "core/models/classic/linear/lasso.h"
#include "core/models/classic/linear/least_squares.h"
#include "core/models/classic/model_catalog.h"
#include "tests/core/classic_golden_helpers.h"

namespace {

using namespace mlp::classic;
using classic_test::RelativeError;
using classic_test::ToMatrix;
using classic_test::ToVector;
namespace golden = linear_golden;

mlp::Dataset Line() { return mlp::GenerateLineNoise(mlp::LineNoiseSettings{}); }

template <typename ModelType>
void FitOrFail(ModelType& model, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  const mlp::Status status = model.Fit(x, y, 0, 0);
  INFO(status.message());
  REQUIRE(status.ok());
}

Eigen::MatrixXd Poly8(const Eigen::MatrixXd& x) {
  mlp::PolynomialStep step(8);
  REQUIRE(step.Fit(x).ok());
  mlp::Result<Eigen::MatrixXd> out = step.Transform(x);
  REQUIRE(out.ok());
  return out.value();
}

}  // namespace

TEST_CASE("OLS without intercept reproduces the course's 10-point line", "[classic-linear]") {
  const mlp::Dataset line = Line();
  REQUIRE(RelativeError(line.features, ToMatrix(golden::kLineX)) < 1e-15);
  REQUIRE(RelativeError(line.targets, ToVector(golden::kLineY)) < 1e-15);
  LinearRegression ols(LinearRegressionSettings{false});
  FitOrFail(ols, line.features, line.targets);
  // The course's closed form prints ...648, lstsq ...642: both are the same double to 1 ulp-ish.
  CHECK(RelativeError(ols.coef()(0), 10.375338325958648) < 1e-14);
  CHECK(RelativeError(ols.coef()(0), golden::kLineOlsNoInterceptW) < 1e-14);
  CHECK(ols.intercept() == 0.0);
  CHECK(RelativeError(RSquared(line.targets, ols.Predict(line.features)), 0.965593882960831) < 1e-14);
  CHECK(ols.progress().finished);
  CHECK(ols.progress().steps == 1);
  CHECK(ols.rank() == 1);
}

TEST_CASE("OLS and ridge with an intercept match sklearn on the line", "[classic-linear]") {
  const mlp::Dataset line = Line();
  LinearRegression ols;
  FitOrFail(ols, line.features, line.targets);
  CHECK(RelativeError(ols.coef()(0), golden::kLineOlsW) < 1e-12);
  CHECK(RelativeError(ols.intercept(), golden::kLineOlsB) < 1e-10);
  CHECK(RelativeError(RSquared(line.targets, ols.Predict(line.features)), golden::kLineOlsR2) < 1e-12);

  RidgeRegression ridge(RidgeSettings{1000.0, true});
  FitOrFail(ridge, line.features, line.targets);
  CHECK(RelativeError(ridge.coef()(0), golden::kLineRidgeW) < 1e-12);
  CHECK(RelativeError(ridge.intercept(), golden::kLineRidgeB) < 1e-10);
  RidgeRegression ridge_origin(RidgeSettings{1000.0, false});
  FitOrFail(ridge_origin, line.features, line.targets);
  CHECK(RelativeError(ridge_origin.coef()(0), golden::kLineRidgeNoInterceptW) < 1e-12);
  CHECK(ridge_origin.intercept() == 0.0);
}

TEST_CASE("OLS and ridge match sklearn on raw diabetes", "[classic-linear]") {
  const mlp::Dataset diabetes = classic_test::LoadBuiltin("diabetes");
  REQUIRE(RelativeError(diabetes.features.sum(), golden::kDiabetesFeatureSum) < 1e-12);
  LinearRegression ols;
  FitOrFail(ols, diabetes.features, diabetes.targets);
  CHECK(RelativeError(ols.coef().transpose(), ToMatrix(golden::kDiabetesOlsW)) < 1e-9);
  CHECK(RelativeError(ols.intercept(), golden::kDiabetesOlsB) < 1e-9);
  RidgeRegression ridge(RidgeSettings{1.0, true});
  FitOrFail(ridge, diabetes.features, diabetes.targets);
  CHECK(RelativeError(ridge.coef().transpose(), ToMatrix(golden::kDiabetesRidgeW)) < 1e-9);
  CHECK(RelativeError(ridge.intercept(), golden::kDiabetesRidgeB) < 1e-9);
  RidgeRegression ridge_origin(RidgeSettings{10.0, false});
  FitOrFail(ridge_origin, diabetes.features, diabetes.targets);
  CHECK(RelativeError(ridge_origin.coef().transpose(), ToMatrix(golden::kDiabetesRidgeNoInterceptW)) < 1e-6);
}

TEST_CASE("Degree-8 polynomial: OLS over-fits, ridge 1e5 gives the course's R²", "[classic-linear]") {
  const mlp::Dataset line = Line();
  const Eigen::MatrixXd p8 = Poly8(line.features);
  // The design's condition number is ~1e13, so floating-point solvers keep only a few digits of w.
  // The references are the exact rational solutions (make_linear_golden.py); sklearn's lstsq lands
  // 2.5e-5 away in R² (0.998344), the course's normal equations print 0.998369.
  LinearRegression ols(LinearRegressionSettings{false});
  FitOrFail(ols, p8, line.targets);
  const double r2 = RSquared(line.targets, ols.Predict(p8));
  INFO("deg-8 OLS R² " << r2 << ", w1 " << ols.coef()(0));
  CHECK(std::abs(r2 - golden::kPoly8OlsExactR2) < 1e-6);
  CHECK(std::abs(r2 - golden::kPoly8OlsR2) < 1e-4);
  CHECK(r2 > golden::kLineOlsNoInterceptR2);
  CHECK(RelativeError(ols.coef()(0), golden::kPoly8OlsExactW.values[0]) < 1e-2);

  RidgeRegression ridge(RidgeSettings{1e5, false});
  FitOrFail(ridge, p8, line.targets);
  const double ridge_r2 = RSquared(line.targets, ridge.Predict(p8));
  INFO("deg-8 ridge R² " << ridge_r2);
  CHECK(std::abs(ridge_r2 - golden::kPoly8RidgeExactR2) < 2e-9);  // measured 6e-10
  CHECK(std::abs(ridge_r2 - 0.9604147033799222) < 1e-8);    // course (8 digits)
  CHECK(std::abs(ridge_r2 - golden::kPoly8RidgeR2) < 1e-9);  // sklearn (Cholesky, rcond 8e-23)
  CHECK(RelativeError(ridge.coef().transpose(), ToMatrix(golden::kPoly8RidgeExactW)) < 1e-6);
  CHECK(RelativeError(ridge.coef().transpose(), ToMatrix(golden::kPoly8RidgeW)) < 1e-6);
}

TEST_CASE("OLS gives the minimum-norm solution for duplicated columns", "[classic-linear]") {
  const mlp::Dataset line = Line();
  Eigen::MatrixXd doubled(line.features.rows(), 2);
  doubled << line.features, line.features;
  LinearRegression ols(LinearRegressionSettings{false});
  FitOrFail(ols, doubled, line.targets);
  CHECK(ols.rank() == 1);
  CHECK(RelativeError(ols.coef()(0), golden::kLineOlsNoInterceptW / 2) < 1e-12);
  CHECK(RelativeError(ols.coef()(1), golden::kLineOlsNoInterceptW / 2) < 1e-12);
}

TEST_CASE("Lasso follows sklearn's coordinate descent sweep for sweep", "[classic-linear]") {
  const mlp::Dataset diabetes = classic_test::LoadBuiltin("diabetes");
  const Eigen::MatrixXd x = classic_test::Standardise(diabetes.features);
  struct Case {
    double alpha;
    const golden::Matrix& w;
    double b;
    int iterations;
    double objective;
  };
  const Case cases[] = {
      {0.1, golden::kDiabetesLasso01W, golden::kDiabetesLasso01B, golden::kDiabetesLasso01Iterations,
       golden::kDiabetesLasso01Objective},
      {1.0, golden::kDiabetesLasso1W, golden::kDiabetesLasso1B, golden::kDiabetesLasso1Iterations,
       golden::kDiabetesLasso1Objective},
      {10.0, golden::kDiabetesLasso10W, golden::kDiabetesLasso10B, golden::kDiabetesLasso10Iterations,
       golden::kDiabetesLasso10Objective},
  };
  for (const Case& c : cases) {
    INFO("alpha " << c.alpha);
    LassoRegression lasso(LassoSettings{c.alpha, true, 1000, 1e-4});
    REQUIRE(lasso.Reset(x, diabetes.targets, 0, 0).ok());
    double previous = lasso.progress().objective;
    while (!lasso.progress().finished) {
      REQUIRE(lasso.Step().ok());
      CHECK(lasso.progress().objective <= previous + 1e-12 * previous);  // each sweep never increases it
      previous = lasso.progress().objective;
    }
    CHECK(lasso.progress().steps == c.iterations);
    CHECK(RelativeError(lasso.coef().transpose(), ToMatrix(c.w)) < 1e-9);
    CHECK(RelativeError(lasso.intercept(), c.b) < 1e-12);
    CHECK(RelativeError(lasso.progress().objective, c.objective) < 1e-12);
  }
  LassoRegression tight(LassoSettings{0.1, true, 100000, 1e-12});
  FitOrFail(tight, x, diabetes.targets);
  CHECK(tight.progress().steps == golden::kDiabetesLassoTightIterations);
  CHECK(RelativeError(tight.coef().transpose(), ToMatrix(golden::kDiabetesLassoTightW)) < 1e-9);
}

TEST_CASE("Gradient-descent regression converges to OLS and reports divergence", "[classic-linear]") {
  const mlp::Dataset line = Line();
  const Eigen::MatrixXd x = classic_test::Standardise(line.features);
  LinearRegression ols;
  FitOrFail(ols, x, line.targets);
  GradientDescentRegression gd(GradientDescentRegressionSettings{0.1, 500, 0.0, true});
  REQUIRE(gd.Reset(x, line.targets, 0, 0).ok());
  double previous = gd.progress().objective;
  for (int step = 0; step < 500; ++step) {
    REQUIRE(gd.Step().ok());
    CHECK(gd.progress().objective <= previous * (1 + 1e-12));  // rounding once converged
    previous = gd.progress().objective;
  }
  CHECK(gd.progress().finished);
  CHECK(RelativeError(gd.coef()(0), ols.coef()(0)) < 1e-10);
  CHECK(RelativeError(gd.intercept(), ols.intercept()) < 1e-10);

  GradientDescentRegression too_fast(GradientDescentRegressionSettings{5.0, 2000, 0.0, true});
  const mlp::Status status = too_fast.Fit(x, line.targets, 0, 0);
  CHECK_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("learning rate"));
}

TEST_CASE("Linear models refuse unusable settings and data with a message", "[classic-linear]") {
  const mlp::Dataset line = Line();
  RidgeRegression negative(RidgeSettings{-1.0, true});
  CHECK_THAT(negative.Reset(line.features, line.targets, 0, 0).message(), Catch::Contains("alpha"));
  LassoRegression no_sweeps(LassoSettings{1.0, true, 0, 1e-4});
  CHECK_FALSE(no_sweeps.Reset(line.features, line.targets, 0, 0).ok());
  LinearRegression ols;
  Eigen::MatrixXd with_nan = line.features;
  with_nan(3, 0) = NAN;
  CHECK_THAT(ols.Reset(with_nan, line.targets, 0, 0).message(), Catch::Contains("imputer"));
  CHECK_FALSE(ols.Reset(line.features, line.targets.head(5), 0, 0).ok());
  CHECK_FALSE(ols.Step().ok());  // no data kept after a refused Reset
  CHECK(ols.Predict(line.features).size() == 0);
}

TEST_CASE("Catalogue: every linear-section model trains with its default settings", "[classic-linear]") {
  const mlp::Dataset line = Line();
  const mlp::Dataset binary = mlp::GenerateBinaryClassification(mlp::BinaryClassificationSettings{});
  const char* ids[] = {"linear_regression", "ridge", "lasso", "linear_gd", "logistic_regression", "logistic_gd",
                       "knn_classifier", "knn_regressor"};
  for (const char* id : ids) {
    INFO(id);
    const ModelEntry* entry = FindModel(id);
    REQUIRE(entry != nullptr);
    std::unique_ptr<Model> model = entry->make(mlp::DefaultValues(entry->parameters));
    REQUIRE(model != nullptr);
    CHECK(model->kind() == entry->kind);
    const bool classifier = entry->kind == ModelKind::kClassifier;
    const mlp::Dataset& data = classifier ? binary : line;
    const Eigen::MatrixXd x = classic_test::Standardise(data.features);
    const mlp::Status status = model->Fit(x, data.targets, classifier ? 2 : 0, 0);
    INFO(status.message());
    REQUIRE(status.ok());
    const Eigen::VectorXd predicted = model->Predict(x);
    REQUIRE(predicted.size() == x.rows());
    if (classifier) CHECK((predicted.array() == data.targets.array()).count() >= 35);  // ≥ 70 % on 50 rows
    else CHECK(RSquared(data.targets, predicted) > 0.6);  // kNN with k = 5 of 10 rows: 0.70
    CHECK_FALSE(model->Describe().empty());
  }
}
