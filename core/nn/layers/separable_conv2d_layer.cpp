#include "core/nn/layers/separable_conv2d_layer.h"

#include <cassert>

#include "core/tensor/parallel_gemm.h"

namespace mlp::nn {

template <typename S>
Status SeparableConv2D<S>::Check(const Shape& input, const Conv2DSettings& s) {
  if (s.filters < 1) return Status::Error("separable-conv2d needs at least one filter");
  WindowGeometry geometry;
  return MakeWindowGeometry("separable-conv2d", input, s.kernel_height, s.kernel_width, s.stride_y, s.stride_x,
                            s.pad_y, s.pad_x, &geometry);
}

template <typename S>
SeparableConv2D<S>::SeparableConv2D(const Shape& input, const Conv2DSettings& settings)
    : input_(input), settings_(settings) {
  const Status status = MakeWindowGeometry("separable-conv2d", input, settings.kernel_height, settings.kernel_width,
                                           settings.stride_y, settings.stride_x, settings.pad_y, settings.pad_x,
                                           &geometry_);
  assert(status.ok() && settings.filters > 0 && "check the settings with SeparableConv2D::Check first");
  (void)status;
  output_ = Shape{1, geometry_.out_height, geometry_.out_width, settings.filters};
  const int window = settings.kernel_height * settings.kernel_width;
  depthwise_ = Matrix<S>::Zero(input.channels, window);
  depthwise_gradient_ = Matrix<S>::Zero(input.channels, window);
  pointwise_ = Matrix<S>::Zero(settings.filters, input.channels);
  pointwise_gradient_ = Matrix<S>::Zero(settings.filters, input.channels);
  bias_ = Matrix<S>::Zero(settings.filters, 1);
  bias_gradient_ = Matrix<S>::Zero(settings.filters, 1);
  columns_.SetRows(geometry_.patch_size());
  dcolumns_.SetRows(geometry_.patch_size());
  depth_.SetRows(input.channels);
  ddepth_.SetRows(input.channels);
  y_.SetRows(output_.size());
  dx_.SetRows(input_.size());
}

template <typename S>
std::string SeparableConv2D<S>::Describe() const {
  const Conv2DSettings& s = settings_;
  return "separable-conv2d " + std::to_string(s.filters) + " " +
         DescribeWindow(s.kernel_height, s.kernel_width, s.stride_y, s.stride_x, s.pad_y, s.pad_x);
}

template <typename S>
void SeparableConv2D<S>::Initialize(Rng& rng) {
  const int64_t window = depthwise_.cols();
  const double depth_limit = InitLimit(settings_.init, window, window);
  for (Eigen::Index k = 0; k < window; ++k) {
    for (Eigen::Index c = 0; c < depthwise_.rows(); ++c) {
      depthwise_(c, k) = static_cast<S>(rng.Uniform(-depth_limit, depth_limit));
    }
  }
  const double point_limit = InitLimit(settings_.init, input_.channels, settings_.filters);
  for (Eigen::Index c = 0; c < pointwise_.cols(); ++c) {
    for (Eigen::Index f = 0; f < pointwise_.rows(); ++f) {
      pointwise_(f, c) = static_cast<S>(rng.Uniform(-point_limit, point_limit));
    }
  }
  bias_.setZero();
}

template <typename S>
std::vector<Parameter<S>> SeparableConv2D<S>::Parameters() {
  return {ViewParameter<S>("depthwise", depthwise_, depthwise_gradient_, false),
          ViewParameter<S>("pointwise", pointwise_, pointwise_gradient_, false),
          ViewParameter<S>("b", bias_, bias_gradient_, true)};
}

template <typename S>
ConstMatrixView<S> SeparableConv2D<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == input_.size() && "input rows must be input_shape().size()");
  batch_ = x.cols();
  const int64_t patch = geometry_.patch_size(), positions = geometry_.positions();
  const Eigen::Index channels = input_.channels, window = depthwise_.cols();
  MatrixView<S> columns = columns_.Resize(positions * batch_);
  MatrixView<S> depth = depth_.Resize(positions * batch_);
  ForEachSample(batch_, [&](Eigen::Index j) {
    Im2Col(geometry_, x.data() + j * x.outerStride(), columns.data() + j * positions * patch);
    // Row block k of a sample's columns holds window entry k of every channel.
    const ConstMatrixView<S> patches(columns.data() + j * positions * patch, patch, positions);
    auto d = depth.middleCols(j * positions, positions);
    d.setZero();
    for (Eigen::Index k = 0; k < window; ++k) {
      d += (patches.middleRows(k * channels, channels).array().colwise() * depthwise_.col(k).array()).matrix();
    }
  });
  y_.Resize(batch_);
  MatrixView<S> y(y_.data(), settings_.filters, positions * batch_);
  y.colwise() = bias_.col(0);
  MatMulAdd(pointwise_, depth, y);
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> SeparableConv2D<S>::Backward(const ConstRef<S>& dy_in, bool need_input_gradient) {
  assert(dy_in.rows() == output_.size() && dy_in.cols() == batch_ && "dy must match the last Forward");
  const int64_t patch = geometry_.patch_size(), positions = geometry_.positions();
  const Eigen::Index channels = input_.channels, window = depthwise_.cols();
  const ConstMatrixView<S> dy_columns = Contiguous<S>(dy_in, dy_copy_);
  const ConstMatrixView<S> dy(dy_columns.data(), settings_.filters, positions * batch_);
  MatMulTransB(dy, depth_.const_view(), pointwise_gradient_);  // dWp = dY·Dᵀ
  bias_gradient_ = dy.rowwise().sum();
  MatrixView<S> ddepth = ddepth_.Resize(positions * batch_);
  MatMulTransA(pointwise_, dy, ddepth);  // dD = Wpᵀ·dY
  // dWd(c, k) = Σ over samples and positions of dD(c) · patch entry k of channel c, in sample order.
  const ConstMatrixView<S> columns = columns_.const_view();
  depthwise_gradient_.setZero();
  for (Eigen::Index n = 0; n < positions * batch_; ++n) {
    for (Eigen::Index k = 0; k < window; ++k) {
      depthwise_gradient_.col(k) += columns.col(n).segment(k * channels, channels).cwiseProduct(ddepth.col(n));
    }
  }
  if (!need_input_gradient) return EmptyView<S>();
  MatrixView<S> dcolumns = dcolumns_.Resize(positions * batch_);
  MatrixView<S> dx = dx_.Resize(batch_);
  ForEachSample(batch_, [&](Eigen::Index j) {
    for (Eigen::Index p = j * positions; p < (j + 1) * positions; ++p) {
      for (Eigen::Index k = 0; k < window; ++k) {
        dcolumns.col(p).segment(k * channels, channels) = ddepth.col(p).cwiseProduct(depthwise_.col(k));
      }
    }
    dx.col(j).setZero();
    Col2ImAdd(geometry_, dcolumns.data() + j * positions * patch, dx.col(j).data());
  });
  return dx_.const_view();
}

template class SeparableConv2D<float>;
template class SeparableConv2D<double>;

}  // namespace mlp::nn
