// DeepRun (core/deep/deep_run.h): Step / Play / Pause / Reset in caller steps and on a worker, the
// same numbers both ways and with 1 or 2 pool threads, divergence pausing with a message, the
// views (confusion matrix, misclassified rows, feature maps, filters), and convergence on the
// built-in 8×8 digits: the CNN beats the MLP after the same number of epochs.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>

#include "core/base/thread_pool.h"
#include "core/base/threads.h"
#include "core/deep/deep_catalog.h"
#include "core/deep/deep_run.h"
#include "core/deep/weights_io.h"
#include "core/nn/gradient_check.h"
#include "deep_testing.h"

using namespace mlp;
using namespace mlp::deep;

namespace {

// A run of catalogue model `id` on `data`, caller-stepped unless `worker`; `adjust` edits settings.
template <typename Adjust>
std::unique_ptr<DeepRun> MakeRun(const char* id, std::shared_ptr<const PreparedData> data, bool worker, Adjust adjust) {
  Result<DeepModelBuild> build = BuildDeepModel(id, *data->data);
  INFO(build.status().message());
  REQUIRE(build.ok());
  DeepRunSettings settings = build.value().settings;
  settings.worker_thread = worker;
  adjust(settings);
  return std::make_unique<DeepRun>(std::move(build.value().network), std::move(data), settings);
}

std::shared_ptr<const PreparedData> SmallDigits() {
  static std::shared_ptr<const PreparedData> data = testing::Prepare(testing::FirstRows(*testing::Digits(), 320));
  return data;
}

std::shared_ptr<const DeepSnapshot> Finish(DeepRun& run) {
  run.Play();
  run.StepFor(1e9);  // caller steps: trains until finished or paused
  return run.Latest();
}

}  // namespace

TEST_CASE("DeepRun steps, plays, pauses and resets in caller steps", "[deep]") {
  auto run = MakeRun("cnn_simple", SmallDigits(), false, [](DeepRunSettings& s) {
    s.epochs = 2;
    s.batches_per_step = 3;
  });
  REQUIRE_FALSE(run->has_worker());
  auto s = run->Latest();
  CHECK(s->message.empty());
  CHECK(s->epoch == 0);
  CHECK(s->batches_done == 0);
  CHECK(s->batches_total == 8);  // 240 training rows in batches of 32
  CHECK(s->training_rows == 240);
  CHECK(s->validation_rows == 80);
  CHECK(s->summary.rows.size() == 9);
  CHECK(s->filters.filters == 16);
  CHECK(s->filters.weights.size() == 16 * 9);
  CHECK(std::isnan(s->running_loss));
  const std::vector<uint8_t> initial = SaveWeights(run->network());

  run->Step();
  run->StepFor(1e9);
  s = run->Latest();
  CHECK(s->batches_done == 3);
  CHECK_FALSE(s->running);
  CHECK(std::isfinite(s->running_loss));
  run->Step();
  run->StepFor(1e9);
  CHECK(run->Latest()->batches_done == 6);
  CHECK(SaveWeights(run->network()) != initial);

  run->Reset();
  run->StepFor(0);
  s = run->Latest();
  CHECK(s->batches_done == 0);
  CHECK(s->history.empty());
  CHECK(SaveWeights(run->network()) == initial);  // the same seed's weights again

  run->Play();
  run->StepFor(0.0);  // applies Play, trains for no time
  CHECK(run->Latest()->running);
  run->Pause();
  run->StepFor(1e9);
  s = run->Latest();
  CHECK_FALSE(s->running);
  const int done = s->batches_done;
  run->StepFor(1e9);
  CHECK(run->Latest()->batches_done == done);  // paused: nothing more

  s = Finish(*run);
  CHECK(s->finished);
  CHECK(s->epoch == 2);
  CHECK(s->history.size() == 2);
  CHECK(s->note == "Finished 2 epochs.");
  run->Step();  // a finished run ignores Step and Play
  run->StepFor(1e9);
  CHECK(run->Latest()->epoch == 2);
}

