// G12: synthetic seismograms and their spectral features (see seismic.h).
#include "core/data/generators/seismic.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <string>

#include "core/base/rng.h"

namespace mlp {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Band {
  double low_hz, high_hz;
};

// Adds amplitude·burst(t) for t ≥ arrival: 8 random sinusoids in the band, normalised by √8 / √2
// so the burst has about unit RMS at the envelope's peak, times the rise/decay envelope.
void AddArrival(Rng& rng, std::vector<double>& trace, double rate, double arrival_s, double amplitude, Band band, double decay_s) {
  constexpr int kTones = 8;
  double frequency[kTones], phase[kTones];
  for (int j = 0; j < kTones; ++j) {
    frequency[j] = rng.Uniform(band.low_hz, band.high_hz);
    phase[j] = rng.Uniform(0.0, 2.0 * kPi);
  }
  const double scale = amplitude * std::sqrt(2.0) / std::sqrt(static_cast<double>(kTones));
  const int first = static_cast<int>(std::ceil(arrival_s * rate));
  const int last = std::min(static_cast<int>(trace.size()) - 1, static_cast<int>((arrival_s + 8.0 * decay_s) * rate));
  for (int k = std::max(first, 0); k <= last; ++k) {
    const double u = k / rate - arrival_s;
    double sum = 0.0;
    for (int j = 0; j < kTones; ++j) sum += std::sin(2.0 * kPi * frequency[j] * u + phase[j]);
    trace[static_cast<size_t>(k)] += scale * (1.0 - std::exp(-u / 0.05)) * std::exp(-u / decay_s) * sum;
  }
}

// In-place iterative radix-2 FFT (Cooley–Tukey); size must be a power of 2.
void Fft(std::vector<std::complex<double>>& a) {
  const size_t n = a.size();
  for (size_t i = 1, j = 0; i < n; ++i) {
    size_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) std::swap(a[i], a[j]);
  }
  for (size_t len = 2; len <= n; len <<= 1) {
    const double angle = -2.0 * kPi / static_cast<double>(len);
    for (size_t start = 0; start < n; start += len) {
      for (size_t k = 0; k < len / 2; ++k) {
        const std::complex<double> w(std::cos(angle * k), std::sin(angle * k));
        const std::complex<double> even = a[start + k], odd = a[start + k + len / 2] * w;
        a[start + k] = even + odd;
        a[start + k + len / 2] = even - odd;
      }
    }
  }
}

}  // namespace

Result<SeismicEvents> GenerateSeismicEvents(const SeismicSettings& s) {
  if (s.traces < 3) return Status::Error("Generate at least 3 traces (one per class).");
  if (!(s.sampling_rate_hz >= 50.0 && s.sampling_rate_hz <= 1000.0)) return Status::Error("The sampling rate must lie in [50, 1000] Hz.");
  if (s.length / s.sampling_rate_hz < 5.12) {
    return Status::Error("Traces must last at least 5.12 s (e.g. 512 samples at 100 Hz).");
  }
  if (!(s.noise_level >= 0.0)) return Status::Error("The noise level cannot be negative.");

  Rng rng(s.seed);
  const int n = s.traces;
  const int per_class = static_cast<int>(std::lround(n / 3.0));
  std::vector<int> labels(static_cast<size_t>(n), kSeismicNoise);
  std::fill(labels.begin(), labels.begin() + per_class, kSeismicEarthquake);
  std::fill(labels.begin() + per_class, labels.begin() + std::min(n, 2 * per_class), kSeismicExplosion);
  rng.Shuffle(labels);

  SeismicEvents out;
  Dataset& data = out.data;
  data.name = "Seismic event classes (synthetic)";
  data.task = TaskKind::kClassification;
  data.class_names = {"earthquake", "explosion", "noise"};
  data.target_name = "event";
  data.layout = SampleLayout::kSignal;
  data.sample_shape = {s.length};
  data.synthetic = true;
  for (int k = 0; k < s.length; ++k) data.feature_names.push_back("s" + std::to_string(k));
  data.features.resize(n, s.length);
  data.targets.resize(n);
  out.p_arrival_s.assign(static_cast<size_t>(n), std::nan(""));
  out.s_arrival_s.assign(static_cast<size_t>(n), std::nan(""));

  const double duration = s.length / s.sampling_rate_hz;
  std::vector<double> trace(static_cast<size_t>(s.length));
  for (int i = 0; i < n; ++i) {
    const int label = labels[static_cast<size_t>(i)];
    data.targets(i) = label;
    const double amplitude = std::exp(rng.Uniform(std::log(0.5), std::log(5.0)));
    // Events fit in the trace: P in the first 30%, S at most 5 s later and 3 s before the end.
    const double p_time = rng.Uniform(0.15, 0.3) * duration;
    std::fill(trace.begin(), trace.end(), 0.0);
    if (label == kSeismicEarthquake) {
      const double s_time = std::min(p_time + rng.Uniform(2.0, 5.0), duration - 3.0);
      const double s_ratio = rng.Uniform(2.0, 4.0);
      AddArrival(rng, trace, s.sampling_rate_hz, p_time, amplitude, {3.0, 8.0}, 0.6);
      AddArrival(rng, trace, s.sampling_rate_hz, s_time, amplitude * s_ratio, {1.0, 4.0}, 1.5);
      out.p_arrival_s[static_cast<size_t>(i)] = p_time;
      out.s_arrival_s[static_cast<size_t>(i)] = s_time;
    } else if (label == kSeismicExplosion) {
      const double s_time = std::min(p_time + rng.Uniform(1.0, 3.0), duration - 3.0);
      const double s_ratio = rng.Uniform(0.1, 0.4);
      AddArrival(rng, trace, s.sampling_rate_hz, p_time, amplitude, {8.0, 20.0}, 0.4);
      AddArrival(rng, trace, s.sampling_rate_hz, s_time, amplitude * s_ratio, {4.0, 10.0}, 0.8);
      out.p_arrival_s[static_cast<size_t>(i)] = p_time;
      out.s_arrival_s[static_cast<size_t>(i)] = s_time;
    }
    // AR(1) coloured noise, scaled to the stationary σ = noise_level·amplitude.
    if (s.noise_level > 0.0) {
      const double phi = 0.9, sigma = s.noise_level * amplitude;
      const double innovation = sigma * std::sqrt(1.0 - phi * phi);
      double state = rng.Normal(0.0, sigma);
      for (double& x : trace) {
        x += state;
        state = phi * state + rng.Normal(0.0, innovation);
      }
    }
    double peak = 0.0;
    for (double x : trace) peak = std::max(peak, std::fabs(x));
    const double divisor = s.normalize && peak > 0.0 ? peak : 1.0;
    for (int k = 0; k < s.length; ++k) data.features(i, k) = trace[static_cast<size_t>(k)] / divisor;
  }
  return out;
}

