// Element-wise exponential of a contiguous array of doubles, in place, as fast as each build allows.
// Natively this is Eigen's vectorised exp. In WebAssembly, Eigen's exp runs through Emscripten's
// SSE2 emulation and is ~3× slower than a plain scalar std::exp loop (4 M values in node 20: Eigen
// 103 ms, std::exp 35 ms), so the web builds use the loop. (A hand-written SIMD128 polynomial exp,
// Cody-Waite reduction + degree-13 Estrin, was accurate to 2 ulp but took 50-65 ms: V8's
// lowering of the f64x2 conversions and constants ate the gain. Revisit with a newer toolchain.)
#pragma once

#include <cstdint>

namespace mlp {

// values[i] ← exp(values[i]) for i in [0, count).
void ExpInPlace(double* values, int64_t count);

}  // namespace mlp
