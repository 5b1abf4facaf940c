// The Data tab drawn headless: every source loads, every view draws without an ImGui assertion,
// an imported CSV goes through the column chooser to a trained check run, and a broken file
// leaves the loaded data alone.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <string>
#include <thread>

#include "core/data/catalog/catalog.h"
#include "harness.h"

namespace {

using mlp::test::Harness;

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A number field of a flat JSON object ("key":value), NaN when absent.
double Number(const std::string& json, const std::string& key) {
  const size_t at = json.find("\"" + key + "\":");
  if (at == std::string::npos) return NAN;
  return std::strtod(json.c_str() + at + key.size() + 3, nullptr);
}

// Frames until the Data tab is idle (a background job may be decoding or generating).
void WaitIdle(Harness& harness) {
  for (int i = 0; i < 3000; ++i) {
    harness.Frame();
    if (!Has(harness.app().DataStatusJson(), "\"busy\":true")) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  FAIL("the Data tab stayed busy: " << harness.app().DataStatusJson());
}

// A tab bar lays its tabs out over its first frames: click only after that, as a user would.
void Settle(Harness& harness) {
  for (int i = 0; i < 3; ++i) harness.Frame();
}

const char* const kViews[] = {"view:table",   "view:histograms", "view:correlation", "view:scatter-matrix",
                              "view:classes", "view:images",     "view:scatter3d"};

}  // namespace

TEST_CASE("Data tab: the built-in iris set loads and every view draws", "[ui][data]") {
  Harness harness(true);
  Settle(harness);
  harness.Click("tab:data");
  WaitIdle(harness);
  const std::string status = harness.app().DataStatusJson();
  INFO(status);
  REQUIRE(Has(status, "\"rows\":150"));
  CHECK(Has(status, "\"classes\":3"));
  CHECK(Has(status, "\"trainRows\":112"));  // scikit-learn's default 25% test, rounded up
  for (const char* view : kViews) {
    INFO(view);
    harness.Click(view);
    harness.Frame();
  }
}

TEST_CASE("Data tab: every catalogue source loads and draws its views", "[ui][data]") {
  Harness harness(false);  // caller-stepped: jobs run inside Poll, as in the single-threaded page
  Settle(harness);
  harness.Click("tab:data");
  for (const mlp::DataSource& source : mlp::DataCatalog()) {
    INFO(source.id);
    REQUIRE(harness.app().Command("data:" + source.id).ok());
    WaitIdle(harness);
    const std::string status = harness.app().DataStatusJson();
    INFO(status);
    CHECK(Has(status, "\"message\":\"\""));
    CHECK(Has(status, "\"source\":\"" + source.id + "\""));
    CHECK_FALSE(Has(status, "\"rows\":0"));
    for (const char* view : kViews) {
      harness.Click(view);
      harness.Frame();
    }
  }
}

TEST_CASE("Data tab: an imported CSV is typed, encoded, split and learned from", "[ui][data]") {
  Harness harness(true);
  Settle(harness);
  harness.Click("tab:data");  // iris first: the import replaces a set with other columns
  WaitIdle(harness);
  // Two informative numeric columns, a text column, a missing value, and the class last.
  std::string csv = "width;height;colour;kind\n";
  for (int i = 0; i < 200; ++i) {
    const bool big = i % 2 == 0;
    csv += std::to_string(big ? 5 + i % 7 : 1 + i % 3) + ";" + (i == 17 ? "" : std::to_string(big ? 4.5 : 1.25)) + ";" +
           (i % 3 == 0 ? "red" : "blue") + ";" + (big ? "large" : "small") + "\n";
  }
  harness.app().ImportFiles({mlp::InputFile{"shapes.csv", std::vector<uint8_t>(csv.begin(), csv.end())}});
  WaitIdle(harness);
  std::string status = harness.app().DataStatusJson();
  INFO(status);
  REQUIRE(Has(status, "\"staged\":true"));
  CHECK(Has(status, "\"stagedColumns\":4"));
  harness.Click("use-columns");
  WaitIdle(harness);
  status = harness.app().DataStatusJson();
  INFO(status);
  REQUIRE(Has(status, "\"rows\":200"));
  CHECK(Has(status, "\"classes\":2"));
  CHECK(Has(status, "impute"));   // a missing value: an imputation step was offered
  CHECK(Has(status, "one-hot"));  // a text column: an encoding step was offered
  for (const char* view : kViews) {
    harness.Click(view);
    harness.Frame();
  }
  harness.Click("check-train");
  for (int i = 0; i < 3000 && Number(harness.app().DataStatusJson(), "checkEpoch") < 30; ++i) harness.Frame();
  status = harness.app().DataStatusJson();
  INFO(status);
  CHECK(Number(status, "checkEpoch") >= 30);
  CHECK(Number(status, "checkTestAccuracy") >= 0.99);  // the classes are separable
}

TEST_CASE("Data tab: a broken file is explained and the loaded data stays", "[ui][data]") {
  Harness harness(true);
  Settle(harness);
  harness.Click("tab:data");
  WaitIdle(harness);
  const std::string before = harness.app().DataStatusJson();
  const std::string npy = "\x93NUMPY\x01\x00garbage";
  harness.app().ImportFiles({mlp::InputFile{"broken.npy", std::vector<uint8_t>(npy.begin(), npy.end())}});
  WaitIdle(harness);
  const std::string after = harness.app().DataStatusJson();
  INFO(after);
  CHECK(Has(after, "Could not import broken.npy"));
  CHECK(Has(after, "\"rows\":150"));
}
