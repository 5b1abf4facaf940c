// Buffers and small helpers shared by the layers of the deep-model engine (column = sample).
//   ColumnBuffer   owned storage for a fixed number of rows and a growing number of columns
//   StoredInput    the last Forward's input, kept by pointer for Backward (see layer.h)
//   ForEachSample  runs a per-sample body over the batch on the shared pool
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/thread_pool.h"
#include "core/nn/matrix.h"

namespace mlp::nn {

// Storage for `rows` × up-to-capacity columns. Resize(cols) returns the first `cols` columns as a
// contiguous rows×cols matrix; the storage grows only when a request exceeds every earlier one, so
// a smaller batch reuses it without allocating. (RowBuffer is the rows = samples counterpart.)
template <typename S>
class ColumnBuffer {
public:
  explicit ColumnBuffer(Eigen::Index rows = 0) : rows_(rows) {}

  // Makes room for `cols` columns (growing only if needed, contents then unspecified).
  MatrixView<S> Resize(Eigen::Index cols) {
    if (rows_ * cols > storage_.size()) storage_.resize(rows_ * cols);
    cols_ = cols;
    return view();
  }
  // Changes the fixed row count (set-up only; keeps the capacity in scalars).
  void SetRows(Eigen::Index rows) {
    rows_ = rows;
    cols_ = 0;
  }
  MatrixView<S> view() { return MatrixView<S>(storage_.data(), rows_, cols_); }
  ConstMatrixView<S> const_view() const { return ConstMatrixView<S>(storage_.data(), rows_, cols_); }
  S* data() { return storage_.data(); }
  const S* data() const { return storage_.data(); }
  Eigen::Index rows() const { return rows_; }
  Eigen::Index cols() const { return cols_; }

private:
  Eigen::Matrix<S, Eigen::Dynamic, 1> storage_;
  Eigen::Index rows_ = 0;
  Eigen::Index cols_ = 0;
};

// An empty view, returned by Backward when the input gradient was not asked for.
template <typename S>
ConstMatrixView<S> EmptyView() {
  return ConstMatrixView<S>(nullptr, 0, 0);
}

// The last Forward's input. Layers read it again in Backward instead of copying it, so the caller
// keeps it alive and unchanged in between (layer.h). Consecutive columns may lie further apart than
// their length (`stride`): a block of ROWS of a taller matrix; a block of columns is contiguous.
template <typename S>
struct StoredInput {
  const S* data = nullptr;
  Eigen::Index rows = 0, cols = 0, stride = 0;

  void Set(const ConstRef<S>& x) {
    data = x.data();
    rows = x.rows();
    cols = x.cols();
    stride = x.outerStride();
  }
  const S* column(Eigen::Index j) const { return data + j * stride; }
  Eigen::Map<const Matrix<S>, 0, Eigen::OuterStride<>> matrix() const {
    return Eigen::Map<const Matrix<S>, 0, Eigen::OuterStride<>>(data, rows, cols,
                                                                  Eigen::OuterStride<>(stride));
  }
  bool contiguous() const { return stride == rows || cols <= 1; }
};

// m itself when its columns are contiguous, otherwise a copy in `scratch` (which then must outlive
// the use of the returned view). For layers that read a batch as one channels × (positions·batch)
// matrix.
template <typename S>
ConstMatrixView<S> Contiguous(const ConstRef<S>& m, ColumnBuffer<S>& scratch) {
  if (m.outerStride() == m.rows() || m.cols() <= 1) return ConstMatrixView<S>(m.data(), m.rows(), m.cols());
  scratch.SetRows(m.rows());
  scratch.Resize(m.cols()) = m;
  return scratch.const_view();
}

// Calls body(sample) for every sample of the batch, split over the shared pool in chunks of
// `grain` samples. Each sample's work writes only that sample's output, so results do not depend
// on the thread count.
template <typename Body>
void ForEachSample(Eigen::Index batch, const Body& body, int64_t grain = 1) {
  SharedPool().ParallelFor(static_cast<int64_t>(batch), grain, [&](int64_t begin, int64_t end) {
    for (int64_t j = begin; j < end; ++j) body(static_cast<Eigen::Index>(j));
  });
}

}  // namespace mlp::nn
