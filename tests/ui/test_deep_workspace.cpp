// The Deep models tab drawn headless, with a worker thread and in the frame loop: the CNN and the
// MLP train two epochs on the built-in 8×8 digits from the Data tab, the status JSON follows, every
// view draws without an ImGui assertion, and a table with the CNN is refused with a message
// instead of a crash, while the MLP trains on that table.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <string>
#include <thread>

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

void LoadData(Harness& harness, const std::string& source, bool worker) {
  REQUIRE(harness.app().Command("data:" + source).ok());
  WaitFor(harness, [&] {
    const std::string data = harness.app().DataStatusJson();
    return Has(data, "\"busy\":false") && Has(data, "\"source\":\"" + source + "\"") && Number(data, "rows") > 0;
  }, worker);
  INFO(harness.app().DataStatusJson());
  REQUIRE(Has(harness.app().DataStatusJson(), "\"source\":\"" + source + "\""));
}

}  // namespace

TEST_CASE("Deep models tab: the CNN and the MLP train on the digits and every view draws", "[ui][deep]") {
  for (bool worker : {true, false}) {
    INFO((worker ? "worker thread" : "frame loop"));
    Harness harness(worker);
    for (int i = 0; i < 3; ++i) harness.Frame();
    LoadData(harness, "digits", worker);
    REQUIRE(harness.app().Command("tab:deep").ok());
    for (const std::string model : {"cnn_simple", "mlp_mnist"}) {
      INFO(model);
      REQUIRE(harness.app().Command("deep:" + model).ok());
      REQUIRE(harness.app().Command("deep-param:epochs=2").ok());
      harness.Frame();
      std::string status = harness.app().DeepStatusJson();
      INFO(status);
      CHECK(Has(status, "\"model\":\"" + model + "\""));
      CHECK(Has(status, "\"message\":\"\""));
      CHECK(Number(status, "epoch") == 0);
      CHECK(Number(status, "epochs") == 2);
      CHECK(Has(harness.app().StatusJson(), "\"tab\":\"deep\""));
      harness.Frame();  // the panel settles: the new model's text may bring or remove a scrollbar
      harness.Click("deep-play");
      WaitFor(harness, [&] { return Has(harness.app().DeepStatusJson(), "\"finished\":true"); }, worker);
      status = harness.app().DeepStatusJson();
      INFO(status);
      CHECK(Has(status, "\"finished\":true"));
      CHECK(Has(status, "\"running\":false"));
      CHECK(Number(status, "epoch") == 2);
      CHECK(std::isfinite(Number(status, "trainLoss")));
      CHECK(Number(status, "validationLoss") < Number(status, "trainLoss") * 2);
      // Ten classes guessed at random score 0.1; two epochs of the course's settings do far better.
      CHECK(Number(status, "validationAccuracy") > (model == "cnn_simple" ? 0.7 : 0.5));
      for (const char* view : {"deep-view:summary", "deep-view:training", "deep-view:confusion", "deep-view:filters"}) {
        INFO(view);
        harness.Click(view);
        for (int i = 0; i < 3; ++i) harness.Frame();
      }
      // The filters view offers a sample picker and publishes the stage outputs for it.
      CHECK(harness.Has("deep-sample"));
      REQUIRE(harness.app().Command("deep-view:training").ok());
      // Reset: back to epoch 0, a step trains one epoch.
      harness.Click("deep-reset");
      WaitFor(harness, [&] { return Number(harness.app().DeepStatusJson(), "epoch") == 0; }, worker);
      harness.Click("deep-step");
      WaitFor(harness, [&] { return Number(harness.app().DeepStatusJson(), "epoch") == 1; }, worker);
      CHECK(Number(harness.app().DeepStatusJson(), "epoch") == 1);
      CHECK(Has(harness.app().DeepStatusJson(), "\"running\":false"));
    }
  }
}

