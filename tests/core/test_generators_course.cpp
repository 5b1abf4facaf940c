// Course generators G1 (red-wine-like), G2 (well logs) and G10 (e+e- -> mu+mu- angles):
// deterministic per seed, with the statistics their headers document.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/data/generators/muon_pairs.h"
#include "core/data/generators/well_logs.h"
#include "core/data/generators/wine_like.h"
#include "core/data/splits.h"

namespace {

double Mean(const Eigen::VectorXd& v) { return v.mean(); }
double SampleSd(const Eigen::VectorXd& v) {
  return std::sqrt((v.array() - v.mean()).square().sum() / static_cast<double>(v.size() - 1));
}
double Correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  const Eigen::ArrayXd da = a.array() - a.mean(), db = b.array() - b.mean();
  return (da * db).sum() / std::sqrt(da.square().sum() * db.square().sum());
}
double Median(Eigen::VectorXd v) {
  std::sort(v.data(), v.data() + v.size());
  return v(v.size() / 2);
}

// Class frequencies of the given rows.
std::vector<double> ClassShares(const mlp::Dataset& data, const std::vector<int64_t>& rows) {
  std::vector<double> share(static_cast<size_t>(data.num_classes()), 0.0);
  for (int64_t r : rows) share[static_cast<size_t>(data.targets(r))] += 1.0 / static_cast<double>(rows.size());
  return share;
}
double TotalVariation(const std::vector<double>& p, const std::vector<double>& q) {
  double sum = 0.0;
  for (size_t i = 0; i < p.size(); ++i) sum += std::fabs(p[i] - q[i]);
  return 0.5 * sum;
}

// ∫ of (3/8)(1 + c² + κc) over [lo, hi].
double MuonBinProbability(double lo, double hi, double kappa) {
  auto primitive = [kappa](double c) { return 0.375 * (c + c * c * c / 3.0 + 0.5 * kappa * c * c); };
  return primitive(hi) - primitive(lo);
}
double ChiSquare(const std::vector<double>& sample, double kappa, int bins) {
  std::vector<double> observed(static_cast<size_t>(bins), 0.0);
  for (double c : sample) observed[static_cast<size_t>(std::min(bins - 1, static_cast<int>((c + 1.0) / 2.0 * bins)))] += 1.0;
  double chi2 = 0.0;
  for (int b = 0; b < bins; ++b) {
    const double expected = static_cast<double>(sample.size()) * MuonBinProbability(-1.0 + 2.0 * b / bins, -1.0 + 2.0 * (b + 1) / bins, kappa);
    chi2 += (observed[static_cast<size_t>(b)] - expected) * (observed[static_cast<size_t>(b)] - expected) / expected;
  }
  return chi2;
}

std::vector<double> MuonSample(double kappa, int64_t events, uint32_t seed) {
  mlp::MuonPairSettings settings;
  settings.kappa = kappa;
  settings.events = events;
  settings.seed = seed;
  auto sample = mlp::SampleMuonCosTheta(settings);
  REQUIRE(sample.ok());
  return sample.value();
}

}  // namespace

