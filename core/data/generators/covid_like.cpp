// G9: SEIR epidemic with lockdowns, delayed weekday-modulated Poisson reports, mobility indices
// (model in covid_like.h).
#include "core/data/generators/covid_like.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/base/rng.h"
#include "core/data/generators/poisson.h"

namespace mlp {
namespace {

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

constexpr std::array<double, 4> kMobilityLevels = {-0.75, -0.70, -0.60, 0.25};  // at s = 1

}  // namespace

std::vector<double> CovidLockdownStrength(const CovidLikeSettings& settings) {
  std::vector<double> s(static_cast<size_t>(std::max(settings.days, 0)), 0.0);
  for (size_t t = 0; t < s.size(); ++t) {
    const double day = static_cast<double>(t);
    for (const LockdownPeriod& period : settings.lockdowns) {
      const double value = period.strength * Logistic((day - period.start_day) / 1.5) * Logistic((period.end_day - day) / 4.0);
      s[t] = std::max(s[t], value);
    }
  }
  return s;
}

Result<Dataset> GenerateCovidLike(const CovidLikeSettings& c) {
  if (c.days < 30) return Status::Error("Generate at least 30 days.");
  if (!(c.population > 0.0) || !(c.initial_infected > 0.0 && 2.0 * c.initial_infected < c.population)) {
    return Status::Error("Need a positive population and 0 < 2 × initial infected < population (as many start exposed).");
  }
  if (!(c.r0 > 0.0) || !(c.infectious_days > 0.0) || !(c.incubation_days >= 1.0)) {
    return Status::Error("R0 and the infectious period must be positive, the incubation period at least 1 day.");
  }
  if (!(c.lockdown_effect >= 0.0 && c.lockdown_effect <= 1.0)) return Status::Error("The lockdown effect must lie in [0, 1].");
  if (!(c.report_delay_days >= 4.0 && c.report_delay_days < c.days)) {
    return Status::Error("The reporting delay must be at least 4 days and shorter than the series.");
  }
  if (!(c.ascertainment > 0.0 && c.ascertainment <= 1.0)) return Status::Error("The ascertainment must lie in (0, 1].");
  if (!(c.weekend_dip >= 0.0 && c.weekend_dip < 1.0)) return Status::Error("The weekend dip must lie in [0, 1).");
  if (c.start_weekday < 0 || c.start_weekday > 6) return Status::Error("The start weekday must be 0 (Monday) to 6 (Sunday).");
  if (!(c.mobility_noise_sd >= 0.0)) return Status::Error("The mobility noise cannot be negative.");
  for (const LockdownPeriod& period : c.lockdowns) {
    if (period.end_day <= period.start_day || !(period.strength >= 0.0 && period.strength <= 1.0)) {
      return Status::Error("Each lockdown needs end day > start day and a strength in [0, 1].");
    }
  }

  const int n = c.days;
  const std::vector<double> strength = CovidLockdownStrength(c);
  // SEIR, one Euler step per day; reports come from symptom onsets σE.
  const double gamma = 1.0 / c.infectious_days, sigma = 1.0 / c.incubation_days;
  std::vector<double> onsets(static_cast<size_t>(n));
  // Start with as many exposed as infectious people, so onsets (and reports) begin at once.
  double susceptible = c.population - 2.0 * c.initial_infected, exposed = c.initial_infected, infected = c.initial_infected;
  for (int t = 0; t < n; ++t) {
    const double beta = c.r0 * gamma * (1.0 - c.lockdown_effect * strength[static_cast<size_t>(t)]);
    const double fresh = std::min(susceptible, beta * susceptible * infected / c.population);
    const double onset = sigma * exposed;
    onsets[static_cast<size_t>(t)] = onset;
    susceptible -= fresh;
    exposed += fresh - onset;
    infected += onset - gamma * infected;
  }
  // Triangular delay kernel on [delay − 4, delay + 4] days.
  const int center = static_cast<int>(std::lround(c.report_delay_days));
  std::vector<double> kernel;
  double kernel_sum = 0.0;
  for (int d = -4; d <= 4; ++d) {
    kernel.push_back(5.0 - std::abs(d));
    kernel_sum += kernel.back();
  }
  const double weekday_factor = (7.0 - 2.0 * (1.0 - c.weekend_dip)) / 5.0;

  Rng rng(c.seed);
  Dataset data;
  data.name = "COVID-like regional cases (synthetic)";
  data.task = TaskKind::kRegression;
  data.target_name = "cases";
  data.synthetic = true;
  data.feature_names = {"day", "weekday", "retail", "transit", "workplaces", "residential"};
  data.features.resize(n, 6);
  data.targets.resize(n);
  for (int t = 0; t < n; ++t) {
    double reported = 0.0;
    for (int d = -4; d <= 4; ++d) {
      const int source_day = std::max(0, t - center - d);
      reported += kernel[static_cast<size_t>(d + 4)] / kernel_sum * onsets[static_cast<size_t>(source_day)];
    }
    const int weekday = (c.start_weekday + t) % 7;
    const double factor = weekday >= 5 ? 1.0 - c.weekend_dip : weekday_factor;
    data.features(t, 0) = t;
    data.features(t, 1) = weekday;
    // Draw order per day: the four mobility noises, then the case count.
    for (size_t j = 0; j < kMobilityLevels.size(); ++j) {
      const double noise = c.mobility_noise_sd > 0.0 ? rng.Normal(0.0, c.mobility_noise_sd) : 0.0;
      data.features(t, 2 + static_cast<Eigen::Index>(j)) = 100.0 * kMobilityLevels[j] * strength[static_cast<size_t>(t)] + noise;
    }
    data.targets(t) = static_cast<double>(PoissonDraw(rng, c.ascertainment * factor * reported));
  }
  return data;
}

}  // namespace mlp
