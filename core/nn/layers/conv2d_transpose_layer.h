// Transposed 2-D convolution ("deconvolution"): the adjoint of a Conv2D with the same kernel,
// stride and padding that maps the OUTPUT shape back to the input shape, so it upsamples by the
// stride. Output size (no output padding):
//   out = (in − 1)·stride − 2·pad + kernel
// and ⟨conv(x), y⟩ = ⟨x, convT(y)⟩ when both use the same weights and zero bias (tested).
//   x: (height, width, in_channels)   y: (out_height, out_width, filters)
//   W: in_channels × (kernel_height·kernel_width·filters), patch order (ky, kx, f)   b: filters × 1
// Forward: columns = Wᵀ·X over the whole batch (threaded MatMul), then col2im per sample, + b.
// Backward: dcolumns = im2col(dY), dW = X·dcolumnsᵀ, dX = W·dcolumns, db = Σ dY.
// No activation (add an ActivationLayer).
#pragma once

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/nn/layers/conv_geometry.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

struct Conv2DTransposeSettings {
  int filters = 16;  // output channels
  int kernel_height = 3, kernel_width = 3;
  int stride_y = 2, stride_x = 2;
  int pad_y = 0, pad_x = 0;  // cropped from both sides of the output
  WeightInit init = WeightInit::kHeUniform;
};

template <typename S>
class Conv2DTranspose : public Layer<S> {
public:
  static Status Check(const Shape& input, const Conv2DTransposeSettings& settings);
  Conv2DTranspose(const Shape& input, const Conv2DTransposeSettings& settings);

  std::string Describe() const override;
  Shape input_shape() const override { return input_; }
  Shape output_shape() const override { return output_; }

  // Uniform in ±limit with fan_in = kh·kw·filters, fan_out = kh·kw·in_channels (the fans Keras
  // reads off its (kh, kw, filters, in_channels) kernel), drawn in that array's NumPy C order:
  // input channel fastest. Biases 0.
  void Initialize(Rng& rng) override;
  std::vector<Parameter<S>> Parameters() override;  // "W" (in_channels × patch), "b" (filters × 1)

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

  Matrix<S>& weights() { return weights_; }
  Matrix<S>& bias() { return bias_; }

private:
  // Samples per slice of the batch (see the .cpp): a function of the shapes only.
  Eigen::Index SliceSamples() const;
  void ForwardSlice(Eigen::Index first, Eigen::Index count, MatrixView<S> y);
  void BackwardSlice(const ConstMatrixView<S>& dy, Eigen::Index first, Eigen::Index count, bool need_input_gradient,
                     MatrixView<S> dx);

  Shape input_, output_;
  Conv2DTransposeSettings settings_;
  WindowGeometry geometry_;  // of the convolution output → input this layer is the adjoint of
  Matrix<S> weights_, bias_, weight_gradient_, bias_gradient_;
  Matrix<S> weight_gradient_t_;  // patch × in_channels: dWᵀ, summed slice by slice in Backward
  ColumnBuffer<S> x_copy_, columns_, y_, dy_copy_, dcolumns_, dx_;
  const S* x_ = nullptr;  // the last input, contiguous (the caller's or x_copy_)
  Eigen::Index batch_ = 0;
};

extern template class Conv2DTranspose<float>;
extern template class Conv2DTranspose<double>;

}  // namespace mlp::nn
