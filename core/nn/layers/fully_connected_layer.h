// Dense layer of the deep-model engine (column = sample): y = W·x + b for each sample, whatever the
// input's shape (an image is read as its flat vector, so a conv stack can end in a dense head
// without a Flatten). Output shape (1, 1, 1, outputs). No activation: add an ActivationLayer.
//   x: inputs × batch   W: outputs × inputs   b: outputs × 1   y: outputs × batch
// (DenseLayer in core/nn/dense_layer.h is the rows = samples layer of the MLP playground.)
// Products are the deterministic threaded ones of parallel_gemm.
#pragma once

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/nn/layers/conv_geometry.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

template <typename S>
class FullyConnected : public Layer<S> {
public:
  static Status Check(const Shape& input, int outputs);
  FullyConnected(const Shape& input, int outputs, WeightInit init = WeightInit::kHeUniform);

  std::string Describe() const override { return "dense " + std::to_string(outputs_); }
  Shape input_shape() const override { return input_; }
  Shape output_shape() const override { return Shape{1, 1, 1, outputs_}; }

  // Uniform in ±limit (He √(6/inputs) or Glorot √(6/(inputs+outputs))), drawn in NumPy C order of
  // an inputs×outputs array, so the numbers equal DenseLayer's for the same seed. Biases 0.
  void Initialize(Rng& rng) override;
  std::vector<Parameter<S>> Parameters() override;  // "W" (outputs × inputs), "b" (outputs × 1)

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

  Matrix<S>& weights() { return weights_; }
  Matrix<S>& bias() { return bias_; }

private:
  Shape input_;
  int outputs_;
  WeightInit init_;
  Matrix<S> weights_, bias_, weight_gradient_, bias_gradient_;
  ColumnBuffer<S> y_, dx_;
  StoredInput<S> input_data_;
};

extern template class FullyConnected<float>;
extern template class FullyConnected<double>;

}  // namespace mlp::nn
