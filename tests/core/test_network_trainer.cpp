// The playground's trainer: convergence on problems with known answers, determinism across
// thread counts, and divergence handled with a message and restored weights.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/base/thread_pool.h"
#include "core/train/network_trainer.h"
#include "core/train/presets.h"

namespace {

mlp::PlaygroundSettings Preset(const char* name) {
  auto settings = mlp::PresetSettings(name);
  REQUIRE(settings.ok());
  return settings.value();
}

std::unique_ptr<mlp::NetworkTrainer> Make(const mlp::PlaygroundSettings& settings) {
  auto trainer = mlp::NetworkTrainer::Create(settings);
  REQUIRE(trainer.ok());
  return std::move(trainer).value();
}

// Trains until the test accuracy reaches `target` or `max_epochs` pass; returns the epochs used.
int64_t TrainUntil(mlp::NetworkTrainer& trainer, float target, int64_t max_epochs) {
  while (trainer.epoch() < max_epochs && trainer.latest().test_accuracy < target) REQUIRE(trainer.TrainEpoch().ok());
  return trainer.epoch();
}

}  // namespace

TEST_CASE("XOR reaches 95% test accuracy with one small hidden layer pair", "[train][convergence]") {
  auto trainer = Make(Preset("xor"));
  const int64_t epochs = TrainUntil(*trainer, 0.95f, 300);
  INFO("epochs " << epochs << ", test accuracy " << trainer->latest().test_accuracy);
  CHECK(trainer->latest().test_accuracy >= 0.95f);
}

TEST_CASE("Spiral reaches 95% test accuracy with the spiral preset", "[train][convergence]") {
  auto trainer = Make(Preset("spiral"));
  const int64_t epochs = TrainUntil(*trainer, 0.95f, 400);
  INFO("epochs " << epochs << ", test accuracy " << trainer->latest().test_accuracy);
  CHECK(trainer->latest().test_accuracy >= 0.95f);
}

TEST_CASE("Linear regression on the plane recovers the plane's weights", "[train][convergence]") {
  // target = (x1 + x2) / 12 exactly: a linear network must find w = (1/12, 1/12), b = 0.
  auto trainer = Make(Preset("plane"));
  for (int i = 0; i < 200; ++i) REQUIRE(trainer->TrainEpoch().ok());
  const mlp::nn::MatrixF weights = trainer->network().layer(0).weights();
  CHECK(weights(0, 0) == Approx(1.0 / 12).margin(2e-3));
  CHECK(weights(1, 0) == Approx(1.0 / 12).margin(2e-3));
  CHECK(trainer->latest().test_loss < 1e-5f);
}

TEST_CASE("Same seed gives the identical loss sequence with 1 and 2 pool threads", "[train][determinism]") {
  auto run = [](int threads) {
    mlp::SetSharedPoolThreads(threads);
    auto trainer = Make(Preset("spiral"));
    std::vector<float> losses;
    for (int i = 0; i < 15; ++i) {
      REQUIRE(trainer->TrainEpoch().ok());
      losses.push_back(trainer->latest().train_loss);
    }
    return losses;
  };
  const std::vector<float> one = run(1), two = run(2), again = run(1);
  CHECK(one == two);
  CHECK(one == again);
  mlp::PlaygroundSettings other_seed = Preset("spiral");
  other_seed.seed = 2;
  auto different = Make(other_seed);
  REQUIRE(different->TrainEpoch().ok());
  CHECK(different->latest().train_loss != one.front());
}

TEST_CASE("Divergence stops with advice and restores the last finite weights", "[train][divergence]") {
  auto trainer = Make(Preset("diverge"));
  mlp::Status status;
  for (int i = 0; i < 50 && status.ok(); ++i) status = trainer->TrainEpoch();
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Matchers::Contains("diverged") && Catch::Matchers::Contains("learning rate"));
  CHECK(std::isfinite(trainer->latest().train_loss));
  std::vector<float> parameters;
  trainer->network().GetParameters(&parameters);
  for (float p : parameters) REQUIRE(std::isfinite(p));
}

TEST_CASE("Live settings keep the run, structural ones are refused by ApplyLiveSettings", "[train]") {
  auto trainer = Make(Preset("circle"));
  REQUIRE(trainer->TrainEpoch().ok());
  mlp::PlaygroundSettings live = trainer->settings();
  live.learning_rate = 0.1;
  live.batch_size = 5;
  CHECK(trainer->ApplyLiveSettings(live));
  CHECK(trainer->epoch() == 1);
  mlp::PlaygroundSettings structural = trainer->settings();
  structural.hidden = {3};
  CHECK_FALSE(trainer->ApplyLiveSettings(structural));
}
