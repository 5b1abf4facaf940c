// Losses between a batch of predictions and targets (both batch×outputs, rows = samples).
//
// Convention, used everywhere (values, gradients, the fused output gradients of Mlp): a loss is
// SUMMED over the outputs of a sample and AVERAGED over the samples of the batch:
//   mse: (1/n) Σ_i Σ_j ½ (p_ij − t_ij)²
//   bce: −(1/n) Σ_i Σ_j [t_ij log p_ij + (1 − t_ij) log(1 − p_ij)]
//   cce: −(1/n) Σ_i Σ_j t_ij log p_ij          (each row of t a distribution, usually one-hot)
// BCE and CCE clamp probabilities to [kProbabilityEpsilon, 1 − kProbabilityEpsilon] so a saturated
// prediction gives a large finite loss instead of infinity.
#pragma once

#include <string_view>

#include "core/nn/matrix.h"

namespace mlp::nn {

enum class Loss { kMeanSquaredError, kBinaryCrossEntropy, kCategoricalCrossEntropy };

inline constexpr double kProbabilityEpsilon = 1e-7;

// "mse", "bce", "cce".
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

}  // namespace mlp::nn
