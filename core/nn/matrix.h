// Matrix vocabulary of the neural-network engine. Every batch is a column-major matrix whose ROWS
// are samples and whose COLUMNS are features or neurons (so a dense layer computes X·W + b with W
// of shape inputs×outputs). Networks run in float; gradient checks instantiate the same code in
// double.
#pragma once

#include <Eigen/Core>

namespace mlp::nn {

template <typename S>
using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;  // column-major, rows = samples
using MatrixF = Matrix<float>;
using MatrixD = Matrix<double>;

// A writable / read-only view of contiguous column-major storage (stride = rows).
template <typename S>
using MatrixView = Eigen::Map<Matrix<S>>;
template <typename S>
using ConstMatrixView = Eigen::Map<const Matrix<S>>;

// How functions take matrices: a Matrix, a Map, or a block of either (e.g. `x.topRows(n)`)
// binds without a copy as long as its columns are contiguous.
template <typename S>
using ConstRef = Eigen::Ref<const Matrix<S>>;
template <typename S>
using MutableRef = Eigen::Ref<Matrix<S>>;

// Storage for up to `capacity` rows of a fixed number of columns. View(rows) returns the first
// `rows` rows as a contiguous rows×cols matrix; the storage grows only when `rows` exceeds every
// earlier request, so a smaller batch (an epoch's last one) reuses it without allocating.
template <typename S>
class RowBuffer {
public:
  explicit RowBuffer(Eigen::Index cols = 0) : cols_(cols) {}

  // Makes room for `rows` rows (growing only if needed, contents then unspecified) and returns them.
  MatrixView<S> Resize(Eigen::Index rows) {
    if (rows * cols_ > storage_.size()) storage_.resize(rows * cols_);
    rows_ = rows;
    return view();
  }
  MatrixView<S> view() { return MatrixView<S>(storage_.data(), rows_, cols_); }
  ConstMatrixView<S> view() const { return const_view(); }
  ConstMatrixView<S> const_view() const { return ConstMatrixView<S>(storage_.data(), rows_, cols_); }
  Eigen::Index rows() const { return rows_; }
  Eigen::Index cols() const { return cols_; }
  Eigen::Index capacity_rows() const { return cols_ == 0 ? 0 : storage_.size() / cols_; }

private:
  Eigen::Matrix<S, Eigen::Dynamic, 1> storage_;  // aligned, so packet loads start aligned
  Eigen::Index rows_ = 0;
  Eigen::Index cols_ = 0;
};

}  // namespace mlp::nn
