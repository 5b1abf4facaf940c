#include "core/deep/graph_network.h"

#include <cassert>
#include <utility>

#include "core/deep/network_layers.h"

namespace mlp::deep {
namespace {

std::string SourceText(int node) { return node < 0 ? std::string("input") : std::to_string(node); }

}  // namespace

template <typename S>
GraphNetwork<S>::GraphNetwork(const nn::Shape& input, OutputLoss loss) : input_(input), loss_(loss) {}

template <typename S>
nn::Shape GraphNetwork<S>::node_shape(int node) const {
  return node == kInput ? input_ : nodes_[static_cast<size_t>(node)].shape;
}

template <typename S>
std::vector<int> GraphNetwork<S>::node_sources(int node) const {
  const Node& n = nodes_[static_cast<size_t>(node)];
  if (n.kind == Kind::kLayer) return {n.a};
  return {n.a, n.b};
}

template <typename S>
std::string GraphNetwork<S>::NodeText(int node) const {
  const Node& n = nodes_[static_cast<size_t>(node)];
  switch (n.kind) {
    case Kind::kLayer: return n.layer->Describe() + (n.a == node - 1 ? std::string() : " ← " + SourceText(n.a));
    case Kind::kConcat: return "concat " + SourceText(n.a) + " + " + SourceText(n.b);
    case Kind::kSum: return "add " + SourceText(n.a) + " + " + SourceText(n.b);
  }
  return {};
}

template <typename S>
Status GraphNetwork<S>::CheckSource(int source, const std::string& what) const {
  if (source == kInput || (source >= 0 && source < node_count())) return Status::Ok();
  return Status::Error("Node " + std::to_string(node_count()) + " (" + what + ") reads node " + std::to_string(source) +
                       ", which does not exist yet: a node reads the input (" + std::to_string(kInput) +
                       ") or nodes 0.." + std::to_string(node_count() - 1) + ".");
}

// Stores a checked node and counts it as a consumer of its sources (a merge of x with itself
// consumes x twice: both halves of its gradient flow back to x).
template <typename S>
int GraphNetwork<S>::Append(Node node) {
  node.gradient.SetRows(node.shape.size());
  const int sources[2] = {node.a, node.kind == Kind::kLayer ? kInput : node.b};
  nodes_.push_back(std::move(node));
  for (int source : sources)
    if (source != kInput) ++nodes_[static_cast<size_t>(source)].consumers;
  return node_count() - 1;
}

template <typename S>
Result<int> GraphNetwork<S>::Add(std::unique_ptr<nn::Layer<S>> layer, int from) {
  if (!layer) return Status::Error("No layer to add.");
  if (Status s = CheckSource(from, layer->Describe()); !s.ok()) return s;
  const nn::Shape have = node_shape(from);
  if (layer->input_shape() != have) {
    const std::string source = from == kInput ? std::string("the network's input")
                                              : "node " + std::to_string(from) + " (" + NodeText(from) + ")";
    return Status::Error("Node " + std::to_string(node_count()) + " (" + layer->Describe() + ") takes " +
                         ShapeText(layer->input_shape()) + " but " + source + " gives " + ShapeText(have) +
                         ": build the layer for " + ShapeText(have) + ".");
  }
  Node node;
  node.kind = Kind::kLayer;
  node.a = from;
  node.shape = layer->output_shape();
  node.layer = std::move(layer);
  return Append(std::move(node));
}

template <typename S>
Result<int> GraphNetwork<S>::AddConcat(int a, int b) {
  const std::string what = "concat " + SourceText(a) + " + " + SourceText(b);
  if (Status s = CheckSource(a, what); !s.ok()) return s;
  if (Status s = CheckSource(b, what); !s.ok()) return s;
  const nn::Shape sa = node_shape(a), sb = node_shape(b);
  if (Status s = nn::ChannelConcat<S>::Check(sa, sb); !s.ok())
    return Status::Error("Node " + std::to_string(node_count()) + " (" + what + ") joins " + ShapeText(sa) + " and " +
                         ShapeText(sb) + ": " + s.message() + ".");
  Node node;
  node.kind = Kind::kConcat;
  node.a = a;
  node.b = b;
  node.concat = std::make_unique<nn::ChannelConcat<S>>(sa, sb);
  node.shape = node.concat->output_shape();
  return Append(std::move(node));
}

template <typename S>
Result<int> GraphNetwork<S>::AddSum(int a, int b) {
  const std::string what = "add " + SourceText(a) + " + " + SourceText(b);
  if (Status s = CheckSource(a, what); !s.ok()) return s;
  if (Status s = CheckSource(b, what); !s.ok()) return s;
  const nn::Shape sa = node_shape(a), sb = node_shape(b);
  if (sa != sb)
    return Status::Error("Node " + std::to_string(node_count()) + " (" + what + ") adds " + ShapeText(sa) + " to " +
                         ShapeText(sb) + ": a sum needs two tensors of the same shape.");
  Node node;
  node.kind = Kind::kSum;
  node.a = a;
  node.b = b;
  node.shape = sa;
  node.sum.SetRows(sa.size());
  return Append(std::move(node));
}

// The helpers check `from` before reading its shape, then let `make` build the layer for it.
template <typename S>
template <typename Make>
Result<int> GraphNetwork<S>::AddMade(int from, const char* what, const Make& make) {
  if (Status s = CheckSource(from, what); !s.ok()) return s;
  Result<std::unique_ptr<nn::Layer<S>>> made = make(node_shape(from));
  if (!made.ok()) return Status::Error("Node " + std::to_string(node_count()) + ": " + made.status().message());
  return Add(std::move(made).value(), from);
}

template <typename S>
Result<int> GraphNetwork<S>::AddConv2D(int from, const nn::Conv2DSettings& settings) {
  return AddMade(from, "conv2d", [&](const nn::Shape& in) { return MakeConv2D<S>(in, settings); });
}

template <typename S>
Result<int> GraphNetwork<S>::AddConv2DTranspose(int from, const nn::Conv2DTransposeSettings& settings) {
  return AddMade(from, "conv2d-transpose", [&](const nn::Shape& in) { return MakeConv2DTranspose<S>(in, settings); });
}

template <typename S>
Result<int> GraphNetwork<S>::AddMaxPool(int from, const nn::PoolSettings& settings) {
  return AddMade(from, "max-pool", [&](const nn::Shape& in) { return MakeMaxPool<S>(in, settings); });
}

template <typename S>
Result<int> GraphNetwork<S>::AddUpsample(int from, int factor) {
  return AddMade(from, "upsample", [&](const nn::Shape& in) { return MakeUpsample<S>(in, factor); });
}

template <typename S>
Result<int> GraphNetwork<S>::AddActivation(int from, nn::Activation activation) {
  return AddMade(from, "activation", [&](const nn::Shape& in) { return MakeActivation<S>(in, activation); });
}

template <typename S>
Result<int> GraphNetwork<S>::AddBatchNorm(int from, const nn::BatchNormSettings& settings) {
  return AddMade(from, "batch-norm", [&](const nn::Shape& in) { return MakeBatchNorm<S>(in, settings); });
}

template <typename S>
Result<int> GraphNetwork<S>::AddDropout(int from, double rate) {
  return AddMade(from, "dropout", [&](const nn::Shape& in) { return MakeDropout<S>(in, rate); });
}

template <typename S>
void GraphNetwork<S>::Initialize(uint32_t seed) {
  Rng rng(seed);
  for (size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].layer) InitializeLayer(*nodes_[i].layer, rng, seed, i);
}

