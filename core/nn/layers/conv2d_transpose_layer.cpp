#include "core/nn/layers/conv2d_transpose_layer.h"

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

template <typename S>
ConstMatrixView<S> Conv2DTranspose<S>::Forward(const ConstRef<S>& x_in) {
  assert(x_in.rows() == input_.size() && "input rows must be input_shape().size()");
  batch_ = x_in.cols();
  const int64_t in_positions = geometry_.positions(), patch = geometry_.patch_size();
  const int64_t out_positions = int64_t{output_.height} * output_.width;
  x_ = Contiguous<S>(x_in, x_copy_).data();
  const ConstMatrixView<S> x(x_, input_.channels, in_positions * batch_);
  MatrixView<S> columns = columns_.Resize(in_positions * batch_);
  MatMulTransA(weights_, x, columns);  // Wᵀ·X: patch × (positions·batch)
  MatrixView<S> y = y_.Resize(batch_);
  ForEachSample(batch_, [&](Eigen::Index j) {
    y.col(j).setZero();
    Col2ImAdd(geometry_, columns.data() + j * in_positions * patch, y.col(j).data());
    MatrixView<S>(y.col(j).data(), settings_.filters, out_positions).colwise() += bias_.col(0);
  });
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> Conv2DTranspose<S>::Backward(const ConstRef<S>& dy_in, bool need_input_gradient) {
  assert(dy_in.rows() == output_.size() && dy_in.cols() == batch_ && "dy must match the last Forward");
  const int64_t in_positions = geometry_.positions(), patch = geometry_.patch_size();
  const int64_t out_positions = int64_t{output_.height} * output_.width;
  const ConstMatrixView<S> dy = Contiguous<S>(dy_in, dy_copy_);
  MatrixView<S> dcolumns = dcolumns_.Resize(in_positions * batch_);
  ForEachSample(batch_, [&](Eigen::Index j) {
    Im2Col(geometry_, dy.col(j).data(), dcolumns.data() + j * in_positions * patch);
  });
  const ConstMatrixView<S> x(x_, input_.channels, in_positions * batch_);
  MatMulTransB(x, dcolumns, weight_gradient_);  // dW = X·dcolumnsᵀ
  bias_gradient_ = ConstMatrixView<S>(dy.data(), settings_.filters, out_positions * batch_).rowwise().sum();
  if (!need_input_gradient) return EmptyView<S>();
  MatrixView<S> dx = dx_.Resize(batch_);
  MatMul(weights_, dcolumns, MatrixView<S>(dx.data(), input_.channels, in_positions * batch_));
  return dx_.const_view();
}

template class Conv2DTranspose<float>;
template class Conv2DTranspose<double>;

}  // namespace mlp::nn
