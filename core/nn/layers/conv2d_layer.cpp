#include "core/nn/layers/conv2d_layer.h"

#include <cassert>

#include "core/tensor/parallel_gemm.h"

namespace mlp::nn {

template <typename S>
Status Conv2D<S>::Check(const Shape& input, const Conv2DSettings& s) {
  if (s.filters < 1) return Status::Error("conv2d needs at least one filter");
  WindowGeometry geometry;
  return MakeWindowGeometry("conv2d", input, s.kernel_height, s.kernel_width, s.stride_y, s.stride_x,
                            s.pad_y, s.pad_x, &geometry);
}

template <typename S>
Conv2D<S>::Conv2D(const Shape& input, const Conv2DSettings& settings) : input_(input), settings_(settings) {
  const Status status = MakeWindowGeometry("conv2d", input, settings.kernel_height, settings.kernel_width,
                                           settings.stride_y, settings.stride_x, settings.pad_y,
                                           settings.pad_x, &geometry_);
  assert(status.ok() && settings.filters > 0 && "check the settings with Conv2D::Check first");
  (void)status;
  output_ = Shape{1, geometry_.out_height, geometry_.out_width, settings.filters};
  const Eigen::Index patch = geometry_.patch_size();
  weights_ = Matrix<S>::Zero(settings.filters, patch);
  weight_gradient_ = Matrix<S>::Zero(settings.filters, patch);
  weight_gradient_t_ = Matrix<S>::Zero(patch, settings.filters);
  bias_ = Matrix<S>::Zero(settings.filters, 1);
  bias_gradient_ = Matrix<S>::Zero(settings.filters, 1);
  columns_.SetRows(patch);
  dcolumns_.SetRows(patch);
  y_.SetRows(output_.size());
  dx_.SetRows(input_.size());
}

template <typename S>
std::string Conv2D<S>::Describe() const {
  const Conv2DSettings& s = settings_;
  return "conv2d " + std::to_string(s.filters) + " " +
         DescribeWindow(s.kernel_height, s.kernel_width, s.stride_y, s.stride_x, s.pad_y, s.pad_x);
}

template <typename S>
void Conv2D<S>::Initialize(Rng& rng) {
  const int64_t window = int64_t{settings_.kernel_height} * settings_.kernel_width;
  const double limit = InitLimit(settings_.init, window * input_.channels, window * settings_.filters);
  for (Eigen::Index k = 0; k < weights_.cols(); ++k) {  // (ky, kx, c) in C order
    for (Eigen::Index f = 0; f < weights_.rows(); ++f) weights_(f, k) = static_cast<S>(rng.Uniform(-limit, limit));
  }
  bias_.setZero();
}

template <typename S>
std::vector<Parameter<S>> Conv2D<S>::Parameters() {
  return {ViewParameter<S>("W", weights_, weight_gradient_, false), ViewParameter<S>("b", bias_, bias_gradient_, true)};
}

template <typename S>
ConstMatrixView<S> Conv2D<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == input_.size() && "input rows must be input_shape().size()");
  batch_ = x.cols();
  const int64_t patch = geometry_.patch_size(), positions = geometry_.positions();
  MatrixView<S> columns = columns_.Resize(positions * batch_);
  ForEachSample(batch_, [&](Eigen::Index j) {
    Im2Col(geometry_, x.data() + j * x.outerStride(), columns.data() + j * positions * patch);
  });
  y_.Resize(batch_);
  MatrixView<S> y(y_.data(), settings_.filters, positions * batch_);  // filters × (positions·batch)
  y.colwise() = bias_.col(0);
  MatMulAdd(weights_, columns, y);
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> Conv2D<S>::Backward(const ConstRef<S>& dy_in, bool need_input_gradient) {
  assert(dy_in.rows() == output_.size() && dy_in.cols() == batch_ && "dy must match the last Forward");
  const int64_t patch = geometry_.patch_size(), positions = geometry_.positions();
  const ConstMatrixView<S> dy_columns = Contiguous<S>(dy_in, dy_copy_);
  const ConstMatrixView<S> dy(dy_columns.data(), settings_.filters, positions * batch_);
  // When the patch is the longer side, dWᵀ = columns·dYᵀ: Eigen then packs the big columns matrix
  // in its own column-major order, not as a slow transposed (row-major) operand. A short patch
  // (e.g. 3×3×1) stays dW = dY·columnsᵀ, since a product with very few rows runs slowly.
  if (patch >= settings_.filters) {
    MatMulTransB(columns_.const_view(), dy, weight_gradient_t_);
    weight_gradient_ = weight_gradient_t_.transpose();
  } else {
    MatMulTransB(dy, columns_.const_view(), weight_gradient_);
  }
  bias_gradient_ = dy.rowwise().sum();
  if (!need_input_gradient) return EmptyView<S>();
  MatrixView<S> dcolumns = dcolumns_.Resize(positions * batch_);
  MatMulTransA(weights_, dy, dcolumns);  // Wᵀ·dY
  MatrixView<S> dx = dx_.Resize(batch_);
  ForEachSample(batch_, [&](Eigen::Index j) {
    dx.col(j).setZero();
    Col2ImAdd(geometry_, dcolumns.data() + j * positions * patch, dx.col(j).data());
  });
  return dx_.const_view();
}

template <typename S>
Conv2DSettings Conv1D<S>::As2D(const Conv1DSettings& s) {
  Conv2DSettings settings;
  settings.filters = s.filters;
  settings.kernel_height = 1;
  settings.kernel_width = s.kernel;
  settings.stride_y = 1;
  settings.stride_x = s.stride;
  settings.pad_y = 0;
  settings.pad_x = s.pad;
  settings.init = s.init;
  return settings;
}

template <typename S>
Status Conv1D<S>::Check(int length, int channels, const Conv1DSettings& settings) {
  return Conv2D<S>::Check(Shape{1, 1, length, channels}, As2D(settings));
}

template <typename S>
Conv1D<S>::Conv1D(int length, int channels, const Conv1DSettings& settings)
    : Conv2D<S>(Shape{1, 1, length, channels}, As2D(settings)) {}

template <typename S>
std::string Conv1D<S>::Describe() const {
  const Conv2DSettings& s = this->settings();
  std::string text = "conv1d " + std::to_string(s.filters) + " width " + std::to_string(s.kernel_width);
  if (s.stride_x != 1) text += " stride " + std::to_string(s.stride_x);
  if (s.pad_x != 0) text += " pad " + std::to_string(s.pad_x);
  return text;
}

template class Conv2D<float>;
template class Conv2D<double>;
template class Conv1D<float>;
template class Conv1D<double>;

}  // namespace mlp::nn
