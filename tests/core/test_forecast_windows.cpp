// Forecast windows (core/data/generators/forecast_windows.h): shapes, values against the series
// they cut, groups and steps, determinism, bad settings, the catalogue sources, and the sequential
// split that keeps each storm on one side.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "core/data/catalog/catalog.h"
#include "core/data/generators/forecast_windows.h"
#include "core/data/recipe/data_recipe.h"

using namespace mlp;

namespace {

StormWindowSettings SmallStorms(uint32_t seed) {
  StormWindowSettings s;
  s.storms.seed = seed;
  s.storms.storms = 6;
  s.storms.min_length = 20;
  s.storms.max_length = 60;
  s.window = 5;
  return s;
}

}  // namespace

TEST_CASE("storm windows hold each storm's previous speeds and its next one, ordered by storm then step", "[forecast]") {
  const StormWindowSettings settings = SmallStorms(3);
  Result<Dataset> windows = GenerateStormWindows(settings);
  REQUIRE(windows.ok());
  const Dataset& d = windows.value();
  Result<std::vector<StormTrack>> tracks = GenerateStormTracks(settings.storms);
  REQUIRE(tracks.ok());
  int64_t expected_rows = 0;
  for (const StormTrack& t : tracks.value()) expected_rows += static_cast<int64_t>(t.wind_kt.size()) - settings.window;
  CHECK(d.size() == expected_rows);
  CHECK(d.features.cols() == 5);
  CHECK(d.layout == SampleLayout::kSignal);
  CHECK(d.sample_shape == std::vector<int>{5});
  CHECK(d.task == TaskKind::kRegression);
  CHECK(d.feature_names.front() == "wind_kt(t−5)");
  CHECK(d.feature_names.back() == "wind_kt(t−1)");
  REQUIRE(d.groups.size() == static_cast<size_t>(d.size()));
  REQUIRE(d.steps.size() == static_cast<size_t>(d.size()));
  bool all_match = true;
  for (int64_t r = 0; r < d.size(); ++r) {
    const int g = d.groups[static_cast<size_t>(r)], t = d.steps[static_cast<size_t>(r)];
    const std::vector<double>& v = tracks.value()[static_cast<size_t>(g)].wind_kt;
    all_match = all_match && d.targets(r) == v[static_cast<size_t>(t)];
    for (int k = 0; k < 5; ++k) all_match = all_match && d.features(r, k) == v[static_cast<size_t>(t - 5 + k)];
    if (r > 0) {  // ordered by storm, then step, one step apart within a storm
      const int pg = d.groups[static_cast<size_t>(r - 1)], pt = d.steps[static_cast<size_t>(r - 1)];
      all_match = all_match && (g == pg ? t == pt + 1 : (g == pg + 1 && t == 5));
    }
  }
  CHECK(all_match);
  CHECK(d.groups.front() == 0);
  CHECK(d.groups.back() == 5);
  // The persistence forecast (last column) is good but not perfect on these noisy tracks.
  const double persistence = (d.features.col(4) - d.targets).squaredNorm() / static_cast<double>(d.size());
  const double variance = (d.targets.array() - d.targets.mean()).square().mean();
  CHECK(persistence > 0.0);
  CHECK(persistence < 0.2 * variance);
}

TEST_CASE("storm windows are the same for a seed and differ between seeds", "[forecast]") {
  Result<Dataset> a = GenerateStormWindows(SmallStorms(7)), b = GenerateStormWindows(SmallStorms(7)),
                  c = GenerateStormWindows(SmallStorms(8));
  REQUIRE((a.ok() && b.ok() && c.ok()));
  CHECK(a.value().features == b.value().features);
  CHECK(a.value().targets == b.value().targets);
  CHECK(a.value().groups == b.value().groups);
  CHECK_FALSE((a.value().size() == c.value().size() && a.value().targets == c.value().targets));
}

