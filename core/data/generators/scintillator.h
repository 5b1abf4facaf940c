// G7 — scintillator waveforms (seed 002's pulse-shape-discrimination project), two classes:
//   ES (electron signal, PVT plastic): one fast pulse, rise ~1.5 samples, decay 3–8 samples,
//       peak log-uniform in 2–200 p.e.;
//   NS (nuclear signal, ZnS(Ag)): a train of 10–150 single-p.e. pulses (each 1 p.e. ± 30%) whose
//       arrival times follow a decaying rate λ(t) ∝ exp(−(t − t0)/τ), τ uniform in 50–300 samples.
// Both: baseline 0 plus Gaussian noise (σ = 0.07 p.e.), pulse start t0 = 250 ± 3 samples, and
// dark counts (single-p.e. pulses at a Poisson rate anywhere in the window), which blur the tail
// of small ES pulses. Amplitudes are in p.e. The lesson: a 1D CNN separates the classes almost
// perfectly, while a cut on a hand-made feature (ScintillatorPulseFeatures) does worse.
#pragma once

#include <cstdint>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct ScintillatorSettings {
  uint32_t seed = 0;                 // NumPy-compatible seed (mlp::Rng)
  int waveforms = 1000;              // N rows
  int length = 1000;                 // samples per waveform (≥ 300: the pulse starts near 250)
  double ns_fraction = 0.5;          // share of NS waveforms in [0, 1]; count = round(share·N)
  double noise_sd = 0.07;            // baseline noise σ (p.e.), ≥ 0
  double start = 250.0;              // pulse start t0 (samples)
  double start_jitter_sd = 3.0;      // σ of t0 (samples)
  double es_peak_min = 2.0;          // ES peak height, log-uniform in [min, max] (p.e.)
  double es_peak_max = 200.0;
  double es_decay_min = 3.0;         // ES decay constant, uniform in [min, max] (samples)
  double es_decay_max = 8.0;
  double rise = 1.5;                 // rise constant of every pulse (samples)
  double single_pe_decay = 4.0;      // decay constant of one p.e. pulse (NS train, dark counts)
  int ns_pulses_min = 10;            // NS pulse count, uniform integer in [min, max]
  int ns_pulses_max = 150;
  double ns_tau_min = 50.0;          // NS arrival-rate decay τ, uniform in [min, max] (samples)
  double ns_tau_max = 300.0;
  double dark_rate = 0.002;          // dark counts per sample (both classes), ≥ 0
};

// Dataset "Scintillator waveforms (synthetic)": layout kSignal, sample_shape {length}; feature k
// is sample k ("s0", "s1", …); targets 0 = ES, 1 = NS; class names {"ES", "NS"}.
Result<Dataset> GenerateScintillatorWaveforms(const ScintillatorSettings& settings);

// Hand-made "simple cut" features of each waveform, measured from its highest sample p:
//   pulse_integral = Σ x[k] for k ≥ p − 5;  peak_height = x[p];
//   tail_fraction = Σ_{k ≥ p + tail_offset} x[k] / pulse_integral (0 if the integral is ≤ 0).
// Returns a tabular Dataset with those three columns and the same targets and class names.
// Fails unless `waveforms` has layout kSignal with a single channel, or tail_offset < 1.
Result<Dataset> ScintillatorPulseFeatures(const Dataset& waveforms, int tail_offset = 10);

}  // namespace mlp
