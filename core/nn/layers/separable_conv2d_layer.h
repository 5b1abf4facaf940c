// Depthwise-separable 2-D convolution (as in MobileNet / Keras SeparableConv2D, depth multiplier 1):
// a kh×kw window filters each input channel on its own (depthwise, no bias), then a 1×1
// convolution mixes the channels into `filters` outputs (pointwise, with bias). It needs
// kh·kw·C + C·F weights instead of kh·kw·C·F.
//   depthwise D: (out_height, out_width, channels)   D(c) = Σ_{ky,kx} Wd(c, ky·kw+kx)·x_patch(ky,kx,c)
//   pointwise y = Wp·D + b
//   Wd: channels × (kh·kw)   Wp: filters × channels   b: filters × 1
// Forward and dX run per sample on the pool; the pointwise products are threaded MatMuls; the
// depthwise weight gradient is summed serially in sample order. All thread-count independent.
#pragma once

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/nn/layers/conv2d_layer.h"
#include "core/nn/layers/conv_geometry.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

template <typename S>
class SeparableConv2D : public Layer<S> {
public:
  static Status Check(const Shape& input, const Conv2DSettings& settings);
  // Same settings as Conv2D (filters = pointwise outputs).
  SeparableConv2D(const Shape& input, const Conv2DSettings& settings);

  std::string Describe() const override;
  Shape input_shape() const override { return input_; }
  Shape output_shape() const override { return output_; }

  // Depthwise first, uniform ±InitLimit(fan_in = kh·kw, fan_out = kh·kw), C order of a
  // (kh, kw, channels) array (channel fastest); then pointwise, ±InitLimit(channels, filters), C
  // order of (channels, filters) (filter fastest). Bias 0.
  void Initialize(Rng& rng) override;
  // "depthwise" (channels × kh·kw), "pointwise" (filters × channels), "b" (filters × 1).
  std::vector<Parameter<S>> Parameters() override;

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

  Matrix<S>& depthwise() { return depthwise_; }
  Matrix<S>& pointwise() { return pointwise_; }
  Matrix<S>& bias() { return bias_; }

private:
  Shape input_, output_;
  Conv2DSettings settings_;
  WindowGeometry geometry_;
  Matrix<S> depthwise_, pointwise_, bias_, depthwise_gradient_, pointwise_gradient_, bias_gradient_;
  ColumnBuffer<S> columns_, depth_, y_, dy_copy_, ddepth_, dcolumns_, dx_;
  Eigen::Index batch_ = 0;
};

extern template class SeparableConv2D<float>;
extern template class SeparableConv2D<double>;

}  // namespace mlp::nn
