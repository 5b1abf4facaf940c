// Network: a sequential deep network — an owned list of layers (core/nn/layers), each fed by the
// one before, ending in logits and an output loss (output_loss.h). Adding a layer checks that it
// takes the shape the network currently produces; the Add* helpers build a layer for the current
// shape after checking its settings, so a catalogue builder gets a message, never an assert.
// Templated on the scalar: float trains, double runs the end-to-end gradient checks.
//
// Scaling (scale_layer.h). A network that starts with a "standardise" layer and/or ends with a
// "restore scale" layer takes and gives raw values (knots); Calibrate fits the first one to the
// mean and standard deviation of every input entry of the training rows and the last one to those
// of the targets. With the restore layer and a mean-squared-error head, the loss is reported and
// differentiated in STANDARDISED units, ½·(y − t)²/σ² per output (σ the restore scale): the
// gradient reaching the weights is that of a problem with unit-spread targets whatever the units,
// and predicting the training mean scores about ½·(variance of the targets)/σ² ≈ ½.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/deep/trainable_network.h"
#include "core/nn/activation.h"
#include "core/nn/layers/conv_layers.h"
#include "core/nn/layers/scale_layer.h"

namespace mlp::deep {

template <typename S>
class Network : public TrainableNetwork<S> {
public:
  explicit Network(const nn::Shape& input, OutputLoss loss = OutputLoss::kSoftmaxCrossEntropy);

  // Appends `layer` if its input shape is the network's current output shape; otherwise a message
  // naming both layers and both shapes (and the network is unchanged).
  Status Add(std::unique_ptr<nn::Layer<S>> layer);
  // Build-and-add helpers for the current shape (settings checked with the layer's own Check).
  Status AddConv2D(const nn::Conv2DSettings& settings);
  Status AddConv1D(const nn::Conv1DSettings& settings);  // needs a (1, length, channels) shape
  Status AddMaxPool(const nn::PoolSettings& settings);
  Status AddAveragePool(const nn::PoolSettings& settings);
  Status AddDense(int units, nn::WeightInit init = nn::WeightInit::kHeUniform);
  Status AddActivation(nn::Activation activation);
  Status AddFlatten();
  Status AddDropout(double rate);  // mask seed derived from Initialize's seed
  Status AddBatchNorm(const nn::BatchNormSettings& settings = {});
  Status AddScale(nn::ScaleDirection direction);  // see "Scaling" above

  // The shape the next layer must take (the input's while there are no layers).
  nn::Shape current_shape() const;
  int layer_count() const { return static_cast<int>(layers_.size()); }
  nn::Layer<S>& layer(int i) { return *layers_[static_cast<size_t>(i)]; }
  void set_output_loss(OutputLoss loss) { loss_ = loss; }

  // TrainableNetwork.
  nn::Shape input_shape() const override { return input_; }
  nn::Shape output_shape() const override { return current_shape(); }
  OutputLoss output_loss() const override { return loss_; }
  void Initialize(uint32_t seed) override;
  void SetTraining(bool training) override;
  nn::ConstMatrixView<S> Forward(const nn::ConstRef<S>& x) override;
  void Backward(const nn::ConstRef<S>& logit_gradient) override;
  std::vector<nn::Parameter<S>> Parameters() override;  // names "layer<i>.W", "layer<i>.b", …
  // Batch norm: "layer<i>.running_mean", "….running_variance"; scale layers: "layer<i>.shift", "….scale".
  std::vector<StateTensor<S>> States() override;
  void Calibrate(BatchMaker& training_rows) override;
  double LossValue(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target) override;
  void LossGradient(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target, nn::MutableRef<S> gradient) override;
  NetworkSummary Summary() override;
  std::string Fingerprint() override;
  int StageCount() const override { return layer_count(); }
  std::string StageName(int stage) const override;
  nn::Shape StageShape(int stage) const override;
  nn::ConstMatrixView<S> StageOutput(int stage) const override;
  FilterBank FirstFilters() override;

private:
  // The first layer if it standardises, the last if it restores the scale (else nullptr).
  nn::ScaleLayer<S>* InputScale() const;
  nn::ScaleLayer<S>* OutputScale() const;
  // 1/σ² of the restore layer under an MSE head (the loss is then in standardised units), else 1.
  double LossFactor() const;

  struct OutputRef {  // the last Forward's output of one layer (storage owned by the layer)
    const S* data = nullptr;
    Eigen::Index rows = 0, cols = 0;
  };

  nn::Shape input_;
  OutputLoss loss_;
  std::vector<std::unique_ptr<nn::Layer<S>>> layers_;
  std::vector<OutputRef> outputs_;
};

extern template class Network<float>;
extern template class Network<double>;

}  // namespace mlp::deep
