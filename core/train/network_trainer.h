// NetworkTrainer: the playground's neural-network run, stepped synchronously — data, split,
// network, optimiser state and history. Session drives it from a worker thread (or from the frame
// loop in the single-threaded web build); tests and the command-line trainer call it directly.
#pragma once

#include <memory>
#include <vector>

#include "core/base/rng.h"
#include "core/base/status.h"
#include "core/data/dataset.h"
#include "core/metrics/epoch_history.h"
#include "core/nn/loss.h"
#include "core/nn/mlp.h"
#include "core/nn/optimizer.h"
#include "core/train/playground_settings.h"

namespace mlp {

// The network's output and every neuron's output over a square grid of the input plane.
// Grids are row-major, `size`×`size`, row 0 at x2 = +kPlaneExtent (top of the plot), column 0 at
// x1 = −kPlaneExtent.
struct NetworkGrids {
  int size = 0;
  std::vector<float> output;                            // size² values
  std::vector<std::vector<std::vector<float>>> neurons; // [hidden layer][neuron] -> size² values
};

class NetworkTrainer {
public:
  // Generates the data, splits it and builds the network. Fails only on settings no UI offers.
  static Result<std::unique_ptr<NetworkTrainer>> Create(const PlaygroundSettings& settings);

  const PlaygroundSettings& settings() const { return settings_; }
  // Applies hyperparameters that need no restart (learning rate, momentum, regularisation, batch
  // size, speed, optimiser kind). Returns false if `settings` differ in anything else.
  bool ApplyLiveSettings(const PlaygroundSettings& settings);

  // One mini-batch. Sets *epoch_completed when the batch finished an epoch; the epoch's metrics
  // are then in latest(). On divergence the weights go back to the last finite epoch and the
  // Status explains what to change.
  Status TrainBatch(bool* epoch_completed);
  // Batches until an epoch completes.
  Status TrainEpoch();

  int64_t epoch() const { return epoch_; }
  const EpochRecord& latest() const { return latest_; }
  const EpochHistory& history() const { return history_; }
  std::shared_ptr<const Dataset> dataset() const { return dataset_; }
  std::shared_ptr<const Split> split() const { return split_; }
  const nn::Mlp<float>& network() const { return network_; }
  nn::Loss loss() const { return loss_; }

  // Evaluates loss and accuracy on a set of rows (used for the per-epoch record).
  void Evaluate(const nn::MatrixF& inputs, const nn::MatrixF& targets, float* loss, float* accuracy);
  // Fills `grids` with the network's responses over a `size`×`size` grid.
  void ComputeGrids(int size, NetworkGrids* grids);

private:
  NetworkTrainer(const PlaygroundSettings& settings, nn::MlpSpec spec);
  void RecordEpoch();
  Status Diverged(const char* what);

  PlaygroundSettings settings_;
  Rng rng_;  // weight initialisation and shuffling (seeded by settings.seed)
  std::shared_ptr<const Dataset> dataset_;
  std::shared_ptr<const Split> split_;
  nn::MatrixF train_x_, train_y_, test_x_, test_y_;  // network inputs/targets per split
  nn::Mlp<float> network_;
  nn::Loss loss_;
  std::unique_ptr<nn::Optimizer<float>> optimizer_;
  std::vector<int64_t> order_;  // shuffled train rows of the current epoch
  int64_t next_in_epoch_ = 0;
  nn::MatrixF batch_x_, batch_y_;
  int64_t epoch_ = 0;
  EpochRecord latest_;
  EpochHistory history_;
  std::vector<float> last_good_parameters_;  // weights after the last finite epoch
  EpochRecord last_good_record_;
  nn::MatrixF grid_inputs_;  // cached for ComputeGrids
  int grid_size_ = 0;
};

}  // namespace mlp
