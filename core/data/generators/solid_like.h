// G8 — SoLid-like inverse-beta-decay (IBD) candidates among backgrounds (seed 002's SoLid SM1
// project), one row per prompt–delayed coincidence. Signal is rare (1% by default), so the lessons
// are a cut scan against a figure of merit (cut_scan.h), classifiers versus cuts, ROC and
// precision–recall curves, and the accuracy paradox (all-background already scores 99%).
// Features (toy distributions, not a detector simulation):
//   prompt_energy_MeV  signal: Normal(3.5, 1.3) kept in [1, 8]; accidental: 0.5 + Exp(mean 0.9);
//                      fast neutron: 2 + Exp(mean 6); BiPo: β-like, 0.2 + 2.05·(U1 + U2)/2
//   delayed_ns_pulses  NS pulse count of the delayed signal: Normal(80, 20) for a neutron capture
//                      (signal, accidental, fast neutron); Normal(40, 12) for BiPo's quenched α; ≥ 5
//   delta_t_us         signal: Exp(τ = 60 µs); fast neutron: Exp(50 µs); BiPo: Exp(0.43 µs, Po-212);
//                      accidental: flat; all within the coincidence window [0, 500) µs
//   delta_r_cubes      Euclidean distance between the prompt and delayed cubes, per-axis offsets
//                      round(Normal(0, σ)) with σ = 0.7 (signal), 1.2 (fast neutron), 0.3 (BiPo);
//                      accidental: uniform integer offsets in [−8, 8]
//   hit_cubes          signal 2–5; accidental 1–3; fast neutron 3–10; BiPo 1–2 (uniform integers)
//   energy_ratio       prompt energy / delayed visible energy, the latter = pulses / 60 (MeVee)
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct SolidLikeSettings {
  uint32_t seed = 0;                 // NumPy-compatible seed (mlp::Rng)
  int events = 20000;                // rows
  double signal_fraction = 0.01;     // in (0, 1); signal rows = round(fraction · events) exactly
  // Relative shares of the three backgrounds (≥ 0, not all 0); normalised internally.
  double accidental_weight = 0.6;
  double fast_neutron_weight = 0.25;
  double bipo_weight = 0.15;
};

// Where each event comes from. Not a feature: a classifier must not see it.
enum class SolidSource { kSignal = 0, kAccidental = 1, kFastNeutron = 2, kBiPo = 3 };
inline constexpr std::array<std::string_view, 4> kSolidSourceNames = {"IBD signal", "accidental", "fast neutron", "BiPo"};

struct SolidLikeEvents {
  Dataset data;                     // targets 1 = signal, 0 = background; classes {"background", "signal"}
  std::vector<SolidSource> source;  // one per row
};

// Dataset "SoLid-like IBD events (synthetic)", tabular, the six features above in that order.
// Fails for fewer than 10 events, a fraction outside (0, 1), or bad background weights.
Result<SolidLikeEvents> GenerateSolidLikeEvents(const SolidLikeSettings& settings);

}  // namespace mlp
