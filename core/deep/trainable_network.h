// TrainableNetwork: what the deep-model trainer (DeepRun), the weights file and the views need from
// a network, whatever its wiring. Network (network.h) is the sequential implementation; a graph
// network (U-Net skips, a VAE's two heads) implements the same interface and reuses the trainer.
//   Forward(x) → logits, Backward(dL/dlogits) sets every parameter gradient, Parameters() lists
//   the trainable tensors in a fixed order (the optimiser keys its state by that order).
// Layout as in core/nn/layers/layer.h: one column per sample, channels-last.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/deep/batching.h"
#include "core/deep/output_loss.h"
#include "core/nn/layers/layer.h"

namespace mlp::deep {

// One line of the model summary.
struct SummaryRow {
  std::string layer;      // the layer's Describe(): "conv2d 16 3×3 pad 1"
  nn::Shape output;       // output shape of this layer
  int64_t parameters = 0; // trainable numbers in this layer
};

struct NetworkSummary {
  nn::Shape input;
  std::vector<SummaryRow> rows;
  int64_t total_parameters = 0;
  std::string loss;  // OutputLossName of the head
};

// "28×28×16" for an image, "100×16" for a signal (length × channels), "128" for a vector,
// "5×8×8×1" for a sequence of frames.
std::string ShapeText(const nn::Shape& shape);

// The weights of the first convolution, for the filter view: filter-major, each filter
// height × width × channels in channels-last order (row f of Conv2D's W). Empty (filters = 0) when
// the network has no convolution.
struct FilterBank {
  int filters = 0, height = 0, width = 0, channels = 0;
  std::vector<float> weights;  // filters·height·width·channels
};

// A tensor that is saved with the weights but not trained by the optimiser (batch normalisation's
// running mean and variance). A view of storage the network owns.
template <typename S>
struct StateTensor {
  std::string name;                 // "layer3.running_mean"
  Eigen::Map<nn::Matrix<S>> value;
};

// What the network's output is trained to match.
enum class TrainingTarget {
  kDataTargets,  // the data's labels, values or dense targets (per the output loss; deep_run.cpp)
  kInput,        // the input itself (autoencoders: the output has the input's size)
  kInputAndValue,  // the input, then the data's value as one more row (a VAE with a property head)
};

template <typename S>
class TrainableNetwork {
public:
  virtual ~TrainableNetwork() = default;

  virtual TrainingTarget training_target() const { return TrainingTarget::kDataTargets; }
  // A loss term the network adds on top of the output loss, for the last Forward's batch and as a
  // mean per sample (a VAE's β·KL); Backward adds its gradient itself. 0 for plain networks.
  virtual double AuxiliaryLoss() const { return 0.0; }
  // The loss of an output against its target (mean per sample) and dL/doutput. The defaults are
  // the output head's (output_loss.h); a network with a composite head (reconstruction logits plus
  // a property value) overrides both.
  virtual double LossValue(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target) {
    return OutputLossValue<S>(output_loss(), output, target);
  }
  virtual void LossGradient(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target, nn::MutableRef<S> gradient) {
    OutputLossGradient<S>(output_loss(), output, target, gradient);
  }

  virtual nn::Shape input_shape() const = 0;
  virtual nn::Shape output_shape() const = 0;   // shape of the logits
  virtual OutputLoss output_loss() const = 0;
  // Draws every weight from one Rng seeded with `seed`, layer by layer in order.
  virtual void Initialize(uint32_t seed) = 0;
  // Training vs inference behaviour (dropout, batch normalisation).
  virtual void SetTraining(bool training) = 0;
  // x: input_shape().size() × batch → logits: output_shape().size() × batch. The input must stay
  // alive and unchanged until Backward; the returned view is owned by the network.
  virtual nn::ConstMatrixView<S> Forward(const nn::ConstRef<S>& x) = 0;
  // logit_gradient = dL/dlogits of the last Forward's batch; overwrites every parameter gradient.
  virtual void Backward(const nn::ConstRef<S>& logit_gradient) = 0;
  virtual std::vector<nn::Parameter<S>> Parameters() = 0;
  // Non-trainable state that inference depends on, in a fixed order (empty by default).
  virtual std::vector<StateTensor<S>> States() { return {}; }
  // Fits data-derived constants (input and target scaling, nn/layers/scale_layer.h) on the rows
  // the run trains on; DeepRun calls it after every Initialize. Fill's batches of `training_rows`
  // in its current order are all the network may read. Nothing by default.
  virtual void Calibrate(BatchMaker& training_rows) { (void)training_rows; }

  virtual NetworkSummary Summary() = 0;
  // The architecture as text (input, each layer and its output shape, the loss): two networks can
  // exchange weights exactly when their fingerprints are equal.
  virtual std::string Fingerprint() = 0;

  // Views. A "stage" is whatever the network can show an output of (a layer for Network); its
  // output refers to the last Forward and stays valid until the next one.
  virtual int StageCount() const = 0;
  virtual std::string StageName(int stage) const = 0;
  virtual nn::Shape StageShape(int stage) const = 0;
  virtual nn::ConstMatrixView<S> StageOutput(int stage) const = 0;
  virtual FilterBank FirstFilters() = 0;
};

}  // namespace mlp::deep
