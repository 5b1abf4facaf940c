// DeepRun's output views (core/deep/output_views.h): the published predictions agree with the
// scores they sit next to — a mask model's Dice and IoU recomputed from its published masks, a
// regressor's validation loss recomputed from its published values — and plain classifiers
// publish none.
#include <catch2/catch.hpp>

#include "core/data/generators/lung_slices.h"
#include "core/deep/deep_catalog.h"
#include "core/deep/deep_run.h"
#include "core/deep/network.h"
#include "deep_testing.h"

using namespace mlp;
using namespace mlp::deep;

namespace {

std::shared_ptr<const DeepSnapshot> TrainEpochs(DeepRun& run) {
  run.Play();
  run.StepFor(1e9);
  return run.Latest();
}

}  // namespace

TEST_CASE("a mask model publishes its validation masks and their Dice and IoU agree with them", "[deep][views]") {
  LungSliceSettings lungs;
  lungs.samples = 24;
  lungs.image_size = 16;
  lungs.seed = 4;
  Result<Dataset> slices = GenerateLungSlices(lungs);
  REQUIRE(slices.ok());
  // 6 validation rows: all of them are published, so the scores can be recomputed from the masks.
  auto data = testing::Prepare(std::make_shared<const Dataset>(std::move(slices).value()), 0.25, 1);
  auto net = std::make_unique<Network<float>>(nn::Shape{1, 16, 16, 1}, OutputLoss::kSigmoidCrossEntropy);
  nn::Conv2DSettings conv;
  conv.filters = 4, conv.pad_y = conv.pad_x = 1;
  REQUIRE(net->AddConv2D(conv).ok());
  REQUIRE(net->AddActivation(nn::Activation::kReLU).ok());
  conv.filters = 1;
  REQUIRE(net->AddConv2D(conv).ok());
  DeepRunSettings settings;
  settings.epochs = 2, settings.batch_size = 6, settings.worker_thread = false;
  settings.optimizer.kind = nn::OptimizerKind::kAdam, settings.optimizer.learning_rate = 0.01;
  DeepRun run(std::move(net), data, settings);
  auto s = TrainEpochs(run);
  INFO(s->message);
  REQUIRE(s->history.size() == 2);
  CHECK(s->dense_task);
  REQUIRE(s->views);
  REQUIRE(s->validation_rows == 6);
  REQUIRE(s->views->dense_rows.size() == 6);
  double both = 0, predicted = 0, truth = 0;
  for (size_t k = 0; k < s->views->dense_rows.size(); ++k) {
    const std::vector<float>& mask = s->views->dense_outputs[k];
    REQUIRE(mask.size() == 256);
    for (int i = 0; i < 256; ++i) {
      const bool p = mask[static_cast<size_t>(i)] > 0.5f, t = data->data->dense_targets(s->views->dense_rows[k], i) > 0.5;
      both += p && t, predicted += p, truth += t;
    }
  }
  REQUIRE(predicted + truth > 0);
  CHECK(s->history.back().validation_dice == Approx(2 * both / (predicted + truth)));
  CHECK(s->history.back().validation_iou == Approx(both / (predicted + truth - both)));
  CHECK(std::isnan(s->history.back().validation_accuracy) == false);  // pixel accuracy
}

TEST_CASE("a regressor publishes every validation prediction and its loss agrees with them", "[deep][views]") {
  // The 8×8 digits' label as a number: a regression target for cnn_regressor.
  auto digits = std::make_shared<Dataset>(*testing::FirstRows(*testing::Digits(), 160));
  digits->task = TaskKind::kRegression;
  digits->class_names.clear();
  auto data = testing::Prepare(digits, 0.25, 2);
  Result<DeepModelBuild> build = BuildDeepModel("cnn_regressor", *data->data);
  REQUIRE(build.ok());
  DeepRunSettings settings = build.value().settings;
  settings.epochs = 1, settings.worker_thread = false;
  DeepRun run(std::move(build.value().network), data, settings);
  auto s = TrainEpochs(run);
  INFO(s->message);
  REQUIRE(s->history.size() == 1);
  CHECK(s->regression);
  REQUIRE(s->views);
  const OutputViews& v = *s->views;
  REQUIRE(static_cast<int64_t>(v.value_rows.size()) == s->validation_rows);
  double half_squares = 0;
  for (size_t i = 0; i < v.value_rows.size(); ++i) {
    CHECK(v.true_values[i] == Approx(data->data->targets(v.value_rows[i])));
    half_squares += 0.5 * (v.predicted_values[i] - v.true_values[i]) * (v.predicted_values[i] - v.true_values[i]);
  }
  // The regressor ends in a restore-scale layer: its loss is counted in units of the training
  // targets' spread (σ² = scale²), while the predictions are in the data's own units.
  double scale = 0;
  for (const StateTensor<float>& t : run.network().States())
    if (t.name.size() > 6 && t.name.compare(t.name.size() - 6, 6, ".scale") == 0) scale = t.value(0, 0);
  REQUIRE(scale > 0);
  CHECK(s->history.back().validation_loss ==
        Approx(half_squares / static_cast<double>(v.value_rows.size()) / (scale * scale)).epsilon(1e-4));
}

TEST_CASE("a plain classifier publishes no output views", "[deep][views]") {
  auto data = testing::Prepare(testing::FirstRows(*testing::Digits(), 120));
  Result<DeepModelBuild> build = BuildDeepModel("mlp_mnist", *data->data);
  REQUIRE(build.ok());
  DeepRunSettings settings = build.value().settings;
  settings.epochs = 1, settings.worker_thread = false;
  DeepRun run(std::move(build.value().network), data, settings);
  auto s = TrainEpochs(run);
  REQUIRE(s->history.size() == 1);
  CHECK_FALSE(s->dense_task);
  CHECK_FALSE(s->regression);
  CHECK(std::isnan(s->history.back().validation_dice));
  REQUIRE(s->views);  // scored at the epoch's end, with nothing to show
  CHECK(s->views->value_rows.empty());
  CHECK(s->views->dense_rows.empty());
  CHECK_FALSE(s->views->has_latent);
}

TEST_CASE("a VAE's validation loss is the sum of its published reconstruction and KL parts", "[deep][views]") {
  auto data = testing::Prepare(testing::FirstRows(*testing::Digits(), 160));
  Result<DeepModelBuild> build = BuildDeepModel("vae_dense", *data->data);  // β = 1
  REQUIRE(build.ok());
  DeepRunSettings settings = build.value().settings;
  settings.epochs = 2, settings.worker_thread = false;
  DeepRun run(std::move(build.value().network), data, settings);
  auto s = TrainEpochs(run);
  INFO(s->message);
  REQUIRE(s->history.size() == 2);
  for (const EpochRecord& r : s->history) {
    CHECK(r.validation_kl > 0);
    CHECK(r.validation_reconstruction + r.validation_kl == Approx(r.validation_loss).epsilon(1e-6));
  }
  REQUIRE(s->views);
  CHECK(s->views->has_latent);
  CHECK(static_cast<int64_t>(s->views->latent.points_x.size()) == s->validation_rows);
}
