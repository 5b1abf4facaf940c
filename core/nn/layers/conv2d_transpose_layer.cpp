#include "core/nn/layers/conv2d_transpose_layer.h"

#include <algorithm>
#include <cassert>

#include "core/tensor/parallel_gemm.h"

namespace mlp::nn {
namespace {

// The geometry of the convolution whose input is this layer's output.
Status TransposeGeometry(const Shape& input, const Conv2DTransposeSettings& s, WindowGeometry* g) {
  if (s.filters < 1) return Status::Error("conv2d-transpose needs at least one filter");
  if (input.time != 1) return Status::Error("conv2d-transpose takes images (time = 1)");
  if (input.height < 1 || input.width < 1 || input.channels < 1)
    return Status::Error("conv2d-transpose: the input needs a positive height, width and channel count");
  if (s.stride_y < 1 || s.stride_x < 1 || s.kernel_height < 1 || s.kernel_width < 1)
    return Status::Error("conv2d-transpose: the kernel and stride must be at least 1");
  const int out_height = (input.height - 1) * s.stride_y - 2 * s.pad_y + s.kernel_height;
  const int out_width = (input.width - 1) * s.stride_x - 2 * s.pad_x + s.kernel_width;
  if (out_height < 1 || out_width < 1)
    return Status::Error("conv2d-transpose: the padding crops the whole output");
  Status status = MakeWindowGeometry("conv2d-transpose", Shape{1, out_height, out_width, s.filters}, s.kernel_height,
                                     s.kernel_width, s.stride_y, s.stride_x, s.pad_y, s.pad_x, g);
  if (!status.ok()) return status;
  assert(g->out_height == input.height && g->out_width == input.width);
  return Status::Ok();
}

}  // namespace

template <typename S>
Status Conv2DTranspose<S>::Check(const Shape& input, const Conv2DTransposeSettings& settings) {
  WindowGeometry geometry;
  return TransposeGeometry(input, settings, &geometry);
}

template <typename S>
Conv2DTranspose<S>::Conv2DTranspose(const Shape& input, const Conv2DTransposeSettings& settings)
    : input_(input), settings_(settings) {
  const Status status = TransposeGeometry(input, settings, &geometry_);
  assert(status.ok() && "check the settings with Conv2DTranspose::Check first");
  (void)status;
  output_ = Shape{1, geometry_.in_height, geometry_.in_width, settings.filters};
  const Eigen::Index patch = geometry_.patch_size();
  weights_ = Matrix<S>::Zero(input.channels, patch);
  weight_gradient_ = Matrix<S>::Zero(input.channels, patch);
  weight_gradient_t_ = Matrix<S>::Zero(patch, input.channels);
  bias_ = Matrix<S>::Zero(settings.filters, 1);
  bias_gradient_ = Matrix<S>::Zero(settings.filters, 1);
  columns_.SetRows(patch);
  dcolumns_.SetRows(patch);
  y_.SetRows(output_.size());
  dx_.SetRows(input_.size());
}

template <typename S>
std::string Conv2DTranspose<S>::Describe() const {
  const Conv2DTransposeSettings& s = settings_;
  return "conv2d-transpose " + std::to_string(s.filters) + " " +
         DescribeWindow(s.kernel_height, s.kernel_width, s.stride_y, s.stride_x, s.pad_y, s.pad_x);
}

template <typename S>
void Conv2DTranspose<S>::Initialize(Rng& rng) {
  const int64_t window = int64_t{settings_.kernel_height} * settings_.kernel_width;
  const double limit = InitLimit(settings_.init, window * settings_.filters, window * input_.channels);
  for (Eigen::Index k = 0; k < weights_.cols(); ++k) {  // (ky, kx, f) in C order
    for (Eigen::Index c = 0; c < weights_.rows(); ++c) weights_(c, k) = static_cast<S>(rng.Uniform(-limit, limit));
  }
  bias_.setZero();
}

template <typename S>
std::vector<Parameter<S>> Conv2DTranspose<S>::Parameters() {
  return {ViewParameter<S>("W", weights_, weight_gradient_, false), ViewParameter<S>("b", bias_, bias_gradient_, true)};
}

namespace {

// The batch runs in slices of samples whose columns fit in about this many scalars (2 MB in float),
// so each slice's columns stay in cache between the product and col2im / im2col, instead of a
// whole batch's columns (51 MB for 64 samples of 28×28×64 under a 4×4 kernel) going through memory.
// The slice size depends only on the shapes, so results do not depend on the thread count.
constexpr int64_t kSliceScalars = int64_t{1} << 19;

// When the patch is the longer side, the weight gradient is summed as dWᵀ (patch × in_channels):
// Eigen then packs the big dcolumns in its own column-major order, not as a slow transposed
// (row-major) operand. A short patch (e.g. 3×3×1) keeps W's layout: products with very few rows
// run slowly.
bool PatchMajorGradient(const WindowGeometry& g, int in_channels) { return g.patch_size() >= in_channels; }

}  // namespace

template <typename S>
Eigen::Index Conv2DTranspose<S>::SliceSamples() const {
  const int64_t per_sample = geometry_.patch_size() * geometry_.positions();
  return static_cast<Eigen::Index>(std::max<int64_t>(1, kSliceScalars / per_sample));
}

template <typename S>
ConstMatrixView<S> Conv2DTranspose<S>::Forward(const ConstRef<S>& x_in) {
  assert(x_in.rows() == input_.size() && "input rows must be input_shape().size()");
  batch_ = x_in.cols();
  x_ = Contiguous<S>(x_in, x_copy_).data();
  MatrixView<S> y = y_.Resize(batch_);
  const Eigen::Index slice = std::min(SliceSamples(), batch_);
  columns_.Resize(slice * geometry_.positions());
  for (Eigen::Index first = 0; first < batch_; first += slice) ForwardSlice(first, std::min(slice, batch_ - first), y);
  return y_.const_view();
}

// Samples [first, first + count): columns = Wᵀ·X, then col2im while the columns are still in cache.
template <typename S>
void Conv2DTranspose<S>::ForwardSlice(Eigen::Index first, Eigen::Index count, MatrixView<S> y) {
  const int64_t in_positions = geometry_.positions(), patch = geometry_.patch_size();
  const int64_t out_positions = int64_t{output_.height} * output_.width;
  const ConstMatrixView<S> x(x_ + first * input_.size(), input_.channels, in_positions * count);
  MatrixView<S> columns(columns_.data(), patch, in_positions * count);
  MatMulTransA(weights_, x, columns);  // Wᵀ·X: patch × (positions·count)
  ForEachSample(count, [&](Eigen::Index i) {
    S* out = y.col(first + i).data();
    MatrixView<S>(out, settings_.filters, out_positions).colwise() = bias_.col(0);
    Col2ImAdd(geometry_, columns.data() + i * in_positions * patch, out);
  });
}

template <typename S>
ConstMatrixView<S> Conv2DTranspose<S>::Backward(const ConstRef<S>& dy_in, bool need_input_gradient) {
  assert(dy_in.rows() == output_.size() && dy_in.cols() == batch_ && "dy must match the last Forward");
  const int64_t out_positions = int64_t{output_.height} * output_.width;
  const ConstMatrixView<S> dy = Contiguous<S>(dy_in, dy_copy_);
  const Eigen::Index slice = std::min(SliceSamples(), batch_);
  dcolumns_.Resize(slice * geometry_.positions());
  MatrixView<S> dx = dx_.Resize(need_input_gradient ? batch_ : 0);
  weight_gradient_.setZero();
  weight_gradient_t_.setZero();
  for (Eigen::Index first = 0; first < batch_; first += slice)
    BackwardSlice(dy, first, std::min(slice, batch_ - first), need_input_gradient, dx);
  if (PatchMajorGradient(geometry_, input_.channels)) weight_gradient_ = weight_gradient_t_.transpose();
  bias_gradient_ = ConstMatrixView<S>(dy.data(), settings_.filters, out_positions * batch_).rowwise().sum();
  return need_input_gradient ? dx_.const_view() : EmptyView<S>();
}

// Samples [first, first + count): dcolumns = im2col(dY); dW += X·dcolumnsᵀ; dX = W·dcolumns.
template <typename S>
void Conv2DTranspose<S>::BackwardSlice(const ConstMatrixView<S>& dy, Eigen::Index first, Eigen::Index count,
                                       bool need_input_gradient, MatrixView<S> dx) {
  const int64_t in_positions = geometry_.positions(), patch = geometry_.patch_size();
  MatrixView<S> dcolumns(dcolumns_.data(), patch, in_positions * count);
  ForEachSample(count, [&](Eigen::Index i) {
    Im2Col(geometry_, dy.col(first + i).data(), dcolumns.data() + i * in_positions * patch);
  });
  const ConstMatrixView<S> x(x_ + first * input_.size(), input_.channels, in_positions * count);
  if (PatchMajorGradient(geometry_, input_.channels)) MatMulTransBAdd(dcolumns, x, weight_gradient_t_);
  else MatMulTransBAdd(x, dcolumns, weight_gradient_);
  if (!need_input_gradient) return;
  MatMul(weights_, dcolumns, MatrixView<S>(dx.col(first).data(), input_.channels, in_positions * count));
}

template class Conv2DTranspose<float>;
template class Conv2DTranspose<double>;

}  // namespace mlp::nn
