// Splits, following scikit-learn 1.2.1's sklearn/model_selection/_split.py (train_test_split,
// ShuffleSplit, StratifiedShuffleSplit, KFold) and sklearn/utils/__init__.py (_approximate_mode)
// step by step, including the order of every draw from the legacy RandomState, because a single
// extra or missing draw changes every index after it.
//
// [SECTION] Messages and size rules (_validate_shuffle_split)
// [SECTION] Random and stratified train/test splits
// [SECTION] Sequential and coordinate splits
// [SECTION] K-fold
#include "core/data/splits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>
#include <string>

#include "core/base/rng.h"
#include "core/base/format.h"

namespace mlp {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Messages and size rules (_validate_shuffle_split)
// ---------------------------------------------------------------------------------------------

std::string Count(int64_t value) { return std::to_string(value); }

struct SizePair {
  int64_t train = 0;
  int64_t test = 0;
};

// One side's requested size ("test" or "train"): a fraction in (0, 1) or a count in [1, rows).
Status CheckSide(const char* side, const std::optional<double>& fraction, const std::optional<int64_t>& count,
                 int64_t rows) {
  const std::string name = side;
  if (fraction && count) {
    return Status::Error("Give the " + name + " size either as a fraction or as a row count, not both.");
  }
  if (fraction && !(*fraction > 0.0 && *fraction < 1.0)) {  // also refuses NaN
    return Status::Error("A " + name + " fraction of " + FormatNumber(*fraction) +
                         " is not possible: choose a value strictly between 0 and 1.");
  }
  if (count && (*count <= 0 || *count >= rows)) {
    return Status::Error("A " + name + " size of " + Count(*count) + " rows is not possible with " + Count(rows) +
                         " rows: choose at least 1 and fewer than " + Count(rows) + ".");
  }
  return Status::Ok();
}

// scikit-learn's _validate_shuffle_split(rows, test_size, train_size, default_test_size=0.25).
Result<SizePair> ResolveSizes(int64_t rows, const TrainTestSplitOptions& options) {
  if (rows < 2) {
    return Status::Error("Splitting needs at least 2 rows, but the table has " + Count(rows) + ".");
  }
  std::optional<double> test_fraction = options.test_fraction;
  const bool nothing_given = !options.test_fraction && !options.test_count && !options.train_fraction &&
                             !options.train_count;
  if (nothing_given) test_fraction = 0.25;
  if (Status status = CheckSide("test", test_fraction, options.test_count, rows); !status.ok()) return status;
  if (Status status = CheckSide("train", options.train_fraction, options.train_count, rows); !status.ok()) {
    return status;
  }
  if (test_fraction && options.train_fraction && *test_fraction + *options.train_fraction > 1.0) {
    return Status::Error("The train and test fractions add up to " +
                         FormatNumber(*test_fraction + *options.train_fraction) +
                         ", more than the whole table: reduce one of them.");
  }
  const double n = static_cast<double>(rows);
  // Same double products as Python, so 0.7 · 10 = 7.000000000000001 rounds up to 8 test rows there too.
  std::optional<int64_t> test;
  std::optional<int64_t> train;
  if (test_fraction) test = static_cast<int64_t>(std::ceil(*test_fraction * n));
  if (options.test_count) test = *options.test_count;
  if (options.train_fraction) train = static_cast<int64_t>(std::floor(*options.train_fraction * n));
  if (options.train_count) train = *options.train_count;
  if (!train) train = rows - *test;
  if (!test) test = rows - *train;
  if (*train + *test > rows) {
    return Status::Error("Train and test together would need " + Count(*train + *test) + " rows, but the table has " +
                         Count(rows) + ": reduce the test and/or train size.");
  }
  if (*train == 0) {
    return Status::Error("With " + Count(rows) + " rows and " + Count(*test) +
                         " of them for testing, no row is left to train on: choose a smaller test size.");
  }
  return SizePair{*train, *test};
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Random and stratified train/test splits
// ---------------------------------------------------------------------------------------------

// scikit-learn's _approximate_mode: how many of `draws` rows each class gets, proportional to
// `class_counts`, with the leftover rows going to the largest remainders; equal remainders are
// chosen by rng.choice(..., replace=False), which legacy NumPy implements as permutation[:size].
std::vector<int64_t> ApproximateMode(const std::vector<int64_t>& class_counts, int64_t draws, Rng& rng) {
  const size_t classes = class_counts.size();
  const double total = static_cast<double>(std::accumulate(class_counts.begin(), class_counts.end(), int64_t{0}));
  std::vector<double> continuous(classes);
  std::vector<double> floored(classes);
  double floored_sum = 0.0;
  for (size_t i = 0; i < classes; ++i) {
    continuous[i] = static_cast<double>(class_counts[i]) / total * static_cast<double>(draws);
    floored[i] = std::floor(continuous[i]);
    floored_sum += floored[i];
  }
  int64_t need_to_add = static_cast<int64_t>(static_cast<double>(draws) - floored_sum);
  if (need_to_add > 0) {
    std::vector<double> remainder(classes);
    for (size_t i = 0; i < classes; ++i) remainder[i] = continuous[i] - floored[i];
    std::vector<double> values = remainder;
    std::sort(values.begin(), values.end(), std::greater<double>());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (double value : values) {
      std::vector<size_t> tied;
      for (size_t i = 0; i < classes; ++i) {
        if (remainder[i] == value) tied.push_back(i);
      }
      const int64_t add_now = std::min(static_cast<int64_t>(tied.size()), need_to_add);
      const std::vector<int64_t> order = rng.Permutation(static_cast<int64_t>(tied.size()));
      for (int64_t k = 0; k < add_now; ++k) floored[tied[static_cast<size_t>(order[static_cast<size_t>(k)])]] += 1.0;
      need_to_add -= add_now;
      if (need_to_add == 0) break;
    }
  }
  std::vector<int64_t> result(classes);
  for (size_t i = 0; i < classes; ++i) result[i] = static_cast<int64_t>(floored[i]);
  return result;
}

}  // namespace

Result<Split> TrainTestSplit(int64_t rows, const TrainTestSplitOptions& options) {
  Result<SizePair> sizes = ResolveSizes(rows, options);
  if (!sizes.ok()) return sizes.status();
  const auto [train_rows, test_rows] = sizes.value();
  Split split;
  if (!options.shuffle) {
    split.train.resize(static_cast<size_t>(train_rows));
    split.test.resize(static_cast<size_t>(test_rows));
    std::iota(split.train.begin(), split.train.end(), int64_t{0});
    std::iota(split.test.begin(), split.test.end(), train_rows);
    return split;
  }
  Rng rng(options.random_state);
  const std::vector<int64_t> permutation = rng.Permutation(rows);
  split.test.assign(permutation.begin(), permutation.begin() + test_rows);
  split.train.assign(permutation.begin() + test_rows, permutation.begin() + test_rows + train_rows);
  return split;
}

Result<Split> StratifiedTrainTestSplit(const Eigen::VectorXd& labels, const TrainTestSplitOptions& options) {
  const int64_t rows = labels.size();
  if (rows == 0) return Status::Error("A stratified split needs class labels, but the label column is empty.");
  for (int64_t row = 0; row < rows; ++row) {
    if (std::isnan(labels[row])) {
      return Status::Error("Row " + Count(row) +
                           " has no class label: fill or drop missing labels before a stratified split.");
    }
  }
  Result<SizePair> sizes = ResolveSizes(rows, options);
  if (!sizes.ok()) return sizes.status();
  const auto [train_rows, test_rows] = sizes.value();
  if (!options.shuffle) {
    return Status::Error(
        "A stratified split has to shuffle the rows: turn shuffling on, or use an unshuffled plain split.");
  }

  // np.unique(labels, return_inverse=True): classes in ascending order, each row's class number.
  std::vector<double> classes(labels.data(), labels.data() + rows);
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  // Rows of each class in ascending order (the stable argsort of the class numbers).
  std::vector<std::vector<int64_t>> class_rows(classes.size());
  for (int64_t row = 0; row < rows; ++row) {
    const auto position = std::lower_bound(classes.begin(), classes.end(), labels[row]);
    const size_t c = static_cast<size_t>(position - classes.begin());
    class_rows[c].push_back(row);
  }
  std::vector<int64_t> class_counts(classes.size());
  for (size_t c = 0; c < classes.size(); ++c) {
    class_counts[c] = static_cast<int64_t>(class_rows[c].size());
    if (class_counts[c] < 2) {
      return Status::Error("Class " + FormatNumber(classes[c]) +
                           " has only 1 row, too few to stratify: every class needs at least 2 rows (one for "
                           "training, one for testing). Merge or drop that class, or use a plain random split.");
    }
  }
  const int64_t class_total = static_cast<int64_t>(classes.size());
  if (train_rows < class_total || test_rows < class_total) {
    const bool train_short = train_rows < class_total;
    return Status::Error("The " + std::string(train_short ? "training" : "test") + " part would have " +
                         Count(train_short ? train_rows : test_rows) + " rows, fewer than the " + Count(class_total) +
                         " classes, so some class could not appear in it: make that part larger.");
  }

  Rng rng(options.random_state);
  const std::vector<int64_t> train_per_class = ApproximateMode(class_counts, train_rows, rng);
  std::vector<int64_t> remaining(classes.size());
  for (size_t c = 0; c < classes.size(); ++c) remaining[c] = class_counts[c] - train_per_class[c];
  const std::vector<int64_t> test_per_class = ApproximateMode(remaining, test_rows, rng);

  Split split;
  for (size_t c = 0; c < classes.size(); ++c) {
    const std::vector<int64_t> order = rng.Permutation(class_counts[c]);
    const size_t train_end = static_cast<size_t>(train_per_class[c]);
    const size_t test_end = train_end + static_cast<size_t>(test_per_class[c]);
    for (size_t k = 0; k < test_end; ++k) {
      (k < train_end ? split.train : split.test).push_back(class_rows[c][static_cast<size_t>(order[k])]);
    }
  }
  rng.Shuffle(split.train);  // rng.permutation(train), then rng.permutation(test)
  rng.Shuffle(split.test);
  return split;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Sequential and coordinate splits
// ---------------------------------------------------------------------------------------------

Result<ThreeWaySplit> SequentialSplit(int64_t rows, const SequentialSplitOptions& options) {
  if (options.train_count < 1 || options.test_count < 1 || options.validation_count < 0) {
    return Status::Error("A sequential split needs at least 1 training row and 1 test row (validation may be 0).");
  }
  const int64_t needed = options.train_count + options.validation_count + options.test_count;
  if (needed > rows) {
    return Status::Error("Train, validation and test together need " + Count(needed) + " rows, but the table has " +
                         Count(rows) + ": make the parts smaller.");
  }
  ThreeWaySplit split;
  split.train.resize(static_cast<size_t>(options.train_count));
  split.validation.resize(static_cast<size_t>(options.validation_count));
  split.test.resize(static_cast<size_t>(options.test_count));
  std::iota(split.train.begin(), split.train.end(), int64_t{0});
  std::iota(split.validation.begin(), split.validation.end(), options.train_count);
  std::iota(split.test.begin(), split.test.end(), rows - options.test_count);
  return split;
}

Result<Split> SplitByCoordinate(const Eigen::VectorXd& values, const CoordinateSplitOptions& options) {
  const int64_t rows = values.size();
  if (rows < 2) return Status::Error("Splitting needs at least 2 rows, but the table has " + Count(rows) + ".");
  if (!(options.test_fraction > 0.0 && options.test_fraction < 1.0)) {
    return Status::Error("A test fraction of " + FormatNumber(options.test_fraction) +
                         " is not possible: choose a value strictly between 0 and 1.");
  }
  for (int64_t row = 0; row < rows; ++row) {
    if (std::isnan(values[row])) {
      return Status::Error("Row " + Count(row) +
                           " has no value in the split column: fill or drop missing values first.");
    }
  }
  const int64_t test_rows = static_cast<int64_t>(std::ceil(options.test_fraction * static_cast<double>(rows)));
  if (test_rows >= rows) {
    return Status::Error("With " + Count(rows) + " rows, a test fraction of " + FormatNumber(options.test_fraction) +
                         " leaves no row to train on: choose a smaller fraction.");
  }
  std::vector<int64_t> ranked(static_cast<size_t>(rows));
  std::iota(ranked.begin(), ranked.end(), int64_t{0});
  std::stable_sort(ranked.begin(), ranked.end(), [&](int64_t a, int64_t b) {
    return options.largest_is_test ? values[a] > values[b] : values[a] < values[b];
  });
  Split split;
  split.test.assign(ranked.begin(), ranked.begin() + test_rows);
  split.train.assign(ranked.begin() + test_rows, ranked.end());
  std::sort(split.test.begin(), split.test.end());
  std::sort(split.train.begin(), split.train.end());
  return split;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] K-fold
// ---------------------------------------------------------------------------------------------

Result<std::vector<Split>> KFold(int64_t rows, const KFoldOptions& options) {
  if (options.folds < 2) {
    return Status::Error("K-fold cross-validation needs at least 2 folds, got " + Count(options.folds) + ".");
  }
  if (options.folds > rows) {
    return Status::Error("Cannot cut " + Count(rows) + " rows into " + Count(options.folds) +
                         " folds: every fold needs at least one row. Use at most " + Count(rows) + " folds.");
  }
  std::vector<int64_t> order(static_cast<size_t>(rows));
  std::iota(order.begin(), order.end(), int64_t{0});
  if (options.shuffle) {
    Rng rng(options.random_state);
    rng.Shuffle(order);
  }
  const int64_t base = rows / options.folds;
  const int64_t longer_folds = rows % options.folds;
  std::vector<Split> folds(static_cast<size_t>(options.folds));
  std::vector<char> in_test(static_cast<size_t>(rows));
  int64_t start = 0;
  for (int64_t f = 0; f < options.folds; ++f) {
    const int64_t stop = start + base + (f < longer_folds ? 1 : 0);
    Split& fold = folds[static_cast<size_t>(f)];
    // sklearn turns each fold into a boolean mask over the rows, so both parts come back ascending.
    std::fill(in_test.begin(), in_test.end(), 0);
    for (int64_t k = start; k < stop; ++k) in_test[static_cast<size_t>(order[static_cast<size_t>(k)])] = 1;
    fold.test.reserve(static_cast<size_t>(stop - start));
    fold.train.reserve(static_cast<size_t>(rows - (stop - start)));
    for (int64_t row = 0; row < rows; ++row) {
      (in_test[static_cast<size_t>(row)] ? fold.test : fold.train).push_back(row);
    }
    start = stop;
  }
  return folds;
}

}  // namespace mlp
