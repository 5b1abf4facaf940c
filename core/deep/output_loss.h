// The output head of a deep network: the last layer gives LOGITS (no activation), and the loss
// pairs the matching output function with its loss so that the gradient reaching the logits is
// the simple, well-conditioned fused one:
//   softmax + categorical cross-entropy   p = softmax(z) per column    dL/dz = (p − t) / n
//   sigmoid + binary cross-entropy        p = σ(z) entry-wise           dL/dz = (p − t) / n
//   mean squared error                    p = z                          dL/dz = (z − t) / n
// Convention of core/nn/loss.h: summed over the outputs of a sample, averaged over the n samples
// (columns) of the batch; MSE is ½·(p − t)². The cross-entropies are computed from the logits
// (log-sum-exp, softplus), so they stay finite and exact where a clamped probability would not.
#pragma once

#include <string_view>

#include "core/nn/matrix.h"

namespace mlp::deep {

enum class OutputLoss { kSoftmaxCrossEntropy, kSigmoidCrossEntropy, kMeanSquaredError };

// "softmax + cce", "sigmoid + bce", "mse".
std::string_view OutputLossName(OutputLoss loss);

// Mean loss of the batch. logits, target: outputs × n (one column per sample).
template <typename S>
double OutputLossValue(OutputLoss loss, const nn::ConstRef<S>& logits, const nn::ConstRef<S>& target);

// grad = dL/dlogits (outputs × n), the fused form above. Does not allocate.
template <typename S>
void OutputLossGradient(OutputLoss loss, const nn::ConstRef<S>& logits, const nn::ConstRef<S>& target,
                        nn::MutableRef<S> grad);

// The model's prediction from its logits: class probabilities (softmax / sigmoid) or the values
// themselves (MSE). `out` has the logits' shape and may alias them.
template <typename S>
void OutputPrediction(OutputLoss loss, const nn::ConstRef<S>& logits, nn::MutableRef<S> out);

}  // namespace mlp::deep
