#include "core/deep/network.h"

#include <cassert>
#include <new>
#include <utility>

#include "core/deep/network_layers.h"

namespace mlp::deep {

std::string ShapeText(const nn::Shape& s) {
  const auto n = [](int v) { return std::to_string(v); };
  if (s.time == 1 && s.height == 1 && s.width == 1) return n(s.channels);
  if (s.time == 1 && s.height == 1) return n(s.width) + "×" + n(s.channels);
  if (s.time == 1) return n(s.height) + "×" + n(s.width) + "×" + n(s.channels);
  return n(s.time) + "×" + n(s.height) + "×" + n(s.width) + "×" + n(s.channels);
}

template <typename S>
Network<S>::Network(const nn::Shape& input, OutputLoss loss) : input_(input), loss_(loss) {}

template <typename S>
nn::Shape Network<S>::current_shape() const {
  return layers_.empty() ? input_ : layers_.back()->output_shape();
}

template <typename S>
Status Network<S>::Add(std::unique_ptr<nn::Layer<S>> layer) {
  if (!layer) return Status::Error("No layer to add.");
  const nn::Shape have = current_shape();
  if (layer->input_shape() != have) {
    const std::string source = layers_.empty() ? std::string("the network's input")
                                               : "layer " + std::to_string(layers_.size() - 1) + " (" +
                                                     layers_.back()->Describe() + ")";
    return Status::Error("Layer " + std::to_string(layers_.size()) + " (" + layer->Describe() + ") takes " +
                         ShapeText(layer->input_shape()) + " but " + source + " gives " + ShapeText(have) +
                         ": build the layer for " + ShapeText(have) + " or add a Reshape/Flatten before it.");
  }
  layers_.push_back(std::move(layer));
  outputs_.emplace_back();
  return Status::Ok();
}

namespace {
// Adds a layer a Make* helper built, or passes on its message.
template <typename S>
Status AddMade(Network<S>& net, Result<LayerPtr<S>> made) {
  if (!made.ok()) return made.status();
  return net.Add(std::move(made).value());
}
}  // namespace

template <typename S>
Status Network<S>::AddConv2D(const nn::Conv2DSettings& settings) {
  return AddMade(*this, MakeConv2D<S>(current_shape(), settings));
}

template <typename S>
Status Network<S>::AddConv1D(const nn::Conv1DSettings& settings) {
  return AddMade(*this, MakeConv1D<S>(current_shape(), settings));
}

template <typename S>
Status Network<S>::AddMaxPool(const nn::PoolSettings& settings) {
  return AddMade(*this, MakeMaxPool<S>(current_shape(), settings));
}

template <typename S>
Status Network<S>::AddAveragePool(const nn::PoolSettings& settings) {
  return AddMade(*this, MakeAveragePool<S>(current_shape(), settings));
}

template <typename S>
Status Network<S>::AddDense(int units, nn::WeightInit init) {
  return AddMade(*this, MakeDense<S>(current_shape(), units, init));
}

template <typename S>
Status Network<S>::AddActivation(nn::Activation activation) {
  return AddMade(*this, MakeActivation<S>(current_shape(), activation));
}

template <typename S>
Status Network<S>::AddFlatten() {
  return AddMade(*this, MakeFlatten<S>(current_shape()));
}

template <typename S>
Status Network<S>::AddDropout(double rate) {
  return AddMade(*this, MakeDropout<S>(current_shape(), rate));
}

template <typename S>
Status Network<S>::AddBatchNorm(const nn::BatchNormSettings& settings) {
  return AddMade(*this, MakeBatchNorm<S>(current_shape(), settings));
}

template <typename S>
void Network<S>::Initialize(uint32_t seed) {
  Rng rng(seed);
  for (size_t i = 0; i < layers_.size(); ++i) InitializeLayer(*layers_[i], rng, seed, i);
}

template <typename S>
void Network<S>::SetTraining(bool training) {
  for (auto& layer : layers_) layer->SetTraining(training);
}

template <typename S>
nn::ConstMatrixView<S> Network<S>::Forward(const nn::ConstRef<S>& x) {
  assert(!layers_.empty() && "add layers before Forward");
  assert(x.rows() == input_.size() && "x must have input_shape().size() rows");
  nn::ConstMatrixView<S> a = layers_.front()->Forward(x);
  outputs_[0] = {a.data(), a.rows(), a.cols()};
  for (size_t i = 1; i < layers_.size(); ++i) {
    new (&a) nn::ConstMatrixView<S>(layers_[i]->Forward(a));  // Map cannot be re-seated by assignment
    outputs_[i] = {a.data(), a.rows(), a.cols()};
  }
  return a;
}

template <typename S>
void Network<S>::Backward(const nn::ConstRef<S>& logit_gradient) {
  nn::ConstMatrixView<S> g(logit_gradient.data(), logit_gradient.rows(), logit_gradient.cols());
  for (size_t i = layers_.size(); i-- > 0;) new (&g) nn::ConstMatrixView<S>(layers_[i]->Backward(g, i > 0));
}

template <typename S>
std::vector<nn::Parameter<S>> Network<S>::Parameters() {
  std::vector<nn::Parameter<S>> all;
  for (size_t i = 0; i < layers_.size(); ++i) AppendParameters(*layers_[i], "layer" + std::to_string(i) + ".", all);
  return all;
}

template <typename S>
std::vector<StateTensor<S>> Network<S>::States() {
  std::vector<StateTensor<S>> all;
  for (size_t i = 0; i < layers_.size(); ++i) AppendStates(*layers_[i], "layer" + std::to_string(i) + ".", all);
  return all;
}

template <typename S>
NetworkSummary Network<S>::Summary() {
  NetworkSummary summary;
  summary.input = input_;
  summary.loss = std::string(OutputLossName(loss_));
  for (auto& layer : layers_) {
    const int64_t count = layer->ParameterCount();
    summary.rows.push_back({layer->Describe(), layer->output_shape(), count});
    summary.total_parameters += count;
  }
  return summary;
}

template <typename S>
std::string Network<S>::Fingerprint() {
  std::string text = "input " + ShapeText(input_) + "\n";
  for (auto& layer : layers_) text += layer->Describe() + " → " + ShapeText(layer->output_shape()) + "\n";
  text += "loss " + std::string(OutputLossName(loss_)) + "\n";
  return text;
}

template <typename S>
std::string Network<S>::StageName(int stage) const {
  return layers_[static_cast<size_t>(stage)]->Describe();
}

template <typename S>
nn::Shape Network<S>::StageShape(int stage) const {
  return layers_[static_cast<size_t>(stage)]->output_shape();
}

template <typename S>
nn::ConstMatrixView<S> Network<S>::StageOutput(int stage) const {
  const OutputRef& o = outputs_[static_cast<size_t>(stage)];
  return nn::ConstMatrixView<S>(o.data, o.rows, o.cols);
}

template <typename S>
FilterBank Network<S>::FirstFilters() {
  FilterBank bank;
  for (auto& layer : layers_)
    if (FilterBankOf(*layer, bank)) break;
  return bank;
}

template class Network<float>;
template class Network<double>;

}  // namespace mlp::deep
