// The deep benchmark's tasks (see deep_tasks.h). The mlp and cnn networks come from the deep
// catalogue (the very builders the app trains), sized by a small MNIST-shaped dataset; the timed
// loop is DeepRun::TrainOneBatch without its bookkeeping, on a pool of random batches.
#include "core/bench/deep_tasks.h"

#include <chrono>
#include <cmath>

#include "core/base/json_writer.h"
#include "core/base/rng.h"
#include "core/base/thread_pool.h"
#include "core/deep/deep_catalog.h"

namespace mlp::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kSide = 28, kClasses = 10;
constexpr int kBatchPool = 8;       // distinct random batches, cycled (as epochs over real data)
constexpr uint32_t kDataSeed = 1234;  // the random inputs and labels
constexpr uint32_t kWeightSeed = 0;   // Initialize's seed (the catalogue's default slider)

// A 28×28 grey-image, 10-class dataset of a few rows: only its shape and class count matter to
// the catalogue builders.
Dataset MnistShapedData() {
  Dataset d;
  d.name = "benchmark (random 28×28)";
  d.features = Eigen::MatrixXd::Zero(kClasses, kSide * kSide);
  d.targets = Eigen::VectorXd::LinSpaced(kClasses, 0, kClasses - 1);
  for (int c = 0; c < kClasses; ++c) d.class_names.push_back(std::to_string(c));
  for (int f = 0; f < kSide * kSide; ++f) d.feature_names.push_back("pixel" + std::to_string(f));
  d.layout = SampleLayout::kImage;
  d.sample_shape = {kSide, kSide};
  return d;
}

// The catalogue entry `id` at its default sliders except `changes`, with the entry's optimiser
// and batch.
Result<DeepTaskModel> FromCatalog(const char* id, const std::vector<std::pair<std::string, double>>& changes = {}) {
  const deep::DeepModelEntry* entry = deep::FindDeepModel(id);
  if (!entry) return Status::Error(std::string("No deep model called ") + id + ".");
  std::vector<double> values;
  for (const ParameterSpec& p : entry->parameters) {
    values.push_back(p.value);
    for (const auto& [key, value] : changes)
      if (p.key == key) values.back() = value;
  }
  Result<deep::DeepModelBuild> build = deep::BuildDeepModel(id, MnistShapedData(), values);
  if (!build.ok()) return build.status();
  DeepTaskModel model;
  model.network = std::move(build.value().network);
  model.batch = build.value().settings.batch_size;
  model.optimizer = build.value().settings.optimizer;
  return model;
}

Result<DeepTaskModel> BuildMlpTask() { return FromCatalog("mlp_mnist"); }  // SGD 0.1, batch 64
Result<DeepTaskModel> BuildCnnTask() { return FromCatalog("cnn_simple"); }  // Adam 1e-3, batch 32
// The course's conv-VAE widths (32 and 64 filters; the catalogue defaults to 16 and 32), latent 2,
// Adam 1e-3, batch 64. Our decoder's transposed convolutions are 4×4 (stride 2, pad 1) where the
// course's are 3×3 with Keras's output padding: 16/9 of their work in those layers.
Result<DeepTaskModel> BuildVaeTask() { return FromCatalog("vae_conv", {{"filters1", 32}, {"filters2", 64}, {"batch", 64}}); }

// Random inputs in [0, 1) (kBatchPool batches side by side) and their targets: one-hot labels for a
// classifier, the inputs themselves for an autoencoder.
struct TaskData {
  Eigen::MatrixXf x, y;
};

Result<TaskData> MakeData(deep::TrainableNetwork<float>& network, int batch) {
  const int64_t inputs = network.input_shape().size(), outputs = network.output_shape().size();
  const Eigen::Index columns = static_cast<Eigen::Index>(batch) * kBatchPool;
  Rng rng(kDataSeed);
  TaskData data;
  data.x.resize(inputs, columns);
  for (Eigen::Index j = 0; j < columns; ++j)
    for (Eigen::Index i = 0; i < inputs; ++i) data.x(i, j) = static_cast<float>(rng.Uniform());
  switch (network.training_target()) {
    case deep::TrainingTarget::kInput:
      data.y = data.x;
      break;
    case deep::TrainingTarget::kDataTargets:
      if (network.output_loss() != deep::OutputLoss::kSoftmaxCrossEntropy)
        return Status::Error("The benchmark trains classifiers (softmax) and autoencoders only.");
      data.y = Eigen::MatrixXf::Zero(outputs, columns);
      for (Eigen::Index j = 0; j < columns; ++j) data.y(static_cast<Eigen::Index>(rng.Interval(static_cast<uint64_t>(outputs - 1))), j) = 1.0f;
      break;
    case deep::TrainingTarget::kInputAndValue:
      return Status::Error("The benchmark has no property values to train a property head on.");
  }
  return data;
}

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

