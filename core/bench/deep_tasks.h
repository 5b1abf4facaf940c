// The deep-learning benchmark of issue 5 §6: training samples per second of the course's networks
// on random, seeded data of the right shapes, timed the same way natively (bench/bench_deep) and in
// the browser (playground.benchmarkDeep), next to PyTorch (bench/deep_torch_bench.py) and
// TensorFlow.js (bench/deep_web_bench.mjs). One step is what DeepRun::TrainOneBatch does:
// Forward → LossValue (+ AuxiliaryLoss) → LossGradient → Backward → optimiser Step.
// Figures only: nothing here passes or fails.
//
// Tasks (DeepTasks(), in this order; each is one row of a table with its builder):
//   mlp  MLP 784-128-10, relu (catalogue entry mlp_mnist): SGD 0.1, batch 64
//   cnn  SimpleClassifier on 28×28×1 (catalogue entry cnn_simple): Adam 1e-3, batch 32
//   vae  conv-VAE with a 2-D latent on 28×28 (catalogue entry vae_conv at the course's 32/64
//        filters): Adam 1e-3, batch 64
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/deep/trainable_network.h"
#include "core/nn/optimizer.h"

namespace mlp::bench {

// What a task's builder returns: the network (not yet initialised) and how the course trains it.
struct DeepTaskModel {
  std::unique_ptr<deep::TrainableNetwork<float>> network;
  int batch = 0;
  nn::OptimizerSettings optimizer;
};

struct DeepTask {
  std::string name;   // "mlp", "cnn", "vae"
  std::string title;  // "MLP 784-128-10 relu, SGD, batch 64"
  // Builds the model; null while the network is not part of this build (reported, never faked).
  Result<DeepTaskModel> (*build)() = nullptr;
};

// The tasks in the table's order (mlp, cnn, vae).
const std::vector<DeepTask>& DeepTasks();
const DeepTask* FindDeepTask(const std::string& name);

struct DeepTiming {
  std::string task;
  bool available = false;      // false: the task has no builder in this build (note says so)
  std::string note;            // why it is not available, else empty
  int threads = 1;             // threads of the shared pool during the run
  int batch = 0;
  long long steps = 0;         // timed steps
  double seconds = 0.0;        // timed wall-clock seconds (steady_clock)
  double samples_per_second = 0.0;
  double warmup_seconds = 0.0;
  // Loss (mean per sample, plus the auxiliary term) of the last warm-up step: a fixed number of
  // steps from a fixed seed, so equal builds give equal checksums (compare native and web).
  double checksum = 0.0;
  double final_loss = 0.0;     // loss of the last timed step (depends on how many steps ran)
};

// Trains `task` for kDeepWarmupSteps steps, then for at least `seconds` (and at least one step),
// with `threads` threads in the shared pool (0 or less: leave the pool as it is; restored after).
// Unknown task: an error. Task without a builder: available = false, no numbers.
constexpr int kDeepWarmupSteps = 5;
Result<DeepTiming> RunDeepTask(const std::string& task, int threads, double seconds);

// {"task": "cnn", "available": true, "threads": 1, "batch": 32, "steps": …, "seconds": …,
//  "samples_per_second": …, "warmup_seconds": …, "checksum": …, "final_loss": …, "note": ""}
std::string DeepTimingJson(const DeepTiming& timing);

}  // namespace mlp::bench
