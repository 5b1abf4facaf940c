// What this build runs with, for the status line and the page API.
#pragma once

#include <string>

namespace mlp {

// e.g. "SSE, SSE2 (wasm SIMD128)" or "AVX, AVX2, FMA …" — what Eigen vectorises with.
std::string SimdDescription();
// True when Eigen's kernels are vectorised at all (false would mean a scalar build).
bool SimdEnabled();

}  // namespace mlp
