// Fully connected layer: A = f(X·W + b) for a batch X (rows = samples).
//   X: batch×inputs   W: inputs×outputs   b: 1×outputs   Z, A: batch×outputs
// Forward and Backward sit side by side; Forward caches what Backward needs. Buffers grow to the
// largest batch seen and smaller batches use their first rows, so once the layer has seen its
// largest batch neither pass allocates.
#pragma once

#include "core/base/rng.h"
#include "core/nn/activation.h"
#include "core/nn/matrix.h"

namespace mlp::nn {

template <typename S>
class DenseLayer {
public:
  DenseLayer(int inputs, int outputs, Activation activation);

  int inputs() const { return inputs_; }
  int outputs() const { return outputs_; }
  Activation activation() const { return activation_; }

  // Weights uniform in ±limit, drawn row by row (as NumPy fills an inputs×outputs array):
  // He (limit = √(6/inputs)) for ReLU and leaky ReLU, Glorot/Xavier (√(6/(inputs+outputs))) for
  // the others. Biases 0.
  void Initialize(Rng& rng);

  Matrix<S>& weights() { return weights_; }                 // inputs×outputs
  const Matrix<S>& weights() const { return weights_; }
  Matrix<S>& bias() { return bias_; }                       // 1×outputs
  const Matrix<S>& bias() const { return bias_; }
  Matrix<S>& weight_gradient() { return weight_gradient_; }  // d(loss)/dW, set by Backward
  const Matrix<S>& weight_gradient() const { return weight_gradient_; }
  Matrix<S>& bias_gradient() { return bias_gradient_; }      // d(loss)/db, set by Backward
  const Matrix<S>& bias_gradient() const { return bias_gradient_; }

  // Computes the activations of the x.rows() samples of x and returns them (batch×outputs).
  // x is read again by Backward: keep it alive and unchanged until then, and pass a matrix, a map
  // or a block of one (an expression would be evaluated into a temporary that dies with the call).
  ConstMatrixView<S> Forward(const ConstRef<S>& x);

  // Activations and pre-activations of the last Forward (its rows only), e.g. each neuron's output
  // over a grid of inputs for the UI.
  ConstMatrixView<S> activations() const { return a_.view(); }
  ConstMatrixView<S> pre_activations() const { return z_.view(); }

  // Given dA = d(loss)/dA for the last Forward's batch, sets the weight and bias gradients and
  // returns dX = d(loss)/dX (batch×inputs). The first layer of a network passes
  // compute_input_gradient = false to skip dX (then an empty matrix is returned).
  ConstMatrixView<S> Backward(const ConstRef<S>& dA, bool compute_input_gradient = true);
  // The same from dZ = d(loss)/dZ, skipping the activation: used when the output activation and
  // the loss have a fused gradient (sigmoid + BCE, softmax + CCE).
  ConstMatrixView<S> BackwardAffine(const ConstRef<S>& dZ, bool compute_input_gradient = true);

  // dX of the last Backward (empty if it was not computed).
  ConstMatrixView<S> input_gradient() const { return dx_.view(); }

private:
  int inputs_;
  int outputs_;
  Activation activation_;
  Matrix<S> weights_;
  Matrix<S> bias_;
  Matrix<S> weight_gradient_;
  Matrix<S> bias_gradient_;
  RowBuffer<S> z_;   // pre-activations
  RowBuffer<S> a_;   // activations
  RowBuffer<S> dz_;  // d(loss)/dZ
  RowBuffer<S> dx_;  // d(loss)/dX
  // The last Forward's input, read by Backward (see Forward).
  const S* input_ = nullptr;
  Eigen::Index input_rows_ = 0;
  Eigen::Index input_stride_ = 0;
};

extern template class DenseLayer<float>;
extern template class DenseLayer<double>;

}  // namespace mlp::nn
