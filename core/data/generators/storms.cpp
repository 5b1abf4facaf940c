// G5 tracks and the vortex renderer (formulas in storms.h).
#include "core/data/generators/storms.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/base/rng.h"

namespace mlp {
namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

Result<std::vector<StormTrack>> GenerateStormTracks(const StormSettings& s) {
  if (s.storms < 1) return Status::Error("Storms: the number of storms must be at least 1.");
  if (!(s.min_length >= 2 && s.min_length <= s.max_length && s.max_length <= 100000)) {
    return Status::Error("Storms: storm lengths need 2 <= min <= max <= 100000 steps.");
  }
  if (!(s.min_peak_kt > 0.0 && s.min_peak_kt <= s.max_peak_kt && s.max_peak_kt <= 400.0)) {
    return Status::Error("Storms: peak wind speeds need 0 < min <= max <= 400 kt.");
  }
  if (static_cast<int64_t>(s.storms) * s.max_length > (int64_t{16} << 20)) {
    return Status::Error("Storms: storms × max_length exceeds 16M steps; use fewer or shorter storms.");
  }
  if (!(s.wind_noise_kt >= 0.0)) return Status::Error("Storms: the wind noise must not be negative.");
  Rng rng(s.seed);
  const double n = s.image_size, drift_scale = s.image_size / 64.0;
  std::vector<StormTrack> tracks(static_cast<size_t>(s.storms));
  for (StormTrack& track : tracks) {
    const int length = s.min_length + static_cast<int>(rng.Interval(static_cast<uint64_t>(s.max_length - s.min_length)));
    const double peak = rng.Uniform(s.min_peak_kt, s.max_peak_kt);
    const double t_peak = length * rng.Uniform(0.3, 0.6);
    const double v_start = std::min(rng.Uniform(10.0, 25.0), 0.8 * peak);
    const double v_end = std::min(rng.Uniform(10.0, 25.0), 0.8 * peak);
    const double tau = std::max((length - t_peak) * rng.Uniform(0.25, 0.5), 1.0);
    track.arms = 2 + static_cast<int>(rng.Interval(2));
    track.pitch = rng.Uniform(0.25, 0.45);
    double phase = rng.Uniform(0.0, 2.0 * kPi);
    double x = n * rng.Uniform(0.4, 0.6);
    double y = n * rng.Uniform(0.4, 0.6);
    const double drift_x = drift_scale * rng.Uniform(-0.05, 0.05);
    const double drift_y = drift_scale * rng.Uniform(-0.05, 0.05);

    track.wind_kt.resize(static_cast<size_t>(length));
    double noise = 0.0, highest = 0.0;
    for (int t = 0; t < length; ++t) {
      const double clean = t <= t_peak ? v_start + (peak - v_start) * 0.5 * (1.0 - std::cos(kPi * t / t_peak))
                                       : v_end + (peak - v_end) * std::exp(-(t - t_peak) / tau);
      noise = 0.8 * noise + 0.6 * s.wind_noise_kt * rng.Normal();  // stationary sd = wind_noise_kt
      const double v = std::max(clean + noise, 5.0);
      track.wind_kt[static_cast<size_t>(t)] = v;
      highest = std::max(highest, v);
    }
    for (double& v : track.wind_kt) v *= peak / highest;

    for (int t = 0; t < length; ++t) {
      phase += s.rotation_per_kt * track.wind_kt[static_cast<size_t>(t)];
      x = std::clamp(x + drift_x, 0.3 * n, 0.7 * n);
      y = std::clamp(y + drift_y, 0.3 * n, 0.7 * n);
      track.phase_rad.push_back(phase);
      track.centre_x.push_back(x);
      track.centre_y.push_back(y);
    }
  }
  return tracks;
}

void RenderStormFrame(double wind_kt, double phase_rad, double centre_x, double centre_y, int arms, double pitch, int size,
                      double* pixels) {
  const double intensity = std::clamp(wind_kt / 150.0, 0.0, 1.0);
  const double eye = size * (0.09 - 0.06 * intensity), extent = size * (0.42 - 0.12 * intensity);
  const double brightness = 0.5 + 0.5 * intensity, m = arms, log_eye = std::log(eye);
  for (int row = 0; row < size; ++row) {
    for (int col = 0; col < size; ++col) {
      const double dx = col - centre_x, dy = centre_y - row;  // y up, so θ grows counter-clockwise on screen
      const double r2 = dx * dx + dy * dy + 1e-18, r = std::sqrt(r2);
      // cos(mθ − ψ) = cos mθ cos ψ + sin mθ sin ψ, with (cos mθ, sin mθ) = ((dx + i dy)/r)^m: no atan2.
      const double ux = dx / r, uy = dy / r;
      double cos_m = ux, sin_m = uy;
      for (int k = 1; k < arms; ++k) {
        const double c = cos_m * ux - sin_m * uy;
        sin_m = cos_m * uy + sin_m * ux;
        cos_m = c;
      }
      const double psi = m * phase_rad + m / pitch * (0.5 * std::log(r2) - log_eye);
      const double arm = 0.5 * (1.0 + cos_m * std::cos(psi) + sin_m * std::sin(psi));
      const double q = r / eye, q4 = q * q * q * q;
      const double e = r / extent, e4 = e * e * e * e;
      const double ring = (r - 1.6 * eye) / (1.2 * eye);
      const double eye_mask = q4 / (1.0 + q4);
      const double value = 0.05 + brightness * eye_mask * ((0.2 + 0.6 * arm * arm) / (1.0 + e4) + 0.7 * intensity / (1.0 + ring * ring));
      pixels[static_cast<int64_t>(row) * size + col] = std::min(value, 1.0);
    }
  }
}

void RenderStormFrame(const StormTrack& track, int step, int size, double* pixels) {
  const size_t t = static_cast<size_t>(step);
  RenderStormFrame(track.wind_kt[t], track.phase_rad[t], track.centre_x[t], track.centre_y[t], track.arms, track.pitch, size,
                   pixels);
}

}  // namespace mlp