TEST_CASE("DeepRun on a worker gives the numbers of the caller-stepped run and the same with 1 and 2 threads", "[deep]") {
  const int previous = SharedPool().threads();
  std::vector<EpochRecord> histories[3];
  std::vector<uint8_t> weights[3];
  for (int variant = 0; variant < 3; ++variant) {
    INFO("variant " << variant);
    SetSharedPoolThreads(variant == 0 ? 1 : 2);
    const bool worker = variant == 2;
    auto run = MakeRun("cnn_simple", SmallDigits(), worker, [](DeepRunSettings& s) {
      s.epochs = 2;
      s.seed = 7;
    });
    if (worker && kHasThreads) {
      REQUIRE(run->has_worker());
      run->ShowActivations(SmallDigits()->split.test[1]);  // feature maps between batches change nothing
      run->Step();  // one epoch (batches_per_step = 0)
      REQUIRE(run->WaitForIdle(20000));
      CHECK(run->Latest()->epoch == 1);
      CHECK_FALSE(run->Latest()->running);
      run->Play();
      REQUIRE(run->WaitForIdle(20000));
    } else {
      Finish(*run);
    }
    auto s = run->Latest();
    CHECK(s->finished);
    histories[variant] = s->history;
    weights[variant] = SaveWeights(run->network());
  }
  SetSharedPoolThreads(previous);
  for (int variant = 1; variant < 3; ++variant) {
    INFO("variant " << variant);
    REQUIRE(histories[variant].size() == histories[0].size());
    for (size_t e = 0; e < histories[0].size(); ++e) {
      CHECK(histories[variant][e].train_loss == histories[0][e].train_loss);  // bit-identical
      CHECK(histories[variant][e].validation_loss == histories[0][e].validation_loss);
      CHECK(histories[variant][e].validation_accuracy == histories[0][e].validation_accuracy);
    }
    CHECK(weights[variant] == weights[0]);
  }
}

TEST_CASE("DeepRun pauses with a message and finite weights when a huge learning rate diverges", "[deep]") {
  for (bool worker : {false, true}) {
    INFO("worker " << worker);
    auto run = MakeRun("mlp_mnist", SmallDigits(), worker, [](DeepRunSettings& s) {
      s.optimizer.learning_rate = 1e6;  // SGD
      s.epochs = 50;
    });
    run->Play();
    if (run->has_worker()) REQUIRE(run->WaitForIdle(20000));
    else run->StepFor(1e9);
    auto s = run->Latest();
    CHECK_FALSE(s->running);
    CHECK_FALSE(s->finished);
    CHECK(s->message.rfind("Training diverged at ", 0) == 0);
    CHECK(s->message.find("learning rate 1e+06") != std::string::npos);
    for (const nn::Parameter<float>& p : run->network().Parameters()) CHECK(p.value.allFinite());
    run->Reset();  // a reset clears the message
    if (run->has_worker()) REQUIRE(run->WaitForIdle(20000));
    else run->StepFor(0);
    CHECK(run->Latest()->message.empty());
  }
}

TEST_CASE("DeepRun publishes the confusion matrix, misclassified rows, feature maps and filters", "[deep]") {
  auto data = SmallDigits();
  auto run = MakeRun("cnn_simple", data, false, [](DeepRunSettings& s) { s.epochs = 1; });
  const int64_t row = data->split.test[0];
  run->ShowActivations(row);
  auto s = Finish(*run);
  REQUIRE(s->classification);
  REQUIRE(s->classes == 10);
  REQUIRE(s->confusion.size() == 100);
  int64_t total = 0, diagonal = 0;
  for (int t = 0; t < 10; ++t)
    for (int p = 0; p < 10; ++p) total += s->confusion[t * 10 + p], diagonal += t == p ? s->confusion[t * 10 + p] : 0;
  CHECK(total == s->validation_rows);
  CHECK(static_cast<double>(diagonal) / total == Approx(s->history.back().validation_accuracy));
  CHECK(s->misclassified.size() == std::min<size_t>(16, total - diagonal));
  for (const MisclassifiedSample& m : s->misclassified) {
    CHECK(m.predicted != m.truth);
    CHECK(m.truth == static_cast<int>(data->data->targets(m.row)));
    CHECK(m.confidence >= 0.1f);  // the predicted class is the most probable of 10
  }
  CHECK(s->activation_row == row);
  REQUIRE(s->activations.size() == 9);
  CHECK(s->activations[0].name == "conv2d 16 3×3 pad 1");
  CHECK(s->activations[0].values.size() == 8 * 8 * 16);
  CHECK(s->activations[2].shape == nn::Shape{1, 4, 4, 16});
  CHECK(s->activations[8].values.size() == 10);
  REQUIRE(s->activation_output.size() == 10);
  float sum = 0;
  for (float p : s->activation_output) sum += p;
  CHECK(sum == Approx(1.0f).epsilon(1e-5));
  run->ShowActivations(-1);
  run->StepFor(0);
  CHECK(run->Latest()->activations.empty());
}

TEST_CASE("DeepRun holds out a seeded fraction of the training rows for validation when asked", "[deep]") {
  auto run = MakeRun("mlp_mnist", SmallDigits(), false, [](DeepRunSettings& s) { s.validation_fraction = 0.25; });
  CHECK(run->Latest()->training_rows == 180);
  CHECK(run->Latest()->validation_rows == 60);
  auto bad = MakeRun("mlp_mnist", SmallDigits(), false, [](DeepRunSettings& s) { s.batch_size = 0; });
  CHECK(bad->Latest()->message == "The batch size must be at least 1.");
  bad->Play();
  bad->StepFor(1e9);
  CHECK_FALSE(bad->Latest()->running);
}

