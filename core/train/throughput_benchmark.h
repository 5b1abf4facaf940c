// Training throughput of the float MLP on seeded random MNIST-shaped data. The same function is
// called by the native benchmark (bench/bench_mlp) and by the web builds, so their figures compare.
#pragma once

#include <cstdint>

#include "core/nn/mlp.h"

namespace mlp {

struct ThroughputResult {
  double samples_per_second = 0.0;
  int threads = 1;       // threads the shared pool actually had (1 in a build without threads)
  int64_t samples = 0;   // samples trained during the timed part
  double seconds = 0.0;  // length of the timed part
};

// The benchmark's model: `inputs`-`hidden`-`classes` with a ReLU hidden layer and a softmax output
// (784-128-10 is the reference: MNIST-shaped).
nn::MlpSpec ClassifierMlpSpec(int inputs = 784, int hidden = 128, int classes = 10);

// Trains an nn::Mlp<float> built from `spec` with plain SGD (learning rate 0.01) on random data:
// inputs uniform in [0, 1), labels uniform over `spec.outputs` classes (one-hot), loss CCE for a
// softmax output, BCE for sigmoid, MSE otherwise. The shared pool is resized to `threads` for the
// run and restored afterwards. A few warm-up steps (which size every buffer) precede about
// `seconds` of timed steps; each step copies the next `batch` rows of a 4096-sample set into a
// contiguous batch, as a training loop does.
ThroughputResult MeasureMlpTraining(const nn::MlpSpec& spec, int batch, int threads, double seconds);

}  // namespace mlp
