// Sequence models and the storm / circle image models of the deep catalogue
// (core/deep/deep_catalog_sequence.cpp): the fixed scale layer's gradient and its saved constants,
// the frame forecaster's gradient, and convergence through DeepRun against the naive forecasts
// ("next = last value", "repeat the last frame"). Measured numbers are printed with each test.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/data/generators/circle_aggregates.h"
#include "core/data/generators/forecast_windows.h"
#include "core/data/generators/storms.h"
#include "core/deep/deep_catalog.h"
#include "core/deep/deep_run.h"
#include "core/deep/frame_forecast_network.h"
#include "core/deep/weights_io.h"
#include "core/nn/gradient_check.h"
#include "core/nn/layers/conv_lstm.h"
#include "core/nn/layers/lstm.h"
#include "core/nn/layers/scale_layer.h"

using namespace mlp;
using namespace mlp::deep;

namespace {

std::shared_ptr<const PreparedData> PrepareWith(Dataset data, SplitKind kind, double test_fraction) {
  SplitSpec split;
  split.kind = kind;
  split.test_fraction = test_fraction;
  Result<PreparedData> prepared = PrepareData(std::make_shared<const Dataset>(std::move(data)), {}, split);
  INFO(prepared.status().message());
  REQUIRE(prepared.ok());
  return std::make_shared<const PreparedData>(std::move(prepared).value());
}

// The entry's default slider values with some replaced by key.
std::vector<double> Values(const char* id, const std::vector<std::pair<std::string, double>>& changes) {
  const DeepModelEntry* entry = FindDeepModel(id);
  REQUIRE(entry != nullptr);
  std::vector<double> values;
  for (const ParameterSpec& p : entry->parameters) values.push_back(p.value);
  for (const auto& [key, value] : changes) {
    bool found = false;
    for (size_t i = 0; i < values.size(); ++i)
      if (entry->parameters[i].key == key) values[i] = value, found = true;
    INFO(key);
    REQUIRE(found);
  }
  return values;
}

template <typename Adjust>
std::unique_ptr<DeepRun> MakeRun(const char* id, std::shared_ptr<const PreparedData> data, const std::vector<double>& values,
                                 Adjust adjust) {
  Result<DeepModelBuild> build = BuildDeepModel(id, *data->data, values);
  INFO(build.status().message());
  REQUIRE(build.ok());
  DeepRunSettings settings = build.value().settings;
  settings.worker_thread = false;
  adjust(settings);
  return std::make_unique<DeepRun>(std::move(build.value().network), std::move(data), settings);
}

std::shared_ptr<const DeepSnapshot> Train(DeepRun& run) {
  run.Play();
  run.StepFor(1e9);
  return run.Latest();
}

double MeanEpochSeconds(const DeepSnapshot& s) {
  double sum = 0;
  for (const EpochRecord& e : s.history) sum += e.seconds;
  return s.history.empty() ? 0.0 : sum / static_cast<double>(s.history.size());
}

// The restore-scale layer ending a catalogue network (its σ turns losses back into units²).
nn::ScaleLayer<float>& OutputScale(DeepRun& run) {
  auto* net = dynamic_cast<Network<float>*>(&run.network());
  if (auto* change = dynamic_cast<FrameForecastNetwork<float>*>(&run.network())) net = &change->trunk();
  REQUIRE(net != nullptr);
  auto* scale = dynamic_cast<nn::ScaleLayer<float>*>(&net->layer(net->layer_count() - 1));
  REQUIRE(scale != nullptr);
  return *scale;
}

}  // namespace

TEST_CASE("the scale layer's input gradient matches finite differences both ways", "[sequence]") {
  for (nn::ScaleDirection direction : {nn::ScaleDirection::kStandardise, nn::ScaleDirection::kRestore}) {
    nn::ScaleLayer<double> layer({1, 1, 5, 2}, direction);
    layer.SetAffine(3.5, 0.4);
    Rng rng(4);
    nn::MatrixD x = nn::UniformMatrix<double>(rng, 10, 3, -2.0, 2.0);
    const nn::MatrixD w = nn::UniformMatrix<double>(rng, 10, 3, -1.0, 1.0);  // loss = Σ w·y
    const nn::MatrixD y = layer.Forward(x);
    CHECK(y(0, 0) == Approx(direction == nn::ScaleDirection::kStandardise ? (x(0, 0) - 3.5) / 0.4 : x(0, 0) * 0.4 + 3.5));
    const nn::MatrixD analytic = layer.Backward(w);
    const auto f = [&] { return layer.Forward(x).cwiseProduct(w).sum(); };
    CHECK(nn::MaxRelativeError(analytic, nn::NumericalGradient(f, x)) < 1e-8);
    CHECK(layer.Parameters().empty());  // never trained
  }
  nn::ScaleLayer<double> guarded({1, 1, 1, 1}, nn::ScaleDirection::kRestore);
  guarded.SetAffine(1.0, 0.0);  // a zero spread (constant targets) must not divide by zero
  CHECK(guarded.scale() == 1.0);
}