TEST_CASE("Course generators are deterministic per seed and differ across seeds", "[generators]") {
  mlp::WineLikeSettings wine_a, wine_c;
  wine_a.seed = 5;
  wine_c.seed = 6;
  const mlp::Dataset wa = mlp::GenerateWineLike(wine_a), wb = mlp::GenerateWineLike(wine_a), wc = mlp::GenerateWineLike(wine_c);
  CHECK(wa.features == wb.features);
  CHECK(wa.targets == wb.targets);
  CHECK(wa.features != wc.features);

  mlp::WellLogSettings well_a, well_c;
  well_a.seed = 5;
  well_c.seed = 6;
  const mlp::Dataset la = mlp::GenerateWellLogs(well_a), lb = mlp::GenerateWellLogs(well_a), lc = mlp::GenerateWellLogs(well_c);
  CHECK(la.features == lb.features);
  CHECK(la.targets == lb.targets);
  CHECK(la.targets != lc.targets);

  mlp::MuonPairSettings muon_a, muon_c;
  muon_a.seed = 5;
  muon_a.kappa = muon_c.kappa = 0.07;
  muon_c.seed = 6;
  auto ma = mlp::GenerateMuonPairs(muon_a), mb = mlp::GenerateMuonPairs(muon_a), mc = mlp::GenerateMuonPairs(muon_c);
  REQUIRE((ma.ok() && mb.ok() && mc.ok()));
  CHECK(ma.value().features == mb.value().features);
  CHECK(ma.value().features != mc.value().features);

  for (const mlp::Dataset* d : std::vector<const mlp::Dataset*>{&wa, &la, &ma.value()}) {
    INFO(d->name);
    CHECK(d->name.find("(synthetic)") != std::string::npos);
    CHECK(d->feature_names.size() == static_cast<size_t>(d->features.cols()));
    CHECK(d->targets.size() == d->features.rows());
    CHECK(d->features.allFinite());
  }
}

TEST_CASE("G1 wine-like: exact quality counts, published marginals, key correlation signs", "[generators]") {
  REQUIRE(mlp::WineLikeColumnNames().size() == 12);
  CHECK(mlp::WineLikeColumnNames().front() == "fixed acidity");
  CHECK(mlp::WineLikeColumnNames().back() == "quality");
  for (uint32_t seed : {0u, 123u, 2024u}) {
    INFO("seed " << seed);
    mlp::WineLikeSettings settings;
    settings.seed = seed;
    const mlp::Dataset data = mlp::GenerateWineLike(settings);
    REQUIRE(data.size() == mlp::kWineLikeRows);
    REQUIRE(data.features.cols() == mlp::kWineLikeFeatures);
    CHECK(data.task == mlp::TaskKind::kRegression);
    for (size_t grade = 0; grade < mlp::kWineQualityCounts.size(); ++grade) {
      const double quality = mlp::kWineLowestQuality + static_cast<double>(grade);
      CHECK((data.targets.array() == quality).count() == mlp::kWineQualityCounts[grade]);
    }
    CHECK((data.targets.array() > 5.0).count() == 855);

    // Tolerances: a mean within 0.1 SD (its standard error is SD/40), an SD within 12% (log-normal
    // SDs with a coefficient of variation near 0.7 wander by about 5%).
    for (int c = 0; c < mlp::kWineLikeFeatures; ++c) {
      const mlp::WineMarginal& m = mlp::WineLikeMarginals()[static_cast<size_t>(c)];
      INFO(data.feature_names[static_cast<size_t>(c)]);
      const Eigen::VectorXd column = data.features.col(c);
      CHECK(std::fabs(Mean(column) - m.mean) < 0.1 * m.sd);
      CHECK(std::fabs(SampleSd(column) / m.sd - 1.0) < 0.12);
      CHECK(column.minCoeff() >= 0.0);
      if (m.log_normal) CHECK(Mean(column) > Median(column));  // right skew
    }
    auto col = [&](int c) -> Eigen::VectorXd { return data.features.col(c); };
    CHECK(Correlation(col(0), col(2)) > 0.4);    // fixed acidity ~ citric acid
    CHECK(Correlation(col(0), col(7)) > 0.4);    // fixed acidity ~ density
    CHECK(Correlation(col(0), col(8)) < -0.4);   // fixed acidity ~ pH
    CHECK(Correlation(col(5), col(6)) > 0.4);    // free ~ total SO2
    CHECK(Correlation(col(7), col(10)) < -0.3);  // density ~ alcohol
    // Quality drivers: near the real file's 0.48, -0.39, 0.25, 0.23.
    CHECK(Correlation(col(10), data.targets) == Approx(0.48).margin(0.07));
    CHECK(Correlation(col(1), data.targets) == Approx(-0.39).margin(0.07));
    CHECK(Correlation(col(9), data.targets) == Approx(0.25).margin(0.07));
    CHECK(Correlation(col(2), data.targets) == Approx(0.23).margin(0.07));
  }
}

