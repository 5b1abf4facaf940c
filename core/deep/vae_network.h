// VaeNetwork: a variational autoencoder (Kingma & Welling 2014) built from sequential Networks —
// an encoder, a decoder and an optional property head — trained by DeepRun like any network.
//
//   x ─encoder→ [μ; log σ²] (2·latent, linear) ─ z = μ + exp(½·log σ²)·ε ─decoder→ logits (x's size)
//                          └─ μ ─property head→ p (one value; optional)
//
// Loss per sample (summed over outputs, averaged over the batch, as output_loss.h):
//   reconstruction  Σ_pixels BCE(σ(logits), x)        the Bernoulli log-likelihood, from the logits
//   KL              ½ Σ_j (μ_j² + σ_j² − log σ_j² − 1) analytic, core/nn/gaussian_kl.h
//   property        property_weight · ½ (p − y)²       only with a property head
//   total = reconstruction + property + β·KL  (the negative ELBO when β = 1 and there is no head)
// The reconstruction (and property) term is the "output loss" (LossValue/LossGradient; targets
// come from TrainingTarget::kInput or kInputAndValue); β·KL is AuxiliaryLoss() and Backward adds
// its gradient to dμ, d(log σ²) itself.
//
// Output: the decoder's logits (input size rows); with a property head one more row, p. (A
// generic OutputPrediction(output_loss(), …) — DeepRun's activation_output — puts p through the
// sigmoid too: a property view should read the raw last row.)
// Clamp: the encoder's log σ² is clamped to [kMinLogVariance, kMaxLogVariance] before use (σ from
// 0.0067 to 148), so exp never overflows in float and a runaway head cannot blow up the KL. Outside
// the open interval the clamp is flat: its entries get zero gradient (the one-sided derivative of
// the flat side), consistently in the KL and the sampling paths.
//
// Noise ε ~ N(0, I), drawn column by column (sample-major, latent index fastest) from the
// network's own Rng:
//   training    the stream seeded by Initialize(seed), continuing from batch to batch;
//   inference   a second stream, reseeded to one fixed seed by every SetTraining(false), so the
//               validation loss is an honest one-sample ELBO estimate (not the optimistic z = μ
//               one) evaluated with the same ε every epoch — its curve moves only with the
//               weights, and loaded weights score exactly as when they were saved — and a view
//               re-run of one row is stable between snapshots.
// EncodeMean and Decode never sample. ReseedNoise(seed) restarts the training stream (for
// finite-difference checks, which must see the same ε in every evaluation).
//
// Stages (views): the encoder's layers, the sampling step (z, latent × batch), the decoder's
// layers, then the property head's. Parameters and states are named "encoder.layer0.W",
// "decoder.…", "property.…". Buffers are reused: once warm a training step does not allocate.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/rng.h"
#include "core/base/status.h"
#include "core/deep/latent_model.h"
#include "core/deep/network.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::deep {

inline constexpr double kMinLogVariance = -10.0;  // log σ² clamp (σ ≈ 0.0067)
inline constexpr double kMaxLogVariance = 10.0;   // (σ ≈ 148)

struct VaeSettings {
  int latent_dim = 2;
  double beta = 1.0;              // weight of the KL term (β-VAE, Higgins et al. 2017); ≥ 0
  double property_weight = 100.0; // weight of ½(p − y)² with a property head (the course: 100·MSE); ≥ 0
};

template <typename S>
class VaeNetwork : public TrainableNetwork<S>, public LatentModel<S> {
public:
  // Why the parts cannot form a VAE, or Ok: the encoder must end in 2·latent_dim outputs, the
  // decoder take latent_dim inputs and give as many outputs as the encoder takes, the property
  // head (may be null) take latent_dim inputs and give 1; each part needs at least one layer;
  // β and the property weight finite and ≥ 0.
  static Status Check(const Network<S>& encoder, const Network<S>& decoder, const Network<S>* property,
                      const VaeSettings& settings);
  // The parts must pass Check (asserted).
  VaeNetwork(std::unique_ptr<Network<S>> encoder, std::unique_ptr<Network<S>> decoder,
             std::unique_ptr<Network<S>> property, const VaeSettings& settings);

