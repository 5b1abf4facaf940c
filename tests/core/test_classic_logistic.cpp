// Logistic regression (core/models/classic/linear/logistic_regression.h) against scikit-learn
// 1.2.1 (tests/golden/linear_golden.h). All minimise the same penalised log-loss. Newton lands on
// the minimiser: it agrees with sklearn's newton-cg within 1e-5 of the largest coefficient and
// 1e-12 in the objective. sklearn's default lbfgs stops early (see Reference): predictions are the
// same, its weights are within 1e-4..5e-3 and its objective is never lower than ours.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/data/generators/classic.h"
#include "core/models/classic/linear/logistic_regression.h"
#include "tests/core/classic_golden_helpers.h"

namespace {

using namespace mlp::classic;
using classic_test::RelativeError;
using classic_test::ToMatrix;
using classic_test::ToVector;
namespace golden = linear_golden;

struct Reference {
  // sklearn's default lbfgs: stops on a relative objective decrease of 64·eps whatever tol says,
  // so its weights are good to ~1e-4..1e-3 only (measured: `lbfgs_tolerance`).
  const golden::Matrix& coef;
  const golden::Matrix& intercept;
  const golden::Matrix& predict;
  double objective;
  double lbfgs_tolerance;
  // sklearn's newton-cg with tol 1e-10: the minimiser itself.
  const golden::Matrix& exact_coef;
  const golden::Matrix& exact_intercept;
  const golden::Matrix& exact_proba;
  const golden::Matrix& exact_predict;
  double exact_objective;
};

// Fits with Newton step by step (objective never increases) and compares with sklearn.
void CheckNewton(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int classes, double C, const Reference& ref) {
  LogisticRegression model(LogisticRegressionSettings{C, true, 100, 1e-10});
  REQUIRE(model.Reset(x, y, classes, 0).ok());
  double previous = model.progress().objective;
  while (!model.progress().finished) {
    const mlp::Status status = model.Step();
    INFO(status.message());
    REQUIRE(status.ok());
    CHECK(model.progress().objective <= previous * (1 + 1e-14));  // rounding at the minimum
    previous = model.progress().objective;
  }
  INFO("C " << C << ": Newton steps " << model.progress().steps << ", gradient " << model.gradient_norm());
  CHECK(model.progress().steps < 30);
  CHECK(model.gradient_norm() <= 1e-10);
  // The minimiser: newton-cg (which itself stops at its 1000 iterations on iris with C = 100, 2e-6 off).
  CHECK(RelativeError(model.coef(), ToMatrix(ref.exact_coef)) < 1e-5);
  CHECK(RelativeError(model.intercept().transpose(), ToMatrix(ref.exact_intercept)) < 1e-5);
  CHECK(RelativeError(model.PredictProbabilities(x), ToMatrix(ref.exact_proba)) < 1e-7);
  CHECK(model.Predict(x) == ToVector(ref.exact_predict));
  CHECK(RelativeError(model.progress().objective, ref.exact_objective) < 1e-12);
  // sklearn's default solver: same predictions, weights within its own accuracy, objective no lower.
  CHECK(model.Predict(x) == ToVector(ref.predict));
  CHECK(RelativeError(model.coef(), ToMatrix(ref.coef)) < ref.lbfgs_tolerance);
  CHECK(RelativeError(model.intercept().transpose(), ToMatrix(ref.intercept)) < ref.lbfgs_tolerance);
  CHECK(model.progress().objective <= ref.objective * (1 + 1e-14));
  CHECK(RelativeError(model.progress().objective, ref.objective) < 1e-6);
}

#define LOGISTIC_REFERENCE(name, lbfgs_tolerance)                                                           \
  Reference {                                                                                            \
    golden::k##name##Coef, golden::k##name##Intercept, golden::k##name##Predict, golden::k##name##Objective, \
        lbfgs_tolerance, golden::k##name##ExactCoef, golden::k##name##ExactIntercept,                    \
        golden::k##name##ExactProba, golden::k##name##ExactPredict, golden::k##name##ExactObjective      \
  }

}  // namespace

TEST_CASE("Multinomial logistic regression matches sklearn on iris", "[classic-logistic]") {
  const mlp::Dataset iris = classic_test::LoadBuiltin("iris");
  REQUIRE(RelativeError(iris.features.sum(), golden::kIrisFeatureSum) < 1e-12);
  CheckNewton(iris.features, iris.targets, 3, 1.0, LOGISTIC_REFERENCE(IrisLogistic, 1e-3));
  CheckNewton(iris.features, iris.targets, 3, 100.0, LOGISTIC_REFERENCE(IrisLogisticC100, 5e-3));
}

TEST_CASE("Binary logistic regression matches sklearn on standardised breast cancer", "[classic-logistic]") {
  const mlp::Dataset cancer = classic_test::LoadBuiltin("breast_cancer");
  REQUIRE(RelativeError(cancer.features.sum(), golden::kCancerFeatureSum) < 1e-12);
  const Eigen::MatrixXd x = classic_test::Standardise(cancer.features);
  CheckNewton(x, cancer.targets, 2, 1.0, LOGISTIC_REFERENCE(CancerLogistic, 1e-3));
  CheckNewton(x, cancer.targets, 2, 0.1, LOGISTIC_REFERENCE(CancerLogisticC01, 1e-3));
}

