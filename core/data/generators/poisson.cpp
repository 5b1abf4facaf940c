// Poisson draws: multiplication method below λ = 10, PTRS above (see poisson.h).
#include "core/data/generators/poisson.h"

#include <cmath>

namespace mlp {
namespace {

int64_t PoissonByMultiplication(Rng& rng, double lambda) {
  const double limit = std::exp(-lambda);
  int64_t count = 0;
  double product = rng.Uniform();
  while (product > limit) {
    ++count;
    product *= rng.Uniform();
  }
  return count;
}

// Hörmann's PTRS: a transformed-rejection proposal k from (U, V), an immediate-acceptance
// squeeze region, and otherwise the exact test against log p(k).
int64_t PoissonByTransformedRejection(Rng& rng, double lambda) {
  const double sqrt_lambda = std::sqrt(lambda);
  const double log_lambda = std::log(lambda);
  const double b = 0.931 + 2.53 * sqrt_lambda;
  const double a = -0.059 + 0.02483 * b;
  const double inverse_alpha = 1.1239 + 1.1328 / (b - 3.4);
  const double v_r = 0.9277 - 3.6224 / (b - 2.0);
  while (true) {
    const double u = rng.Uniform() - 0.5;
    const double v = rng.Uniform();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2.0 * a / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= v_r) return static_cast<int64_t>(k);
    if (k < 0.0 || (us < 0.013 && v > us)) continue;
    const double log_accept = std::log(v) + std::log(inverse_alpha) - std::log(a / (us * us) + b);
    if (log_accept <= -lambda + k * log_lambda - std::lgamma(k + 1.0)) return static_cast<int64_t>(k);
  }
}

}  // namespace

int64_t PoissonDraw(Rng& rng, double lambda) {
  if (!(lambda > 0.0) || !std::isfinite(lambda)) return 0;
  return lambda >= 10.0 ? PoissonByTransformedRejection(rng, lambda) : PoissonByMultiplication(rng, lambda);
}

}  // namespace mlp
