#include "core/deep/network.h"

#include <algorithm>
#include <cassert>
#include <cmath>
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
Status Network<S>::AddScale(nn::ScaleDirection direction) {
  return Add(std::make_unique<nn::ScaleLayer<S>>(current_shape(), direction));
}

template <typename S>
nn::ScaleLayer<S>* Network<S>::InputScale() const {
  if (layers_.empty()) return nullptr;
  auto* scale = dynamic_cast<nn::ScaleLayer<S>*>(layers_.front().get());
  return scale && scale->direction() == nn::ScaleDirection::kStandardise ? scale : nullptr;
}

template <typename S>
nn::ScaleLayer<S>* Network<S>::OutputScale() const {
  if (layers_.empty()) return nullptr;
  auto* scale = dynamic_cast<nn::ScaleLayer<S>*>(layers_.back().get());
  return scale && scale->direction() == nn::ScaleDirection::kRestore ? scale : nullptr;
}

template <typename S>
double Network<S>::LossFactor() const {
  const nn::ScaleLayer<S>* out = OutputScale();
  if (!out || loss_ != OutputLoss::kMeanSquaredError) return 1.0;
  return 1.0 / (out->scale() * out->scale());
}

template <typename S>
double Network<S>::LossValue(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target) {
  return TrainableNetwork<S>::LossValue(output, target) * LossFactor();
}

template <typename S>
void Network<S>::LossGradient(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target, nn::MutableRef<S> gradient) {
  TrainableNetwork<S>::LossGradient(output, target, gradient);
  const double factor = LossFactor();
  if (factor != 1.0) gradient *= static_cast<S>(factor);
}

namespace {
// Mean and standard deviation of a stream of numbers, summed in double in arrival order.
struct Moments {
  double sum = 0, sum_squares = 0;
  int64_t count = 0;
  template <typename M>
  void Add(const M& m) {
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      for (Eigen::Index i = 0; i < m.rows(); ++i) {
        const double v = static_cast<double>(m(i, j));
        sum += v, sum_squares += v * v;
      }
    count += static_cast<int64_t>(m.size());
  }
  double mean() const { return count ? sum / static_cast<double>(count) : 0.0; }
  double sd() const {
    if (count < 2) return 1.0;
    const double variance = std::max(0.0, sum_squares / static_cast<double>(count) - mean() * mean());
    const double sd = std::sqrt(variance);
    return sd > 1e-9 * std::max(1.0, std::abs(mean())) ? sd : 1.0;  // constant data: leave the spread alone
  }
};
}  // namespace

template <typename S>
void Network<S>::Calibrate(BatchMaker& training_rows) {
  nn::ScaleLayer<S>* in = InputScale();
  nn::ScaleLayer<S>* out = OutputScale();
  if ((!in && !out) || training_rows.size() == 0) return;
  constexpr int kBatch = 256;
  Moments x, y;
  training_rows.KeepOrder();
  for (int k = 0; k < training_rows.BatchCount(kBatch); ++k) {
    training_rows.Fill(k, kBatch);
    if (in) x.Add(training_rows.x());
    if (out) y.Add(training_rows.y());
  }
  if (in) in->SetAffine(x.mean(), x.sd());
  if (out) out->SetAffine(y.mean(), y.sd());
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