TEST_CASE("G2 well logs: depth grid and a class mix that drifts downhole", "[generators]") {
  mlp::WellLogSettings settings;
  settings.seed = 7;
  const mlp::Dataset data = mlp::GenerateWellLogs(settings);
  REQUIRE(data.size() == 4001);
  REQUIRE(data.feature_names == std::vector<std::string>{"DEPTH_WMSF", "HCGR", "HURA", "MUNSELL_COLOR"});
  CHECK(data.num_classes() == 5);
  for (int64_t i = 0; i < data.size(); ++i) REQUIRE(data.features(i, 0) == static_cast<double>(i) * 0.15);
  CHECK(data.features(data.size() - 1, 0) == Approx(600.0).epsilon(1e-12));

  for (uint32_t seed : {1u, 7u, 99u}) {
    INFO("seed " << seed);
    settings.seed = seed;
    const mlp::Dataset logs = mlp::GenerateWellLogs(settings);
    mlp::CoordinateSplitOptions deepest;
    auto spatial = mlp::SplitByCoordinate(logs.features.col(0), deepest);
    mlp::TrainTestSplitOptions random_options;
    random_options.test_fraction = 0.2;
    random_options.random_state = seed;
    auto random = mlp::TrainTestSplit(logs.size(), random_options);
    REQUIRE((spatial.ok() && random.ok()));
    const double spatial_shift = TotalVariation(ClassShares(logs, spatial.value().train), ClassShares(logs, spatial.value().test));
    const double random_shift = TotalVariation(ClassShares(logs, random.value().train), ClassShares(logs, random.value().test));
    // Over seeds 0–199 the spatial total-variation distance averages 0.44 (minimum 0.24); the random
    // split's stays below 0.09. Sand and diatomite take over downhole.
    CHECK(spatial_shift > 0.25);
    CHECK(random_shift < 0.06);
    const std::vector<double> top = ClassShares(logs, spatial.value().train), bottom = ClassShares(logs, spatial.value().test);
    CHECK(bottom[2] + bottom[4] > top[2] + top[4] + 0.2);

    // Gamma logs: clay hotter than ooze; both logs right-skewed; Munsell colour matches the
    // lithology's own colour unless replaced (15% of rows, a random colour that is the own one
    // a fifth of the time): 1 − 0.15·0.8 = 0.88.
    Eigen::VectorXd clay_hcgr(logs.size()), ooze_hcgr(logs.size());
    Eigen::Index clay = 0, ooze = 0, same_colour = 0;
    for (int64_t i = 0; i < logs.size(); ++i) {
      if (logs.targets(i) == 0) clay_hcgr(clay++) = logs.features(i, 1);
      if (logs.targets(i) == 3) ooze_hcgr(ooze++) = logs.features(i, 1);
      same_colour += logs.features(i, 3) == logs.targets(i) ? 1 : 0;
    }
    REQUIRE((clay > 50 && ooze > 50));
    CHECK(Median(clay_hcgr.head(clay)) > 2.0 * Median(ooze_hcgr.head(ooze)));
    CHECK(Mean(logs.features.col(1)) > Median(logs.features.col(1)));
    CHECK(Mean(logs.features.col(2)) > Median(logs.features.col(2)));
    CHECK(static_cast<double>(same_colour) / static_cast<double>(logs.size()) == Approx(0.88).margin(0.03));
    CHECK(logs.features.col(3).minCoeff() >= 0.0);
    CHECK(logs.features.col(3).maxCoeff() < static_cast<double>(mlp::WellLogMunsellColours().size()));
  }
}

