// core/data/preprocess behaviour: fitting sees training rows only, the chain fits in order and
// names its output columns, column selections pass other columns through, and bad input gives a
// failed Status with a message the user can act on. Parity with scikit-learn is in
// test_preprocess_golden.cpp.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/base/rng.h"
#include "core/data/preprocess/chain.h"
#include "core/data/preprocess/encoders.h"
#include "core/data/preprocess/imputer.h"
#include "core/data/preprocess/pca.h"
#include "core/data/preprocess/polynomial.h"
#include "core/data/preprocess/scalers.h"

namespace {

using Catch::Matchers::Contains;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::MatrixXd RandomTable(int rows, int cols, uint32_t seed) {
  mlp::Rng rng;
  rng.Seed(seed);
  Eigen::MatrixXd table(rows, cols);
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) table(i, j) = rng.Normal(1.0 + j, 1.0 + 2.0 * j);
  }
  return table;
}

std::vector<int64_t> Range(int64_t begin, int64_t end) {
  std::vector<int64_t> rows;
  for (int64_t row = begin; row < end; ++row) rows.push_back(row);
  return rows;
}

}  // namespace

TEST_CASE("Preprocess: fitting uses the training rows only", "[preprocess]") {
  Eigen::MatrixXd table = RandomTable(30, 3, 7);
  const std::vector<int64_t> train_rows = Range(0, 20);

  auto fit_chain = [&](const Eigen::MatrixXd& data) {
    mlp::PreprocessChain chain;
    chain.Add(std::make_unique<mlp::StandardiseStep>());
    chain.Add(std::make_unique<mlp::PcaStep>(2));
    REQUIRE(chain.Fit(data, train_rows).ok());
    mlp::Result<Eigen::MatrixXd> out = chain.Transform(data.topRows(20));
    REQUIRE(out.ok());
    return out.value();
  };
  const Eigen::MatrixXd before = fit_chain(table);
  table.bottomRows(10).array() = table.bottomRows(10).array() * 100.0 + 1000.0;  // change test rows only
  const Eigen::MatrixXd after = fit_chain(table);
  CHECK(before.isApprox(after, 1e-14));

  // The same step fitted on every row learns different parameters: the check above can fail.
  mlp::StandardiseStep on_train;
  mlp::StandardiseStep on_all;
  REQUIRE(on_train.Fit(table.topRows(20)).ok());
  REQUIRE(on_all.Fit(table).ok());
  CHECK_FALSE(on_train.mean().isApprox(on_all.mean()));
}

TEST_CASE("Preprocess: the chain fits each step on the output of the previous ones", "[preprocess]") {
  const Eigen::MatrixXd train = RandomTable(25, 2, 3);
  mlp::PreprocessChain chain;
  chain.Add(std::make_unique<mlp::StandardiseStep>());
  chain.Add(std::make_unique<mlp::PolynomialStep>(2));
  chain.Add(std::make_unique<mlp::MinMaxStep>());
  REQUIRE(chain.Fit(train).ok());
  CHECK(chain.Describe() == "standardise, then polynomial (degree 2), then min-max [0, 1]");

  // Min-max was fitted on the polynomial features of the standardised rows, so on the training
  // rows every output column spans exactly [0, 1].
  mlp::Result<Eigen::MatrixXd> out = chain.Transform(train);
  REQUIRE(out.ok());
  REQUIRE(out.value().cols() == 5);
  for (Eigen::Index j = 0; j < 5; ++j) {
    CHECK(out.value().col(j).minCoeff() == Approx(0.0).margin(1e-12));
    CHECK(out.value().col(j).maxCoeff() == Approx(1.0));
  }
  // Applying the steps by hand in the same order gives the same rows.
  mlp::StandardiseStep standardise;
  mlp::PolynomialStep polynomial(2);
  REQUIRE(standardise.Fit(train).ok());
  const Eigen::MatrixXd standardised = standardise.Transform(train).value();
  REQUIRE(polynomial.Fit(standardised).ok());
  const Eigen::MatrixXd expanded = polynomial.Transform(standardised).value();
  const Eigen::RowVectorXd low = expanded.colwise().minCoeff();
  const Eigen::RowVectorXd high = expanded.colwise().maxCoeff();
  const Eigen::MatrixXd by_hand = (expanded.rowwise() - low).array().rowwise() / (high - low).array();
  CHECK(out.value().isApprox(by_hand, 1e-12));

  CHECK(chain.OutputNames({"a", "b"}) == std::vector<std::string>{"a", "b", "a^2", "a b", "b^2"});
  CHECK(mlp::PreprocessChain().Describe() == "no preprocessing");
}

