// G13 — the neural-ODE spiral (seed 002's Neural-ODE project; the torchdiffeq demo's matrix).
// True dynamics dz/dt = A z³ (element-wise cube), the course inventory's spec and the torchdiffeq
// demo, with the damped-spiral matrix A = [[−0.1, 2.0], [−2.0, −0.1]], z0 = (2, 0), observed at N
// equally spaced times on [0, T]. The cubic field has no closed form; `cubic = false` selects the
// linear field dz/dt = A z (eigenvalues −0.1 ± 2i: period π, decay e^{−0.1 t}), whose closed form
// lets tests and lessons check the solver. A neural ODE then learns the field from the trajectory.
//
// Why plain doubles rather than Eigen::Matrix2d / Vector2d: the wasm builds compile Eigen's SSE2
// path through Emscripten's SSE→SIMD128 headers, and clang 14 (Emscripten 3.1.6) at -O2/-O3
// miscompiles a 2-double gather (Eigen's pgather = _mm_set_pd of two strided loads, used when a
// MatrixXd row is copied into a Vector2d) feeding a packet subtraction: one lane comes out 0.
// -O0/-O1 and -msimd128 without -msse2 are correct; the result depends on inlining, so it changed
// between rebuilds. Scalar 2-vectors keep this generator identical on every build.
#pragma once

#include <array>
#include <cstdint>

#include <Eigen/Core>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

using OdeMatrix2 = std::array<double, 4>;  // row-major [a00, a01, a10, a11]
using OdeVector2 = std::array<double, 2>;  // (x, y)

struct OdeSpiralSettings {
  uint32_t seed = 0;                             // NumPy-compatible seed (mlp::Rng), used only for the noise
  OdeMatrix2 matrix = {-0.1, 2.0, -2.0, -0.1};   // A
  OdeVector2 initial_state = {2.0, 0.0};         // z0
  double end_time = 25.0;                        // T > 0; the first sample is at t = 0
  int samples = 1000;                            // N ≥ 2 observation times
  int rk4_steps_per_sample = 10;                 // ≥ 1 RK4 steps between consecutive observation times
  double noise_sd = 0.0;                         // ≥ 0: Gaussian observation noise on x and y (not on t)
  bool cubic = true;                             // true: dz/dt = A (z∘z∘z) (spec, torchdiffeq); false: dz/dt = A z
};

// Checks the settings; the message says which one is impossible.
Status ValidateOdeSpiralSettings(const OdeSpiralSettings& settings);

// Observation times t_k = T·k/(N − 1), k = 0 … N − 1 (N clamped to ≥ 2).
Eigen::VectorXd OdeSpiralTimes(const OdeSpiralSettings& settings);

// The vector field f(z) of the settings (A z or A z³).
OdeVector2 OdeSpiralField(const OdeSpiralSettings& settings, const OdeVector2& z);

// Noise-free trajectory integrated with classic fourth-order Runge–Kutta: N × 2, row k = z(t_k).
// Settings are clamped (N ≥ 2, steps ≥ 1); call ValidateOdeSpiralSettings first for messages.
Eigen::MatrixXd IntegrateOdeSpiral(const OdeSpiralSettings& settings);

// Closed form of the linear case, z(t) = e^{At} z0, for any real 2 × 2 A via Cayley–Hamilton:
// with τ = tr(A)/2 and Δ = det(A) − τ², e^{At} = e^{τt}[c(t) I + s(t)(A − τI)], where c, s are
// cos ωt, sin(ωt)/ω for Δ = ω² > 0, cosh, sinh(ωt)/ω for Δ = −ω² < 0, and 1, t for Δ = 0.
OdeVector2 LinearOdeExactState(const OdeMatrix2& matrix, const OdeVector2& initial_state, double t);

// Dataset "Neural-ODE spiral (synthetic)" (cubic) or "Neural-ODE linear spiral (synthetic)",
// time-series layout: one row per observation time, features (t, x, y) with x, y the observed
// (noisy) state; targets = t again, so a sequential split orders rows by time. Task: regression.
Result<Dataset> GenerateOdeSpiral(const OdeSpiralSettings& settings);

}  // namespace mlp
