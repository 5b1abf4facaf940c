// G7: scintillator waveform generator and its hand-made cut features (see scintillator.h).
#include "core/data/generators/scintillator.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/base/rng.h"

namespace mlp {
namespace {

// Adds peak·(e^{−u/decay} − e^{−u/rise})/norm at u = k − t0 ≥ 0, where norm makes the maximum
// equal to `peak`. Stops after 12 decay constants (the pulse is < 1e-5 of its peak there).
void AddPulse(std::vector<double>& wave, double t0, double peak, double rise, double decay) {
  const double t_max = rise * decay / (decay - rise) * std::log(decay / rise);
  const double norm = std::exp(-t_max / decay) - std::exp(-t_max / rise);
  const int first = std::max(0, static_cast<int>(std::ceil(t0)));
  const int last = std::min(static_cast<int>(wave.size()) - 1, static_cast<int>(t0 + 12.0 * decay));
  for (int k = first; k <= last; ++k) {
    const double u = k - t0;
    wave[static_cast<size_t>(k)] += peak * (std::exp(-u / decay) - std::exp(-u / rise)) / norm;
  }
}

}  // namespace

Result<Dataset> GenerateScintillatorWaveforms(const ScintillatorSettings& s) {
  if (s.waveforms < 1) return Status::Error("Generate at least 1 waveform.");
  if (s.length < 300) return Status::Error("Waveforms need at least 300 samples (pulses start near sample 250).");
  if (!(s.ns_fraction >= 0.0 && s.ns_fraction <= 1.0)) return Status::Error("The NS share must lie in [0, 1].");
  if (!(s.noise_sd >= 0.0) || !(s.dark_rate >= 0.0) || !(s.start_jitter_sd >= 0.0)) {
    return Status::Error("Noise σ, start jitter and dark-count rate cannot be negative.");
  }
  if (!(s.start >= 0.0 && s.start < s.length)) return Status::Error("The pulse start must lie inside the waveform.");
  if (!(s.es_peak_min > 0.0 && s.es_peak_max >= s.es_peak_min)) return Status::Error("ES peak range must satisfy 0 < min ≤ max.");
  if (!(s.rise > 0.0 && s.es_decay_min > s.rise && s.es_decay_max >= s.es_decay_min && s.single_pe_decay > s.rise)) {
    return Status::Error("Pulse decay constants must exceed the rise constant, with min ≤ max.");
  }
  if (s.ns_pulses_min < 1 || s.ns_pulses_max < s.ns_pulses_min) return Status::Error("NS pulse counts must satisfy 1 ≤ min ≤ max.");
  if (!(s.ns_tau_min > 0.0 && s.ns_tau_max >= s.ns_tau_min)) return Status::Error("NS τ range must satisfy 0 < min ≤ max.");

  Rng rng(s.seed);
  const int n = s.waveforms;
  const int ns_count = static_cast<int>(std::lround(s.ns_fraction * n));
  std::vector<int> labels(static_cast<size_t>(n), 0);
  std::fill(labels.begin(), labels.begin() + ns_count, 1);
  rng.Shuffle(labels);

  Dataset data;
  data.name = "Scintillator waveforms (synthetic)";
  data.task = TaskKind::kClassification;
  data.class_names = {"ES", "NS"};
  data.target_name = "class";
  data.layout = SampleLayout::kSignal;
  data.sample_shape = {s.length};
  data.synthetic = true;
  data.feature_names.reserve(static_cast<size_t>(s.length));
  for (int k = 0; k < s.length; ++k) data.feature_names.push_back("s" + std::to_string(k));
  data.features.setZero(n, s.length);
  data.targets.resize(n);

  std::vector<double> wave(static_cast<size_t>(s.length));  // one waveform, contiguous
  for (int i = 0; i < n; ++i) {
    std::fill(wave.begin(), wave.end(), 0.0);
    const int label = labels[static_cast<size_t>(i)];
    data.targets(i) = label;
    const double t0 = rng.Normal(s.start, s.start_jitter_sd);
    if (label == 0) {
      const double log_peak = rng.Uniform(std::log(s.es_peak_min), std::log(s.es_peak_max));
      const double decay = rng.Uniform(s.es_decay_min, s.es_decay_max);
      AddPulse(wave, t0, std::exp(log_peak), s.rise, decay);
    } else {
      const int pulses = s.ns_pulses_min + static_cast<int>(rng.Interval(static_cast<uint64_t>(s.ns_pulses_max - s.ns_pulses_min)));
      const double tau = rng.Uniform(s.ns_tau_min, s.ns_tau_max);
      for (int p = 0; p < pulses; ++p) {
        const double arrival = t0 - tau * std::log(1.0 - rng.Uniform());
        const double height = std::max(0.1, rng.Normal(1.0, 0.3));
        AddPulse(wave, arrival, height, s.rise, s.single_pe_decay);
      }
    }
    // Dark counts: a Poisson process, exponential gaps of mean 1/rate.
    if (s.dark_rate > 0.0) {
      for (double t = -std::log(1.0 - rng.Uniform()) / s.dark_rate; t < s.length; t += -std::log(1.0 - rng.Uniform()) / s.dark_rate) {
        AddPulse(wave, t, std::max(0.1, rng.Normal(1.0, 0.3)), s.rise, s.single_pe_decay);
      }
    }
    if (s.noise_sd > 0.0) {
      for (double& x : wave) x += rng.Normal(0.0, s.noise_sd);
    }
    for (int k = 0; k < s.length; ++k) data.features(i, k) = wave[static_cast<size_t>(k)];
  }
  return data;
}

Result<Dataset> ScintillatorPulseFeatures(const Dataset& waveforms, int tail_offset) {
  if (waveforms.layout != SampleLayout::kSignal || waveforms.sample_shape.size() != 1 ||
      waveforms.sample_shape[0] != waveforms.features.cols()) {
    return Status::Error("Pulse features need single-channel waveforms (signal layout, one trace per row).");
  }
  if (tail_offset < 1) return Status::Error("The tail must start at least 1 sample after the peak.");
  Dataset out;
  out.name = waveforms.name + " — pulse features";
  out.task = waveforms.task;
  out.class_names = waveforms.class_names;
  out.target_name = waveforms.target_name;
  out.synthetic = waveforms.synthetic;
  out.feature_names = {"pulse_integral", "peak_height", "tail_fraction"};
  out.targets = waveforms.targets;
  out.features.resize(waveforms.size(), 3);
  const Eigen::Index length = waveforms.features.cols();
  for (Eigen::Index i = 0; i < waveforms.size(); ++i) {
    Eigen::Index peak = 0;
    for (Eigen::Index k = 1; k < length; ++k) {
      if (waveforms.features(i, k) > waveforms.features(i, peak)) peak = k;
    }
    double integral = 0.0, tail = 0.0;
    for (Eigen::Index k = std::max<Eigen::Index>(0, peak - 5); k < length; ++k) {
      integral += waveforms.features(i, k);
      if (k >= peak + tail_offset) tail += waveforms.features(i, k);
    }
    out.features(i, 0) = integral;
    out.features(i, 1) = waveforms.features(i, peak);
    out.features(i, 2) = integral > 0.0 ? tail / integral : 0.0;
  }
  return out;
}

}  // namespace mlp