// 3 epochs each on the 1347 training digits (8×8), validated on the 450 test digits, with the
// catalogue's settings. Measured (seed 0): the MLP (SGD 0.1, batch 64) reaches 0.83, the CNN (Adam
// 1e-3, batch 32) 0.94; the bound 0.9 leaves the CNN some room.
TEST_CASE("on the 8×8 digits the CNN beats the MLP after the same 3 epochs and exceeds 0.9", "[deep]") {
  auto data = testing::Prepare(testing::Digits());
  double accuracy[2];
  const char* ids[2] = {"mlp_mnist", "cnn_simple"};
  for (int m = 0; m < 2; ++m) {
    auto run = MakeRun(ids[m], data, false, [](DeepRunSettings& s) { s.epochs = 3; });
    auto s = Finish(*run);
    REQUIRE(s->history.size() == 3);
    accuracy[m] = s->history.back().validation_accuracy;
    CHECK(s->history.back().train_loss < s->history.front().train_loss);
  }
  INFO("validation accuracy: MLP " << accuracy[0] << ", CNN " << accuracy[1]);
  CHECK(accuracy[1] > accuracy[0]);
  CHECK(accuracy[1] > 0.9);
}

// Not a test: training throughput of the course's models at MNIST size (random 28×28 images, so no
// 400 MB asset is decoded), one epoch of 2048 samples, with 1 and 2 pool threads.
// Run: core_tests "[.deep-bench]" -s
TEST_CASE("deep training throughput at MNIST size", "[.deep-bench]") {
  auto raw = std::make_shared<Dataset>();
  raw->name = "random 28×28";
  raw->layout = SampleLayout::kImage;
  raw->sample_shape = {28, 28};
  Rng rng(1);
  raw->features.resize(2048 + 16, 784);
  for (Eigen::Index j = 0; j < raw->features.cols(); ++j)
    for (Eigen::Index i = 0; i < raw->features.rows(); ++i) raw->features(i, j) = rng.Uniform();
  raw->targets.resize(raw->features.rows());
  for (Eigen::Index i = 0; i < raw->targets.size(); ++i) raw->targets(i) = static_cast<double>(i % 10);
  raw->class_names = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  auto data = testing::Prepare(raw, 16.0 / raw->features.rows());
  const int previous = SharedPool().threads();
  for (int threads : {1, 2}) {
    SetSharedPoolThreads(threads);
    for (const char* id : {"mlp_mnist", "cnn_simple"}) {
      auto run = MakeRun(id, data, false, [](DeepRunSettings& s) { s.epochs = 1; });
      auto s = Finish(*run);
      REQUIRE(s->history.size() == 1);
      std::printf("%s, %d thread(s): %.0f samples/s (epoch of %lld samples in %.3f s)\n", id, threads,
                  s->samples_per_second, static_cast<long long>(s->training_rows), s->history[0].seconds);
    }
  }
  SetSharedPoolThreads(previous);
}

TEST_CASE("DeepRun follows the learning-rate schedule and early stopping restores the best epoch's weights", "[deep]") {
  // Step decay halves the rate every epoch; min_delta is so large that no epoch after the first
  // counts as an improvement, so patience 1 stops after epoch 2 and puts epoch 1's weights back.
  auto run = MakeRun("mlp_mnist", SmallDigits(), false, [](DeepRunSettings& s) {
    s.epochs = 10;
    s.schedule.kind = nn::ScheduleKind::kStepDecay;
    s.schedule.step_epochs = 1;
    s.schedule.gamma = 0.5;
    s.early_stopping = true;
    s.early_stopping_settings.patience = 1;
    s.early_stopping_settings.min_delta = 1e9;
  });
  run->Step();  // epoch 1
  run->StepFor(1e9);
  REQUIRE(run->Latest()->epoch == 1);
  const std::vector<uint8_t> after_first = SaveWeights(run->network());
  auto s = Finish(*run);
  CHECK(s->finished);
  REQUIRE(s->history.size() == 2);
  CHECK(s->history[0].learning_rate == 0.1);
  CHECK(s->history[1].learning_rate == 0.05);
  CHECK(s->best_epoch == 0);
  CHECK(s->note == "Early stopping after epoch 2: the validation loss has not improved for 1 epoch (best: epoch 1). "
                   "The best epoch's weights are restored.");
  CHECK(SaveWeights(run->network()) == after_first);
}

