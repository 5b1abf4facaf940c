// G8: SoLid-like IBD candidates and backgrounds (distributions listed in solid_like.h).
#include "core/data/generators/solid_like.h"

#include <algorithm>
#include <cmath>

#include "core/base/rng.h"

namespace mlp {
namespace {

constexpr double kWindowUs = 500.0;     // coincidence window for ΔT
constexpr double kPulsesPerMeVee = 60;  // delayed visible energy = pulses / 60

double Exponential(Rng& rng, double mean) { return -mean * std::log(1.0 - rng.Uniform()); }

// Exp(τ) truncated to [0, window) by inverting its CDF: one uniform per draw.
double TruncatedExponential(Rng& rng, double tau, double window) {
  const double u = rng.Uniform();
  return -tau * std::log(1.0 - u * (1.0 - std::exp(-window / tau)));
}

// Distance of integer per-axis offsets round(Normal(0, σ)).
double CubeDistance(Rng& rng, double sigma) {
  double sum = 0.0;
  for (int axis = 0; axis < 3; ++axis) {
    const double offset = std::round(rng.Normal(0.0, sigma));
    sum += offset * offset;
  }
  return std::sqrt(sum);
}

double UniformInteger(Rng& rng, int lo, int hi) { return lo + static_cast<double>(rng.Interval(static_cast<uint64_t>(hi - lo))); }

double PulseCount(Rng& rng, double mean, double sd) { return std::max(5.0, std::round(rng.Normal(mean, sd))); }

}  // namespace

Result<SolidLikeEvents> GenerateSolidLikeEvents(const SolidLikeSettings& s) {
  if (s.events < 10) return Status::Error("Generate at least 10 events.");
  if (!(s.signal_fraction > 0.0 && s.signal_fraction < 1.0)) return Status::Error("The signal fraction must lie strictly between 0 and 1.");
  const double total_weight = s.accidental_weight + s.fast_neutron_weight + s.bipo_weight;
  if (!(s.accidental_weight >= 0.0 && s.fast_neutron_weight >= 0.0 && s.bipo_weight >= 0.0 && total_weight > 0.0)) {
    return Status::Error("Background weights must be non-negative and not all zero.");
  }
  Rng rng(s.seed);
  const int n = s.events;
  const int signal = static_cast<int>(std::lround(s.signal_fraction * n));
  const int background = n - signal;
  const int accidental = static_cast<int>(std::lround(s.accidental_weight / total_weight * background));
  const int fast = std::min(background - accidental, static_cast<int>(std::lround(s.fast_neutron_weight / total_weight * background)));
  std::vector<SolidSource> source;
  source.reserve(static_cast<size_t>(n));
  source.insert(source.end(), static_cast<size_t>(signal), SolidSource::kSignal);
  source.insert(source.end(), static_cast<size_t>(accidental), SolidSource::kAccidental);
  source.insert(source.end(), static_cast<size_t>(fast), SolidSource::kFastNeutron);
  source.insert(source.end(), static_cast<size_t>(n - signal - accidental - fast), SolidSource::kBiPo);
  rng.Shuffle(source);

  SolidLikeEvents out;
  Dataset& data = out.data;
  data.name = "SoLid-like IBD events (synthetic)";
  data.task = TaskKind::kClassification;
  data.class_names = {"background", "signal"};
  data.target_name = "is_signal";
  data.synthetic = true;
  data.feature_names = {"prompt_energy_MeV", "delayed_ns_pulses", "delta_t_us", "delta_r_cubes", "hit_cubes", "energy_ratio"};
  data.features.resize(n, 6);
  data.targets.resize(n);
  for (int i = 0; i < n; ++i) {
    double energy = 0.0, pulses = 0.0, dt = 0.0, dr = 0.0, cubes = 0.0;
    switch (source[static_cast<size_t>(i)]) {
      case SolidSource::kSignal:
        do {
          energy = rng.Normal(3.5, 1.3);
        } while (energy < 1.0 || energy > 8.0);
        pulses = PulseCount(rng, 80.0, 20.0);
        dt = TruncatedExponential(rng, 60.0, kWindowUs);
        dr = CubeDistance(rng, 0.7);
        cubes = UniformInteger(rng, 2, 5);
        break;
      case SolidSource::kAccidental: {
        energy = 0.5 + Exponential(rng, 0.9);
        pulses = PulseCount(rng, 80.0, 20.0);
        dt = rng.Uniform(0.0, kWindowUs);
        double sum = 0.0;
        for (int axis = 0; axis < 3; ++axis) {
          const double offset = UniformInteger(rng, -8, 8);
          sum += offset * offset;
        }
        dr = std::sqrt(sum);
        cubes = UniformInteger(rng, 1, 3);
        break;
      }
      case SolidSource::kFastNeutron:
        energy = 2.0 + Exponential(rng, 6.0);
        pulses = PulseCount(rng, 80.0, 20.0);
        dt = TruncatedExponential(rng, 50.0, kWindowUs);
        dr = CubeDistance(rng, 1.2);
        cubes = UniformInteger(rng, 3, 10);
        break;
      case SolidSource::kBiPo: {
        const double u1 = rng.Uniform();
        const double u2 = rng.Uniform();
        energy = 0.2 + 2.05 * 0.5 * (u1 + u2);
        pulses = PulseCount(rng, 40.0, 12.0);
        dt = TruncatedExponential(rng, 0.43, kWindowUs);
        dr = CubeDistance(rng, 0.3);
        cubes = UniformInteger(rng, 1, 2);
        break;
      }
    }
    data.features(i, 0) = energy;
    data.features(i, 1) = pulses;
    data.features(i, 2) = dt;
    data.features(i, 3) = dr;
    data.features(i, 4) = cubes;
    data.features(i, 5) = energy / (pulses / kPulsesPerMeVee);
    data.targets(i) = source[static_cast<size_t>(i)] == SolidSource::kSignal ? 1.0 : 0.0;
  }
  out.source = std::move(source);
  return out;
}

}  // namespace mlp