TEST_CASE("a scaled network's standardised MSE and its parameter gradients agree", "[sequence]") {
  Network<double> net({1, 1, 4, 1}, OutputLoss::kMeanSquaredError);
  nn::LstmSettings lstm;
  lstm.steps = 4, lstm.units = 3;
  REQUIRE(net.AddScale(nn::ScaleDirection::kStandardise).ok());
  REQUIRE(net.Add(std::make_unique<nn::LstmLayer<double>>(lstm)).ok());
  REQUIRE(net.AddDense(1, nn::WeightInit::kGlorotUniform).ok());
  REQUIRE(net.AddScale(nn::ScaleDirection::kRestore).ok());
  net.Initialize(3);
  dynamic_cast<nn::ScaleLayer<double>&>(net.layer(0)).SetAffine(60.0, 25.0);
  dynamic_cast<nn::ScaleLayer<double>&>(net.layer(3)).SetAffine(55.0, 20.0);
  Rng rng(9);
  const nn::MatrixD x = nn::UniformMatrix<double>(rng, 4, 5, 20.0, 120.0);
  const nn::MatrixD t = nn::UniformMatrix<double>(rng, 1, 5, 20.0, 120.0);
  const nn::MatrixD out = net.Forward(x);
  // ½·(y − t)²/σ² per sample, averaged: the loss is in standardised units.
  CHECK(net.LossValue(out, t) == Approx(0.5 * (out - t).squaredNorm() / 5.0 / 400.0));
  nn::MatrixD grad(1, 5);
  net.LossGradient(out, t, grad);
  net.Backward(grad);
  std::vector<nn::Parameter<double>> parameters = net.Parameters();
  REQUIRE(parameters.size() == 5);
  std::vector<nn::MatrixD> analytic;
  for (const nn::Parameter<double>& p : parameters) analytic.push_back(p.grad);
  const auto f = [&] { return net.LossValue(net.Forward(x), t); };
  for (size_t k = 0; k < parameters.size(); ++k) {
    INFO(parameters[k].name);
    CHECK(nn::MaxRelativeError(analytic[k], nn::NumericalGradient(f, parameters[k].value)) < 1e-6);
  }
  const std::vector<StateTensor<double>> states = net.States();
  REQUIRE(states.size() == 4);
  CHECK(states[0].name == "layer0.shift");
  CHECK(states[3].name == "layer3.scale");
  CHECK(states[3].value(0, 0) == 20.0);
}

TEST_CASE("the frame forecaster adds its change maps to the last frame; gradients match", "[sequence]") {
  nn::ConvLstmSettings cell;
  cell.steps = 2, cell.height = 3, cell.width = 4, cell.filters = 2;
  auto trunk = std::make_unique<Network<double>>(nn::Shape{2, 3, 4, 1}, OutputLoss::kMeanSquaredError);
  REQUIRE(trunk->Add(std::make_unique<nn::ConvLstmLayer<double>>(cell)).ok());
  nn::Conv2DSettings conv;
  conv.filters = 2, conv.pad_y = conv.pad_x = 1;
  REQUIRE(trunk->AddConv2D(conv).ok());
  REQUIRE(FrameForecastNetwork<double>::Check(*trunk).ok());
  FrameForecastNetwork<double> net(std::move(trunk));
  CHECK(net.output_shape() == nn::Shape{2, 3, 4, 1});
  net.Initialize(5);
  Rng rng(6);
  const nn::MatrixD x = nn::UniformMatrix<double>(rng, 24, 2, 0.0, 1.0);
  const nn::MatrixD t = nn::UniformMatrix<double>(rng, 24, 2, 0.0, 1.0);
  const nn::MatrixD out = net.Forward(x);
  const nn::MatrixD delta = net.trunk().StageOutput(1);  // (pixel·2 + frame) rows
  CHECK(out(12 + 5, 1) == Approx(x(12 + 5, 1) + delta(5 * 2 + 1, 1)));  // frame 1, pixel 5
  nn::MatrixD grad(24, 2);
  net.LossGradient(out, t, grad);
  net.Backward(grad);
  std::vector<nn::Parameter<double>> parameters = net.Parameters();
  std::vector<nn::MatrixD> analytic;
  for (const nn::Parameter<double>& p : parameters) analytic.push_back(p.grad);
  const auto f = [&] { return net.LossValue(net.Forward(x), t); };
  for (size_t k = 0; k < parameters.size(); ++k) {
    INFO(parameters[k].name);
    CHECK(nn::MaxRelativeError(analytic[k], nn::NumericalGradient(f, parameters[k].value)) < 1e-6);
  }
  nn::Shape wrong_in{2, 3, 4, 1};
  Network<double> wrong(wrong_in, OutputLoss::kMeanSquaredError);
  REQUIRE(wrong.AddFlatten().ok());
  CHECK_FALSE(FrameForecastNetwork<double>::Check(wrong).ok());
}