namespace {

// Digits 0 and 1 only, relabelled as a binary task.
std::shared_ptr<const PreparedData> ZerosAndOnes() {
  const Dataset& digits = *testing::Digits();
  auto d = std::make_shared<Dataset>(digits);
  std::vector<Eigen::Index> keep;
  for (Eigen::Index i = 0; i < digits.targets.size() && keep.size() < 200; ++i)
    if (digits.targets(i) < 2) keep.push_back(i);
  d->features.resize(static_cast<Eigen::Index>(keep.size()), digits.features.cols());
  d->targets.resize(static_cast<Eigen::Index>(keep.size()));
  for (size_t k = 0; k < keep.size(); ++k) {
    d->features.row(static_cast<Eigen::Index>(k)) = digits.features.row(keep[k]);
    d->targets(static_cast<Eigen::Index>(k)) = digits.targets(keep[k]);
  }
  d->class_names = {"0", "1"};
  return testing::Prepare(d);
}

}  // namespace

TEST_CASE("DeepRun trains sigmoid heads: one binary output, and a 0/1 mask per pixel", "[deep]") {
  {
    auto net = std::make_unique<Network<float>>(nn::Shape{1, 8, 8, 1}, OutputLoss::kSigmoidCrossEntropy);
    REQUIRE(net->AddDense(8).ok());
    REQUIRE(net->AddActivation(nn::Activation::kReLU).ok());
    REQUIRE(net->AddDense(1).ok());
    DeepRunSettings settings;
    settings.worker_thread = false;
    settings.epochs = 5;
    settings.optimizer.learning_rate = 0.1;
    DeepRun run(std::move(net), ZerosAndOnes(), settings);
    auto s = Finish(run);
    INFO(s->message);
    REQUIRE(s->history.size() == 5);
    CHECK(s->classification);
    REQUIRE(s->confusion.size() == 4);
    CHECK(s->confusion[0] + s->confusion[1] + s->confusion[2] + s->confusion[3] == s->validation_rows);
    CHECK(s->history.back().validation_accuracy > 0.95);
  }
  {
    // Mask = the pixels brighter than ½ of 6×6 noise images: a 1×1 convolution can learn it.
    auto d = std::make_shared<Dataset>();
    d->name = "bright pixels";
    d->task = TaskKind::kRegression;
    d->layout = SampleLayout::kImage;
    d->sample_shape = {6, 6};
    Rng rng(4);
    d->features = nn::UniformMatrix<double>(rng, 120, 36, 0.0, 1.0);
    d->targets = Eigen::VectorXd::Zero(120);
    d->dense_targets = (d->features.array() > 0.5).cast<double>();
    auto net = std::make_unique<Network<float>>(nn::Shape{1, 6, 6, 1}, OutputLoss::kSigmoidCrossEntropy);
    REQUIRE(net->AddConv2D(nn::Conv2DSettings{1, 1, 1}).ok());
    DeepRunSettings settings;
    settings.worker_thread = false;
    settings.epochs = 20;
    settings.batch_size = 16;
    settings.optimizer.kind = nn::OptimizerKind::kAdam;
    settings.optimizer.learning_rate = 0.3;
    DeepRun run(std::move(net), testing::Prepare(d), settings);
    auto s = Finish(run);
    INFO(s->message);
    REQUIRE(s->history.size() == 20);
    CHECK_FALSE(s->classification);
    CHECK(s->history.back().validation_accuracy > 0.9);  // fraction of pixels right
    CHECK(s->history.back().validation_loss < 0.5 * s->history.front().validation_loss);
  }
}

TEST_CASE("DeepRun loads weights: the loaded model is scored at once, and a bad file leaves the weights", "[deep]") {
  auto trained = MakeRun("cnn_simple", SmallDigits(), false, [](DeepRunSettings& s) { s.epochs = 2; });
  auto done = Finish(*trained);
  auto bytes = std::make_shared<const std::vector<uint8_t>>(SaveWeights(trained->network()));

  auto fresh = MakeRun("cnn_simple", SmallDigits(), false, [](DeepRunSettings& s) { s.seed = 99; });
  const std::vector<uint8_t> before = SaveWeights(fresh->network());
  auto damaged = std::make_shared<std::vector<uint8_t>>(*bytes);
  (*damaged)[100] ^= 1;
  fresh->LoadWeights(damaged);
  fresh->StepFor(0);
  CHECK(fresh->Latest()->message == "Could not load the weights: The weights file is damaged (checksum mismatch): "
                                    "download or save it again.");
  CHECK(SaveWeights(fresh->network()) == before);

  fresh->LoadWeights(bytes);
  fresh->StepFor(0);
  auto s = fresh->Latest();
  CHECK(s->message.empty());
  CHECK(s->note.rfind("Loaded weights: validation loss ", 0) == 0);
  CHECK(s->history.empty());
  CHECK(s->confusion == done->confusion);  // same validation rows, same weights
  CHECK(SaveWeights(fresh->network()) == *bytes);
}
