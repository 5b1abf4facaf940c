// Course generators for forecasting (G5 storms, G9 COVID-like): series cut into windows of the
// previous values with the next value as target (forecast_windows.h). Split them sequentially:
// later storms or later days test, as a forecast would be used.
#include <string>

#include "core/data/catalog/catalog.h"
#include "core/data/catalog/course_source_helpers.h"
#include "core/data/generators/forecast_windows.h"

namespace mlp {

using course_sources::Param;
using course_sources::Synthetic;

void AddCourseForecastSources(const std::string& group, std::vector<DataSource>* sources) {
  {
    DataSource s = NewGeneratorSource("storm_windows", "Storm wind-speed forecast windows", group);
    s.sheet = Synthetic("seed 000's 30 storm wind-speed records, cut for an LSTM",
                        "one row per storm step after the first `window` steps (about 3500 rows for 30 storms)",
                        "the previous `window` wind speeds (kt), oldest first; target: the next speed (kt); rows grouped by storm",
                        "LSTM forecasting against the 'next = last' baseline; split sequentially so later storms test");
    s.parameters = {Param("storms", "Storms", 1, 100, 30, true), Param("window", "Window (steps)", 1, 50, 8, true),
                    Param("noise", "Wind noise (kt)", 0, 10, 3)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) {
      StormWindowSettings settings;
      settings.storms.seed = seed;
      settings.storms.storms = static_cast<int>(v[0]);
      settings.window = static_cast<int>(v[1]);
      settings.storms.wind_noise_kt = v[2];
      return GenerateStormWindows(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("covid_windows", "COVID-like case forecast windows", group);
    s.sheet = Synthetic("the UK dashboard case series (seed 002), cut for forecasting",
                        "one row per day after the first `window` days (351 rows for 365 days and a 14-day window)",
                        "the previous `window` days of log(cases + 1) (or cases); target: the next day's value",
                        "sequence-model forecasts through lockdowns and weekend dips; sequential split (later days test)");
    s.parameters = {Param("days", "Days", 30, 1000, 365, true), Param("window", "Window (days)", 1, 60, 14, true),
                    WithChoices(Param("log", "Values", 0, 1, 1, true), {"cases", "log(cases + 1)"})};
    s.generate = [](const std::vector<double>& v, uint32_t seed) {
      CovidWindowSettings settings;
      settings.covid.seed = seed;
      settings.covid.days = static_cast<int>(v[0]);
      settings.window = static_cast<int>(v[1]);
      settings.log_cases = v[2] > 0.5;
      return GenerateCovidWindows(settings);
    };
    sources->push_back(std::move(s));
  }
}

}  // namespace mlp
