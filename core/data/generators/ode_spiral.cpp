// G13: RK4 integration of the spiral, its closed form, and the dataset (see ode_spiral.h for why
// the state is two plain doubles).
#include "core/data/generators/ode_spiral.h"

#include <algorithm>
#include <cmath>

#include "core/base/rng.h"

namespace mlp {
namespace {

int SampleCount(const OdeSpiralSettings& settings) { return std::max(settings.samples, 2); }

// z + h·k, component-wise.
OdeVector2 Step(const OdeVector2& z, double h, const OdeVector2& k) { return {z[0] + h * k[0], z[1] + h * k[1]}; }

}  // namespace

Status ValidateOdeSpiralSettings(const OdeSpiralSettings& settings) {
  if (settings.samples < 2) return Status::Error("The spiral needs at least 2 observation times.");
  if (!(settings.end_time > 0.0) || !std::isfinite(settings.end_time)) return Status::Error("The end time T must be a positive number.");
  if (settings.rk4_steps_per_sample < 1) return Status::Error("Use at least 1 RK4 step per observation interval.");
  if (!(settings.noise_sd >= 0.0)) return Status::Error("The noise standard deviation cannot be negative.");
  for (double v : settings.matrix) {
    if (!std::isfinite(v)) return Status::Error("The matrix A must have finite entries.");
  }
  for (double v : settings.initial_state) {
    if (!std::isfinite(v)) return Status::Error("The initial state z0 must be finite.");
  }
  return Status::Ok();
}

Eigen::VectorXd OdeSpiralTimes(const OdeSpiralSettings& settings) {
  const int n = SampleCount(settings);
  Eigen::VectorXd times(n);
  for (int k = 0; k < n; ++k) times(k) = settings.end_time * static_cast<double>(k) / static_cast<double>(n - 1);
  return times;
}

OdeVector2 OdeSpiralField(const OdeSpiralSettings& settings, const OdeVector2& z) {
  const double x = settings.cubic ? z[0] * z[0] * z[0] : z[0];
  const double y = settings.cubic ? z[1] * z[1] * z[1] : z[1];
  const OdeMatrix2& a = settings.matrix;
  return {a[0] * x + a[1] * y, a[2] * x + a[3] * y};
}

Eigen::MatrixXd IntegrateOdeSpiral(const OdeSpiralSettings& settings) {
  const Eigen::VectorXd times = OdeSpiralTimes(settings);
  const int steps = std::max(settings.rk4_steps_per_sample, 1);
  Eigen::MatrixXd trajectory(times.size(), 2);
  OdeVector2 z = settings.initial_state;
  trajectory(0, 0) = z[0];
  trajectory(0, 1) = z[1];
  for (Eigen::Index k = 1; k < times.size(); ++k) {
    const double h = (times(k) - times(k - 1)) / steps;
    for (int s = 0; s < steps; ++s) {
      const OdeVector2 k1 = OdeSpiralField(settings, z);
      const OdeVector2 k2 = OdeSpiralField(settings, Step(z, 0.5 * h, k1));
      const OdeVector2 k3 = OdeSpiralField(settings, Step(z, 0.5 * h, k2));
      const OdeVector2 k4 = OdeSpiralField(settings, Step(z, h, k3));
      for (int i = 0; i < 2; ++i) z[i] += (h / 6.0) * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
    }
    trajectory(k, 0) = z[0];
    trajectory(k, 1) = z[1];
  }
  return trajectory;
}

OdeVector2 LinearOdeExactState(const OdeMatrix2& a, const OdeVector2& z0, double t) {
  const double tau = 0.5 * (a[0] + a[3]);
  const double determinant = a[0] * a[3] - a[1] * a[2];
  const double delta = determinant - tau * tau;
  double c = 1.0, s = t;
  if (delta > 0.0) {
    const double omega = std::sqrt(delta);
    c = std::cos(omega * t);
    s = std::sin(omega * t) / omega;
  } else if (delta < 0.0) {
    const double omega = std::sqrt(-delta);
    c = std::cosh(omega * t);
    s = std::sinh(omega * t) / omega;
  }
  // (A − τI) z0
  const double shifted_x = (a[0] - tau) * z0[0] + a[1] * z0[1];
  const double shifted_y = a[2] * z0[0] + (a[3] - tau) * z0[1];
  const double growth = std::exp(tau * t);
  return {growth * (c * z0[0] + s * shifted_x), growth * (c * z0[1] + s * shifted_y)};
}

Result<Dataset> GenerateOdeSpiral(const OdeSpiralSettings& settings) {
  if (Status status = ValidateOdeSpiralSettings(settings); !status.ok()) return status;
  Rng rng(settings.seed);
  const Eigen::VectorXd times = OdeSpiralTimes(settings);
  const Eigen::MatrixXd trajectory = IntegrateOdeSpiral(settings);
  Dataset data;
  data.name = settings.cubic ? "Neural-ODE spiral (synthetic)" : "Neural-ODE linear spiral (synthetic)";
  data.task = TaskKind::kRegression;
  data.feature_names = {"t", "x", "y"};
  data.target_name = "t";
  data.synthetic = true;
  data.features.resize(times.size(), 3);
  for (Eigen::Index k = 0; k < times.size(); ++k) {
    data.features(k, 0) = times(k);
    // One draw per statement: x's noise strictly before y's on every compiler.
    const double noise_x = settings.noise_sd > 0.0 ? rng.Normal(0.0, settings.noise_sd) : 0.0;
    const double noise_y = settings.noise_sd > 0.0 ? rng.Normal(0.0, settings.noise_sd) : 0.0;
    data.features(k, 1) = trajectory(k, 0) + noise_x;
    data.features(k, 2) = trajectory(k, 1) + noise_y;
  }
  data.targets = times;
  return data;
}

}  // namespace mlp
