// Forecast windows: a time series turned into a supervised table for sequence models (the course's
// LSTM wind-speed forecast, G5; the COVID-like case series, G9). Each row holds the previous
// `window` values of one series as a signal (layout kSignal, sample_shape {window}, oldest first)
// and its target is the value right after them. Rows are ordered by series, then by time, and
// Dataset::groups / Dataset::steps say which series and which step each row's target is, so a
// sequential split tests on the later series (or the later days of a single series).
//
// Baseline: the persistence forecast "next = last" is the row's last feature column.
#pragma once

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"
#include "core/data/generators/covid_like.h"
#include "core/data/generators/storms.h"

namespace mlp {

// Rows for every series s and step t with window ≤ t < length(s): features x_{t−window} … x_{t−1},
// target x_t, groups = s, steps = t. Series shorter than window + 1 give no rows. Fails for a
// window below 1, non-finite values, or no rows at all. Names: the value columns are
// "<value>(t−window)" … "<value>(t−1)", the target "<value>(t)".
Result<Dataset> MakeForecastWindows(const std::vector<std::vector<double>>& series, int window,
                                    const std::string& name, const std::string& value_name);

struct StormWindowSettings {
  StormSettings storms;  // the tracks (seed, count, lengths, peaks); image settings are unused
  int window = 8;        // previous wind speeds per row, 1 … 100
};

// Regression "Storm wind-speed windows (synthetic)": the wind speed (kt) of each storm of
// GenerateStormTracks(storms) — the same numbers as GenerateStormSeries — as forecast windows;
// groups = storm index, steps = the target's step.
Result<Dataset> GenerateStormWindows(const StormWindowSettings& settings);

struct CovidWindowSettings {
  CovidLikeSettings covid;  // the epidemic (seed, days, R0, lockdowns, …)
  int window = 14;          // previous days per row, 1 … 100
  bool log_cases = true;    // true: log(cases + 1), the scale on which growth is linear; false: cases
};

// Regression "COVID-like case windows (synthetic)": the daily reported cases of GenerateCovidLike
// (log(cases + 1) by default) as forecast windows of one series; groups = 0, steps = the day.
Result<Dataset> GenerateCovidWindows(const CovidWindowSettings& settings);

}  // namespace mlp
