// FrameForecastNetwork: next-frame prediction that learns frame DIFFERENCES (the course's storm
// ConvLSTM, G5). A trunk maps the k input frames (k, h, w, 1) to p change maps (1, h, w, p); the
// network adds each of them to the LAST input frame, so the output (p, h, w, 1) holds the p
// predicted frames in the order of Dataset::dense_targets (frame-major, row-major pixels):
//   frame_c(y, x) = x_{k−1}(y, x) + Δ_c(y, x),   Δ = trunk(x)   (c = 0 … p − 1)
// A freshly initialised trunk gives small Δ, so training starts near the "repeat the last frame"
// forecast and spends its effort on what changes. Loss: mean squared error over every pixel.
// All p frames come out of one pass from the last hidden state (not fed back one by one).
// A series window is the special case of 1×1 frames: input (steps, 1, 1, 1), one predicted value.
// Scaling: when the trunk ends in a restore-scale layer (network.h), Calibrate fits it to the
// CHANGES (target − last input value) of the training rows, and the loss is the trunk's (in
// standardised units of those changes).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/deep/network.h"
#include "core/deep/trainable_network.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::deep {

template <typename S>
class FrameForecastNetwork final : public TrainableNetwork<S> {
public:
  // Ok when the trunk takes single-channel frames (k, h, w, 1) and gives (1, h, w, p), else why not.
  static Status Check(const Network<S>& trunk);
  // trunk must pass Check.
  explicit FrameForecastNetwork(std::unique_ptr<Network<S>> trunk);

  Network<S>& trunk() { return *trunk_; }
  int predicted_frames() const { return frames_; }

  nn::Shape input_shape() const override { return trunk_->input_shape(); }
  nn::Shape output_shape() const override;  // (p, h, w, 1)
  OutputLoss output_loss() const override { return OutputLoss::kMeanSquaredError; }
  void Initialize(uint32_t seed) override { trunk_->Initialize(seed); }
  void SetTraining(bool training) override { trunk_->SetTraining(training); }
  nn::ConstMatrixView<S> Forward(const nn::ConstRef<S>& x) override;
  void Backward(const nn::ConstRef<S>& logit_gradient) override;
  std::vector<nn::Parameter<S>> Parameters() override { return trunk_->Parameters(); }
  std::vector<StateTensor<S>> States() override { return trunk_->States(); }
  void Calibrate(BatchMaker& training_rows) override;
  double LossValue(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target) override {
    return trunk_->LossValue(output, target);
  }
  void LossGradient(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target, nn::MutableRef<S> gradient) override {
    trunk_->LossGradient(output, target, gradient);
  }
  NetworkSummary Summary() override;  // the trunk's rows, then "+ last input frame"
  std::string Fingerprint() override;
  // The trunk's layers, then the predicted frames.
  int StageCount() const override { return trunk_->StageCount() + 1; }
  std::string StageName(int stage) const override;
  nn::Shape StageShape(int stage) const override;
  nn::ConstMatrixView<S> StageOutput(int stage) const override;
  FilterBank FirstFilters() override { return trunk_->FirstFilters(); }

private:
  std::unique_ptr<Network<S>> trunk_;
  int frames_ = 1;   // p
  int pixels_ = 1;   // h·w
  int steps_ = 1;    // k
  nn::ColumnBuffer<S> output_, trunk_gradient_;
};

extern template class FrameForecastNetwork<float>;
extern template class FrameForecastNetwork<double>;

}  // namespace mlp::deep
