// G10 — e⁺e⁻ → μ⁺μ⁻ angular Monte-Carlo (seed 002's LEP mini-project). Near the Z pole the angle θ
// between the incoming e⁺ and the outgoing μ⁺ follows f(cos θ) ∝ (1 + cos²θ) + κ cos θ on [−1, 1],
// whose normalised form is (3/8)(1 + c² + κc); κ = B/A is the forward–backward asymmetry parameter
// (A_FB = 3κ/8). The lesson: how well can κ = ±0.07 be told from 0 with the events of each era?
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct MuonPairSettings {
  uint32_t seed = 0;      // NumPy-compatible seed (mlp::Rng)
  double kappa = 0.0;     // asymmetry κ; the density stays non-negative only for |κ| ≤ 2
  int64_t events = 2000;  // accepted events N
};

// Normalised density of c = cos θ on [−1, 1]: (3/8)(1 + c² + κc); 0 outside.
double MuonPairDensity(double cos_theta, double kappa);

// N values of cos θ by accept–reject: per trial c = Uniform(−1, 1), then u = Uniform(0, 2 + |κ|)
// (the envelope), accepted when u < 1 + c² + κc. Fails for |κ| > 2 or N < 1.
Result<std::vector<double>> SampleMuonCosTheta(const MuonPairSettings& settings);

// Dataset "e+e- -> mu+mu- angular Monte-Carlo (synthetic)": one feature "cos_theta"; targets
// 1 = forward (cos θ > 0), 0 = backward, class names {"backward", "forward"}.
Result<Dataset> GenerateMuonPairs(const MuonPairSettings& settings);

// Unbinned maximum-likelihood fit of κ. ln L(κ) = Σ ln(1 + c_i² + κ c_i) + const (the norm does
// not depend on κ) is concave, so Newton's method from κ = 0, with step halving that keeps every
// term positive and never lowers ln L, converges. sigma = 1/√I(κ̂), I the observed Fisher
// information −d²lnL/dκ² = Σ c_i²/(1 + c_i² + κ̂ c_i)². At κ = 0, sigma ≈ 2.49/√N.
struct KappaFit {
  double kappa = 0.0;
  double sigma = 0.0;
  int iterations = 0;
};
// κ̂ is kept in the physical range [−2, 2] (a tiny one-sided sample can push the maximum there).
// Fails for an empty sample, values outside [−1, 1], or an all-zero sample (no information).
Result<KappaFit> FitKappaMaximumLikelihood(const std::vector<double>& cos_theta);

// Seed 002's three LEP eras: a few 10s, 100s, 1000s of events per day over 100 days a year.
struct LuminosityScenario {
  std::string_view name;
  int events_per_day_low;
  int events_per_day_high;
  int days;
  int64_t EventsLow() const { return static_cast<int64_t>(events_per_day_low) * days; }
  int64_t EventsHigh() const { return static_cast<int64_t>(events_per_day_high) * days; }
};
inline constexpr std::array<LuminosityScenario, 3> kLuminosityScenarios = {{
    {"LEP start (tens of events/day)", 20, 30, 100},        // 2,000 – 3,000 events
    {"A few years on (hundreds/day)", 200, 300, 100},      // 20,000 – 30,000 events
    {"Later again (thousands/day)", 2000, 3000, 100},      // 200,000 – 300,000 events
}};
// The κ values the project compares.
inline constexpr std::array<double, 3> kCourseKappas = {-0.07, 0.0, 0.07};

}  // namespace mlp
