// 2-D and 1-D convolution (cross-correlation, as every framework computes it) with zero padding,
// stride and a bias per filter, computed as im2col + one matrix product over the whole batch.
//   x: (height, width, channels) per column    y: (out_height, out_width, filters) per column
//   W: filters × (kernel_height·kernel_width·channels), columns in patch order (ky, kx, c)
//   b: filters × 1
// No activation: follow the layer with an ActivationLayer (one place for every nonlinearity, and
// the convolution's backward stays a pure product).
//
// Forward:  columns = im2col(x) (per sample, in parallel), Y = W·columns + b (threaded MatMul).
// Backward: dW = dY·columnsᵀ, db = Σ dY over positions and samples, dX = col2im(Wᵀ·dY).
// The products are the deterministic parallel_gemm ones and col2im writes one sample per task, so
// every output and gradient is bit-identical whatever the thread count.
#pragma once

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/nn/layers/conv_geometry.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

struct Conv2DSettings {
  int filters = 16;
  int kernel_height = 3, kernel_width = 3;
  int stride_y = 1, stride_x = 1;
  int pad_y = 0, pad_x = 0;  // zeros on both sides; (kernel − 1) / 2 keeps the size at stride 1
  WeightInit init = WeightInit::kHeUniform;
};

template <typename S>
class Conv2D : public Layer<S> {
public:
  // Why `settings` cannot work on `input` (positive sizes, window no larger than the padded
  // input, padding smaller than the window), or Ok. The constructor asserts it.
  static Status Check(const Shape& input, const Conv2DSettings& settings);
  Conv2D(const Shape& input, const Conv2DSettings& settings);

  std::string Describe() const override;
  Shape input_shape() const override { return input_; }
  Shape output_shape() const override { return output_; }

  // Uniform in ±limit with fan_in = kh·kw·channels, fan_out = kh·kw·filters (conv_geometry.h),
  // drawn in NumPy C order of a (kh, kw, channels, filters) array (Keras' kernel layout): filter
  // index fastest. Biases 0.
  void Initialize(Rng& rng) override;
  std::vector<Parameter<S>> Parameters() override;  // "W" (filters × patch), "b" (filters × 1)

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

  const Conv2DSettings& settings() const { return settings_; }
  Matrix<S>& weights() { return weights_; }
  Matrix<S>& bias() { return bias_; }
  const Matrix<S>& weight_gradient() const { return weight_gradient_; }
  const Matrix<S>& bias_gradient() const { return bias_gradient_; }

private:
  Shape input_, output_;
  Conv2DSettings settings_;
  WindowGeometry geometry_;
  Matrix<S> weights_, bias_, weight_gradient_, bias_gradient_;
  Matrix<S> weight_gradient_t_;  // patch × filters: dWᵀ, the product Backward computes
  ColumnBuffer<S> columns_;   // patch × (positions·batch): im2col of the last input
  ColumnBuffer<S> y_;         // output
  ColumnBuffer<S> dy_copy_;   // dY when it arrives with strided columns
  ColumnBuffer<S> dcolumns_;  // Wᵀ·dY
  ColumnBuffer<S> dx_;
  Eigen::Index batch_ = 0;
};

struct Conv1DSettings {
  int filters = 16;
  int kernel = 3;
  int stride = 1;
  int pad = 0;
  WeightInit init = WeightInit::kHeUniform;
};

// A 1-D convolution over signals (1, length, channels): Conv2D with a 1-high kernel, so the same
// code, weights layout (filters × kernel·channels) and initialisation order.
template <typename S>
class Conv1D : public Conv2D<S> {
public:
  static Conv2DSettings As2D(const Conv1DSettings& settings);
  static Status Check(int length, int channels, const Conv1DSettings& settings);
  Conv1D(int length, int channels, const Conv1DSettings& settings);
  std::string Describe() const override;
};

extern template class Conv2D<float>;
extern template class Conv2D<double>;
extern template class Conv1D<float>;
extern template class Conv1D<double>;

}  // namespace mlp::nn
