// Element-wise (and, for softmax, row-wise) activation functions with their backward passes.
// Shapes: z, a, dA, dZ are all batch×neurons (rows = samples).
#pragma once

#include <string_view>

#include "core/nn/matrix.h"

namespace mlp::nn {

enum class Activation { kLinear, kSigmoid, kTanh, kReLU, kLeakyReLU, kSoftmax };

// Slope of leaky ReLU for negative inputs.
inline constexpr double kLeakyReLUSlope = 0.01;

// "linear", "sigmoid", "tanh", "relu", "leaky_relu", "softmax".
std::string_view ActivationName(Activation activation);
// Inverse of ActivationName; false (and *activation untouched) for an unknown name.
bool ParseActivation(std::string_view name, Activation* activation);

// a = f(z). Softmax normalises each row (sample) and subtracts the row maximum first, so large
// logits do not overflow; sigmoid never produces NaN for any finite z. `a` may alias `z`.
template <typename S>
void ActivationForward(Activation activation, const ConstRef<S>& z, MutableRef<S> a);

// dZ = dA ⊙ f'(z), given z and a = f(z). Softmax uses the full Jacobian-vector product per row:
// dZ = a ⊙ (dA − Σ_j dA_j a_j). ReLU and leaky ReLU read the sign of z (the derivative at exactly
// 0 is taken as the left one); the others only read a.
template <typename S>
void ActivationBackward(Activation activation, const ConstRef<S>& z, const ConstRef<S>& a,
                        const ConstRef<S>& dA, MutableRef<S> dZ);

}  // namespace mlp::nn