// Times the built model; the pool already has the run's threads.
Result<DeepTiming> TimeModel(const std::string& task, DeepTaskModel& model, double seconds) {
  deep::TrainableNetwork<float>& network = *model.network;
  network.Initialize(kWeightSeed);
  network.SetTraining(true);
  Result<TaskData> made = MakeData(network, model.batch);
  if (!made.ok()) return made.status();
  const TaskData& data = made.value();
  std::vector<nn::Parameter<float>> parameters = network.Parameters();
  nn::Optimizer<float> optimizer(model.optimizer, parameters);
  Eigen::MatrixXf gradient(network.output_shape().size(), model.batch);
  int next = 0;
  // One training step on the next batch of the pool; returns its loss.
  auto step = [&]() {
    const Eigen::Index first = static_cast<Eigen::Index>(next) * model.batch;
    next = (next + 1) % kBatchPool;
    const auto x = data.x.middleCols(first, model.batch);
    const auto y = data.y.middleCols(first, model.batch);
    const nn::ConstMatrixView<float> output = network.Forward(x);
    const double loss = network.LossValue(output, y) + network.AuxiliaryLoss();
    network.LossGradient(output, y, gradient);
    network.Backward(gradient);
    optimizer.Step(parameters);
    return loss;
  };

  DeepTiming timing;
  timing.task = task;
  timing.available = true;
  timing.threads = SharedPool().threads();
  timing.batch = model.batch;
  const auto warm_start = Clock::now();
  for (int i = 0; i < kDeepWarmupSteps; ++i) timing.checksum = step();
  timing.warmup_seconds = Seconds(warm_start);
  const auto start = Clock::now();
  do {
    timing.final_loss = step();
    ++timing.steps;
    timing.seconds = Seconds(start);
  } while (timing.seconds < seconds);
  timing.samples_per_second = static_cast<double>(timing.steps) * model.batch / timing.seconds;
  if (!std::isfinite(timing.final_loss)) return Status::Error(task + ": the loss diverged (" + std::to_string(timing.final_loss) + ").");
  return timing;
}

}  // namespace

const std::vector<DeepTask>& DeepTasks() {
  static const std::vector<DeepTask> tasks = {
      {"mlp", "MLP 784-128-10 relu, SGD 0.1, batch 64", BuildMlpTask},
      {"cnn", "SimpleClassifier conv16-pool-conv32-pool-dense128-dense10, Adam 1e-3, batch 32", BuildCnnTask},
      {"vae", "conv-VAE 32/64 filters, 2-D latent, Bernoulli + KL, Adam 1e-3, batch 64", BuildVaeTask},
  };
  return tasks;
}

const DeepTask* FindDeepTask(const std::string& name) {
  for (const DeepTask& t : DeepTasks())
    if (t.name == name) return &t;
  return nullptr;
}

Result<DeepTiming> RunDeepTask(const std::string& task, int threads, double seconds) {
  const DeepTask* entry = FindDeepTask(task);
  if (!entry) return Status::Error("No deep benchmark task called '" + task + "' (mlp, cnn, vae).");
  if (!entry->build) {
    DeepTiming timing;
    timing.task = task;
    timing.threads = threads > 0 ? threads : SharedPool().threads();
    timing.note = "not yet: this build has no " + task + " network";
    return timing;
  }
  Result<DeepTaskModel> model = entry->build();
  if (!model.ok()) return Status::Error(task + ": " + model.status().message());
  const int previous_threads = SharedPool().threads();
  if (threads > 0) SetSharedPoolThreads(threads);
  Result<DeepTiming> timing = TimeModel(task, model.value(), seconds);
  if (threads > 0) SetSharedPoolThreads(previous_threads);
  return timing;
}

std::string DeepTimingJson(const DeepTiming& timing) {
  return JsonWriter()
      .Add("task", timing.task)
      .Add("available", timing.available)
      .Add("threads", timing.threads)
      .Add("batch", timing.batch)
      .Add("steps", timing.steps)
      .Add("seconds", timing.seconds)
      .Add("samples_per_second", timing.samples_per_second)
      .Add("warmup_seconds", timing.warmup_seconds)
      .Add("checksum", timing.checksum)
      .Add("final_loss", timing.final_loss)
      .Add("note", timing.note)
      .Finish();
}

}  // namespace mlp::bench
