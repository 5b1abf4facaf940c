// Multilayer perceptron: a chain of dense layers (hidden layers share one activation, the output
// layer has its own), trained one batch at a time by ComputeGradients + an Optimizer.
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/rng.h"
#include "core/nn/activation.h"
#include "core/nn/dense_layer.h"
#include "core/nn/loss.h"
#include "core/nn/matrix.h"
#include "core/nn/parameter.h"
#include "core/nn/regularization.h"

namespace mlp::nn {

// Architecture (a plain struct the UI edits).
struct MlpSpec {
  int inputs = 2;
  std::vector<int> hidden;  // neurons per hidden layer, input side first
  Activation hidden_activation = Activation::kTanh;
  int outputs = 1;
  Activation output_activation = Activation::kSigmoid;
};

// True when the output activation and the loss have the fused gradient dZ = (A − Y)/batch
// (sigmoid + BCE, softmax + CCE), which Mlp uses instead of chaining the two backward passes.
bool HasFusedOutputGradient(Activation output_activation, Loss loss);

template <typename S>
class Mlp {
public:
  explicit Mlp(const MlpSpec& spec);
  Mlp(const Mlp& other);
  Mlp(Mlp&& other) noexcept;
  Mlp& operator=(const Mlp& other);
  Mlp& operator=(Mlp&& other) noexcept;

  const MlpSpec& spec() const { return spec_; }
  // Initialises layer 0, 1, ... in order from one Rng (see DenseLayer::Initialize).
  void Initialize(Rng& rng);

  // Output activations for the x.rows() samples of x (batch×outputs); valid until the next call.
  ConstMatrixView<S> Forward(const ConstRef<S>& x);

  // Forward and backward for one batch (x: batch×inputs, y: batch×outputs). Leaves every
  // parameter's gradient in Parameters()[i].grad, including the regularisation term of the
  // weights, and returns the mean DATA loss of the batch (without the penalty).
  S ComputeGradients(const ConstRef<S>& x, const ConstRef<S>& y, Loss loss,
                     Regularization regularization, S rate);
  // Σ over weight matrices of the penalty (see regularization.h); biases are not penalised.
  S RegularizationPenalty(Regularization regularization, S rate) const;

  // Views of every weight and bias with its gradient, in the stable order
  // layer0.W, layer0.b, layer1.W, layer1.b, ... Optimisers key their state by this index.
  std::vector<Parameter<S>>& Parameters() { return parameters_; }
  const std::vector<Parameter<S>>& Parameters() const { return parameters_; }

  int num_layers() const { return static_cast<int>(layers_.size()); }
  const DenseLayer<S>& layer(int index) const { return layers_[static_cast<size_t>(index)]; }
  DenseLayer<S>& layer(int index) { return layers_[static_cast<size_t>(index)]; }

  // Number of scalars over all parameters.
  int64_t ParameterCount() const;
  // All parameters flattened in Parameters() order, each column-major (for rollback/snapshots).
  void GetParameters(std::vector<S>* values) const;
  // Inverse of GetParameters; `values` must hold exactly ParameterCount() numbers.
  void SetParameters(const std::vector<S>& values);

private:
  void BuildParameters();

  MlpSpec spec_;
  std::vector<DenseLayer<S>> layers_;
  std::vector<Parameter<S>> parameters_;  // views into layers_
  RowBuffer<S> output_gradient_;          // d(loss)/d(output) or, fused, d(loss)/dZ of the last layer
};

extern template class Mlp<float>;
extern template class Mlp<double>;

}  // namespace mlp::nn
