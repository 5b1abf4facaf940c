// Poisson draws from mlp::Rng, deterministic per seed on every build. Same two algorithms as
// NumPy's legacy np.random.poisson: for λ < 10 the multiplication method (count uniforms until
// their product falls to e^{−λ}, Knuth), for λ ≥ 10 Hörmann's transformed rejection with squeeze
// (PTRS; W. Hörmann, Insurance: Mathematics and Economics 12, 39–45, 1993), which needs about two
// uniforms per draw for any λ. log k! comes from std::lgamma rather than NumPy's own series, so a
// draw could differ from NumPy's only when an acceptance test ties to the last bit.
#pragma once

#include <cstdint>

#include "core/base/rng.h"

namespace mlp {

// One Poisson(λ) draw; λ ≤ 0 or not finite gives 0.
int64_t PoissonDraw(Rng& rng, double lambda);

}  // namespace mlp
