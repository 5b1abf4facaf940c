// KL divergence of a diagonal Gaussian to the standard normal, the regulariser of a variational
// autoencoder (Kingma & Welling 2014, Appendix B):
//   KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ_j (μ_j² + σ_j² − log σ_j² − 1)
// parameterised by log σ² (the encoder's "log-variance" head, unconstrained and numerically safe).
// Layout: the deep-model engine's, latent×batch with one COLUMN per sample; like the other losses
// the divergence is summed over the latent dimensions and averaged over the samples. (With rows =
// samples, pass the transposes as matrices: the value is the same.)
// No clamp: exp(log σ²) overflows only beyond log σ² ≈ 709 in double, 88 in float.
#pragma once

#include "core/nn/matrix.h"

namespace mlp::nn {

// Mean over the samples of the KL divergence above. mean and log_variance: latent×batch.
template <typename S>
S GaussianKlDivergence(const ConstRef<S>& mean, const ConstRef<S>& log_variance);

// Its gradients (already divided by the batch size):
//   d/dμ = μ / n        d/d(log σ²) = ½ (σ² − 1) / n
template <typename S>
void GaussianKlGradient(const ConstRef<S>& mean, const ConstRef<S>& log_variance, MutableRef<S> dmean,
                        MutableRef<S> dlog_variance);

}  // namespace mlp::nn
