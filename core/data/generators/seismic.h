// G12 — seismic event classes (seed 001's earthquake-monitoring application): single-component
// seismograms of three classes, for an MLP on spectral features or a 1D CNN on the trace.
//   earthquake: P arrival, then an S arrival 2–5 s later with 2–4× the P amplitude; P energy in
//               3–8 Hz, S in 1–4 Hz (lower frequency), long codas (decay 0.6 s / 1.5 s);
//   explosion (quarry blast, shallow and near): strong P in 8–20 Hz (decay 0.4 s), weak S
//               (0.1–0.4× P, 4–10 Hz) 1–3 s later;
//   noise:      coloured background noise only.
// Each arrival is a burst: 8 sinusoids with uniform random frequencies in its band and random
// phases, times the envelope (1 − e^{−u/0.05 s})·e^{−u/decay}, u the time since arrival. Every
// trace carries AR(1) coloured noise (φ = 0.9) of standard deviation noise_level × the P
// amplitude (noise class: × a log-uniform scale in [0.5, 5]). Event P amplitudes are log-uniform
// in [0.5, 5]. With `normalize`, each trace is divided by its largest |sample|.
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct SeismicSettings {
  uint32_t seed = 0;               // NumPy-compatible seed (mlp::Rng)
  int traces = 600;                // rows; the three classes get round(N/3) rows, noise the rest
  int length = 1024;               // samples per trace (≥ 512 at 100 Hz: events need ~9 s)
  double sampling_rate_hz = 100.0; // ≥ 50 Hz so the explosion band (≤ 20 Hz) stays below Nyquist
  double noise_level = 0.05;       // background noise σ relative to the P amplitude, ≥ 0
  bool normalize = true;           // divide each trace by its max |sample|
};

inline constexpr int kSeismicEarthquake = 0, kSeismicExplosion = 1, kSeismicNoise = 2;

struct SeismicEvents {
  Dataset data;                        // classes {"earthquake", "explosion", "noise"}
  std::vector<double> p_arrival_s;     // per row; NaN for noise traces
  std::vector<double> s_arrival_s;     // per row; NaN for noise traces
};

// Dataset "Seismic event classes (synthetic)": layout kSignal, sample_shape {length}, features
// "s0"… (ground velocity, arbitrary units). Fails for bad counts, lengths or sampling rates.
Result<SeismicEvents> GenerateSeismicEvents(const SeismicSettings& settings);

// Spectral features of each trace from its power spectrum |FFT|² (zero-padded to a power of 2):
// "centroid_hz" = Σ f·P(f)/Σ P(f), and "log_power_a_b_hz" = log10(mean power in [a, b) Hz + 1e-12)
// for the bands 0–1, 1–2, 2–4, 4–8, 8–16, 16–Nyquist Hz. Tabular, same targets and classes.
// Fails unless `traces` is single-channel signal data and the sampling rate is > 32 Hz.
Result<Dataset> SeismicSpectralFeatures(const Dataset& traces, double sampling_rate_hz);

}  // namespace mlp
