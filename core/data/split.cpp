#include "core/data/split.h"

#include <algorithm>
#include <cmath>

namespace mlp {

Split RandomSplit(int64_t rows, double train_fraction, Rng& rng) {
  const std::vector<int64_t> order = rng.Permutation(rows);
  int64_t train_rows = static_cast<int64_t>(std::llround(std::clamp(train_fraction, 0.0, 1.0) * rows));
  if (rows >= 2) train_rows = std::clamp<int64_t>(train_rows, 1, rows - 1);
  Split split;
  split.train.assign(order.begin(), order.begin() + train_rows);
  split.test.assign(order.begin() + train_rows, order.end());
  return split;
}

}  // namespace mlp
