// The Monte Carlo tab drawn headless: one experiment is simulated and fitted off the UI thread,
// the toy study plays and pauses, and both views draw, with and without worker threads.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>
#include <thread>

#include "harness.h"

namespace {

double Number(const std::string& json, const std::string& key) {
  const size_t at = json.find("\"" + key + "\":");
  if (at == std::string::npos) return NAN;
  return std::strtod(json.c_str() + at + key.size() + 3, nullptr);
}

template <typename Done>
void FramesUntil(mlp::test::Harness& harness, Done done) {
  for (int i = 0; i < 3000 && !done(); ++i) {
    harness.Frame();
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace

TEST_CASE("Monte Carlo tab: an experiment is fitted, the toy study plays and pauses, both views draw", "[ui][montecarlo]") {
  for (bool worker : {true, false}) {
    INFO((worker ? "worker" : "frame loop"));
    mlp::test::Harness harness(worker);
    for (int i = 0; i < 3; ++i) harness.Frame();
    harness.Click("tab:montecarlo");
    FramesUntil(harness, [&] { return Number(harness.app().MonteCarloStatusJson(), "experimentEvents") > 0; });
    std::string status = harness.app().MonteCarloStatusJson();
    INFO(status);
    CHECK(Number(status, "experimentEvents") == 20000);
    // 20,000 events at κ = 0.07: σ ≈ 2.49/√20000 ≈ 0.018, so κ̂ lies within 4σ of the truth.
    CHECK(std::fabs(Number(status, "fittedKappa") - 0.07) < 4 * 0.0176);
    CHECK(Number(status, "fittedSigma") == Approx(2.49 / std::sqrt(20000.0)).epsilon(0.05));
    harness.Click("montecarlo:run");
    FramesUntil(harness, [&] { return Number(harness.app().MonteCarloStatusJson(), "toysDone") >= 5; });
    CHECK(Number(harness.app().MonteCarloStatusJson(), "toysDone") >= 5);
    harness.Click("montecarlo-view:experiment");
    harness.Click("montecarlo-view:study");
    harness.Click("montecarlo:run");  // pauses
    const double done = Number(harness.app().MonteCarloStatusJson(), "toysDone");
    for (int i = 0; i < 5; ++i) harness.Frame();
    CHECK(Number(harness.app().MonteCarloStatusJson(), "toysDone") == done);
    CHECK(Number(harness.app().MonteCarloStatusJson(), "toysTotal") == 900);  // 3 eras × 3 κ × 100 toys
  }
}