Result<Dataset> SeismicSpectralFeatures(const Dataset& traces, double sampling_rate_hz) {
  if (traces.layout != SampleLayout::kSignal || traces.sample_shape.size() != 1 || traces.sample_shape[0] != traces.features.cols()) {
    return Status::Error("Spectral features need single-channel traces (signal layout, one trace per row).");
  }
  if (!(sampling_rate_hz > 32.0)) return Status::Error("The sampling rate must exceed 32 Hz (the top band starts at 16 Hz).");
  const size_t length = static_cast<size_t>(traces.features.cols());
  size_t padded = 1;
  while (padded < length) padded <<= 1;
  const double nyquist = 0.5 * sampling_rate_hz;
  const double edges[] = {0.0, 1.0, 2.0, 4.0, 8.0, 16.0, nyquist + 1e-9};
  constexpr int kBands = 6;

  Dataset out;
  out.name = traces.name + " — spectral features";
  out.task = traces.task;
  out.class_names = traces.class_names;
  out.target_name = traces.target_name;
  out.synthetic = traces.synthetic;
  out.targets = traces.targets;
  out.feature_names = {"centroid_hz", "log_power_0_1_hz", "log_power_1_2_hz", "log_power_2_4_hz",
                       "log_power_4_8_hz", "log_power_8_16_hz", "log_power_16_nyquist_hz"};
  out.features.resize(traces.size(), 1 + kBands);
  std::vector<std::complex<double>> spectrum(padded);
  for (Eigen::Index i = 0; i < traces.size(); ++i) {
    std::fill(spectrum.begin(), spectrum.end(), std::complex<double>(0.0, 0.0));
    for (size_t k = 0; k < length; ++k) spectrum[k] = traces.features(i, static_cast<Eigen::Index>(k));
    Fft(spectrum);
    double weighted = 0.0, total = 0.0;
    double band_power[kBands] = {0, 0, 0, 0, 0, 0}, band_bins[kBands] = {0, 0, 0, 0, 0, 0};
    for (size_t bin = 0; bin <= padded / 2; ++bin) {
      const double f = sampling_rate_hz * static_cast<double>(bin) / static_cast<double>(padded);
      const double power = std::norm(spectrum[bin]);
      weighted += f * power;
      total += power;
      for (int b = 0; b < kBands; ++b) {
        if (f >= edges[b] && f < edges[b + 1]) {
          band_power[b] += power;
          band_bins[b] += 1.0;
        }
      }
    }
    out.features(i, 0) = total > 0.0 ? weighted / total : 0.0;
    for (int b = 0; b < kBands; ++b) {
      out.features(i, 1 + b) = std::log10((band_bins[b] > 0.0 ? band_power[b] / band_bins[b] : 0.0) + 1e-12);
    }
  }
  return out;
}

}  // namespace mlp
