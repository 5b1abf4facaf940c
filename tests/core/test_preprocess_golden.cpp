// core/data/preprocess against scikit-learn 1.2.1. The reference numbers are compiled in from
// tests/golden/preprocess_golden.h, written by tests/golden/make_preprocess_golden.py with Debian's
// python3-sklearn; every estimator there is fitted on the training matrix and applied to test rows.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "core/data/preprocess/encoders.h"
#include "core/data/preprocess/imputer.h"
#include "core/data/preprocess/pca.h"
#include "core/data/preprocess/polynomial.h"
#include "core/data/preprocess/scalers.h"
#include "tests/golden/preprocess_golden.h"

namespace {

namespace golden = preprocess_golden;

Eigen::MatrixXd ToMatrix(const golden::Matrix& m) {
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(m.values.data(), m.rows,
                                                                                                   m.cols);
}

// Same shape and every entry within 1e-10 relative (absolute near zero); NaN matches only NaN.
bool Matches(const Eigen::MatrixXd& actual, const golden::Matrix& expected_values) {
  const Eigen::MatrixXd expected = ToMatrix(expected_values);
  if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) return false;
  for (Eigen::Index i = 0; i < expected.rows(); ++i) {
    for (Eigen::Index j = 0; j < expected.cols(); ++j) {
      const double a = actual(i, j);
      const double e = expected(i, j);
      if (std::isnan(e) || std::isnan(a)) {
        if (std::isnan(e) != std::isnan(a)) return false;
        continue;
      }
      if (std::abs(a - e) > 1e-10 * std::max(1.0, std::abs(e))) return false;
    }
  }
  return true;
}

Eigen::MatrixXd FitTransform(mlp::PreprocessStep& step, const golden::Matrix& train, const golden::Matrix& test) {
  REQUIRE(step.Fit(ToMatrix(train)).ok());
  mlp::Result<Eigen::MatrixXd> out = step.Transform(ToMatrix(test));
  REQUIRE(out.ok());
  return out.value();
}

}  // namespace

TEST_CASE("StandardiseStep matches StandardScaler (ddof 0, constant column scale 1)", "[preprocess]") {
  mlp::StandardiseStep step;
  CHECK(Matches(FitTransform(step, golden::kTrain, golden::kTest), golden::kStandardTest));
  CHECK(Matches(step.mean(), golden::kStandardMean));
  CHECK(Matches(step.scale(), golden::kStandardScale));
  mlp::StandardiseStep with_constant;
  CHECK(Matches(FitTransform(with_constant, golden::kConstantTrain, golden::kConstantTest), golden::kStandardConstantTest));
}

TEST_CASE("MinMaxStep matches MinMaxScaler, constant column included", "[preprocess]") {
  mlp::MinMaxStep step;
  CHECK(Matches(FitTransform(step, golden::kTrain, golden::kTest), golden::kMinMaxTest));
  mlp::MinMaxStep with_constant;
  CHECK(Matches(FitTransform(with_constant, golden::kConstantTrain, golden::kConstantTest), golden::kMinMaxConstantTest));
}

TEST_CASE("Log1pStep matches np.log1p", "[preprocess]") {
  mlp::Log1pStep step;
  const Eigen::MatrixXd train = ToMatrix(golden::kTrain).cwiseAbs();
  const Eigen::MatrixXd test = ToMatrix(golden::kTest).cwiseAbs();
  REQUIRE(step.Fit(train).ok());
  mlp::Result<Eigen::MatrixXd> out = step.Transform(test);
  REQUIRE(out.ok());
  CHECK(Matches(out.value(), golden::kLog1pTest));
}

TEST_CASE("ImputeStep matches SimpleImputer for every strategy", "[preprocess]") {
  struct Case {
    mlp::ImputeStrategy strategy;
    const golden::Matrix* statistics;
    const golden::Matrix* test;
  };
  const Case cases[] = {
      {mlp::ImputeStrategy::kMean, &golden::kImputeMeanStatistics, &golden::kImputeMeanTest},
      {mlp::ImputeStrategy::kMedian, &golden::kImputeMedianStatistics, &golden::kImputeMedianTest},
      {mlp::ImputeStrategy::kMostFrequent, &golden::kImputeMostFrequentStatistics, &golden::kImputeMostFrequentTest},
  };
  for (const Case& c : cases) {
    mlp::ImputeStep step(c.strategy);
    INFO(step.Describe());
    CHECK(Matches(FitTransform(step, golden::kMissingTrain, golden::kMissingTest), *c.test));
    CHECK(Matches(step.statistics(), *c.statistics));
  }
}

TEST_CASE("OneHotStep matches OneHotEncoder(handle_unknown='ignore')", "[preprocess]") {
  mlp::OneHotStep step;
  CHECK(Matches(FitTransform(step, golden::kCodesTrain, golden::kCodesTest), golden::kOneHotTest));
  // sklearn writes "a_2.0"; we write "a=2" for the same columns in the same order.
  const std::vector<std::string> names = step.OutputNames({"a", "b"});
  REQUIRE(names.size() == golden::kOneHotNames.size());
  const std::vector<std::string> expected = {"a=0", "a=1", "a=2", "a=5", "b=-3", "b=1.5", "b=7"};
  CHECK(names == expected);
}

TEST_CASE("OrdinalStep matches OrdinalEncoder", "[preprocess]") {
  mlp::OrdinalStep step;
  CHECK(Matches(FitTransform(step, golden::kCodesTrain, golden::kCodesTrain), golden::kOrdinalTrain));
}

TEST_CASE("PolynomialStep matches PolynomialFeatures(include_bias=False) values, order and names", "[preprocess]") {
  mlp::PolynomialStep degree2(2);
  CHECK(Matches(FitTransform(degree2, golden::kTrain, golden::kTest), golden::kPolynomial2Test));
  CHECK(degree2.OutputNames({"x1", "x2", "x3"}) == golden::kPolynomial2Names);
  mlp::PolynomialStep degree3(3);
  CHECK(Matches(FitTransform(degree3, golden::kTrain, golden::kTest), golden::kPolynomial3Test));
  CHECK(degree3.OutputNames({"x1", "x2", "x3"}) == golden::kPolynomial3Names);
}

TEST_CASE("PcaStep matches PCA: mean, components with svd_flip signs, variance ratio, projection", "[preprocess]") {
  struct Case {
    int k;
    const golden::Matrix* mean;
    const golden::Matrix* components;
    const golden::Matrix* ratio;
    const golden::Matrix* test;
  };
  const Case cases[] = {
      {2, &golden::kPca2Mean, &golden::kPca2Components, &golden::kPca2Ratio, &golden::kPca2Test},
      {3, &golden::kPca3Mean, &golden::kPca3Components, &golden::kPca3Ratio, &golden::kPca3Test},
  };
  for (const Case& c : cases) {
    mlp::PcaStep step(c.k);
    INFO(step.Describe());
    CHECK(Matches(FitTransform(step, golden::kTrain, golden::kTest), *c.test));
    CHECK(Matches(step.mean(), *c.mean));
    CHECK(Matches(step.component_matrix(), *c.components));
    CHECK(Matches(step.explained_variance_ratio().transpose(), *c.ratio));
  }
}
