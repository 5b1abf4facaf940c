// The Classic models tab drawn headless: every catalogue model fits the Data tab's prepared data
// (a classification set for classifiers, a regression set for regressors), every view draws
// without an ImGui assertion, and the fitted model scores well on easy data.
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <cmath>
#include <cstdlib>
#include <string>
#include <thread>

#include "core/models/classic/model_catalog.h"
#include "harness.h"

namespace {

using mlp::test::Harness;

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
double Number(const std::string& json, const std::string& key) {
  const size_t at = json.find("\"" + key + "\":");
  if (at == std::string::npos) return NAN;
  return std::strtod(json.c_str() + at + key.size() + 3, nullptr);
}

void WaitFor(Harness& harness, const std::function<bool()>& done, bool worker) {
  for (int i = 0; i < 4000 && !done(); ++i) {
    harness.Frame();
    if (worker) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

const char* const kViews[] = {"model-view:map", "model-view:fit", "model-view:metrics", "model-view:progress"};

}  // namespace

TEST_CASE("Models tab: every model fits and every view draws", "[ui][models]") {
  REQUIRE_FALSE(mlp::classic::ModelCatalog().empty());
  for (bool worker : {true, false}) {
    Harness harness(worker);
    for (int i = 0; i < 3; ++i) harness.Frame();
    for (const mlp::classic::ModelEntry& entry : mlp::classic::ModelCatalog()) {
      INFO(entry.id << (worker ? " (worker)" : " (frame loop)"));
      const bool regression = entry.kind == mlp::classic::ModelKind::kRegressor;
      REQUIRE(harness.app().Command(regression ? "data:sinusoid" : "data:blobs").ok());
      WaitFor(harness, [&] { return Has(harness.app().DataStatusJson(), "\"busy\":false") && Number(harness.app().DataStatusJson(), "rows") > 0; }, worker);
      REQUIRE(harness.app().Command("tab:models").ok());
      REQUIRE(harness.app().Command("model:" + entry.id).ok());
      harness.Frame();
      REQUIRE(harness.app().Command("model:play").ok());
      WaitFor(harness, [&] { return Has(harness.app().ModelStatusJson(), "\"finished\":true"); }, worker);
      const std::string status = harness.app().ModelStatusJson();
      INFO(status);
      CHECK(Has(status, "\"finished\":true"));
      CHECK(Has(status, "\"message\":\"\""));
      if (regression) CHECK(Number(status, "testR2") > 0.5);
      else if (entry.kind == mlp::classic::ModelKind::kClassifier) CHECK(Number(status, "testAccuracy") > 0.9);
      for (const char* view : kViews) {
        harness.Click(view);
        harness.Frame();
      }
    }
  }
}
