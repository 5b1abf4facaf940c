#include "core/train/throughput_benchmark.h"

#include <algorithm>
#include <chrono>

#include "core/base/rng.h"
#include "core/base/thread_pool.h"
#include "core/nn/optimizer.h"

namespace mlp {
namespace {

constexpr int kSamples = 4096;
constexpr int kWarmupSteps = 8;
constexpr uint32_t kSeed = 1234;

nn::Loss LossFor(nn::Activation output_activation) {
  switch (output_activation) {
    case nn::Activation::kSoftmax: return nn::Loss::kCategoricalCrossEntropy;
    case nn::Activation::kSigmoid: return nn::Loss::kBinaryCrossEntropy;
    default: return nn::Loss::kMeanSquaredError;
  }
}

}  // namespace

nn::MlpSpec ClassifierMlpSpec(int inputs, int hidden, int classes) {
  nn::MlpSpec spec;
  spec.inputs = inputs;
  spec.hidden = {hidden};
  spec.hidden_activation = nn::Activation::kReLU;
  spec.outputs = classes;
  spec.output_activation = nn::Activation::kSoftmax;
  return spec;
}

ThroughputResult MeasureMlpTraining(const nn::MlpSpec& spec, int batch, int threads, double seconds) {
  const int previous_threads = SharedPool().threads();
  SetSharedPoolThreads(threads);

  Rng rng(kSeed);
  nn::MatrixF x(kSamples, spec.inputs);
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) x(i, j) = static_cast<float>(rng.Uniform());
  }
  nn::MatrixF y = nn::MatrixF::Zero(kSamples, spec.outputs);
  for (int i = 0; i < kSamples; ++i) {
    y(i, static_cast<Eigen::Index>(rng.Interval(static_cast<uint64_t>(spec.outputs - 1)))) = 1.0f;
  }

  nn::Mlp<float> model(spec);
  model.Initialize(rng);
  nn::OptimizerSettings settings;
  settings.kind = nn::OptimizerKind::kSgd;
  settings.learning_rate = 0.01;
  nn::Optimizer<float> optimizer(settings, model.Parameters());
  const nn::Loss loss = LossFor(spec.output_activation);

  batch = std::max(1, std::min(batch, kSamples));
  const int batches = kSamples / batch;
  int next = 0;
  // Each step copies its batch into contiguous matrices, as a training loop gathering its samples
  // does (and measured faster than multiplying the strided rows of the whole set directly).
  nn::MatrixF x_batch(batch, spec.inputs), y_batch(batch, spec.outputs);
  auto train_step = [&] {
    x_batch = x.middleRows(static_cast<Eigen::Index>(next) * batch, batch);
    y_batch = y.middleRows(static_cast<Eigen::Index>(next) * batch, batch);
    model.ComputeGradients(x_batch, y_batch, loss, nn::Regularization::kNone, 0.0f);
    optimizer.Step(model.Parameters());
    next = (next + 1) % batches;
  };

  for (int i = 0; i < kWarmupSteps; ++i) train_step();

  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  int64_t steps = 0;
  double elapsed = 0.0;
  do {
    train_step();
    ++steps;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);

  ThroughputResult result;
  result.threads = SharedPool().threads();
  result.samples = steps * batch;
  result.seconds = elapsed;
  result.samples_per_second = static_cast<double>(result.samples) / elapsed;
  SetSharedPoolThreads(previous_threads);
  return result;
}

}  // namespace mlp
