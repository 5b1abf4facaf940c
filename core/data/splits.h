// Splits: which rows train, validate and test. The random ones reproduce scikit-learn 1.2.1 index
// for index under an integer `random_state` (mlp::Rng is NumPy's legacy RandomState), so a lesson
// that printed `train_test_split(..., random_state=123)` gets the same rows here. Reference numbers:
// tests/golden/make_split_golden.py. Every function returns a failed Status with a message for the
// learner when the request cannot be met; indices are row numbers into the Dataset.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

// Sizes follow scikit-learn's `test_size` / `train_size`: a fraction in (0, 1) or a row count in
// [1, rows). Give at most one of fraction/count per side. A test fraction rounds up, a train
// fraction rounds down; a missing side is the complement; with neither side set, test is 25%.
struct TrainTestSplitOptions {
  std::optional<double> test_fraction;
  std::optional<int64_t> test_count;
  std::optional<double> train_fraction;
  std::optional<int64_t> train_count;
  uint32_t random_state = 0;  // the integer seed scikit-learn's `random_state` takes
  bool shuffle = true;        // false: train = the first rows, test = the rows right after them
};

// sklearn.model_selection.train_test_split(range(rows), ...): test = permutation[:n_test], train =
// permutation[n_test : n_test + n_train], both in permutation order.
Result<Split> TrainTestSplit(int64_t rows, const TrainTestSplitOptions& options);

// train_test_split(..., stratify=labels), i.e. StratifiedShuffleSplit: each class contributes rows
// to train and test in proportion to its size (scikit-learn's _approximate_mode, ties broken by the
// seed). `labels` holds one class value per row; classes are ordered by value, as np.unique does.
// Needs shuffle = true, at least two rows in every class, and at least as many train rows and as
// many test rows as there are classes (sklearn's conditions).
Result<Split> StratifiedTrainTestSplit(const Eigen::VectorXd& labels, const TrainTestSplitOptions& options);

// Train, validation and test row indices, each ascending.
struct ThreeWaySplit {
  std::vector<int64_t> train;
  std::vector<int64_t> validation;
  std::vector<int64_t> test;
};

// Row counts for a sequential split; the course's MNIST lesson uses 3000 / 1000 / 1000.
struct SequentialSplitOptions {
  int64_t train_count = 0;       // the first rows
  int64_t validation_count = 0;  // the rows right after train (may be 0)
  int64_t test_count = 0;        // the LAST rows of the table
};

// No shuffling: train = [0, train), validation = [train, train + validation), test = the last
// `test_count` rows. Rows between validation and test stay unused (the course's 28000/1000/1000
// split of 30672 images leaves 1672 out).
Result<ThreeWaySplit> SequentialSplit(int64_t rows, const SequentialSplitOptions& options);

struct CoordinateSplitOptions {
  double test_fraction = 0.2;   // in (0, 1); the test size is ceil(test_fraction · rows), as in sklearn
  bool largest_is_test = true;  // true: the deepest rows test (a depth column); false: the smallest
};

// Spatial split on one column (e.g. depth): rows are ranked by value with a stable sort, so equal
// values keep row order, and the ceil(test_fraction · rows) rows at the chosen end go to test.
// Both index lists come back ascending. Missing (NaN) values are refused.
Result<Split> SplitByCoordinate(const Eigen::VectorXd& values, const CoordinateSplitOptions& options);

struct KFoldOptions {
  int folds = 5;              // k ≥ 2 and ≤ rows
  bool shuffle = false;       // shuffle rows once before cutting folds
  uint32_t random_state = 0;  // used only when shuffle is true
};

// sklearn.model_selection.KFold(k, shuffle, random_state).split(range(rows)): fold f tests a run of
// consecutive rows in the (shuffled) order, the first rows % k folds one row longer, and trains on
// all other rows. As in sklearn, both lists come back ascending. Returns the k folds in order.
Result<std::vector<Split>> KFold(int64_t rows, const KFoldOptions& options);

}  // namespace mlp