TEST_CASE("Deep models tab: a table with the CNN is refused with a message, bad commands say why", "[ui][deep]") {
  for (bool worker : {true, false}) {
    INFO((worker ? "worker thread" : "frame loop"));
    Harness harness(worker);
    for (int i = 0; i < 3; ++i) harness.Frame();
    LoadData(harness, "iris", worker);
    REQUIRE(harness.app().Command("tab:deep").ok());
    REQUIRE(harness.app().Command("deep:cnn_simple").ok());
    for (int i = 0; i < 3; ++i) harness.Frame();
    std::string status = harness.app().DeepStatusJson();
    INFO(status);
    CHECK(Has(status, "needs images"));
    CHECK(Has(status, "digits"));  // points at data that fit
    REQUIRE(harness.app().Command("deep:play").ok());  // nothing to play: no crash, nothing runs
    for (const char* view : {"deep-view:summary", "deep-view:training", "deep-view:confusion", "deep-view:filters"})
      REQUIRE(harness.app().Command(view).ok());
    for (int i = 0; i < 5; ++i) harness.Frame();
    CHECK(Has(harness.app().DeepStatusJson(), "\"running\":false"));
    // The MLP reads any input as a flat vector: the same table trains.
    REQUIRE(harness.app().Command("deep:mlp_mnist").ok());
    harness.Frame();
    CHECK(Has(harness.app().DeepStatusJson(), "\"message\":\"\""));
    // …and its views draw rows, not images: the misclassified list is a table, no input picture.
    REQUIRE(harness.app().Command("deep-param:epochs=2").ok());
    REQUIRE(harness.app().Command("deep:play").ok());
    WaitFor(harness, [&] { return Has(harness.app().DeepStatusJson(), "\"finished\":true"); }, worker);
    CHECK(Number(harness.app().DeepStatusJson(), "epoch") == 2);
    for (const char* view : {"deep-view:confusion", "deep-view:filters", "deep-view:summary"}) {
      REQUIRE(harness.app().Command(view).ok());
      for (int i = 0; i < 3; ++i) harness.Frame();
    }

    CHECK_FALSE(harness.app().Command("deep:no_such_model").ok());
    CHECK_FALSE(harness.app().Command("deep-view:no_such_view").ok());
    CHECK_FALSE(harness.app().Command("deep-param:epochs=two").ok());
    CHECK_FALSE(harness.app().Command("deep-param:no_such_key=1").ok());
  }
}

TEST_CASE("Deep models tab: trained weights are saved and loaded back with the same score", "[ui][deep]") {
  for (bool worker : {true, false}) {
    INFO((worker ? "worker thread" : "frame loop"));
    Harness harness(worker);
    for (int i = 0; i < 3; ++i) harness.Frame();
    LoadData(harness, "digits", worker);
    REQUIRE(harness.app().Command("tab:deep").ok());
    REQUIRE(harness.app().Command("deep:mlp_mnist").ok());
    REQUIRE(harness.app().Command("deep-param:epochs=2").ok());
    REQUIRE(harness.app().Command("deep:play").ok());
    WaitFor(harness, [&] { return Has(harness.app().DeepStatusJson(), "\"finished\":true"); }, worker);
    const double trained = Number(harness.app().DeepStatusJson(), "validationLoss");
    REQUIRE(std::isfinite(trained));
    harness.Click("deep-save");
    WaitFor(harness, [&] { return !harness.platform().saved_bytes.empty(); }, worker);
    CHECK(harness.platform().saved_name == "mlp_mnist.mlpw");
    REQUIRE(harness.platform().saved_bytes.size() > 4);
    CHECK(Has(harness.app().DeepStatusJson(), "Kept mlp_mnist.mlpw"));
    // Fresh weights score worse; loading the file brings the trained score back exactly.
    harness.Click("deep-reset");
    WaitFor(harness, [&] { return Number(harness.app().DeepStatusJson(), "epoch") == 0; }, worker);
    harness.app().ImportFiles({{"mlp_mnist.mlpw", harness.platform().saved_bytes}});
    WaitFor(harness, [&] { return Has(harness.app().DeepStatusJson(), "Loaded weights"); }, worker);
    const std::string status = harness.app().DeepStatusJson();
    INFO(status);
    CHECK(Has(status, "\"tab\":\"deep\"") == false);  // the tab is in the app's status, not the deep one
    CHECK(Has(harness.app().StatusJson(), "\"tab\":\"deep\""));
    // The run scores the loaded weights at once (the history starts again from them).
    const size_t at = status.find("Loaded weights: validation loss ");
    REQUIRE(at != std::string::npos);
    CHECK(std::strtod(status.c_str() + at + 32, nullptr) == Approx(trained).epsilon(1e-5));
    // A damaged file is refused with a message and the loaded weights stay.
    std::vector<uint8_t> damaged = harness.platform().saved_bytes;
    damaged[damaged.size() / 2] ^= 0xFF;
    harness.app().ImportFiles({{"damaged.mlpw", damaged}});
    WaitFor(harness, [&] { return Has(harness.app().DeepStatusJson(), "Could not load"); }, worker);
    CHECK(Has(harness.app().DeepStatusJson(), "Could not load the weights"));
  }
}

