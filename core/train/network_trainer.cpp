#include "core/train/network_trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/data/split.h"
#include "core/base/format.h"
#include "core/train/input_features.h"

namespace mlp {
namespace {

constexpr float kExplodedLoss = 1e6f;  // a loss this large means the run is lost

void GatherRows(const nn::MatrixF& source, const std::vector<int64_t>& rows, nn::MatrixF* out) {
  out->resize(static_cast<Eigen::Index>(rows.size()), source.cols());
  for (size_t i = 0; i < rows.size(); ++i) out->row(static_cast<Eigen::Index>(i)) = source.row(rows[i]);
}

nn::MlpSpec SpecFor(const PlaygroundSettings& settings) {
  nn::MlpSpec spec;
  spec.inputs = settings.input_count();
  spec.hidden = settings.hidden;
  spec.hidden_activation = settings.activation;
  spec.outputs = 1;
  spec.output_activation =
      settings.task() == TaskKind::kClassification ? nn::Activation::kSigmoid : nn::Activation::kLinear;
  return spec;
}

nn::OptimizerSettings OptimizerFor(const PlaygroundSettings& settings) {
  nn::OptimizerSettings optimizer;
  optimizer.kind = settings.optimizer;
  optimizer.learning_rate = settings.learning_rate;
  optimizer.momentum = settings.momentum;
  return optimizer;
}

}  // namespace

NetworkTrainer::NetworkTrainer(const PlaygroundSettings& settings, nn::MlpSpec spec)
    : settings_(settings), rng_(settings.seed), network_(spec) {}

Result<std::unique_ptr<NetworkTrainer>> NetworkTrainer::Create(const PlaygroundSettings& settings) {
  if (settings.features == 0) return Status::Error("Enable at least one input feature.");
  if (settings.batch_size < 1) return Status::Error("The batch size must be at least 1.");
  std::unique_ptr<NetworkTrainer> trainer(new NetworkTrainer(settings, SpecFor(settings)));
  NetworkTrainer& t = *trainer;

  Rng data_rng(settings.data_seed);
  Generator2DSettings generator;
  generator.problem = settings.problem;
  generator.noise = settings.noise;
  generator.samples = settings.samples;
  auto dataset = std::make_shared<Dataset>(Generate2D(generator, data_rng));
  auto split = std::make_shared<Split>(RandomSplit(dataset->size(), settings.train_fraction, data_rng));

  nn::MatrixF inputs;
  BuildInputFeatures(settings.features, dataset->features, &inputs);
  const nn::MatrixF targets = dataset->targets.cast<float>();
  GatherRows(inputs, split->train, &t.train_x_);
  GatherRows(targets, split->train, &t.train_y_);
  GatherRows(inputs, split->test, &t.test_x_);
  GatherRows(targets, split->test, &t.test_y_);
  t.dataset_ = std::move(dataset);
  t.split_ = std::move(split);

  t.loss_ = settings.task() == TaskKind::kClassification ? nn::Loss::kBinaryCrossEntropy
                                                          : nn::Loss::kMeanSquaredError;
  t.network_.Initialize(t.rng_);
  t.optimizer_ = std::make_unique<nn::Optimizer<float>>(OptimizerFor(settings), t.network_.Parameters());
  t.order_.resize(t.split_->train.size());
  for (size_t i = 0; i < t.order_.size(); ++i) t.order_[i] = static_cast<int64_t>(i);
  t.rng_.Shuffle(t.order_);
  t.RecordEpoch();  // epoch 0: the untrained network
  return trainer;
}

bool NetworkTrainer::ApplyLiveSettings(const PlaygroundSettings& settings) {
  PlaygroundSettings live = settings_;
  live.learning_rate = settings.learning_rate;
  live.momentum = settings.momentum;
  live.regularization = settings.regularization;
  live.regularization_rate = settings.regularization_rate;
  live.batch_size = settings.batch_size;
  live.epochs_per_second = settings.epochs_per_second;
  live.optimizer = settings.optimizer;
  if (live != settings) return false;
  const bool new_optimizer = settings.optimizer != settings_.optimizer;
  settings_ = live;
  if (new_optimizer) {
    optimizer_ = std::make_unique<nn::Optimizer<float>>(OptimizerFor(settings_), network_.Parameters());
  } else {
    optimizer_->set_settings(OptimizerFor(settings_));
  }
  return true;
}

Status NetworkTrainer::Diverged(const char* what) {
  network_.SetParameters(last_good_parameters_);
  optimizer_->ResetState();
  const double lr = settings_.learning_rate;
  std::string advice = "The learning rate (" + FormatNumber(lr) + ") is probably too high for this network: try " +
                       FormatNumber(lr / 10) + ".";
  if (settings_.regularization != nn::Regularization::kNone && settings_.regularization_rate >= 1.0)
    advice += " The regularisation rate (" + FormatNumber(settings_.regularization_rate) + ") is large too.";
  return Status::Error("Training diverged in epoch " + std::to_string(epoch_ + 1) + ": " + what + ". " + advice +
                       " The weights were restored to epoch " + std::to_string(epoch_) + ".");
}

Status NetworkTrainer::TrainBatch(bool* epoch_completed) {
  *epoch_completed = false;
  const int64_t rows = static_cast<int64_t>(order_.size());
  if (rows == 0) return Status::Error("The training split is empty: raise the training ratio or the sample count.");
  const int64_t batch = std::min<int64_t>(std::max(1, settings_.batch_size), rows - next_in_epoch_);
  if (batch_x_.rows() < settings_.batch_size || batch_x_.cols() != train_x_.cols()) {
    batch_x_.resize(std::max<int64_t>(settings_.batch_size, 1), train_x_.cols());
    batch_y_.resize(std::max<int64_t>(settings_.batch_size, 1), train_y_.cols());
  }
  for (int64_t i = 0; i < batch; ++i) {
    batch_x_.row(i) = train_x_.row(order_[static_cast<size_t>(next_in_epoch_ + i)]);
    batch_y_.row(i) = train_y_.row(order_[static_cast<size_t>(next_in_epoch_ + i)]);
  }
  const float loss = network_.ComputeGradients(batch_x_.topRows(batch), batch_y_.topRows(batch), loss_,
                                               settings_.regularization,
                                               static_cast<float>(settings_.regularization_rate));
  if (!std::isfinite(loss)) return Diverged("the loss became NaN or infinite");
  optimizer_->Step(network_.Parameters());
  next_in_epoch_ += batch;
  if (next_in_epoch_ < rows) return {};

  next_in_epoch_ = 0;
  ++epoch_;
  rng_.Shuffle(order_);
  RecordEpoch();
  if (!std::isfinite(latest_.train_loss) || latest_.train_loss > kExplodedLoss) {
    const char* what = std::isfinite(latest_.train_loss) ? "the loss exploded" : "the loss became NaN or infinite";
    --epoch_;
    latest_ = last_good_record_;
    return Diverged(what);
  }
  history_.Add(latest_);
  last_good_record_ = latest_;
  network_.GetParameters(&last_good_parameters_);
  *epoch_completed = true;
  return {};
}

Status NetworkTrainer::TrainEpoch() {
  bool completed = false;
  while (!completed) {
    if (Status status = TrainBatch(&completed); !status.ok()) return status;
  }
  return {};
}

void NetworkTrainer::RecordEpoch() {
  latest_.epoch = epoch_;
  Evaluate(train_x_, train_y_, &latest_.train_loss, &latest_.train_accuracy);
  Evaluate(test_x_, test_y_, &latest_.test_loss, &latest_.test_accuracy);
  if (epoch_ == 0) {
    history_.Clear();
    history_.Add(latest_);
    last_good_record_ = latest_;
    network_.GetParameters(&last_good_parameters_);
  }
}

void NetworkTrainer::Evaluate(const nn::MatrixF& inputs, const nn::MatrixF& targets, float* loss, float* accuracy) {
  if (inputs.rows() == 0) {
    *loss = std::nanf("");
    *accuracy = std::nanf("");
    return;
  }
  const nn::MatrixF predictions = network_.Forward(inputs);
  *loss = nn::LossValue<float>(loss_, predictions, targets);
  if (settings_.task() != TaskKind::kClassification) {
    *accuracy = std::nanf("");
    return;
  }
  int64_t correct = 0;
  for (Eigen::Index i = 0; i < predictions.rows(); ++i) correct += (predictions(i, 0) >= 0.5f) == (targets(i, 0) >= 0.5f);
  *accuracy = static_cast<float>(correct) / static_cast<float>(predictions.rows());
}

void NetworkTrainer::ComputeGrids(int size, NetworkGrids* grids) {
  const int cells = size * size;
  if (grid_size_ != size) {
    BuildInputFeatures(settings_.features, PlaneGridPoints(size), &grid_inputs_);
    grid_size_ = size;
  }
  grids->size = size;
  const auto& out = network_.Forward(grid_inputs_);
  grids->output.assign(out.data(), out.data() + cells);  // one output column
  const int hidden_layers = static_cast<int>(settings_.hidden.size());
  grids->neurons.resize(hidden_layers);
  for (int layer = 0; layer < hidden_layers; ++layer) {
    const auto& activations = network_.layer(layer).activations();
    grids->neurons[layer].resize(activations.cols());
    for (Eigen::Index neuron = 0; neuron < activations.cols(); ++neuron) {
      const auto column = activations.col(neuron);
      grids->neurons[layer][neuron].assign(column.data(), column.data() + cells);
    }
  }
}

}  // namespace mlp