TEST_CASE("the LSTM forecaster's scaling comes from the training rows and travels with the weights", "[sequence]") {
  StormWindowSettings s;
  s.storms.seed = 2, s.storms.storms = 6, s.storms.min_length = 30, s.storms.max_length = 60;
  s.window = 6;
  Result<Dataset> windows = GenerateStormWindows(s);
  REQUIRE(windows.ok());
  auto data = PrepareWith(windows.value(), SplitKind::kSequential, 0.3);
  auto run = MakeRun("lstm_forecaster", data, Values("lstm_forecaster", {{"units", 4}, {"predict", 0}}), [](DeepRunSettings& r) { r.epochs = 1; });
  // Calibrated at Reset: the targets' mean and spread over the TRAINING rows only.
  double sum = 0, sum_squares = 0;
  for (int64_t r : data->split.train) sum += data->data->targets(r), sum_squares += data->data->targets(r) * data->data->targets(r);
  const double n = static_cast<double>(data->split.train.size());
  const double mean = sum / n, sd = std::sqrt(sum_squares / n - mean * mean);
  nn::ScaleLayer<float>& out = OutputScale(*run);
  CHECK(out.shift() == Approx(mean).epsilon(1e-5));
  CHECK(out.scale() == Approx(sd).epsilon(1e-4));
  const std::vector<uint8_t> bytes = SaveWeights(run->network());
  Result<DeepModelBuild> other = BuildDeepModel("lstm_forecaster", *data->data, Values("lstm_forecaster", {{"units", 4}, {"predict", 0}}));
  REQUIRE(other.ok());
  other.value().network->Initialize(0);  // identity scaling
  REQUIRE(LoadWeights(*other.value().network, bytes).ok());
  auto& loaded = dynamic_cast<Network<float>&>(*other.value().network);
  auto& loaded_out = dynamic_cast<nn::ScaleLayer<float>&>(loaded.layer(loaded.layer_count() - 1));
  CHECK(loaded_out.shift() == out.shift());
  CHECK(loaded_out.scale() == out.scale());
  CHECK(dynamic_cast<nn::ScaleLayer<float>&>(loaded.layer(0)).scale() > 1.0f);  // inputs in knots
}

TEST_CASE("the LSTM forecaster learns storm wind speeds; compared with next = last", "[sequence][forecast]") {
  StormWindowSettings s;
  s.storms.seed = 1, s.storms.storms = 12, s.storms.min_length = 40, s.storms.max_length = 80;
  s.window = 8;
  Result<Dataset> windows = GenerateStormWindows(s);
  REQUIRE(windows.ok());
  auto data = PrepareWith(windows.value(), SplitKind::kSequential, 0.25);
  const Dataset& d = *data->data;
  double value_mse = 0, change_mse = 0, seconds = 0;
  for (int predict : {0, 1}) {
    auto run = MakeRun("lstm_forecaster", data, Values("lstm_forecaster", {{"units", 16}, {"predict", predict}}),
                       [](DeepRunSettings& r) { r.epochs = 12; });
    auto snapshot = Train(*run);
    INFO(snapshot->message);
    REQUIRE(snapshot->finished);
    const double sigma = OutputScale(*run).scale();
    (predict ? change_mse : value_mse) = 2.0 * sigma * sigma * snapshot->history.back().validation_loss;  // back to kt²
    seconds = MeanEpochSeconds(*snapshot);
  }
  double persistence = 0, mean = 0, variance = 0;
  for (int64_t r : data->split.test) mean += d.targets(r) / static_cast<double>(data->split.test.size());
  for (int64_t r : data->split.test) {
    const double e = d.features(r, d.features.cols() - 1) - d.targets(r);
    persistence += e * e / static_cast<double>(data->split.test.size());
    variance += (d.targets(r) - mean) * (d.targets(r) - mean) / static_cast<double>(data->split.test.size());
  }
  std::printf("[sequence] LSTM forecaster: %zu train / %zu test windows, validation MSE %.2f kt² (value) / %.2f kt² (change) "
              "vs persistence %.2f kt², target variance %.1f kt², %.3f s/epoch\n",
              data->split.train.size(), data->split.test.size(), value_mse, change_mse, persistence, variance, seconds);
  // Measured (seed 1): value 10.2 kt², change (the default) 14.0 kt², against persistence 16.7 kt² and a target variance of
  // 892 kt²: the LSTM wins (it smooths the AR(1) noise that persistence copies).
  CHECK(value_mse < 0.05 * variance);
  CHECK(value_mse < 0.9 * persistence);
  CHECK(change_mse < 0.9 * persistence);
}

