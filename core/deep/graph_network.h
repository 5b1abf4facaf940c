// GraphNetwork: a deep network whose layers form a directed acyclic graph rather than a chain —
// what skip connections (U-Net) need. Nodes are numbered in the order they are added; each is
//   a layer node   an owned layer (core/nn/layers) fed by ONE earlier node or the input, or
//   a merge node   two earlier nodes joined: channel concatenation (ChannelConcat) or an
//                  element-wise sum (same shapes; residual connections).
// The last node's output is the logits. A node may feed any number of later nodes.
//
// Forward runs the nodes in order. Backward runs them in reverse; a node's output gradient is the
// SUM of what its consumers send back (the adjoint of using one value twice), accumulated in the
// node's own buffer in reverse consumer order — a fixed order, so results do not depend on
// threads. A node with one consumer passes that consumer's view on without a copy; a dead end
// (no consumer, not the output) gets a zero gradient. Buffers grow to the largest batch and are
// reused: no allocation per step once warm (layer.h's contract, kept by every node).
//
// Adds check shapes and settings and return the new node's index, or a message naming the node,
// its source and both shapes — the graph is then unchanged. Tensors are named "node<i>.W", ….
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/deep/trainable_network.h"
#include "core/nn/activation.h"
#include "core/nn/layers/conv_layers.h"

namespace mlp::deep {

template <typename S>
class GraphNetwork : public TrainableNetwork<S> {
public:
  static constexpr int kInput = -1;  // the "node" that stands for the network's input

  explicit GraphNetwork(const nn::Shape& input, OutputLoss loss = OutputLoss::kSigmoidCrossEntropy);

  // A layer node fed by `from` (kInput or an earlier node) if the layer takes that node's shape.
  Result<int> Add(std::unique_ptr<nn::Layer<S>> layer, int from);
  // Merge nodes: channels of a, then of b (same height and width); a + b (same shape).
  Result<int> AddConcat(int a, int b);
  Result<int> AddSum(int a, int b);
  // Build-and-add helpers for the shape of `from` (settings checked by the layer's own Check).
  Result<int> AddConv2D(int from, const nn::Conv2DSettings& settings);
  Result<int> AddConv2DTranspose(int from, const nn::Conv2DTransposeSettings& settings);
  Result<int> AddMaxPool(int from, const nn::PoolSettings& settings = {});
  Result<int> AddUpsample(int from, int factor);  // nearest neighbour, factor × factor
  Result<int> AddActivation(int from, nn::Activation activation);
  Result<int> AddBatchNorm(int from, const nn::BatchNormSettings& settings = {});
  Result<int> AddDropout(int from, double rate);

  int node_count() const { return static_cast<int>(nodes_.size()); }
  // Output shape of `node` (kInput: the input's).
  nn::Shape node_shape(int node) const;
  // The nodes feeding `node`: one for a layer node, two for a merge (kInput for the input).
  std::vector<int> node_sources(int node) const;
  // The layer of a layer node, nullptr for a merge node.
  nn::Layer<S>* layer(int node) { return nodes_[static_cast<size_t>(node)].layer.get(); }
  // "conv2d 8 3×3 pad 1", "concat 5 + 2" (source node numbers), "max-pool 2×2 ← 3" when the source is
  // not the node just before.
  std::string NodeText(int node) const;

  // TrainableNetwork.
  nn::Shape input_shape() const override { return input_; }
  nn::Shape output_shape() const override { return node_shape(node_count() - 1); }
  OutputLoss output_loss() const override { return loss_; }
  void Initialize(uint32_t seed) override;  // one Rng through the layer nodes in order
  void SetTraining(bool training) override;
  nn::ConstMatrixView<S> Forward(const nn::ConstRef<S>& x) override;
  void Backward(const nn::ConstRef<S>& logit_gradient) override;
  std::vector<nn::Parameter<S>> Parameters() override;  // "node<i>.W", "node<i>.b", …
  std::vector<StateTensor<S>> States() override;        // "node<i>.running_mean", "….running_variance"
  NetworkSummary Summary() override;                    // one row per node
  std::string Fingerprint() override;                   // nodes with their sources and shapes
  int StageCount() const override { return node_count(); }
  std::string StageName(int stage) const override { return NodeText(stage); }
  nn::Shape StageShape(int stage) const override { return node_shape(stage); }
  nn::ConstMatrixView<S> StageOutput(int stage) const override;
  FilterBank FirstFilters() override;  // of the first Conv2D node

private:
  enum class Kind { kLayer, kConcat, kSum };
  struct Node {
    Kind kind = Kind::kLayer;
    int a = kInput, b = kInput;  // sources (b: merge nodes only)
    nn::Shape shape;             // output shape
    std::unique_ptr<nn::Layer<S>> layer;           // kLayer
    std::unique_ptr<nn::ChannelConcat<S>> concat;  // kConcat
    nn::ColumnBuffer<S> sum;                       // kSum: the output
    int consumers = 0;                             // inputs of later nodes fed by this one
    // Last Forward's output (storage owned by the node's layer, concat or `sum`).
    const S* output = nullptr;
    Eigen::Index output_cols = 0;
    // Backward: dL/d(output). With one consumer, a view of that consumer's input gradient; else
    // accumulated in `gradient` (`arrived` counts the contributions of this pass).
    nn::ColumnBuffer<S> gradient;
    const S* gradient_data = nullptr;
    int arrived = 0;
  };

  Status CheckSource(int source, const std::string& what) const;
  int Append(Node node);
  template <typename Make>
  Result<int> AddMade(int from, const char* what, const Make& make);
  nn::ConstMatrixView<S> OutputOf(int node, const nn::ConstRef<S>& x) const;
  void Deliver(int node, const nn::ConstRef<S>& gradient);

  nn::Shape input_;
  OutputLoss loss_;
  std::vector<Node> nodes_;
};

extern template class GraphNetwork<float>;
extern template class GraphNetwork<double>;

}  // namespace mlp::deep
