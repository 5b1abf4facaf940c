// The settings codec behind the URL, the page API and the command-line trainer.
#include <catch2/catch.hpp>

#include "core/train/playground_settings.h"
#include "core/train/presets.h"

TEST_CASE("Settings round-trip through the query string", "[settings]") {
  mlp::PlaygroundSettings settings;
  REQUIRE(mlp::ApplyQuery("dataset=spiral&noise=25&trainRatio=70&features=x1,sinx2,x1x2&layers=8,3,1&"
                          "activation=relu&optimizer=adam&lr=0.003&reg=l2&regRate=0.01&batch=25&seed=42&speed=10",
                          &settings)
              .ok());
  CHECK(settings.problem == mlp::Problem2D::kSpiral);
  CHECK(settings.noise == Approx(0.25));
  CHECK(settings.train_fraction == Approx(0.7));
  CHECK(settings.features == (mlp::kFeatureX1 | mlp::kFeatureSinX2 | mlp::kFeatureX1TimesX2));
  CHECK(settings.hidden == std::vector<int>{8, 3, 1});
  CHECK(settings.activation == mlp::nn::Activation::kReLU);
  CHECK(settings.optimizer == mlp::nn::OptimizerKind::kAdam);
  CHECK(settings.regularization == mlp::nn::Regularization::kL2);
  CHECK(settings.batch_size == 25);
  CHECK(settings.seed == 42);

  mlp::PlaygroundSettings parsed;
  REQUIRE(mlp::ApplyQuery(mlp::ToQuery(settings), &parsed).ok());
  CHECK(parsed == settings);
  CHECK(mlp::ToQuery(parsed) == mlp::ToQuery(settings));
}

TEST_CASE("An empty layer list means no hidden layer, URL escapes decode", "[settings]") {
  mlp::PlaygroundSettings settings;
  REQUIRE(mlp::ApplyQuery("?layers=&features=x1%2Cx2", &settings).ok());
  CHECK(settings.hidden.empty());
  CHECK(settings.features == (mlp::kFeatureX1 | mlp::kFeatureX2));
}

TEST_CASE("Invalid settings are refused with a message and change nothing", "[settings]") {
  const char* bad[] = {"lr=-1", "lr=abc", "layers=9", "layers=1,2,3,4,5,6,7", "features=", "features=x3",
                       "dataset=donut", "activation=softmax", "batch=0", "noise=90", "colour=red", "lr", "seed=-4"};
  for (const char* query : bad) {
    INFO(query);
    mlp::PlaygroundSettings settings;
    const std::string before = mlp::ToQuery(settings);
    const mlp::Status status = mlp::ApplyQuery(std::string("dataset=xor&") + query, &settings);
    CHECK_FALSE(status.ok());
    CHECK_FALSE(status.message().empty());
    CHECK(mlp::ToQuery(settings) == before);  // not even the valid dataset=xor part applied
  }
}

TEST_CASE("Every preset parses", "[settings]") {
  for (const mlp::Preset& preset : mlp::Presets()) {
    INFO(preset.name);
    CHECK(mlp::PresetSettings(preset.name).ok());
  }
  CHECK_FALSE(mlp::PresetSettings("nope").ok());
}