TEST_CASE("G10 muon pairs: histogram matches the density (chi-square)", "[generators]") {
  // 40 bins, 39 degrees of freedom: the 99.9% point of chi-square(39) is 72.05. The same histogram
  // against the mirrored asymmetry (-kappa) must fail, which shows the test can tell them apart.
  const std::vector<double> sample = MuonSample(0.07, 200000, 11);
  CHECK(ChiSquare(sample, 0.07, 40) < 72.05);
  CHECK(ChiSquare(sample, -0.07, 40) > 72.05);
  for (double c : sample) REQUIRE((c >= -1.0 && c <= 1.0));
  // Forward-backward asymmetry A_FB = 3 kappa / 8 = 0.02625; its standard error is 1/sqrt(N) ≈ 0.0022.
  const double forward = static_cast<double>(std::count_if(sample.begin(), sample.end(), [](double c) { return c > 0.0; }));
  CHECK((2.0 * forward / static_cast<double>(sample.size()) - 1.0) == Approx(3.0 * 0.07 / 8.0).margin(0.0067));
  CHECK(mlp::MuonPairDensity(0.5, 0.07) == Approx(0.375 * (1.25 + 0.035)));
  CHECK(mlp::MuonPairDensity(1.5, 0.07) == 0.0);
}

TEST_CASE("G10 muon pairs: maximum-likelihood kappa recovers the truth and sigma shrinks as 1/sqrt(N)", "[generators]") {
  for (double kappa : mlp::kCourseKappas) {
    for (uint32_t seed = 1; seed <= 5; ++seed) {
      INFO("kappa " << kappa << " seed " << seed);
      auto fit = mlp::FitKappaMaximumLikelihood(MuonSample(kappa, 20000, seed));
      REQUIRE(fit.ok());
      CHECK(std::fabs(fit.value().kappa - kappa) < 3.0 * fit.value().sigma);
      CHECK(fit.value().sigma * std::sqrt(20000.0) == Approx(2.49).epsilon(0.05));
    }
  }
  auto small = mlp::FitKappaMaximumLikelihood(MuonSample(0.0, 2000, 3));
  auto large = mlp::FitKappaMaximumLikelihood(MuonSample(0.0, 200000, 3));
  REQUIRE((small.ok() && large.ok()));
  CHECK(small.value().sigma / large.value().sigma == Approx(10.0).epsilon(0.05));

  // The likelihood maximum: the score sum c/(1 + c² + κc) vanishes at the fit.
  const std::vector<double> sample = MuonSample(-0.07, 5000, 8);
  auto fit = mlp::FitKappaMaximumLikelihood(sample);
  REQUIRE(fit.ok());
  double score = 0.0;
  for (double c : sample) score += c / (1.0 + c * c + fit.value().kappa * c);
  CHECK(std::fabs(score) < 1e-8);

  CHECK_FALSE(mlp::FitKappaMaximumLikelihood({}).ok());
  CHECK_FALSE(mlp::FitKappaMaximumLikelihood({0.0, 0.0}).ok());
  CHECK_FALSE(mlp::FitKappaMaximumLikelihood({0.5, 1.5}).ok());
  mlp::MuonPairSettings bad;
  bad.kappa = 2.5;
  CHECK_FALSE(mlp::SampleMuonCosTheta(bad).ok());
  bad.kappa = 0.0;
  bad.events = 0;
  CHECK_FALSE(mlp::GenerateMuonPairs(bad).ok());
}

TEST_CASE("G10 muon pairs: the three luminosity scenarios' event counts", "[generators]") {
  const int64_t expected[3][2] = {{2000, 3000}, {20000, 30000}, {200000, 300000}};
  for (size_t i = 0; i < mlp::kLuminosityScenarios.size(); ++i) {
    CHECK(mlp::kLuminosityScenarios[i].EventsLow() == expected[i][0]);
    CHECK(mlp::kLuminosityScenarios[i].EventsHigh() == expected[i][1]);
  }
}