TEST_CASE("Binary logistic regression matches sklearn on the course's 1-feature set", "[classic-logistic]") {
  const mlp::Dataset data = mlp::GenerateBinaryClassification(mlp::BinaryClassificationSettings{});
  REQUIRE(RelativeError(data.features, ToMatrix(golden::kBinaryX)) < 1e-15);
  REQUIRE(data.targets == ToVector(golden::kBinaryY));
  CheckNewton(data.features, data.targets, 2, 1.0, LOGISTIC_REFERENCE(BinaryLogistic, 1e-4));
}

TEST_CASE("Truncated Newton (conjugate gradients) reaches the same minimiser", "[classic-logistic]") {
  const mlp::Dataset iris = classic_test::LoadBuiltin("iris");
  const mlp::Dataset cancer = classic_test::LoadBuiltin("breast_cancer");
  const Eigen::MatrixXd cancer_x = classic_test::Standardise(cancer.features);
  struct Case {
    const Eigen::MatrixXd& x;
    const Eigen::VectorXd& y;
    int classes;
    const golden::Matrix& coef;
    const golden::Matrix& intercept;
    double objective;
  };
  const Case cases[] = {
      {iris.features, iris.targets, 3, golden::kIrisLogisticExactCoef, golden::kIrisLogisticExactIntercept,
       golden::kIrisLogisticExactObjective},
      {cancer_x, cancer.targets, 2, golden::kCancerLogisticExactCoef, golden::kCancerLogisticExactIntercept,
       golden::kCancerLogisticExactObjective},
  };
  for (const Case& c : cases) {
    INFO(c.classes << " classes");
    LogisticRegressionSettings settings{1.0, true, 100, 1e-10};
    settings.direct_newton_limit = 0;  // force the matrix-free path
    LogisticRegression model(settings);
    const mlp::Status status = model.Fit(c.x, c.y, c.classes, 0);
    INFO(status.message() << " steps " << model.progress().steps << ", gradient " << model.gradient_norm());
    REQUIRE(status.ok());
    CHECK(model.gradient_norm() <= 1e-10);
    CHECK(model.progress().steps < 40);
    CHECK(RelativeError(model.coef(), ToMatrix(c.coef)) < 1e-5);
    CHECK(RelativeError(model.intercept().transpose(), ToMatrix(c.intercept)) < 1e-5);
    CHECK(RelativeError(model.progress().objective, c.objective) < 1e-12);
  }
}

TEST_CASE("Gradient-descent logistic regression descends to Newton's minimum", "[classic-logistic]") {
  const mlp::Dataset data = mlp::GenerateBinaryClassification(mlp::BinaryClassificationSettings{});
  LogisticRegressionGD gd(LogisticRegressionGDSettings{1.0, true, 1.0, 3000, 1e-9});
  REQUIRE(gd.Reset(data.features, data.targets, 2, 0).ok());
  double previous = gd.progress().objective;
  while (!gd.progress().finished) {
    REQUIRE(gd.Step().ok());
    CHECK(gd.progress().objective <= previous * (1 + 1e-15));
    previous = gd.progress().objective;
  }
  CHECK(gd.progress().steps < 3000);
  CHECK(RelativeError(gd.coef(), ToMatrix(golden::kBinaryLogisticExactCoef)) < 1e-6);
  CHECK(RelativeError(gd.progress().objective, golden::kBinaryLogisticExactObjective) < 1e-10);

  const mlp::Dataset iris = classic_test::LoadBuiltin("iris");
  const Eigen::MatrixXd x = classic_test::Standardise(iris.features);
  LogisticRegressionGD multi(LogisticRegressionGDSettings{1.0, true, 0.5, 200, 0.0});
  REQUIRE(multi.Fit(x, iris.targets, 3, 0).ok());
  LogisticRegression newton;
  REQUIRE(newton.Fit(x, iris.targets, 3, 0).ok());
  CHECK(multi.progress().objective > newton.progress().objective);
  CHECK(multi.progress().objective < newton.progress().objective * 1.2);
  CHECK(std::abs(multi.intercept().sum()) < 1e-12);  // class shifts stay balanced, as in sklearn
}

TEST_CASE("Logistic regression refuses unusable settings and labels", "[classic-logistic]") {
  const mlp::Dataset data = mlp::GenerateBinaryClassification(mlp::BinaryClassificationSettings{});
  LogisticRegression zero_c(LogisticRegressionSettings{0.0, true, 100, 1e-4});
  CHECK_THAT(zero_c.Reset(data.features, data.targets, 2, 0).message(), Catch::Contains("C > 0"));
  LogisticRegression model;
  Eigen::VectorXd bad = data.targets;
  bad(0) = 2.0;
  CHECK_FALSE(model.Reset(data.features, bad, 2, 0).ok());
  CHECK_FALSE(model.Step().ok());
  CHECK(model.Predict(data.features).size() == 0);
  LogisticRegressionGD no_rate(LogisticRegressionGDSettings{1.0, true, 0.0, 10, 1e-4});
  CHECK_THAT(no_rate.Reset(data.features, data.targets, 2, 0).message(), Catch::Contains("learning rate"));
  // No penalty on separable data: the weights grow without bound, but every step stays finite.
  Eigen::MatrixXd separable(4, 1);
  separable << -2, -1, 1, 2;
  Eigen::VectorXd labels(4);
  labels << 0, 0, 1, 1;
  LogisticRegression unpenalised(LogisticRegressionSettings{std::numeric_limits<double>::infinity(), true, 20, 1e-8});
  REQUIRE(unpenalised.Fit(separable, labels, 2, 0).ok());
  CHECK(unpenalised.Predict(separable) == labels);
}
