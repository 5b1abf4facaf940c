// Weight penalties added to the data loss. They apply to weight matrices only, never to biases.
//   l1: rate · Σ|w|        gradient rate · sign(w)   (sign(0) = 0, the subgradient at the kink)
//   l2: rate · ½ Σ w²      gradient rate · w
#pragma once

#include <string_view>

#include "core/nn/matrix.h"

namespace mlp::nn {

enum class Regularization { kNone, kL1, kL2 };

// "none", "l1", "l2".
std::string_view RegularizationName(Regularization regularization);
// Inverse of RegularizationName; false (and *regularization untouched) for an unknown name.
bool ParseRegularization(std::string_view name, Regularization* regularization);

// Penalty of one weight matrix.
template <typename S>
S RegularizationPenalty(Regularization regularization, const ConstRef<S>& weights, S rate);

// grad += d(penalty)/d(weights).
template <typename S>
void AddRegularizationGradient(Regularization regularization, const ConstRef<S>& weights, S rate,
                               MutableRef<S> grad);

}  // namespace mlp::nn