TEST_CASE("Preprocess: column selections pass other columns through", "[preprocess]") {
  Eigen::MatrixXd table(4, 3);
  table << 1, 0, 10,  //
      2, 1, 20,       //
      3, 2, 30,       //
      4, 0, 40;
  SECTION("in place for steps that keep the column count") {
    mlp::MinMaxStep step({0, 2});
    REQUIRE(step.Fit(table).ok());
    const Eigen::MatrixXd out = step.Transform(table).value();
    CHECK(out.col(1) == table.col(1));
    CHECK(out(1, 0) == Approx(1.0 / 3.0));
    CHECK(out(3, 2) == Approx(1.0));
    CHECK(step.Describe() == "min-max [0, 1] (columns 0, 2)");
  }
  SECTION("a block where the first selected column was for steps that change it") {
    mlp::OneHotStep step({1});
    REQUIRE(step.Fit(table).ok());
    const Eigen::MatrixXd out = step.Transform(table).value();
    REQUIRE(out.cols() == 5);
    CHECK(out.col(0) == table.col(0));
    CHECK(out.col(4) == table.col(2));
    CHECK(out.row(1) == (Eigen::RowVectorXd(5) << 2, 0, 1, 0, 20).finished());
    CHECK(step.OutputNames({"x", "code", "y"}) == std::vector<std::string>{"x", "code=0", "code=1", "code=2", "y"});
    CHECK(step.Describe() == "one-hot (column 1)");
  }
  SECTION("PCA names its components") {
    mlp::PcaStep step(1, {0, 2});
    REQUIRE(step.Fit(table).ok());
    CHECK(step.OutputNames({"x", "code", "y"}) == std::vector<std::string>{"PC1", "code"});
    CHECK(step.explained_variance_ratio()(0) == Approx(1.0));  // columns 0 and 2 are collinear
  }
}

TEST_CASE("Preprocess: encoders on unseen categories", "[preprocess]") {
  Eigen::MatrixXd train(3, 1);
  train << 4, 9, 4;
  Eigen::MatrixXd test(2, 1);
  test << 9, 7;
  mlp::OneHotStep one_hot;
  REQUIRE(one_hot.Fit(train).ok());
  const Eigen::MatrixXd encoded = one_hot.Transform(test).value();
  CHECK(encoded.row(0) == Eigen::RowVector2d(0, 1));
  CHECK(encoded.row(1) == Eigen::RowVector2d(0, 0));

  mlp::OrdinalStep ordinal;
  REQUIRE(ordinal.Fit(train).ok());
  mlp::Result<Eigen::MatrixXd> refused = ordinal.Transform(test);
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Contains("column 0") && Contains("holds 7") && Contains("not seen"));
}

TEST_CASE("Preprocess: malformed input gives a failed Status with a useful message", "[preprocess]") {
  const Eigen::MatrixXd table = RandomTable(6, 3, 11);

  SECTION("empty matrix") {
    mlp::StandardiseStep step;
    const mlp::Status status = step.Fit(Eigen::MatrixXd(0, 3));
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Contains("empty"));
  }
  SECTION("column index out of range") {
    mlp::StandardiseStep step({1, 3});
    const mlp::Status status = step.Fit(table);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Contains("column 3 does not exist") && Contains("3 columns"));
  }
  SECTION("log1p of -2 names the column and the value") {
    Eigen::MatrixXd bad = table.cwiseAbs();
    bad(4, 2) = -2.0;
    mlp::Log1pStep step;
    const mlp::Status fit = step.Fit(bad);
    REQUIRE_FALSE(fit.ok());
    CHECK_THAT(fit.message(), Contains("column 2") && Contains("-2"));
    REQUIRE(step.Fit(table.cwiseAbs()).ok());
    mlp::Result<Eigen::MatrixXd> applied = step.Transform(bad);
    REQUIRE_FALSE(applied.ok());
    CHECK_THAT(applied.status().message(), Contains("column 2") && Contains("-2"));
  }
  SECTION("PCA with k > min(rows, columns)") {
    mlp::PcaStep step(4);
    const mlp::Status status = step.Fit(table);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Contains("4 components") && Contains("1 to 3"));
    mlp::PcaStep wide(3);
    REQUIRE_FALSE(wide.Fit(table.topRows(2)).ok());
  }
  SECTION("all-NaN column for the imputer") {
    Eigen::MatrixXd missing = table;
    missing.col(1).setConstant(kNaN);
    mlp::ImputeStep step(mlp::ImputeStrategy::kMedian);
    const mlp::Status status = step.Fit(missing);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Contains("column 1") && Contains("all missing"));
  }
  SECTION("NaN reaching a step other than the imputer asks for imputation") {
    Eigen::MatrixXd missing = table;
    missing(2, 0) = kNaN;
    mlp::StandardiseStep step;
    const mlp::Status status = step.Fit(missing);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Contains("column 0") && Contains("imputation"));
  }
  SECTION("transform before fit, and a different column count") {
    mlp::MinMaxStep step;
    REQUIRE_FALSE(step.Transform(table).ok());
    REQUIRE(step.Fit(table).ok());
    mlp::Result<Eigen::MatrixXd> narrow = step.Transform(table.leftCols(2));
    REQUIRE_FALSE(narrow.ok());
    CHECK_THAT(narrow.status().message(), Contains("fitted on 3 columns"));
    mlp::PreprocessChain chain;
    chain.Add(std::make_unique<mlp::MinMaxStep>());
    REQUIRE_FALSE(chain.Transform(table).ok());
  }
  SECTION("a failing step is named by its place in the chain") {
    mlp::PreprocessChain chain;
    chain.Add(std::make_unique<mlp::StandardiseStep>());
    chain.Add(std::make_unique<mlp::Log1pStep>());  // standardised values go below -1
    const mlp::Status status = chain.Fit(table);
    REQUIRE_FALSE(status.ok());
    CHECK_THAT(status.message(), Contains("step 2") && Contains("log1p"));
    CHECK_FALSE(chain.fitted());
    REQUIRE_FALSE(chain.Fit(table, {0, 6}).ok());  // row 6 is outside the table
  }
}
