// The deep-model catalogue (core/deep/deep_catalog.h): every builder refuses data it cannot use
// with a message that says what it needs, sizes itself for the data it gets, and the 1-D CNN and
// the CNN regressor learn small problems (the loss falls; the waveform classes separate).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/data/generators/scintillator.h"
#include "core/deep/deep_catalog.h"
#include "deep_testing.h"

using namespace mlp;
using namespace mlp::deep;

namespace {

Dataset Table(TaskKind task) {
  Dataset d;
  d.name = "table";
  d.task = task;
  d.features = Eigen::MatrixXd::Zero(6, 4);
  d.targets = Eigen::VectorXd::Zero(6);
  if (task == TaskKind::kClassification) d.class_names = {"a", "b", "c"};
  return d;
}

std::string Refusal(const char* id, const Dataset& data) {
  Result<DeepModelBuild> build = BuildDeepModel(id, data);
  REQUIRE_FALSE(build.ok());
  return build.status().message();
}

// 8×8 images with a bright square of side 1–4 at a random place; target = its area / 4.
std::shared_ptr<const Dataset> Squares(int rows, uint32_t seed) {
  auto d = std::make_shared<Dataset>();
  d->name = "squares";
  d->task = TaskKind::kRegression;
  d->layout = SampleLayout::kImage;
  d->sample_shape = {8, 8};
  d->features = Eigen::MatrixXd::Zero(rows, 64);
  d->targets.resize(rows);
  Rng rng(seed);
  for (int r = 0; r < rows; ++r) {
    const int side = 1 + static_cast<int>(rng.Interval(3));
    const int y0 = static_cast<int>(rng.Interval(static_cast<uint64_t>(8 - side)));
    const int x0 = static_cast<int>(rng.Interval(static_cast<uint64_t>(8 - side)));
    for (int y = y0; y < y0 + side; ++y)
      for (int x = x0; x < x0 + side; ++x) d->features(r, y * 8 + x) = 1.0;
    d->targets(r) = side * side / 4.0;
  }
  return d;
}

}  // namespace

TEST_CASE("the deep catalogue lists the course's models and each refuses data it cannot use", "[deep]") {
  for (const char* id : {"mlp_mnist", "cnn_simple", "cnn_regressor", "cnn1d_waveform"}) {
    INFO(id);
    const DeepModelEntry* entry = FindDeepModel(id);
    REQUIRE(entry != nullptr);
    CHECK_FALSE(entry->summary.empty());
    CHECK(entry->parameters.size() >= 6);
  }
  CHECK(BuildDeepModel("resnet", Table(TaskKind::kClassification)).status().message() == "No deep model called 'resnet'.");
  CHECK(Refusal("cnn_simple", Table(TaskKind::kClassification)) ==
        "cnn_simple needs images (each row one picture), but 'table' is a table of 4 features: try mlp_mnist for tables.");
  CHECK(Refusal("mlp_mnist", Table(TaskKind::kRegression)).rfind("mlp_mnist is a classifier", 0) == 0);
  CHECK(Refusal("cnn_regressor", *testing::Digits()).find("has class labels: try cnn_simple") != std::string::npos);
  CHECK(Refusal("cnn1d_waveform", *testing::Digits()).find("needs signals") != std::string::npos);
  Dataset small = *Squares(4, 1);
  small.features = Eigen::MatrixXd::Zero(4, 9);
  small.sample_shape = {3, 3};
  CHECK(Refusal("cnn_regressor", small).find("at least 4×4 pixels (these are 3×3)") != std::string::npos);

  // The MLP adapts to the input size and the class count.
  Result<DeepModelBuild> mlp = BuildDeepModel("mlp_mnist", Table(TaskKind::kClassification));
  REQUIRE(mlp.ok());
  CHECK(mlp.value().network->input_shape().size() == 4);
  CHECK(mlp.value().network->output_shape().size() == 3);
  CHECK(mlp.value().settings.batch_size == 64);
  CHECK(mlp.value().settings.optimizer.kind == nn::OptimizerKind::kSgd);
  Result<DeepModelBuild> cnn = BuildDeepModel("cnn_simple", *testing::Digits());
  REQUIRE(cnn.ok());
  CHECK(cnn.value().settings.batch_size == 32);
  CHECK(cnn.value().settings.optimizer.kind == nn::OptimizerKind::kAdam);
  CHECK(cnn.value().settings.optimizer.learning_rate == 1e-3);
}

TEST_CASE("the CNN regressor's loss falls on square areas and the 1-D CNN separates scintillator pulses", "[deep]") {
  {
    auto data = testing::Prepare(Squares(256, 2));
    Result<DeepModelBuild> build = BuildDeepModel("cnn_regressor", *data->data);
    REQUIRE(build.ok());
    DeepRunSettings settings = build.value().settings;
    settings.worker_thread = false;
    settings.epochs = 6;
    DeepRun run(std::move(build.value().network), data, settings);
    run.Play();
    run.StepFor(1e9);
    auto s = run.Latest();
    INFO(s->message);
    REQUIRE(s->history.size() == 6);
    CHECK(std::isnan(s->history.back().validation_accuracy));
    CHECK_FALSE(s->classification);
    // The baseline: predicting the training mean, scored like the network (½·squared error).
    double mean = 0, baseline = 0;
    for (int64_t r : data->split.train) mean += data->data->targets(r) / static_cast<double>(data->split.train.size());
    for (int64_t r : data->split.test) baseline += 0.5 * std::pow(data->data->targets(r) - mean, 2) / static_cast<double>(data->split.test.size());
    // The network ends in a restore-scale layer: its loss is in standardised units (÷ σ², network.h).
    auto& net = dynamic_cast<Network<float>&>(run.network());
    const double sigma = dynamic_cast<nn::ScaleLayer<float>&>(net.layer(net.layer_count() - 1)).scale();
    baseline /= sigma * sigma;
    INFO("validation loss " << s->history.back().validation_loss << ", mean predictor " << baseline);
    CHECK(s->history.back().train_loss < 0.3 * s->history.front().train_loss);
    CHECK(s->history.back().validation_loss < 0.5 * baseline);
  }
  {
    ScintillatorSettings generator;
    generator.waveforms = 200;
    generator.length = 300;
    Result<Dataset> waves = GenerateScintillatorWaveforms(generator);
    REQUIRE(waves.ok());
    auto data = testing::Prepare(std::make_shared<const Dataset>(std::move(waves).value()));
    Result<DeepModelBuild> build = BuildDeepModel("cnn1d_waveform", *data->data);
    INFO(build.status().message());
    REQUIRE(build.ok());
    CHECK(build.value().network->input_shape() == nn::Shape{1, 1, 300, 1});
    DeepRunSettings settings = build.value().settings;
    settings.worker_thread = false;
    settings.epochs = 4;
    DeepRun run(std::move(build.value().network), data, settings);
    run.Play();
    run.StepFor(1e9);
    auto s = run.Latest();
    INFO(s->message);
    REQUIRE(s->history.size() == 4);
    CHECK(s->history.back().validation_accuracy > 0.85);  // measured: 1.0 on the 50 validation waveforms
  }
}
