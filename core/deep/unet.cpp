#include "core/deep/unet.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace mlp::deep {
namespace {

// Remembers the first failure of a chain of GraphNetwork::Add… calls and the last node added, so
// the builder reads as the architecture.
struct Chain {
  Status status;
  int last = -1;  // GraphNetwork::kInput
  int operator()(const Result<int>& added) {
    if (added.ok()) return last = added.value();
    if (status.ok()) status = added.status();
    return last;
  }
};

// [conv 3×3 → (batch-norm) → activation] ×2 after node `from`; returns the last node.
template <typename S>
int DoubleConv(GraphNetwork<S>& g, Chain& c, int from, int filters, const UNetSettings& settings) {
  nn::Conv2DSettings conv;
  conv.filters = filters;
  conv.pad_y = conv.pad_x = 1;
  int at = from;
  for (int k = 0; k < 2; ++k) {
    at = c(g.AddConv2D(at, conv));
    if (settings.batch_norm) at = c(g.AddBatchNorm(at, {settings.batch_norm_momentum, 1e-3}));
    at = c(g.AddActivation(at, settings.activation));
  }
  return at;
}

// The U-Net graph, whose Initialize also starts the head's bias at the settings' prior.
template <typename S>
class UNetGraph : public GraphNetwork<S> {
public:
  UNetGraph(const nn::Shape& image, double head_bias)
      : GraphNetwork<S>(image, OutputLoss::kSigmoidCrossEntropy), head_bias_(head_bias) {}
  void Initialize(uint32_t seed) override {
    GraphNetwork<S>::Initialize(seed);
    if (auto* head = dynamic_cast<nn::Conv2D<S>*>(this->layer(this->node_count() - 1)))
      head->bias().setConstant(static_cast<S>(head_bias_));
  }

private:
  double head_bias_;
};

}  // namespace

double PriorLogit(double share) {
  const double p = std::clamp(share, 1e-4, 0.5);
  return std::log(p / (1.0 - p));
}

template <typename S>
Result<std::unique_ptr<GraphNetwork<S>>> MakeUNet(const nn::Shape& image, const UNetSettings& settings) {
  const int depth = settings.depth, filters = settings.filters;
  if (image.time != 1) return Status::Error("unet takes single images, not sequences of frames.");
  if (depth < 1 || depth > 8) return Status::Error("unet: the depth must be between 1 and 8.");
  if (filters < 1) return Status::Error("unet: it needs at least 1 filter per level.");
  const int step = 1 << depth;
  if (image.height % step != 0 || image.width % step != 0)
    return Status::Error("unet of depth " + std::to_string(depth) + " halves the image " + std::to_string(depth) +
                         " times, so height and width must be divisible by " + std::to_string(step) + " (these are " +
                         std::to_string(image.height) + "×" + std::to_string(image.width) +
                         "): lower the depth or pick another image size.");
  using Graph = GraphNetwork<S>;
  if (!std::isfinite(settings.head_bias)) return Status::Error("unet: the head bias must be a finite number.");
  std::unique_ptr<Graph> net = std::make_unique<UNetGraph<S>>(image, settings.head_bias);
  Graph& g = *net;
  Chain c;
  std::vector<int> skips;
  int at = Graph::kInput;
  for (int level = 0; level < depth; ++level) {
    at = DoubleConv(g, c, at, filters << level, settings);
    skips.push_back(at);
    at = c(g.AddMaxPool(at));
  }
  at = DoubleConv(g, c, at, filters << depth, settings);
  for (int level = depth - 1; level >= 0; --level) {
    if (settings.transposed) {
      nn::Conv2DTransposeSettings up;
      up.filters = filters << level;
      up.kernel_height = up.kernel_width = 2;
      up.stride_y = up.stride_x = 2;
      at = c(g.AddConv2DTranspose(at, up));
    } else {
      at = c(g.AddUpsample(at, 2));
    }
    at = c(g.AddConcat(at, skips[static_cast<size_t>(level)]));
    at = DoubleConv(g, c, at, filters << level, settings);
  }
  nn::Conv2DSettings head;
  head.filters = 1;
  head.kernel_height = head.kernel_width = 1;
  head.init = nn::WeightInit::kGlorotUniform;
  c(g.AddConv2D(at, head));
  if (!c.status.ok()) return c.status;
  return net;
}

template Result<std::unique_ptr<GraphNetwork<float>>> MakeUNet<float>(const nn::Shape&, const UNetSettings&);
template Result<std::unique_ptr<GraphNetwork<double>>> MakeUNet<double>(const nn::Shape&, const UNetSettings&);

}  // namespace mlp::deep