TEST_CASE("forecast windows refuse impossible settings with a message", "[forecast]") {
  StormWindowSettings s = SmallStorms(1);
  s.window = 0;
  CHECK_FALSE(GenerateStormWindows(s).ok());
  s.window = 101;
  CHECK_FALSE(GenerateStormWindows(s).ok());
  s = SmallStorms(1);
  s.storms.min_length = s.storms.max_length = 10;
  s.window = 10;  // a 10-step storm has no 11th value to predict
  Result<Dataset> short_storms = GenerateStormWindows(s);
  REQUIRE_FALSE(short_storms.ok());
  CHECK(short_storms.status().message().find("shorter than the window") != std::string::npos);
  s = SmallStorms(1);
  s.storms.storms = 0;
  CHECK_FALSE(GenerateStormWindows(s).ok());
  CHECK_FALSE(MakeForecastWindows({{1.0, NAN, 3.0}}, 1, "x", "v").ok());
  Result<Dataset> tiny = MakeForecastWindows({{1.0, 2.0}, {5.0}, {3.0, 4.0, 6.0}}, 1, "x", "v");
  REQUIRE(tiny.ok());  // the one-value series gives no row
  CHECK(tiny.value().size() == 3);
  CHECK(tiny.value().groups == std::vector<int>{0, 2, 2});
  CHECK(tiny.value().steps == std::vector<int>{1, 1, 2});
  CHECK(tiny.value().targets(2) == 6.0);
}

TEST_CASE("COVID-like windows cut log(cases + 1) of one series, day by day", "[forecast]") {
  CovidWindowSettings s;
  s.covid.seed = 5;
  s.covid.days = 120;
  s.window = 14;
  Result<Dataset> windows = GenerateCovidWindows(s);
  Result<Dataset> covid = GenerateCovidLike(s.covid);
  REQUIRE((windows.ok() && covid.ok()));
  const Dataset& d = windows.value();
  CHECK(d.size() == 106);
  CHECK(d.features.cols() == 14);
  CHECK(d.target_name == "log_cases(t)");
  CHECK(d.groups == std::vector<int>(106, 0));
  CHECK(d.steps.front() == 14);
  CHECK(d.steps.back() == 119);
  CHECK(d.targets(0) == Approx(std::log(covid.value().targets(14) + 1.0)));
  CHECK(d.features(5, 0) == Approx(std::log(covid.value().targets(5) + 1.0)));
  s.log_cases = false;
  Result<Dataset> raw = GenerateCovidWindows(s);
  REQUIRE(raw.ok());
  CHECK(raw.value().targets(0) == covid.value().targets(14));
  s.window = 120;
  CHECK_FALSE(GenerateCovidWindows(s).ok());
}

TEST_CASE("a sequential split of storm windows tests on whole later storms", "[forecast]") {
  Result<Dataset> windows = GenerateStormWindows(SmallStorms(11));
  REQUIRE(windows.ok());
  const Dataset& d = windows.value();
  SplitSpec spec;
  spec.kind = SplitKind::kSequential;
  spec.test_fraction = 0.3;
  Result<Split> split = MakeSplit(d, spec);
  REQUIRE(split.ok());
  const Split& s = split.value();
  REQUIRE_FALSE(s.train.empty());
  REQUIRE_FALSE(s.test.empty());
  CHECK(static_cast<int64_t>(s.train.size() + s.test.size()) == d.size());
  int last_train_storm = -1, first_test_storm = 1 << 30;
  for (int64_t r : s.train) last_train_storm = std::max(last_train_storm, d.groups[static_cast<size_t>(r)]);
  for (int64_t r : s.test) first_test_storm = std::min(first_test_storm, d.groups[static_cast<size_t>(r)]);
  CHECK(last_train_storm < first_test_storm);  // no storm on both sides, later storms test
  CHECK(s.test.front() == s.train.back() + 1);
  // Without groups the cut stays at the fraction.
  Dataset plain = d;
  plain.groups.clear();
  Result<Split> plain_split = MakeSplit(plain, spec);
  REQUIRE(plain_split.ok());
  CHECK(static_cast<int64_t>(plain_split.value().test.size()) == static_cast<int64_t>(std::ceil(0.3 * d.size())));
}

TEST_CASE("the catalogue offers storm and COVID-like forecast windows with their sliders", "[forecast]") {
  for (const char* id : {"storm_windows", "covid_windows"}) {
    INFO(id);
    const DataSource* source = FindDataSource(id);
    REQUIRE(source != nullptr);
    CHECK_FALSE(source->sheet.good_for.empty());
    std::vector<double> values = DefaultValues(*source);
    if (std::string(id) == "storm_windows") values[0] = 5;  // keep the test fast
    Result<Dataset> data = GenerateFromSource(*source, values, 2);
    INFO(data.status().message());
    REQUIRE(data.ok());
    CHECK(data.value().layout == SampleLayout::kSignal);
    CHECK(data.value().groups.size() == static_cast<size_t>(data.value().size()));
  }
  const DataSource* covid = FindDataSource("covid_windows");
  Result<Dataset> defaults = GenerateFromSource(*covid, DefaultValues(*covid), 0);
  REQUIRE(defaults.ok());
  CHECK(defaults.value().size() == 351);  // 365 days, 14-day window
}
