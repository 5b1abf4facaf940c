// DatasetTrainer: a multilayer perceptron trained on any prepared dataset (the Data tab's "check
// it learns" run, the command-line trainer's --data mode). Classification uses a softmax output
// with cross-entropy over all classes; regression a linear output with MSE on the target scaled
// by the training rows' mean and SD (reported back in the target's units). Stepped like
// NetworkTrainer: the caller decides on which thread and for how long.
#pragma once

#include <memory>
#include <vector>

#include "core/base/rng.h"
#include "core/base/status.h"
#include "core/data/recipe/data_recipe.h"
#include "core/metrics/epoch_history.h"
#include "core/nn/mlp.h"
#include "core/nn/optimizer.h"

namespace mlp {

struct DatasetTrainerSettings {
  std::vector<int> hidden = {32};
  nn::Activation activation = nn::Activation::kReLU;
  nn::OptimizerKind optimizer = nn::OptimizerKind::kAdam;
  double learning_rate = 0.01;
  int batch_size = 32;
  uint32_t seed = 1;  // weight initialisation and batch order
};

class DatasetTrainer {
public:
  // Fails when the data cannot be trained on (no training rows, NaN features left unimputed, …).
  static Result<std::unique_ptr<DatasetTrainer>> Create(const PreparedData& data, const DatasetTrainerSettings& settings);

  // Trains whole mini-batches until `budget_ms` is spent (at least one batch). Divergence restores
  // the last finite epoch and returns a message that says what to change.
  Status TrainFor(double budget_ms);
  Status TrainEpoch();

  int64_t epoch() const { return epoch_; }
  const EpochRecord& latest() const { return latest_; }
  const EpochHistory& history() const { return history_; }
  bool classification() const { return classification_; }
  // Regression: RMSE in target units of the latest epoch (train, test). NaN for classification.
  double train_rmse() const { return rmse_train_; }
  double test_rmse() const { return rmse_test_; }

private:
  DatasetTrainer(const DatasetTrainerSettings& settings, const nn::MlpSpec& spec);
  Status TrainBatch(bool* epoch_completed);
  void RecordEpoch();
  void Evaluate(const nn::MatrixF& x, const nn::MatrixF& y, float* loss, float* accuracy);

  DatasetTrainerSettings settings_;
  Rng rng_;
  nn::Mlp<float> network_;
  nn::Loss loss_ = nn::Loss::kCategoricalCrossEntropy;
  std::unique_ptr<nn::Optimizer<float>> optimizer_;
  bool classification_ = true;
  double target_mean_ = 0.0, target_sd_ = 1.0;  // regression target scaling
  nn::MatrixF train_x_, train_y_, test_x_, test_y_, batch_x_, batch_y_;
  std::vector<int64_t> order_;
  int64_t next_in_epoch_ = 0;
  int64_t epoch_ = 0;
  EpochRecord latest_;
  EpochHistory history_;
  std::vector<float> last_good_parameters_;
  double rmse_train_ = 0.0, rmse_test_ = 0.0;
};

}  // namespace mlp