TEST_CASE("the ConvLSTM frame forecaster's loss falls; compared with repeating the last frame", "[sequence]") {
  StormSettings s;
  s.seed = 4, s.storms = 8, s.min_length = 40, s.max_length = 80, s.image_size = 16;
  s.window_stride = 6;
  Result<Dataset> sequences = GenerateStormSequences(s);
  REQUIRE(sequences.ok());
  auto data = PrepareWith(sequences.value(), SplitKind::kSequential, 0.25);
  auto run = MakeRun("convlstm_frames", data, Values("convlstm_frames", {}), [](DeepRunSettings& r) { r.epochs = 5; });
  auto snapshot = Train(*run);
  INFO(snapshot->message);
  REQUIRE(snapshot->finished);
  // "Repeat the last frame" in the same units: ½·Σ over the predicted pixels, mean over samples.
  const Dataset& d = *data->data;
  const int64_t pixels = 16 * 16;
  double repeat = 0;
  for (int64_t r : data->split.test)
    for (int c = 0; c < 3; ++c)
      for (int64_t p = 0; p < pixels; ++p) {
        const double e = d.features(r, 3 * pixels + p) - d.dense_targets(r, c * pixels + p);
        repeat += 0.5 * e * e / static_cast<double>(data->split.test.size());
      }
  const double first = snapshot->history.front().validation_loss, last = snapshot->history.back().validation_loss;
  std::printf("[sequence] ConvLSTM frames: %zu train / %zu test windows of 4×16×16, validation loss %.3f after epoch 1, "
              "%.3f after %zu, repeat-last-frame %.3f, %.3f s/epoch\n",
              data->split.train.size(), data->split.test.size(), first, last, snapshot->history.size(), repeat,
              MeanEpochSeconds(*snapshot));
  // Measured (seed 4): 3.90 after epoch 1, 3.38 after 5, repeat-last-frame 4.02 (per-pixel MSE
  // 0.0088 against 0.0105).
  CHECK(last < first);
  CHECK(last < 0.95 * repeat);
}

TEST_CASE("cnn_regressor predicts storm wind speed from a frame (target scaling)", "[sequence]") {
  StormSettings s;
  s.seed = 6, s.storms = 10, s.min_length = 40, s.max_length = 80, s.image_size = 16, s.frame_stride = 2;
  Result<Dataset> images = GenerateStormImages(s);
  REQUIRE(images.ok());
  auto data = PrepareWith(images.value(), SplitKind::kRandom, 0.25);
  auto run = MakeRun("cnn_regressor", data, Values("cnn_regressor", {}), [](DeepRunSettings& r) { r.epochs = 8; });
  auto snapshot = Train(*run);
  INFO(snapshot->message);
  REQUIRE(snapshot->finished);
  const double sigma = OutputScale(*run).scale();
  const Dataset& d = *data->data;
  double mean = 0, variance = 0;
  const double n = static_cast<double>(data->split.test.size());
  for (int64_t r : data->split.test) mean += d.targets(r) / n;
  for (int64_t r : data->split.test) variance += (d.targets(r) - mean) * (d.targets(r) - mean) / n;
  const double mse = 2.0 * sigma * sigma * snapshot->history.back().validation_loss;
  const double r2 = 1.0 - mse / variance;
  std::printf("[sequence] cnn_regressor on 16×16 storm frames: %zu train / %zu test, validation MSE %.1f kt², R² %.3f, "
              "%.3f s/epoch\n", data->split.train.size(), data->split.test.size(), mse, r2, MeanEpochSeconds(*snapshot));
  // Measured (seed 6): R² 0.93 (validation MSE 60 kt²) after 8 epochs.
  CHECK(r2 > 0.8);
}

