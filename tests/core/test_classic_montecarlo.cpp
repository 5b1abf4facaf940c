// KappaEnsemble (Monte-Carlo lesson, G10): toy ensembles of the κ fit per luminosity scenario.
// Checks the derived expectations of course-inventory §5.2 G10: σ_κ ≈ 2.49/√N (Fisher information
// 0.16095 per event at κ = 0) and separations of κ = ±0.07 from 0 of about 1.3–1.5σ, 4–5σ and
// 13–15σ for the three eras; the empirical κ̂ spread agrees with the fitted σ within its sampling
// error, and one Step() is one toy.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/models/classic/montecarlo/kappa_ensemble.h"

namespace {
using mlp::classic::KappaEnsemble;
using mlp::classic::KappaEnsembleSettings;
}  // namespace

TEST_CASE("Kappa ensemble, first LEP era: sigma 2.49/sqrt(N), 1.3-1.5 sigma separation", "[classic-mc]") {
  KappaEnsembleSettings settings;
  settings.toys = 40;
  settings.scenarios = {true, false, false};
  settings.seed = 11;
  KappaEnsemble ensemble(settings);
  REQUIRE(ensemble.Reset().ok());
  REQUIRE(ensemble.cases().size() == 3);
  REQUIRE(ensemble.Step().ok());  // one toy per Step
  CHECK(ensemble.toys_done() == 1);
  CHECK(ensemble.cases()[0].estimates.size() == 1);
  while (!ensemble.finished()) REQUIRE(ensemble.Step().ok());
  CHECK(ensemble.toys_done() == 120);
  const double n = 2000.0;
  for (size_t c = 0; c < 3; ++c) {
    const auto& cell = ensemble.cases()[c];
    CHECK(cell.events == 2000);
    CHECK(cell.mean_sigma == Approx(2.49 / std::sqrt(n)).epsilon(0.03));
    // Sampling errors of M = 40 toys: the mean to 4σ/√M, the spread to ~3·(1/√(2M)) relative.
    CHECK(std::fabs(cell.mean - cell.kappa) < 4.0 * cell.mean_sigma / std::sqrt(40.0));
    CHECK(cell.sd / cell.mean_sigma == Approx(1.0).margin(0.35));
  }
  CHECK(ensemble.ExpectedSeparation(0) == Approx(1.26).margin(0.05));  // 0.07 / (2.49/√2000)
  CHECK(ensemble.ExpectedSeparation(2) == Approx(1.26).margin(0.05));
  CHECK(ensemble.Separation(0) > 0.6);
  CHECK(ensemble.Separation(0) < 2.0);
  CHECK(std::isnan(ensemble.ExpectedSeparation(1)) == false);
  CHECK(ensemble.ExpectedSeparation(1) == 0.0);

  // 3000 events/year: the upper end, 1.5σ.
  settings.toys = 4;
  settings.high_event_count = true;
  KappaEnsemble high(settings);
  REQUIRE(high.Run().ok());
  CHECK(high.cases()[0].events == 3000);
  CHECK(high.ExpectedSeparation(2) == Approx(1.54).margin(0.06));
}

TEST_CASE("Kappa ensemble, later eras: 4-5 sigma and 13-15 sigma", "[classic-mc]") {
  KappaEnsembleSettings settings;
  settings.toys = 2;
  settings.scenarios = {false, true, true};
  KappaEnsemble ensemble(settings);
  REQUIRE(ensemble.Run().ok());
  REQUIRE(ensemble.cases().size() == 6);
  CHECK(ensemble.cases()[1].mean_sigma == Approx(2.49 / std::sqrt(20000.0)).epsilon(0.03));
  CHECK(ensemble.cases()[4].mean_sigma == Approx(2.49 / std::sqrt(200000.0)).epsilon(0.03));
  CHECK(ensemble.ExpectedSeparation(0) == Approx(3.98).margin(0.15));   // 20,000 events
  CHECK(ensemble.ExpectedSeparation(3) == Approx(12.6).margin(0.4));    // 200,000 events
  for (size_t c = 0; c < 6; ++c)  // every toy's κ̂ within 5σ of the truth
    for (double estimate : ensemble.cases()[c].estimates)
      CHECK(std::fabs(estimate - ensemble.cases()[c].kappa) < 5.0 * ensemble.cases()[c].mean_sigma);
}

TEST_CASE("Kappa ensemble is deterministic per seed and checks its settings", "[classic-mc]") {
  KappaEnsembleSettings settings;
  settings.toys = 3;
  settings.scenarios = {true, false, false};
  settings.seed = 5;
  KappaEnsemble a(settings), b(settings);
  REQUIRE(a.Run().ok());
  REQUIRE(b.Run().ok());
  for (size_t c = 0; c < 3; ++c) CHECK(a.cases()[c].estimates == b.cases()[c].estimates);
  settings.seed = 6;
  KappaEnsemble other(settings);
  REQUIRE(other.Run().ok());
  CHECK(other.cases()[0].estimates != a.cases()[0].estimates);
  settings.toys = 0;
  CHECK_FALSE(KappaEnsemble(settings).Reset().ok());
  settings.toys = 3;
  settings.scenarios = {false, false, false};
  CHECK_FALSE(KappaEnsemble(settings).Reset().ok());
  CHECK_FALSE(KappaEnsemble().Step().ok());
}