TEST_CASE("Deep models tab: the CNN regressor's predictions view draws on storm images", "[ui][deep]") {
  for (bool worker : {true, false}) {
    INFO((worker ? "worker thread" : "frame loop"));
    Harness harness(worker);
    for (int i = 0; i < 3; ++i) harness.Frame();
    LoadData(harness, "storm_images", worker);
    REQUIRE(harness.app().Command("tab:deep").ok());
    REQUIRE(harness.app().Command("deep:cnn_regressor").ok());
    REQUIRE(harness.app().Command("deep-param:epochs=1").ok());
    REQUIRE(harness.app().Command("deep-view:predictions").ok());
    REQUIRE(harness.app().Command("deep:play").ok());
    WaitFor(harness, [&] { return Has(harness.app().DeepStatusJson(), "\"finished\":true"); }, worker);
    for (int i = 0; i < 3; ++i) harness.Frame();
    const std::string status = harness.app().DeepStatusJson();
    INFO(status);
    CHECK(Has(status, "\"view\":\"predictions\""));
    CHECK(std::isfinite(Number(status, "validationLoss")));
    CHECK(harness.platform().bad_calls() == 0);
  }
}

TEST_CASE("Deep models tab: every deep lesson trains an epoch and its own view draws", "[ui][deep][lessons]") {
  const struct {
    const char* lesson;
    const char* view;  // the view the lesson opens
  } lessons[] = {{"vae-digits-latent", "latent"},     {"molecule-vae", "latent"},         {"vae-hands", "latent"},
                 {"unet-lung-slices", "segmentation"}, {"lstm-storm-forecast", "predictions"},
                 {"convlstm-storm-frames", "frames"},  {"cnn-storm-wind", "predictions"},  {"cnn-circle-counter", "confusion"},
                 {"cnn1d-scintillator-pulses", "training"}};
  Harness harness(true);
  for (int i = 0; i < 3; ++i) harness.Frame();
  for (const auto& l : lessons) {
    INFO(l.lesson);
    REQUIRE(harness.app().Command(std::string("lesson:") + l.lesson).ok());
    REQUIRE(harness.app().Command("deep-param:epochs=1").ok());
    WaitFor(harness, [&] { return Has(harness.app().DeepStatusJson(), "\"finished\":true"); }, true);
    for (int i = 0; i < 3; ++i) harness.Frame();
    const std::string status = harness.app().DeepStatusJson();
    INFO(status);
    CHECK(Has(status, "\"finished\":true"));
    CHECK(Has(status, std::string("\"view\":\"") + l.view + "\""));
    CHECK(Has(status, "\"message\":\"\""));
    CHECK(std::isfinite(Number(status, "validationLoss")));
    if (std::string(l.view) == "latent") CHECK(Number(status, "latentPoints") > 10);
    if (std::string(l.view) == "segmentation") CHECK(Number(status, "validationDice") >= 0);
    CHECK(harness.platform().bad_calls() == 0);
  }
  // The remaining views of the last model draw too (each says why when it has nothing to show).
  for (const char* view : {"deep-view:latent", "deep-view:segmentation", "deep-view:frames", "deep-view:predictions"}) {
    REQUIRE(harness.app().Command(view).ok());
    for (int i = 0; i < 2; ++i) harness.Frame();
  }
}
