// MLP training throughput: our engine (mlp::MeasureMlpTraining, the code the app and the web
// builds run) against a reference written the textbook Eigen way in the same process.
//
// Model 784-128-10, ReLU hidden, softmax output, cross-entropy, plain SGD, float, batch 64,
// random MNIST-shaped data. Usage: bench_mlp [seconds per measurement, default 3].
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <Eigen/Core>

#include "core/base/rng.h"
#include "core/base/thread_pool.h"
#include "core/base/threads.h"
#include "core/train/throughput_benchmark.h"

namespace {

constexpr int kInputs = 784, kHidden = 128, kClasses = 10, kBatch = 64, kSamples = 4096;

// The same training step as the engine's, the way a tutorial writes it: every intermediate is a
// fresh matrix, transposes are expressions, Eigen's own (single-threaded) products.
struct TextbookMlp {
  Eigen::MatrixXf w1, w2;
  Eigen::RowVectorXf b1, b2;

  explicit TextbookMlp(mlp::Rng& rng) : w1(kInputs, kHidden), w2(kHidden, kClasses) {
    const double limit1 = std::sqrt(6.0 / kInputs), limit2 = std::sqrt(6.0 / (kHidden + kClasses));
    for (int i = 0; i < kInputs; ++i)
      for (int j = 0; j < kHidden; ++j) w1(i, j) = static_cast<float>(rng.Uniform(-limit1, limit1));
    for (int i = 0; i < kHidden; ++i)
      for (int j = 0; j < kClasses; ++j) w2(i, j) = static_cast<float>(rng.Uniform(-limit2, limit2));
    b1 = Eigen::RowVectorXf::Zero(kHidden);
    b2 = Eigen::RowVectorXf::Zero(kClasses);
  }

  float Step(const Eigen::MatrixXf& x, const Eigen::MatrixXf& y, float lr) {
    const float n = static_cast<float>(x.rows());
    Eigen::MatrixXf z1 = x * w1;
    z1.rowwise() += b1;
    Eigen::MatrixXf a1 = z1.cwiseMax(0.0f);
    Eigen::MatrixXf z2 = a1 * w2;
    z2.rowwise() += b2;
    Eigen::VectorXf row_max = z2.rowwise().maxCoeff();
    Eigen::MatrixXf e = (z2.colwise() - row_max).array().exp().matrix();
    Eigen::VectorXf row_sum = e.rowwise().sum();
    Eigen::MatrixXf p = (e.array().colwise() / row_sum.array()).matrix();
    const float loss = -(y.array() * p.array().max(1e-7f).log()).sum() / n;
    Eigen::MatrixXf dz2 = (p - y) / n;
    Eigen::MatrixXf dw2 = a1.transpose() * dz2;
    Eigen::RowVectorXf db2 = dz2.colwise().sum();
    Eigen::MatrixXf da1 = dz2 * w2.transpose();
    Eigen::MatrixXf dz1 = (z1.array() > 0.0f).select(da1, 0.0f);
    Eigen::MatrixXf dw1 = x.transpose() * dz1;
    Eigen::RowVectorXf db1 = dz1.colwise().sum();
    w1 -= lr * dw1;
    b1 -= lr * db1;
    w2 -= lr * dw2;
    b2 -= lr * db2;
    return loss;
  }
};

double MeasureTextbook(double seconds) {
  mlp::Rng rng(1234);
  Eigen::MatrixXf x(kSamples, kInputs);
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    for (Eigen::Index i = 0; i < x.rows(); ++i) x(i, j) = static_cast<float>(rng.Uniform());
  Eigen::MatrixXf y = Eigen::MatrixXf::Zero(kSamples, kClasses);
  for (int i = 0; i < kSamples; ++i) y(i, static_cast<Eigen::Index>(rng.Interval(kClasses - 1))) = 1.0f;
  TextbookMlp model(rng);
  const int batches = kSamples / kBatch;
  int next = 0;
  volatile float sink = 0.0f;
  auto step = [&] {
    // A textbook loop slices its batch into a fresh matrix.
    const Eigen::MatrixXf xb = x.middleRows(next * kBatch, kBatch);
    const Eigen::MatrixXf yb = y.middleRows(next * kBatch, kBatch);
    sink = sink + model.Step(xb, yb, 0.01f);
    next = (next + 1) % batches;
  };
  for (int i = 0; i < 8; ++i) step();
  const auto start = std::chrono::steady_clock::now();
  long steps = 0;
  double elapsed = 0.0;
  do {
    step();
    ++steps;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (elapsed < seconds);
  return static_cast<double>(steps) * kBatch / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
  const mlp::nn::MlpSpec spec = mlp::ClassifierMlpSpec(kInputs, kHidden, kClasses);

  std::printf("MLP 784-128-10 (ReLU, softmax + CCE), SGD, float, batch %d, %.1f s per run\n", kBatch, seconds);
  std::printf("Eigen SIMD: %s; hardware threads: %d\n", Eigen::SimdInstructionSetsInUse(), mlp::HardwareThreads());
  const double reference = MeasureTextbook(seconds);
  std::printf("  reference (textbook Eigen, 1 thread): %10.0f samples/s\n", reference);
  const mlp::ThroughputResult one = mlp::MeasureMlpTraining(spec, kBatch, 1, seconds);
  std::printf("  engine, %d thread:                    %10.0f samples/s   x%.2f vs reference\n",
              one.threads, one.samples_per_second, one.samples_per_second / reference);
  const int all_threads = mlp::HardwareThreads();
  const mlp::ThroughputResult all = mlp::MeasureMlpTraining(spec, kBatch, all_threads, seconds);
  std::printf("  engine, %d threads:                   %10.0f samples/s   x%.2f vs reference, x%.2f vs 1 thread\n",
              all.threads, all.samples_per_second, all.samples_per_second / reference,
              all.samples_per_second / one.samples_per_second);
  return 0;
}
