// Element-wise nonlinearity as a layer of its own: conv, dense and transposed conv stay affine, and
// every network spells its activations out ("conv2d 16 3×3", "relu", ...). Any input shape.
//   linear, sigmoid, tanh, relu, leaky relu: the functions of core/nn/activation.h, entry by entry.
//   softmax: over the CHANNELS of each position (each sample's class scores for a (1,1,1,classes)
//            input; per pixel for a segmentation map), max subtracted first.
// ReLU's derivative at exactly 0 is the left one (0), as in activation.h.
#pragma once

#include <string>

#include "core/nn/activation.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

template <typename S>
class ActivationLayer : public Layer<S> {
public:
  ActivationLayer(const Shape& shape, Activation activation);

  std::string Describe() const override { return std::string(ActivationName(activation_)); }
  Shape input_shape() const override { return shape_; }
  Shape output_shape() const override { return shape_; }
  Activation activation() const { return activation_; }

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

private:
  Shape shape_;
  Activation activation_;
  ColumnBuffer<S> y_, dx_;
  StoredInput<S> input_;
};

extern template class ActivationLayer<float>;
extern template class ActivationLayer<double>;

}  // namespace mlp::nn
