// Train/test splits.
#pragma once

#include "core/base/rng.h"
#include "core/data/dataset.h"

namespace mlp {

// Shuffles the rows with rng.Permutation and puts round(train_fraction · n) of them in train
// (at least one row on each side when n ≥ 2). Both index lists keep the permutation's order.
Split RandomSplit(int64_t rows, double train_fraction, Rng& rng);

}  // namespace mlp
