// Conv-net training throughput of the deep engine's layers: the course's SimpleClassifier
//   28×28×1 → conv 16 3×3 pad 1 → relu → max-pool 2 → conv 32 3×3 pad 1 → relu → max-pool 2
//           → dense 128 → relu → dense 10
// float, batch 32, random MNIST-shaped data; one step = Forward + softmax-cross-entropy gradient
// + Backward + plain SGD on every parameter. Reports samples/s with 1 and 2 threads and where the
// time goes per layer (1 thread). Usage: bench_conv [seconds per measurement, default 3].
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

#include <Eigen/Core>

#include "core/base/rng.h"
#include "core/base/thread_pool.h"
#include "core/base/threads.h"
#include "core/nn/layers/activation_layer.h"
#include "core/nn/layers/conv2d_layer.h"
#include "core/nn/layers/fully_connected_layer.h"
#include "core/nn/layers/pooling_layers.h"

namespace {

using namespace mlp::nn;
using Clock = std::chrono::steady_clock;

constexpr int kBatch = 32, kClasses = 10, kSamples = 1024;

struct SimpleClassifier {
  std::vector<std::unique_ptr<Layer<float>>> layers;
  std::vector<double> forward_seconds, backward_seconds;

  SimpleClassifier() {
    Conv2DSettings conv;
    conv.filters = 16;
    conv.pad_y = conv.pad_x = 1;
    Add(std::make_unique<Conv2D<float>>(Shape{1, 28, 28, 1}, conv));
    Add(std::make_unique<ActivationLayer<float>>(Last(), Activation::kReLU));
    Add(std::make_unique<MaxPool2D<float>>(Last(), PoolSettings{2, 2, 0, 0}));
    conv.filters = 32;
    Add(std::make_unique<Conv2D<float>>(Last(), conv));
    Add(std::make_unique<ActivationLayer<float>>(Last(), Activation::kReLU));
    Add(std::make_unique<MaxPool2D<float>>(Last(), PoolSettings{2, 2, 0, 0}));
    Add(std::make_unique<FullyConnected<float>>(Last(), 128));
    Add(std::make_unique<ActivationLayer<float>>(Last(), Activation::kReLU));
    Add(std::make_unique<FullyConnected<float>>(Last(), kClasses, WeightInit::kGlorotUniform));
    forward_seconds.assign(layers.size(), 0.0);
    backward_seconds.assign(layers.size(), 0.0);
  }
  void Add(std::unique_ptr<Layer<float>> layer) { layers.push_back(std::move(layer)); }
  Shape Last() const { return layers.back()->output_shape(); }

  // One SGD step on (x, labels); `timed` accumulates per-layer times.
  void Step(const ConstRef<float>& x, const int* labels, Eigen::MatrixXf& dlogits,
            std::vector<Parameter<float>>& parameters, bool timed) {
    ConstMatrixView<float> a(x.data(), x.rows(), x.cols());
    for (size_t i = 0; i < layers.size(); ++i) {
      const auto start = Clock::now();
      new (&a) ConstMatrixView<float>(layers[i]->Forward(a));
      if (timed) forward_seconds[i] += std::chrono::duration<double>(Clock::now() - start).count();
    }
    // Softmax + cross-entropy gradient per column: (p − onehot) / batch.
    for (Eigen::Index j = 0; j < a.cols(); ++j) {
      dlogits.col(j) = (a.col(j).array() - a.col(j).maxCoeff()).exp().matrix();
      dlogits.col(j) /= dlogits.col(j).sum() * static_cast<float>(a.cols());
      dlogits(labels[j], j) -= 1.0f / static_cast<float>(a.cols());
    }
    ConstMatrixView<float> g(dlogits.data(), dlogits.rows(), a.cols());
    for (size_t i = layers.size(); i-- > 0;) {
      const auto start = Clock::now();
      new (&g) ConstMatrixView<float>(layers[i]->Backward(g, i > 0));
      if (timed) backward_seconds[i] += std::chrono::duration<double>(Clock::now() - start).count();
    }
    for (Parameter<float>& p : parameters) p.value -= 0.01f * p.grad;
  }
};

// Samples per second of training steps over `seconds`, and the per-layer split when `report`.
double Measure(int threads, double seconds, bool report) {
  mlp::SetSharedPoolThreads(threads);
  mlp::Rng rng(1234);
  Eigen::MatrixXf x(28 * 28, kSamples);
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    for (Eigen::Index i = 0; i < x.rows(); ++i) x(i, j) = static_cast<float>(rng.Uniform());
  std::vector<int> labels(kSamples);
  for (int& label : labels) label = static_cast<int>(rng.Interval(kClasses - 1));
  SimpleClassifier model;
  for (auto& layer : model.layers) layer->Initialize(rng);
  std::vector<Parameter<float>> parameters;
  for (auto& layer : model.layers)
    for (Parameter<float>& p : layer->Parameters()) parameters.push_back(p);
  Eigen::MatrixXf dlogits(kClasses, kBatch);
  const int batches = kSamples / kBatch;
  int next = 0;
  auto step = [&](bool timed) {
    model.Step(x.middleCols(next * kBatch, kBatch), labels.data() + next * kBatch, dlogits, parameters, timed);
    next = (next + 1) % batches;
  };
  for (int i = 0; i < 4; ++i) step(false);
  const auto start = Clock::now();
  long steps = 0;
  double elapsed = 0.0;
  do {
    step(report);
    ++steps;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  if (report) {
    std::printf("  per step, 1 thread (forward / backward, ms):\n");
    for (size_t i = 0; i < model.layers.size(); ++i) {
      std::printf("    %-22s %7.3f / %7.3f\n", model.layers[i]->Describe().c_str(),
                  1e3 * model.forward_seconds[i] / steps, 1e3 * model.backward_seconds[i] / steps);
    }
  }
  return static_cast<double>(steps) * kBatch / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  const int previous = mlp::SharedPool().threads();
  std::printf("SimpleClassifier (conv16-pool-conv32-pool-dense128-dense10), SGD, float, batch %d, %.1f s per run\n",
              kBatch, seconds);
  std::printf("Eigen SIMD: %s; hardware threads: %d\n", Eigen::SimdInstructionSetsInUse(), mlp::HardwareThreads());
  Measure(1, seconds / 2, /*report=*/true);
  const double one = Measure(1, seconds, false);
  std::printf("  1 thread:  %8.0f samples/s\n", one);
  const double two = Measure(2, seconds, false);
  std::printf("  2 threads: %8.0f samples/s   x%.2f vs 1 thread\n", two, two / one);
  mlp::SetSharedPoolThreads(previous);
  return 0;
}
