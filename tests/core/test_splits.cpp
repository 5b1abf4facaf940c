// core/data/splits against scikit-learn 1.2.1. The reference indices are compiled in from
// tests/golden/split_golden.h, written by tests/golden/make_split_golden.py with Debian's
// python3-sklearn; each case carries the Python call that produced it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "core/data/splits.h"
#include "tests/golden/split_golden.h"

namespace {

using Indices = std::vector<int64_t>;

mlp::TrainTestSplitOptions ToOptions(const split_golden::Sizes& sizes, uint32_t random_state, bool shuffle) {
  mlp::TrainTestSplitOptions options;
  options.test_fraction = sizes.test_fraction;
  options.test_count = sizes.test_count;
  options.train_fraction = sizes.train_fraction;
  options.train_count = sizes.train_count;
  options.random_state = random_state;
  options.shuffle = shuffle;
  return options;
}

Eigen::VectorXd ToVector(const std::vector<double>& values) {
  return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

// How often each row appears across the given parts (rows outside [0, rows) are counted as -1).
std::vector<int> RowUse(int64_t rows, const std::vector<const Indices*>& parts) {
  std::vector<int> use(static_cast<size_t>(rows), 0);
  for (const Indices* part : parts) {
    for (int64_t row : *part) {
      if (row < 0 || row >= rows) return {-1};
      ++use[static_cast<size_t>(row)];
    }
  }
  return use;
}

bool CoversEachRowOnce(int64_t rows, const std::vector<const Indices*>& parts) {
  const std::vector<int> use = RowUse(rows, parts);
  return static_cast<int64_t>(use.size()) == rows && std::all_of(use.begin(), use.end(), [](int n) { return n == 1; });
}

bool Disjoint(int64_t rows, const std::vector<const Indices*>& parts) {
  const std::vector<int> use = RowUse(rows, parts);
  return static_cast<int64_t>(use.size()) == rows && std::all_of(use.begin(), use.end(), [](int n) { return n <= 1; });
}

Indices Range(int64_t begin, int64_t end) {
  Indices rows;
  for (int64_t row = begin; row < end; ++row) rows.push_back(row);
  return rows;
}

}  // namespace

TEST_CASE("TrainTestSplit reproduces the course's wine split (1599 rows, test 0.3, seed 123)", "[splits]") {
  mlp::TrainTestSplitOptions options;
  options.test_fraction = 0.3;
  options.random_state = 123;
  const mlp::Result<mlp::Split> split = mlp::TrainTestSplit(1599, options);
  REQUIRE(split.ok());
  const Indices& test = split.value().test;
  const Indices& train = split.value().train;
  REQUIRE(test.size() == 480);
  REQUIRE(train.size() == 1119);
  CHECK(Indices(test.begin(), test.begin() + 5) == Indices{912, 772, 1037, 1106, 263});
  CHECK(Indices(test.end() - 5, test.end()) == Indices{1466, 580, 1082, 1279, 1155});
  CHECK(Indices(train.begin(), train.begin() + 5) == Indices{374, 800, 1441, 1269, 691});
}

TEST_CASE("TrainTestSplit matches sklearn's train_test_split index for index", "[splits]") {
  for (const split_golden::TrainTestCase& golden : split_golden::kTrainTest) {
    INFO(golden.call);
    const mlp::Result<mlp::Split> split =
        mlp::TrainTestSplit(golden.rows, ToOptions(golden.sizes, golden.random_state, golden.shuffle));
    REQUIRE(split.ok());
    CHECK(split.value().train == golden.train);
    CHECK(split.value().test == golden.test);
    CHECK(Disjoint(golden.rows, {&split.value().train, &split.value().test}));
    if (!golden.sizes.train_fraction && !golden.sizes.train_count) {
      CHECK(CoversEachRowOnce(golden.rows, {&split.value().train, &split.value().test}));
    }
  }
}

TEST_CASE("TrainTestSplit refuses the sizes sklearn refuses, with a message", "[splits]") {
  for (const split_golden::RejectedTrainTestCase& golden : split_golden::kTrainTestRejected) {
    INFO(golden.call << "  sklearn: " << golden.sklearn_message);
    const mlp::Result<mlp::Split> split = mlp::TrainTestSplit(golden.rows, ToOptions(golden.sizes, 0, true));
    REQUIRE_FALSE(split.ok());
    CHECK(split.status().message().size() > 20);
  }
  mlp::TrainTestSplitOptions both;
  both.test_fraction = 0.2;
  both.test_count = 3;
  const mlp::Result<mlp::Split> ambiguous = mlp::TrainTestSplit(10, both);
  REQUIRE_FALSE(ambiguous.ok());
  CHECK_THAT(ambiguous.status().message(), Catch::Contains("not both"));
  mlp::TrainTestSplitOptions not_a_number;
  not_a_number.test_fraction = std::numeric_limits<double>::quiet_NaN();
  CHECK_FALSE(mlp::TrainTestSplit(10, not_a_number).ok());
  CHECK_THAT(mlp::TrainTestSplit(0, {}).status().message(), Catch::Contains("at least 2 rows"));
}

TEST_CASE("StratifiedTrainTestSplit matches sklearn's stratified train_test_split", "[splits]") {
  for (const split_golden::StratifiedCase& golden : split_golden::kStratified) {
    INFO(golden.call);
    const mlp::Result<mlp::Split> split =
        mlp::StratifiedTrainTestSplit(ToVector(golden.labels), ToOptions(golden.sizes, golden.random_state, true));
    REQUIRE(split.ok());
    CHECK(split.value().train == golden.train);
    CHECK(split.value().test == golden.test);
    CHECK(Disjoint(static_cast<int64_t>(golden.labels.size()), {&split.value().train, &split.value().test}));
  }
}

TEST_CASE("StratifiedTrainTestSplit keeps every class's share within one row", "[splits]") {
  const split_golden::StratifiedCase& wine = split_golden::kStratified.back();  // six imbalanced classes
  REQUIRE(wine.labels.size() == 1599);
  mlp::TrainTestSplitOptions options;
  options.test_fraction = 0.3;
  options.random_state = 2;
  const mlp::Result<mlp::Split> split = mlp::StratifiedTrainTestSplit(ToVector(wine.labels), options);
  REQUIRE(split.ok());
  CHECK(CoversEachRowOnce(1599, {&split.value().train, &split.value().test}));
  std::map<double, int> total, in_test;
  for (double label : wine.labels) ++total[label];
  for (int64_t row : split.value().test) ++in_test[wine.labels[static_cast<size_t>(row)]];
  REQUIRE(total.size() == 6);
  for (const auto& [label, count] : total) {
    INFO("class " << label << ": " << count << " rows, " << in_test[label] << " in test");
    CHECK(std::abs(in_test[label] - 480.0 * count / 1599.0) < 1.0);
  }
}

TEST_CASE("StratifiedTrainTestSplit refuses what sklearn refuses, and empty or missing labels", "[splits]") {
  for (const split_golden::RejectedStratifiedCase& golden : split_golden::kStratifiedRejected) {
    INFO(golden.call << "  sklearn: " << golden.sklearn_message);
    const mlp::Result<mlp::Split> split =
        mlp::StratifiedTrainTestSplit(ToVector(golden.labels), ToOptions(golden.sizes, 0, golden.shuffle));
    REQUIRE_FALSE(split.ok());
    CHECK(split.status().message().size() > 20);
  }
  const mlp::Result<mlp::Split> single = mlp::StratifiedTrainTestSplit(
      ToVector(split_golden::kStratifiedRejected.front().labels), ToOptions({0.5, {}, {}, {}}, 0, true));
  CHECK_THAT(single.status().message(), Catch::Contains("Class 2 has only 1 row"));
  CHECK_THAT(mlp::StratifiedTrainTestSplit(Eigen::VectorXd(), {}).status().message(), Catch::Contains("empty"));
  Eigen::VectorXd missing(6);
  missing << 0, 0, 0, 1, std::numeric_limits<double>::quiet_NaN(), 1;
  CHECK_THAT(mlp::StratifiedTrainTestSplit(missing, {}).status().message(), Catch::Contains("Row 4"));
}

TEST_CASE("KFold matches sklearn's KFold, shuffled and not", "[splits]") {
  for (const split_golden::KFoldCase& golden : split_golden::kKFold) {
    INFO(golden.call);
    mlp::KFoldOptions options;
    options.folds = golden.folds;
    options.shuffle = golden.shuffle;
    options.random_state = golden.random_state;
    const mlp::Result<std::vector<mlp::Split>> folds = mlp::KFold(golden.rows, options);
    REQUIRE(folds.ok());
    REQUIRE(folds.value().size() == static_cast<size_t>(golden.folds));
    std::vector<const Indices*> tests;
    for (size_t f = 0; f < folds.value().size(); ++f) {
      INFO("fold " << f);
      const mlp::Split& fold = folds.value()[f];
      CHECK(fold.test == golden.test[f]);
      if (!golden.train.empty()) CHECK(fold.train == golden.train[f]);
      CHECK(std::is_sorted(fold.train.begin(), fold.train.end()));
      CHECK(std::is_sorted(fold.test.begin(), fold.test.end()));
      CHECK(CoversEachRowOnce(golden.rows, {&fold.train, &fold.test}));
      tests.push_back(&fold.test);
    }
    CHECK(CoversEachRowOnce(golden.rows, tests));  // every row is tested exactly once
  }
}

TEST_CASE("KFold refuses fewer than 2 folds and more folds than rows", "[splits]") {
  for (const split_golden::RejectedKFoldCase& golden : split_golden::kKFoldRejected) {
    INFO(golden.call << "  sklearn: " << golden.sklearn_message);
    mlp::KFoldOptions options;
    options.folds = golden.folds;
    const mlp::Result<std::vector<mlp::Split>> folds = mlp::KFold(golden.rows, options);
    REQUIRE_FALSE(folds.ok());
    CHECK(folds.status().message().size() > 20);
  }
  mlp::KFoldOptions too_many;
  too_many.folds = 6;
  CHECK_THAT(mlp::KFold(5, too_many).status().message(), Catch::Contains("at most 5 folds"));
}

TEST_CASE("SequentialSplit takes the first, next and last rows as in the course", "[splits]") {
  const mlp::Result<mlp::ThreeWaySplit> mnist = mlp::SequentialSplit(5000, {3000, 1000, 1000});
  REQUIRE(mnist.ok());
  CHECK(mnist.value().train == Range(0, 3000));
  CHECK(mnist.value().validation == Range(3000, 4000));
  CHECK(mnist.value().test == Range(4000, 5000));
  CHECK(CoversEachRowOnce(5000, {&mnist.value().train, &mnist.value().validation, &mnist.value().test}));

  // The VAE lesson: 30672 images, 28000 / 1000 / 1000, the 1672 in between unused.
  const mlp::Result<mlp::ThreeWaySplit> vae = mlp::SequentialSplit(30672, {28000, 1000, 1000});
  REQUIRE(vae.ok());
  CHECK(vae.value().validation == Range(28000, 29000));
  CHECK(vae.value().test == Range(29672, 30672));
  CHECK(Disjoint(30672, {&vae.value().train, &vae.value().validation, &vae.value().test}));

  // The segmentation lesson: first 100 train, last 19 test, no validation.
  const mlp::Result<mlp::ThreeWaySplit> masks = mlp::SequentialSplit(119, {100, 0, 19});
  REQUIRE(masks.ok());
  CHECK(masks.value().validation.empty());
  CHECK(masks.value().test == Range(100, 119));
}

TEST_CASE("SequentialSplit refuses parts that do not fit", "[splits]") {
  CHECK_THAT(mlp::SequentialSplit(4999, {3000, 1000, 1000}).status().message(), Catch::Contains("5000 rows"));
  CHECK_FALSE(mlp::SequentialSplit(100, {0, 10, 10}).ok());
  CHECK_FALSE(mlp::SequentialSplit(100, {10, 10, 0}).ok());
  CHECK_FALSE(mlp::SequentialSplit(100, {10, -1, 10}).ok());
}

TEST_CASE("SplitByCoordinate puts the deepest rows in test, ties by row order", "[splits]") {
  Eigen::VectorXd depth(10);
  depth << 5, 1, 9, 9, 3, 7, 9, 2, 8, 4;
  const mlp::Result<mlp::Split> deepest = mlp::SplitByCoordinate(depth, {0.2, true});
  REQUIRE(deepest.ok());
  CHECK(deepest.value().test == Indices{2, 3});  // three rows at depth 9: the first two by row index
  CHECK(deepest.value().train == Indices{0, 1, 4, 5, 6, 7, 8, 9});

  const mlp::Result<mlp::Split> four = mlp::SplitByCoordinate(depth, {0.4, true});
  REQUIRE(four.ok());
  CHECK(four.value().test == Indices{2, 3, 6, 8});

  const mlp::Result<mlp::Split> shallowest = mlp::SplitByCoordinate(depth, {0.3, false});
  REQUIRE(shallowest.ok());
  CHECK(shallowest.value().test == Indices{1, 4, 7});
  CHECK(CoversEachRowOnce(10, {&shallowest.value().train, &shallowest.value().test}));
}

TEST_CASE("SplitByCoordinate on a well log: every test row is at least as deep as every train row", "[splits]") {
  const int rows = 1001;
  Eigen::VectorXd depth(rows);
  for (int row = 0; row < rows; ++row) depth[row] = 1500.0 + std::fmod(row * 37.0, 400.0);  // unsorted, with ties
  const mlp::Result<mlp::Split> split = mlp::SplitByCoordinate(depth, {0.2, true});
  REQUIRE(split.ok());
  CHECK(split.value().test.size() == 201);  // ceil(0.2 · 1001), sklearn's rounding of a test fraction
  CHECK(CoversEachRowOnce(rows, {&split.value().train, &split.value().test}));
  double shallowest_test = std::numeric_limits<double>::infinity(), deepest_train = -shallowest_test;
  for (int64_t row : split.value().test) shallowest_test = std::min(shallowest_test, depth[row]);
  for (int64_t row : split.value().train) deepest_train = std::max(deepest_train, depth[row]);
  CHECK(shallowest_test >= deepest_train);
}

TEST_CASE("SplitByCoordinate refuses bad fractions and missing values", "[splits]") {
  Eigen::VectorXd depth(4);
  depth << 1, 2, 3, 4;
  CHECK_THAT(mlp::SplitByCoordinate(depth, {0.0, true}).status().message(), Catch::Contains("between 0 and 1"));
  CHECK_FALSE(mlp::SplitByCoordinate(depth, {1.0, true}).ok());
  CHECK_FALSE(mlp::SplitByCoordinate(depth, {-0.5, true}).ok());
  CHECK_FALSE(mlp::SplitByCoordinate(Eigen::VectorXd::Constant(1, 3.0), {0.5, true}).ok());
  depth[2] = std::numeric_limits<double>::quiet_NaN();
  CHECK_THAT(mlp::SplitByCoordinate(depth, {0.5, true}).status().message(), Catch::Contains("Row 2"));
}