TEST_CASE("cnn_counter counts touching circles well above chance", "[sequence]") {
  CircleAggregateSettings s;
  s.seed = 8, s.samples = 360, s.image_size = 24, s.radius = 3;
  Result<Dataset> circles = GenerateCircleAggregates(s);
  REQUIRE(circles.ok());
  auto data = PrepareWith(circles.value(), SplitKind::kStratified, 0.25);
  auto run = MakeRun("cnn_counter", data, Values("cnn_counter", {{"filters", 8}, {"dense", 32}, {"lr", 3e-3}}), [](DeepRunSettings& r) { r.epochs = 7; });
  auto snapshot = Train(*run);
  INFO(snapshot->message);
  REQUIRE(snapshot->finished);
  const double accuracy = snapshot->history.back().validation_accuracy;
  std::printf("[sequence] cnn_counter on 24×24 aggregates (5 classes, chance 0.2): validation accuracy %.3f, %.3f s/epoch\n",
              accuracy, MeanEpochSeconds(*snapshot));
  // Measured (seed 8): 0.69 after 7 epochs.
  CHECK(accuracy > 0.2 + 0.3);
}

TEST_CASE("the sequence entries explain data that do not fit", "[sequence]") {
  Result<Dataset> circles = GenerateCircleAggregates(CircleAggregateSettings{});
  REQUIRE(circles.ok());
  Result<DeepModelBuild> lstm = BuildDeepModel("lstm_forecaster", circles.value());
  REQUIRE_FALSE(lstm.ok());
  CHECK(lstm.status().message().find("class labels") != std::string::npos);
  StormSettings s;
  s.storms = 2, s.image_size = 16;
  Result<Dataset> images = GenerateStormImages(s);
  REQUIRE(images.ok());
  Result<DeepModelBuild> frames = BuildDeepModel("convlstm_frames", images.value());
  REQUIRE_FALSE(frames.ok());
  CHECK(frames.status().message().find("sequences of frames") != std::string::npos);
  CHECK_FALSE(BuildDeepModel("cnn_counter", images.value()).ok());
  Result<DeepModelBuild> even = BuildDeepModel("convlstm_frames", GenerateStormSequences(s).value(), Values("convlstm_frames", {{"kernel", 2}}));
  CHECK_FALSE(even.ok());  // an even kernel has no centre
}

TEST_CASE("the LSTM forecaster on COVID-like log cases; compared with next = last", "[sequence][forecast]") {
  CovidWindowSettings s;
  s.covid.seed = 3;
  s.window = 14;
  Result<Dataset> windows = GenerateCovidWindows(s);
  REQUIRE(windows.ok());
  auto data = PrepareWith(windows.value(), SplitKind::kSequential, 0.25);  // the last quarter of the year tests
  auto run = MakeRun("lstm_forecaster", data, Values("lstm_forecaster", {{"units", 16}}), [](DeepRunSettings& r) { r.epochs = 60; });
  auto snapshot = Train(*run);
  INFO(snapshot->message);
  REQUIRE(snapshot->finished);
  const double sigma = OutputScale(*run).scale();
  const Dataset& d = *data->data;
  const double n = static_cast<double>(data->split.test.size());
  double persistence = 0, mean = 0, variance = 0;
  for (int64_t r : data->split.test) mean += d.targets(r) / n;
  for (int64_t r : data->split.test) {
    persistence += std::pow(d.features(r, 13) - d.targets(r), 2) / n;
    variance += std::pow(d.targets(r) - mean, 2) / n;
  }
  const double lstm = 2.0 * sigma * sigma * snapshot->history.back().validation_loss;
  std::printf("[sequence] LSTM forecaster on COVID-like log cases: %zu train / %zu test days, validation MSE %.4f vs "
              "persistence %.4f, target variance %.4f, %.3f s/epoch\n",
              data->split.train.size(), data->split.test.size(), lstm, persistence, variance, MeanEpochSeconds(*snapshot));
  // Measured (seed 3), predicting the change (the default): 0.0688 against persistence 0.0693
  // (variance 0.86) after 60 epochs, a tie (0.083 after 30). Predicting the value itself scores
  // 0.32: the last quarter's levels lie outside the training range and a saturating LSTM state
  // does not extrapolate.
  CHECK(lstm < 0.2 * variance);
  CHECK(lstm < 1.3 * persistence);
}