template <typename S>
void GraphNetwork<S>::SetTraining(bool training) {
  for (Node& n : nodes_)
    if (n.layer) n.layer->SetTraining(training);
}

template <typename S>
nn::ConstMatrixView<S> GraphNetwork<S>::OutputOf(int node, const nn::ConstRef<S>& x) const {
  if (node == kInput) return nn::ConstMatrixView<S>(x.data(), x.rows(), x.cols());
  const Node& n = nodes_[static_cast<size_t>(node)];
  return nn::ConstMatrixView<S>(n.output, n.shape.size(), n.output_cols);
}

template <typename S>
nn::ConstMatrixView<S> GraphNetwork<S>::Forward(const nn::ConstRef<S>& x) {
  assert(!nodes_.empty() && "add nodes before Forward");
  assert(x.rows() == input_.size() && "x must have input_shape().size() rows");
  assert((x.outerStride() == x.rows() || x.cols() <= 1) && "the input's columns must be contiguous");
  for (Node& n : nodes_) {
    const nn::ConstMatrixView<S> a = OutputOf(n.a, x);
    const S* out = nullptr;
    switch (n.kind) {
      case Kind::kLayer: out = n.layer->Forward(a).data(); break;
      case Kind::kConcat: out = n.concat->Forward(a, OutputOf(n.b, x)).data(); break;
      case Kind::kSum:
        n.sum.Resize(x.cols()).noalias() = a + OutputOf(n.b, x);
        out = n.sum.data();
        break;
    }
    n.output = out;
    n.output_cols = x.cols();
  }
  return OutputOf(node_count() - 1, x);
}

