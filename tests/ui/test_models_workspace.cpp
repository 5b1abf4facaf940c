// The Classic models tab drawn headless: every catalogue model fits the Data tab's prepared data
// (a classification set for classifiers, a regression set for regressors), every view draws
// without an ImGui assertion, and the fitted model scores well on easy data.
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>
#include <thread>

#include "core/lessons/lesson.h"
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

// The views a model offers: every model a map and its progress; the tree family its trees and
// importances; projectors their projection instead of a 1-D fit and metrics.
std::vector<std::string> ViewsOf(const mlp::classic::ModelEntry& entry) {
  std::vector<std::string> views = {"model-view:map", "model-view:progress"};
  const bool projector = entry.kind == mlp::classic::ModelKind::kProjector;
  if (!projector) views.insert(views.end(), {"model-view:fit", "model-view:metrics"});
  else views.push_back("model-view:projection");
  if (entry.id.rfind("decision_tree", 0) == 0 || entry.id.rfind("random_forest", 0) == 0)
    views.insert(views.end(), {"model-view:tree", "model-view:importance"});
  if (entry.id == "linear_regression" || entry.id == "ridge" || entry.id == "lasso" || entry.id == "linear_gd")
    views.push_back("model-view:importance");  // the weights
  bool knob = false;  // a numeric hyperparameter to sweep (the test data have no polynomial step)
  for (const mlp::ParameterSpec& p : entry.parameters) knob |= p.choices.empty();
  if (knob && !projector && entry.kind != mlp::classic::ModelKind::kClusterer) views.push_back("model-view:complexity");
  return views;
}

}  // namespace

TEST_CASE("Models tab: every model fits and every view draws", "[ui][models]") {
  REQUIRE_FALSE(mlp::classic::ModelCatalog().empty());
  for (bool worker : {true, false}) {
    Harness harness(worker);
    for (int i = 0; i < 3; ++i) harness.Frame();
    for (const mlp::classic::ModelEntry& entry : mlp::classic::ModelCatalog()) {
      INFO(entry.id << (worker ? " (worker)" : " (frame loop)"));
      const bool regression = entry.kind == mlp::classic::ModelKind::kRegressor;
      // Straight-line models get a line; other regressors a sinusoid; classifiers blobs.
      const bool linear = entry.id == "linear_regression" || entry.id == "ridge" || entry.id == "lasso" ||
                          entry.id == "linear_gd";
      REQUIRE(harness.app().Command(linear ? "data:line_noise" : regression ? "data:sinusoid" : "data:blobs").ok());
      WaitFor(harness, [&] { return Has(harness.app().DataStatusJson(), "\"busy\":false") && Number(harness.app().DataStatusJson(), "rows") > 0; }, worker);
      REQUIRE(harness.app().Command("data:add-step:std").ok());
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
      for (const std::string& view : ViewsOf(entry)) {
        INFO(view);
        harness.Click(view.c_str());
        harness.Frame();
        harness.Frame();
      }
      // A view the model does not have is not offered.
      if (entry.kind == mlp::classic::ModelKind::kProjector) CHECK_FALSE(harness.Has("model-view:metrics"));
      else CHECK_FALSE(harness.Has("model-view:projection"));
    }
  }
}

TEST_CASE("Models tab: every lesson opens, fits on its own data and shows its explanation", "[ui][models]") {
  Harness harness(true);
  for (int i = 0; i < 3; ++i) harness.Frame();
  harness.Click("tab:data");  // some other data first: the lesson must replace it
  for (const mlp::Lesson& lesson : mlp::Lessons()) {
    INFO(lesson.id);
    REQUIRE(harness.app().Command("lesson:" + lesson.id).ok());
    if (lesson.workspace == "montecarlo") {  // the simulation lab: its toy study starts playing
      WaitFor(harness, [&] { return Number(harness.app().MonteCarloStatusJson(), "toysDone") > 0; }, true);
      CHECK(Has(harness.app().StatusJson(), "\"tab\":\"montecarlo\""));
      REQUIRE(harness.app().Command("montecarlo:pause").ok());
      continue;
    }
    if (lesson.workspace == "deep") {  // a network on the lesson's own data, playing once they arrive
      WaitFor(harness, [&] { return Number(harness.app().DeepStatusJson(), "epoch") >= 1; }, true);
      CHECK(Has(harness.app().StatusJson(), "\"tab\":\"deep\""));
      CHECK(Has(harness.app().DataStatusJson(), "\"source\":\"" + lesson.source + "\""));
      CHECK(Has(harness.app().DeepStatusJson(), "\"model\":\"" + lesson.model + "\""));
      REQUIRE(harness.app().Command("deep:pause").ok());
      continue;
    }
    if (lesson.workspace == "ode") {  // the neural-ODE lab: it trains on its own spiral
      WaitFor(harness, [&] { return Number(harness.app().OdeStatusJson(), "steps") > 0; }, true);
      CHECK(Has(harness.app().StatusJson(), "\"tab\":\"ode\""));
      REQUIRE(harness.app().Command("ode:pause").ok());
      continue;
    }
    WaitFor(harness, [&] { return Has(harness.app().ModelStatusJson(), "\"finished\":true"); }, true);
    const std::string status = harness.app().ModelStatusJson();
    INFO(status << harness.app().DataStatusJson());
    CHECK(Has(status, "\"model\":\"" + lesson.model + "\""));
    CHECK(Has(status, "\"finished\":true"));
    CHECK(Has(harness.app().DataStatusJson(), "\"source\":\"" + lesson.source + "\""));
    CHECK(Has(harness.app().StatusJson(), "\"tab\":\"models\""));
  }
  REQUIRE(harness.app().Command("lesson:kernel-ridge-sinusoid").ok());
  WaitFor(harness, [&] { return Has(harness.app().ModelStatusJson(), "\"finished\":true"); }, true);
  CHECK(Number(harness.app().ModelStatusJson(), "testR2") > 0.95);  // the course prints 0.98 on all rows
  CHECK_FALSE(harness.app().Command("lesson:no-such-lesson").ok());
}
