// Losses between a batch of predictions and targets (both batch×outputs, rows = samples; the
// *Columns variants below take the deep-model engine's layout, outputs×batch, column = sample).
//
// Convention, used everywhere (values, gradients, the fused output gradients of Mlp): a loss is
// SUMMED over the outputs of a sample and AVERAGED over the samples of the batch:
//   mse: (1/n) Σ_i Σ_j ½ (p_ij − t_ij)²
//   bce: −(1/n) Σ_i Σ_j [t_ij log p_ij + (1 − t_ij) log(1 − p_ij)]
//   cce: −(1/n) Σ_i Σ_j t_ij log p_ij          (each row of t a distribution, usually one-hot)
//   dice: (1/n) Σ_i [1 − (2 Σ_j p_ij t_ij + ε) / (Σ_j p_ij + Σ_j t_ij + ε)]   (soft Dice, ε =
//         kDiceSmoothing; the one loss that is a per-sample RATIO rather than a sum over outputs,
//         for segmentation masks: p in [0, 1] per pixel, t a 0/1 mask)
// BCE and CCE clamp probabilities to [kProbabilityEpsilon, 1 − kProbabilityEpsilon] so a saturated
// prediction gives a large finite loss instead of infinity. (Beyond the clamp the value is flat but
// the gradient is evaluated at the clamped p, so it stays finite and points back inside.)
// Dice needs no clamp: its gradient is bounded because the denominator is at least ε = 1, which also
// makes an empty prediction of an empty mask a perfect score (loss 0) rather than 0/0.
#pragma once

#include <string_view>

#include "core/nn/matrix.h"

namespace mlp::nn {

enum class Loss { kMeanSquaredError, kBinaryCrossEntropy, kCategoricalCrossEntropy, kDice };

inline constexpr double kProbabilityEpsilon = 1e-7;
inline constexpr double kDiceSmoothing = 1.0;  // ε of the soft Dice loss (the usual "smooth = 1")

// "mse", "bce", "cce", "dice".
std::string_view LossName(Loss loss);
// Inverse of LossName; false (and *loss untouched) for an unknown name.
bool ParseLoss(std::string_view name, Loss* loss);

// Mean loss over the batch (see the convention above).
template <typename S>
S LossValue(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target);

// grad = d(LossValue)/d(prediction), batch×outputs (already divided by the batch size).
template <typename S>
void LossGradient(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target,
                  MutableRef<S> grad);

// The same losses for the deep-model engine: prediction, target and grad are outputs×batch (one
// COLUMN per sample), n = number of columns. Same values as LossValue on the transposes.
template <typename S>
S LossValueColumns(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target);
template <typename S>
void LossGradientColumns(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target,
                         MutableRef<S> grad);

}  // namespace mlp::nn