template <typename S>
void GraphNetwork<S>::Deliver(int node, const nn::ConstRef<S>& gradient) {
  if (node == kInput) return;
  Node& n = nodes_[static_cast<size_t>(node)];
  if (n.consumers == 1) {
    n.gradient_data = gradient.data();  // a view of the consumer's input gradient: no copy
    return;
  }
  if (n.arrived == 0) n.gradient.Resize(gradient.cols()) = gradient;
  else n.gradient.view() += gradient;
  ++n.arrived;
  n.gradient_data = n.gradient.data();
}

template <typename S>
void GraphNetwork<S>::Backward(const nn::ConstRef<S>& logit_gradient) {
  const Eigen::Index batch = logit_gradient.cols();
  for (Node& n : nodes_) n.arrived = 0, n.gradient_data = nullptr;
  const int last = node_count() - 1;
  for (int i = last; i >= 0; --i) {
    Node& n = nodes_[static_cast<size_t>(i)];
    if (i == last) {
      n.gradient_data = logit_gradient.data();
    } else if (n.consumers == 0) {  // a dead end: nothing downstream depends on it
      n.gradient.Resize(batch).setZero();
      n.gradient_data = n.gradient.data();
    }
    assert(n.gradient_data && "every consumer of a node comes after it");
    const nn::ConstMatrixView<S> g(n.gradient_data, n.shape.size(), batch);
    switch (n.kind) {
      case Kind::kLayer: {
        const nn::ConstMatrixView<S> dx = n.layer->Backward(g, n.a != kInput);
        if (n.a != kInput) Deliver(n.a, dx);
        break;
      }
      case Kind::kConcat:
        n.concat->Backward(g);
        Deliver(n.a, n.concat->gradient_a());
        Deliver(n.b, n.concat->gradient_b());
        break;
      case Kind::kSum:
        Deliver(n.a, g);
        Deliver(n.b, g);
        break;
    }
  }
}

template <typename S>
std::vector<nn::Parameter<S>> GraphNetwork<S>::Parameters() {
  std::vector<nn::Parameter<S>> all;
  for (size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].layer) AppendParameters(*nodes_[i].layer, "node" + std::to_string(i) + ".", all);
  return all;
}

template <typename S>
std::vector<StateTensor<S>> GraphNetwork<S>::States() {
  std::vector<StateTensor<S>> all;
  for (size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].layer) AppendStates(*nodes_[i].layer, "node" + std::to_string(i) + ".", all);
  return all;
}

template <typename S>
NetworkSummary GraphNetwork<S>::Summary() {
  NetworkSummary summary;
  summary.input = input_;
  summary.loss = std::string(OutputLossName(loss_));
  for (int i = 0; i < node_count(); ++i) {
    nn::Layer<S>* l = layer(i);
    const int64_t count = l ? l->ParameterCount() : 0;
    summary.rows.push_back({NodeText(i), node_shape(i), count});
    summary.total_parameters += count;
  }
  return summary;
}

template <typename S>
std::string GraphNetwork<S>::Fingerprint() {
  std::string text = "graph input " + ShapeText(input_) + "\n";
  for (int i = 0; i < node_count(); ++i) {
    const Node& n = nodes_[static_cast<size_t>(i)];
    const std::string what = n.kind == Kind::kLayer ? n.layer->Describe() : n.kind == Kind::kConcat ? "concat" : "add";
    text += std::to_string(i) + " ← " + SourceText(n.a) + (n.kind == Kind::kLayer ? "" : ", " + SourceText(n.b)) + ": " +
            what + " → " + ShapeText(n.shape) + "\n";
  }
  text += "loss " + std::string(OutputLossName(loss_)) + "\n";
  return text;
}

template <typename S>
nn::ConstMatrixView<S> GraphNetwork<S>::StageOutput(int stage) const {
  const Node& n = nodes_[static_cast<size_t>(stage)];
  return nn::ConstMatrixView<S>(n.output, n.output ? n.shape.size() : 0, n.output_cols);
}

template <typename S>
FilterBank GraphNetwork<S>::FirstFilters() {
  FilterBank bank;
  for (Node& n : nodes_)
    if (n.layer && FilterBankOf(*n.layer, bank)) break;
  return bank;
}

template class GraphNetwork<float>;
template class GraphNetwork<double>;

}  // namespace mlp::deep
