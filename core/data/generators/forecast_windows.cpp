// Forecast windows (forecast_windows.h): sliding windows over series, no randomness of their own —
// the numbers come from the storm tracks or the COVID-like series of the same seed.
#include "core/data/generators/forecast_windows.h"

#include <cmath>
#include <cstdint>

namespace mlp {
namespace {

constexpr int kMaxWindow = 100;
constexpr int64_t kMaxCells = 20'000'000;  // rows × window: keeps a slider from exhausting memory

}  // namespace

Result<Dataset> MakeForecastWindows(const std::vector<std::vector<double>>& series, int window, const std::string& name,
                                    const std::string& value_name) {
  if (window < 1 || window > kMaxWindow)
    return Status::Error(name + ": the window must hold 1 to " + std::to_string(kMaxWindow) + " previous values.");
  int64_t rows = 0;
  for (const std::vector<double>& s : series) {
    for (double v : s)
      if (!std::isfinite(v)) return Status::Error(name + ": the series contains a missing or infinite value.");
    if (static_cast<int64_t>(s.size()) > window) rows += static_cast<int64_t>(s.size()) - window;
  }
  if (rows == 0)
    return Status::Error(name + ": every series is shorter than the window + 1 values; use a shorter window.");
  if (rows * window > kMaxCells) return Status::Error(name + ": too many windows; use fewer or shorter series.");

  Dataset data;
  data.name = name;
  data.task = TaskKind::kRegression;
  data.layout = SampleLayout::kSignal;
  data.sample_shape = {window};
  data.synthetic = true;
  data.target_name = value_name + "(t)";
  for (int k = window; k >= 1; --k) data.feature_names.push_back(value_name + "(t−" + std::to_string(k) + ")");
  data.features.resize(rows, window);
  data.targets.resize(rows);
  data.groups.reserve(static_cast<size_t>(rows));
  data.steps.reserve(static_cast<size_t>(rows));
  int64_t row = 0;
  for (size_t g = 0; g < series.size(); ++g) {
    const std::vector<double>& s = series[g];
    for (size_t t = static_cast<size_t>(window); t < s.size(); ++t, ++row) {
      for (int k = 0; k < window; ++k) data.features(row, k) = s[t - static_cast<size_t>(window) + static_cast<size_t>(k)];
      data.targets(row) = s[t];
      data.groups.push_back(static_cast<int>(g));
      data.steps.push_back(static_cast<int>(t));
    }
  }
  return data;
}

Result<Dataset> GenerateStormWindows(const StormWindowSettings& settings) {
  Result<std::vector<StormTrack>> tracks = GenerateStormTracks(settings.storms);
  if (!tracks.ok()) return tracks.status();
  std::vector<std::vector<double>> series;
  series.reserve(tracks.value().size());
  for (const StormTrack& track : tracks.value()) series.push_back(track.wind_kt);
  return MakeForecastWindows(series, settings.window, "Storm wind-speed windows (synthetic)", "wind_kt");
}

Result<Dataset> GenerateCovidWindows(const CovidWindowSettings& settings) {
  Result<Dataset> covid = GenerateCovidLike(settings.covid);
  if (!covid.ok()) return covid.status();
  const Eigen::VectorXd& cases = covid.value().targets;
  std::vector<double> series(static_cast<size_t>(cases.size()));
  for (Eigen::Index t = 0; t < cases.size(); ++t)
    series[static_cast<size_t>(t)] = settings.log_cases ? std::log(cases(t) + 1.0) : cases(t);
  return MakeForecastWindows({series}, settings.window, "COVID-like case windows (synthetic)",
                             settings.log_cases ? "log_cases" : "cases");
}

}  // namespace mlp