  double beta() const { return beta_; }
  void set_beta(double beta) { beta_ = beta; }
  double property_weight() const { return property_weight_; }
  void set_property_weight(double weight) { property_weight_ = weight; }
  bool has_property() const { return property_ != nullptr; }
  // Restarts the training noise stream at `seed` (the next Forward draws the same ε as after any
  // other ReseedNoise(seed)).
  void ReseedNoise(uint32_t seed) { noise_.Seed(seed); }
  Network<S>& encoder() { return *encoder_; }
  Network<S>& decoder() { return *decoder_; }

  // TrainableNetwork.
  TrainingTarget training_target() const override {
    return property_ ? TrainingTarget::kInputAndValue : TrainingTarget::kInput;
  }
  double AuxiliaryLoss() const override { return beta_ * kl_; }
  // Reconstruction BCE over the first input-size rows (+ property_weight·½(p − y)² on the last).
  double LossValue(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target) override;
  void LossGradient(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target, nn::MutableRef<S> gradient) override;
  nn::Shape input_shape() const override { return encoder_->input_shape(); }
  // The input's shape (a reconstruction is an image when the input is), or (input size + 1) with
  // a property head.
  nn::Shape output_shape() const override;
  // The reconstruction's head; with a property head its last row is a value (not a probability).
  OutputLoss output_loss() const override { return OutputLoss::kSigmoidCrossEntropy; }
  // Encoder from `seed`, decoder, property head and the training noise from seeds derived from it.
  void Initialize(uint32_t seed) override;
  void SetTraining(bool training) override;
  nn::ConstMatrixView<S> Forward(const nn::ConstRef<S>& x) override;
  void Backward(const nn::ConstRef<S>& output_gradient) override;
  std::vector<nn::Parameter<S>> Parameters() override;
  std::vector<StateTensor<S>> States() override;
  NetworkSummary Summary() override;
  std::string Fingerprint() override;
  int StageCount() const override;
  std::string StageName(int stage) const override;
  nn::Shape StageShape(int stage) const override;
  nn::ConstMatrixView<S> StageOutput(int stage) const override;
  FilterBank FirstFilters() override { return encoder_->FirstFilters(); }

  // LatentModel.
  int latent_dim() const override { return latent_; }
  void EncodeMean(const nn::ConstRef<S>& x, nn::MutableRef<S> mean) override;
  void Decode(const nn::ConstRef<S>& z, nn::MutableRef<S> out) override;
  double LastReconstructionLoss() const override { return last_reconstruction_; }
  double LastKl() const override { return last_kl_; }
  double ForwardReconstructionLoss() const override { return reconstruction_; }
  double ForwardKl() const override { return kl_; }

private:
  // Runs `net` backward from dy through every layer, the first included; returns dL/d(input).
  static nn::ConstMatrixView<S> BackwardToInput(Network<S>& net, const nn::ConstRef<S>& dy);

  std::unique_ptr<Network<S>> encoder_, decoder_, property_;
  int latent_;
  int64_t data_size_;  // rows of the reconstruction (= the input's size)
  double beta_, property_weight_;
  bool training_ = true;
  Rng noise_, inference_noise_;
  // Of the last Forward: μ, clamped log σ², ε, z (latent × batch), and the output with the
  // property row appended; gradients for Backward.
  nn::ColumnBuffer<S> mean_, log_variance_, epsilon_, z_, output_, encoder_gradient_, logit_gradient_,
      property_gradient_;
  nn::ColumnBuffer<S> clamp_mask_;  // 1 where the raw log σ² lies strictly inside the clamp range
  double kl_ = 0, last_kl_ = 0, reconstruction_ = 0, last_reconstruction_ = 0;
};

extern template class VaeNetwork<float>;
extern template class VaeNetwork<double>;

}  // namespace mlp::deep
