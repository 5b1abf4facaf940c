// Batching: PreparedData rows (one row per sample, double) → the deep engine's float batches (one
// COLUMN per sample, channels-last; core/nn/layers/layer.h).
//   image  {h, w}            → (1, h, w, 1)         pixels row-major = channels-last with 1 channel
//   frames {t, h, w}         → (t, h, w, 1)
//   signal {length}          → (1, 1, length, 1)
//   signal {channels, length}→ (1, 1, length, channels)   (rows are channel-major: transposed here)
//   table  (features)        → (1, 1, 1, features)
// Targets: one-hot columns for classification, the value for regression, the row of dense_targets
// for per-pixel tasks, the input itself for autoencoders. A BatchMaker serves a fixed list of rows; Shuffle draws one
// Rng::Permutation per epoch, and Fill reuses its buffers, so a warm maker does not allocate.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/base/rng.h"
#include "core/base/status.h"
#include "core/data/dataset.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::deep {

enum class TargetEncoding {
  kOneHot,  // classification: `classes` rows, 1 at the class index
  kValue,   // one row: the target value (regression, or a 0/1 label for a sigmoid head)
  kDense,   // dense_targets' row (masks, next frames)
  kInput,   // the input itself (autoencoders), in the input's channels-last order
  kInputAndValue,  // the input, then the target value as one more row
};

// The per-sample input shape of `data` (table above), or why there is none (a signal whose
// sample_shape does not match its feature count, …).
Result<nn::Shape> InputShapeOf(const Dataset& data);
// "an image 28×28", "a signal of length 100", "a table of 4 features": for messages.
std::string DescribeInput(const Dataset& data);

class BatchMaker {
public:
  // Serves `rows` of `data` (which must outlive the maker). `classes` is used by kOneHot.
  // InputShapeOf(data) must be ok.
  BatchMaker(const Dataset& data, std::vector<int64_t> rows, TargetEncoding targets, int classes);

  int64_t size() const { return static_cast<int64_t>(rows_.size()); }
  nn::Shape input_shape() const { return input_; }
  int target_rows() const { return target_rows_; }
  // Batches of `batch_size` in one pass (the last one may be smaller).
  int BatchCount(int batch_size) const;

  // New epoch order: position i serves rows[permutation[i]] (one Rng::Permutation(size()) draw).
  void Shuffle(Rng& rng);
  // Back to the given order (evaluation).
  void KeepOrder();

  // Fills batch `index` (0-based) of the current order and returns its sample count b; x() is then
  // input_shape().size() × b and y() target_rows() × b. Views stay valid until the next Fill.
  int Fill(int index, int batch_size);
  nn::ConstMatrixView<float> x() const { return x_.const_view(); }
  nn::ConstMatrixView<float> y() const { return y_.const_view(); }
  // Dataset row of sample j of the last Fill.
  int64_t batch_row(int j) const { return rows_[static_cast<size_t>(order_[static_cast<size_t>(first_ + j)])]; }
  // Copies one dataset row into a 1-column input (for feature maps of a chosen sample).
  void FillOne(int64_t dataset_row, nn::MutableRef<float> out) const;

private:
  const Dataset* data_;
  std::vector<int64_t> rows_;
  std::vector<int64_t> order_;    // positions into rows_
  std::vector<int32_t> source_;   // feature column feeding each input entry (channels-last)
  TargetEncoding targets_;
  int classes_;
  nn::Shape input_;
  int target_rows_ = 1;
  int64_t first_ = 0;             // order position of the last Fill's first sample
  nn::ColumnBuffer<float> x_, y_;
};

}  // namespace mlp::deep
