#include "core/nn/mlp.h"

#include <cassert>
#include <string>

namespace mlp::nn {

bool HasFusedOutputGradient(Activation output_activation, Loss loss) {
  return (output_activation == Activation::kSigmoid && loss == Loss::kBinaryCrossEntropy) ||
         (output_activation == Activation::kSoftmax && loss == Loss::kCategoricalCrossEntropy);
}

template <typename S>
Mlp<S>::Mlp(const MlpSpec& spec) : spec_(spec), output_gradient_(spec.outputs) {
  int width = spec.inputs;
  for (int neurons : spec.hidden) {
    layers_.emplace_back(width, neurons, spec.hidden_activation);
    width = neurons;
  }
  layers_.emplace_back(width, spec.outputs, spec.output_activation);
  BuildParameters();
}

// The parameter views point into the layers, so every copy or move rebuilds them for its own
// layers (and never assigns one Parameter to another, which would copy numbers, not views).
template <typename S>
Mlp<S>::Mlp(const Mlp& other)
    : spec_(other.spec_), layers_(other.layers_), output_gradient_(other.output_gradient_) {
  BuildParameters();
}

template <typename S>
Mlp<S>::Mlp(Mlp&& other) noexcept
    : spec_(std::move(other.spec_)),
      layers_(std::move(other.layers_)),
      output_gradient_(std::move(other.output_gradient_)) {
  other.parameters_.clear();
  BuildParameters();
}

template <typename S>
Mlp<S>& Mlp<S>::operator=(const Mlp& other) {
  if (this == &other) return *this;
  parameters_.clear();
  spec_ = other.spec_;
  layers_ = other.layers_;
  output_gradient_ = other.output_gradient_;
  BuildParameters();
  return *this;
}

template <typename S>
Mlp<S>& Mlp<S>::operator=(Mlp&& other) noexcept {
  if (this == &other) return *this;
  parameters_.clear();
  other.parameters_.clear();
  spec_ = std::move(other.spec_);
  layers_ = std::move(other.layers_);
  output_gradient_ = std::move(other.output_gradient_);
  BuildParameters();
  return *this;
}

template <typename S>
void Mlp<S>::BuildParameters() {
  parameters_.clear();
  parameters_.reserve(layers_.size() * 2);
  for (size_t i = 0; i < layers_.size(); ++i) {
    DenseLayer<S>& layer = layers_[i];
    const std::string prefix = "layer" + std::to_string(i);
    parameters_.push_back(Parameter<S>{
        prefix + ".W",
        Eigen::Map<Matrix<S>>(layer.weights().data(), layer.inputs(), layer.outputs()),
        Eigen::Map<Matrix<S>>(layer.weight_gradient().data(), layer.inputs(), layer.outputs()),
        false});
    parameters_.push_back(Parameter<S>{
        prefix + ".b", Eigen::Map<Matrix<S>>(layer.bias().data(), 1, layer.outputs()),
        Eigen::Map<Matrix<S>>(layer.bias_gradient().data(), 1, layer.outputs()), true});
  }
}

template <typename S>
void Mlp<S>::Initialize(Rng& rng) {
  for (auto& layer : layers_) layer.Initialize(rng);
}

template <typename S>
ConstMatrixView<S> Mlp<S>::Forward(const ConstRef<S>& x) {
  layers_[0].Forward(x);
  for (size_t i = 1; i < layers_.size(); ++i) layers_[i].Forward(layers_[i - 1].activations());
  return layers_.back().activations();
}

template <typename S>
S Mlp<S>::ComputeGradients(const ConstRef<S>& x, const ConstRef<S>& y, Loss loss,
                           Regularization regularization, S rate) {
  assert(x.rows() == y.rows() && y.cols() == spec_.outputs && "targets must be batch×outputs");
  const ConstMatrixView<S> output = Forward(x);
  const S data_loss = LossValue<S>(loss, output, y);

  const int last = num_layers() - 1;
  MatrixView<S> output_gradient = output_gradient_.Resize(x.rows());
  if (HasFusedOutputGradient(layers_[last].activation(), loss)) {
    // d(mean CE)/dZ of sigmoid+BCE and softmax+CCE simplifies to (A − Y)/batch: cheaper, and it
    // stays exact where A saturates and the chained form would divide 0 by 0.
    output_gradient = (output - y) / static_cast<S>(x.rows());
    layers_[last].BackwardAffine(output_gradient, last > 0);
  } else {
    LossGradient<S>(loss, output, y, output_gradient);
    layers_[last].Backward(output_gradient, last > 0);
  }
  for (int i = last - 1; i >= 0; --i) {
    layers_[static_cast<size_t>(i)].Backward(layers_[static_cast<size_t>(i) + 1].input_gradient(), i > 0);
  }
  if (regularization != Regularization::kNone) {
    for (auto& layer : layers_) {
      AddRegularizationGradient<S>(regularization, layer.weights(), rate, layer.weight_gradient());
    }
  }
  return data_loss;
}

template <typename S>
S Mlp<S>::RegularizationPenalty(Regularization regularization, S rate) const {
  S penalty(0);
  for (const auto& layer : layers_) {
    penalty += nn::RegularizationPenalty<S>(regularization, layer.weights(), rate);
  }
  return penalty;
}

template <typename S>
int64_t Mlp<S>::ParameterCount() const {
  int64_t count = 0;
  for (const auto& parameter : parameters_) count += parameter.value.size();
  return count;
}

template <typename S>
void Mlp<S>::GetParameters(std::vector<S>* values) const {
  values->resize(static_cast<size_t>(ParameterCount()));
  S* out = values->data();
  for (const auto& parameter : parameters_) {
    Eigen::Map<Matrix<S>>(out, parameter.value.rows(), parameter.value.cols()) = parameter.value;
    out += parameter.value.size();
  }
}

template <typename S>
void Mlp<S>::SetParameters(const std::vector<S>& values) {
  assert(static_cast<int64_t>(values.size()) == ParameterCount() &&
         "SetParameters needs exactly ParameterCount() values (from GetParameters)");
  const S* in = values.data();
  for (auto& parameter : parameters_) {
    parameter.value = Eigen::Map<const Matrix<S>>(in, parameter.value.rows(), parameter.value.cols());
    in += parameter.value.size();
  }
}

template class Mlp<float>;
template class Mlp<double>;

}  // namespace mlp::nn
