#include "core/train/dataset_trainer.h"

#include <chrono>
#include <cmath>

#include "core/base/format.h"

namespace mlp {
namespace {

constexpr float kExplodedLoss = 1e6f;

// Rows of `data` → inputs, and targets as one-hot (classification) or a scaled column.
void Gather(const Dataset& data, const std::vector<int64_t>& rows, bool classification, int classes, double mean,
            double sd, nn::MatrixF* x, nn::MatrixF* y) {
  const auto n = static_cast<Eigen::Index>(rows.size());
  x->resize(n, data.features.cols());
  y->setZero(n, classification ? classes : 1);
  for (Eigen::Index i = 0; i < n; ++i) {
    const int64_t r = rows[static_cast<size_t>(i)];
    x->row(i) = data.features.row(r).cast<float>();
    if (classification)
      (*y)(i, static_cast<Eigen::Index>(data.targets(r))) = 1.0f;
    else
      (*y)(i, 0) = static_cast<float>((data.targets(r) - mean) / sd);
  }
}

}  // namespace

DatasetTrainer::DatasetTrainer(const DatasetTrainerSettings& settings, const nn::MlpSpec& spec)
    : settings_(settings), rng_(settings.seed), network_(spec) {}

Result<std::unique_ptr<DatasetTrainer>> DatasetTrainer::Create(const PreparedData& prepared,
                                                               const DatasetTrainerSettings& settings) {
  if (!prepared.data) return Status::Error("Load or generate a dataset first.");
  const Dataset& data = *prepared.data;
  if (prepared.split.train.empty()) return Status::Error("The training part of the split is empty.");
  if (data.features.cols() == 0) return Status::Error("The dataset has no feature columns.");
  if (!data.features.allFinite())
    return Status::Error("Some feature values are missing (NaN) or infinite. Add an imputation step to the "
                         "preprocessing chain, or leave those columns out.");
  if (settings.batch_size < 1) return Status::Error("The batch size must be at least 1.");
  const bool classification = data.task == TaskKind::kClassification;
  if (classification && data.num_classes() < 2)
    return Status::Error("This dataset has a single class (it is unlabelled), so there is nothing to classify.");

  nn::MlpSpec spec;
  spec.inputs = static_cast<int>(data.features.cols());
  spec.hidden = settings.hidden;
  spec.hidden_activation = settings.activation;
  spec.outputs = classification ? data.num_classes() : 1;
  spec.output_activation = classification ? nn::Activation::kSoftmax : nn::Activation::kLinear;
  std::unique_ptr<DatasetTrainer> trainer(new DatasetTrainer(settings, spec));
  DatasetTrainer& t = *trainer;
  t.classification_ = classification;
  t.loss_ = classification ? nn::Loss::kCategoricalCrossEntropy : nn::Loss::kMeanSquaredError;
  if (!classification) {  // scale by the TRAINING targets only
    double sum = 0, sum_sq = 0;
    for (int64_t r : prepared.split.train) sum += data.targets(r);
    t.target_mean_ = sum / static_cast<double>(prepared.split.train.size());
    for (int64_t r : prepared.split.train) sum_sq += (data.targets(r) - t.target_mean_) * (data.targets(r) - t.target_mean_);
    const double sd = std::sqrt(sum_sq / static_cast<double>(prepared.split.train.size()));
    t.target_sd_ = sd > 1e-12 ? sd : 1.0;
  }
  const int classes = classification ? data.num_classes() : 1;
  Gather(data, prepared.split.train, classification, classes, t.target_mean_, t.target_sd_, &t.train_x_, &t.train_y_);
  Gather(data, prepared.split.test, classification, classes, t.target_mean_, t.target_sd_, &t.test_x_, &t.test_y_);

  t.network_.Initialize(t.rng_);
  nn::OptimizerSettings optimizer;
  optimizer.kind = settings.optimizer;
  optimizer.learning_rate = settings.learning_rate;
  t.optimizer_ = std::make_unique<nn::Optimizer<float>>(optimizer, t.network_.Parameters());
  t.order_.resize(prepared.split.train.size());
  for (size_t i = 0; i < t.order_.size(); ++i) t.order_[i] = static_cast<int64_t>(i);
  t.rng_.Shuffle(t.order_);
  t.RecordEpoch();
  t.history_.Add(t.latest_);
  t.network_.GetParameters(&t.last_good_parameters_);
  return trainer;
}

Status DatasetTrainer::TrainBatch(bool* epoch_completed) {
  *epoch_completed = false;
  const int64_t rows = static_cast<int64_t>(order_.size());
  const int64_t batch = std::min<int64_t>(settings_.batch_size, rows - next_in_epoch_);
  if (batch_x_.rows() != settings_.batch_size) {
    batch_x_.resize(settings_.batch_size, train_x_.cols());
    batch_y_.resize(settings_.batch_size, train_y_.cols());
  }
  for (int64_t i = 0; i < batch; ++i) {
    batch_x_.row(i) = train_x_.row(order_[static_cast<size_t>(next_in_epoch_ + i)]);
    batch_y_.row(i) = train_y_.row(order_[static_cast<size_t>(next_in_epoch_ + i)]);
  }
  const float loss = network_.ComputeGradients(batch_x_.topRows(batch), batch_y_.topRows(batch), loss_,
                                               nn::Regularization::kNone, 0.0f);
  if (!std::isfinite(loss)) {
    network_.SetParameters(last_good_parameters_);
    optimizer_->ResetState();
    return Status::Error("Training diverged (the loss became NaN or infinite). Lower the learning rate (now " +
                         FormatNumber(settings_.learning_rate) + "), or standardise the features. The weights were "
                         "restored to epoch " + std::to_string(epoch_) + ".");
  }
  optimizer_->Step(network_.Parameters());
  next_in_epoch_ += batch;
  if (next_in_epoch_ < rows) return {};
  next_in_epoch_ = 0;
  ++epoch_;
  rng_.Shuffle(order_);
  RecordEpoch();
  if (!std::isfinite(latest_.train_loss) || latest_.train_loss > kExplodedLoss) {
    network_.SetParameters(last_good_parameters_);
    optimizer_->ResetState();
    --epoch_;
    return Status::Error("Training diverged (the loss exploded). Lower the learning rate (now " +
                         FormatNumber(settings_.learning_rate) + "), or standardise the features.");
  }
  history_.Add(latest_);
  network_.GetParameters(&last_good_parameters_);
  *epoch_completed = true;
  return {};
}

Status DatasetTrainer::TrainEpoch() {
  bool completed = false;
  while (!completed)
    if (Status status = TrainBatch(&completed); !status.ok()) return status;
  return {};
}

Status DatasetTrainer::TrainFor(double budget_ms) {
  const auto start = std::chrono::steady_clock::now();
  do {
    bool completed = false;
    if (Status status = TrainBatch(&completed); !status.ok()) return status;
  } while (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() < budget_ms);
  return {};
}

void DatasetTrainer::Evaluate(const nn::MatrixF& x, const nn::MatrixF& y, float* loss, float* accuracy) {
  *loss = *accuracy = std::nanf("");
  if (x.rows() == 0) return;
  const nn::MatrixF prediction = network_.Forward(x);
  *loss = nn::LossValue<float>(loss_, prediction, y);
  if (!classification_) {
    const double rmse = std::sqrt(static_cast<double>((prediction - y).squaredNorm()) / static_cast<double>(x.rows())) * target_sd_;
    (&y == &train_y_ ? rmse_train_ : rmse_test_) = rmse;
    return;
  }
  int64_t correct = 0;
  for (Eigen::Index i = 0; i < prediction.rows(); ++i) {
    Eigen::Index predicted, actual;
    prediction.row(i).maxCoeff(&predicted);
    y.row(i).maxCoeff(&actual);
    correct += predicted == actual;
  }
  *accuracy = static_cast<float>(correct) / static_cast<float>(prediction.rows());
}

void DatasetTrainer::RecordEpoch() {
  latest_.epoch = epoch_;
  Evaluate(train_x_, train_y_, &latest_.train_loss, &latest_.train_accuracy);
  Evaluate(test_x_, test_y_, &latest_.test_loss, &latest_.test_accuracy);
  if (!classification_ && test_x_.rows() == 0) rmse_test_ = NAN;
}

}  // namespace mlp
