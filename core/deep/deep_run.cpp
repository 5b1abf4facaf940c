// DeepRun (deep_run.h). Everything below except Post/Latest/WaitForIdle runs on the thread that
// trains (the worker, or the caller inside StepFor), so the run state needs no lock; snapshots are
// swapped under the mutex.
// [SECTION] index
//   fit checks        EncodingFor, CheckFit, constructor (validation rows, batch makers, optimiser)
//   commands          Post, Apply, ClearHistory, Load
//   training          StartEpoch, TrainOneBatch, Diverged, Evaluate, EndEpoch
//   publishing        Publish (history, scores, filters, feature maps of the chosen row)
//   stepping          StepFor (caller steps), WaitForIdle, WorkerLoop
#include "core/deep/deep_run.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/format.h"
#include "core/base/threads.h"
#include "core/deep/weights_io.h"

namespace mlp::deep {
namespace {

constexpr double kPublishIntervalMs = 33.0;       // ~30 snapshots per second while playing
constexpr double kDivergenceFactor = 1e6;         // batch loss above this × the first one: diverged
constexpr double kDefaultHoldout = 0.1;           // held out when the split has no test rows
constexpr uint32_t kOrderSeedSalt = 0x2545F491u;  // epoch orders: a stream apart from the weights'
constexpr uint32_t kHoldoutSeedSalt = 0x68E31DA4u;
const double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kDenseExamples = 6;             // validation rows whose whole output the views show
constexpr int kReconstructions = 8, kPriorSamples = 16, kTraversalSide = 9;  // latent views
constexpr float kTraversalExtent = 2.5f;          // ± prior standard deviations the traversal spans
constexpr double kViewsIntervalS = 2.0;           // output views refresh this often mid-epoch
constexpr int64_t kMaxRowsForLiveViews = 2000;    // above this many validation rows: per epoch only
constexpr uint32_t kSampleSeedSalt = 0x5BD1E995u;

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

int ArgMax(const Eigen::Ref<const Eigen::VectorXf>& v) {
  Eigen::Index best = 0;
  for (Eigen::Index i = 1; i < v.size(); ++i)
    if (v(i) > v(best)) best = i;
  return static_cast<int>(best);
}

// How the targets of `data` feed `network`'s head, or why they cannot.
Result<TargetEncoding> EncodingFor(TrainableNetwork<float>& network, const Dataset& data) {
  const int64_t outputs = network.output_shape().size();
  const bool dense = data.dense_targets.rows() == data.features.rows() && data.dense_targets.cols() > 0;
  const bool classes = data.task == TaskKind::kClassification;
  const std::string out = std::to_string(outputs);
  if (network.training_target() == TrainingTarget::kInput) {
    if (outputs != network.input_shape().size())
      return Status::Error("An autoencoder's output must have its input's size (" + out + " outputs for " +
                           std::to_string(network.input_shape().size()) + " inputs).");
    return TargetEncoding::kInput;
  }
  if (network.training_target() == TrainingTarget::kInputAndValue) {
    if (classes) return Status::Error("This model predicts a property value, but '" + data.name + "' has class labels.");
    if (outputs != network.input_shape().size() + 1)
      return Status::Error("An autoencoder with a property head needs the input's size + 1 outputs (" + out + " here).");
    return TargetEncoding::kInputAndValue;
  }
  switch (network.output_loss()) {
    case OutputLoss::kSoftmaxCrossEntropy:
      if (!classes) return Status::Error("A softmax classifier needs class labels, but '" + data.name + "' is a regression task: pick a regressor.");
      if (data.num_classes() < 2) return Status::Error("A classifier needs at least 2 classes; '" + data.name + "' has " + std::to_string(data.num_classes()) + ".");
      if (outputs != data.num_classes())
        return Status::Error("The network ends in " + out + " outputs but the data have " + std::to_string(data.num_classes()) + " classes.");
      return TargetEncoding::kOneHot;
    case OutputLoss::kSigmoidCrossEntropy:
      if (dense && outputs == data.dense_targets.cols()) return TargetEncoding::kDense;
      if (classes && data.num_classes() == 2 && outputs == 1) return TargetEncoding::kValue;
      return Status::Error("A sigmoid head needs 2 classes and 1 output, or a 0/1 mask per output (" + out + " outputs here).");
    case OutputLoss::kMeanSquaredError:
      if (dense && outputs == data.dense_targets.cols()) return TargetEncoding::kDense;
      if (!classes && outputs == 1) return TargetEncoding::kValue;
      return Status::Error("A mean-squared-error head needs a regression target and 1 output (" + out +
                           " outputs here, task " + (classes ? "classification" : "regression") + ").");
  }
  return Status::Error("Unknown output loss.");
}

}  // namespace

Status DeepRun::CheckFit(TrainableNetwork<float>& network, const PreparedData& data) {
  if (!data.data) return Status::Error("No data to train on.");
  const Dataset& d = *data.data;
  Result<nn::Shape> shape = InputShapeOf(d);
  if (!shape.ok()) return shape.status();
  if (shape.value().size() != network.input_shape().size())
    return Status::Error("The network takes " + ShapeText(network.input_shape()) + " inputs but each row is " +
                         DescribeInput(d) + " (" + std::to_string(shape.value().size()) + " values): rebuild the model for this data.");
  if (data.split.train.empty()) return Status::Error("The split leaves no training rows.");
  return EncodingFor(network, d).status();
}

DeepRun::DeepRun(std::unique_ptr<TrainableNetwork<float>> network, std::shared_ptr<const PreparedData> data,
                 const DeepRunSettings& settings)
    : network_(std::move(network)), data_(std::move(data)), settings_(settings),
      early_(settings.early_stopping_settings) {
  Status status = CheckFit(*network_, *data_);
  const nn::OptimizerSettings& o = settings_.optimizer;
  nn::ScheduleSettings schedule = settings_.schedule;
  schedule.initial_rate = o.learning_rate;
  if (status.ok() && settings_.batch_size < 1) status = Status::Error("The batch size must be at least 1.");
  if (status.ok() && settings_.epochs < 1) status = Status::Error("Train for at least 1 epoch.");
  if (status.ok() && !(std::isfinite(o.learning_rate) && o.learning_rate > 0))
    status = Status::Error("The learning rate must be a positive number.");
  if (status.ok()) status = nn::ValidateScheduleSettings(schedule);
  if (status.ok() && !(settings_.validation_fraction >= 0.0 && settings_.validation_fraction < 1.0))
    status = Status::Error("The validation fraction must be in [0, 1).");
  fits_ = status.ok();
  fit_message_ = status.message();
  summary_ = network_->Summary();
  if (fits_) {
    const Dataset& d = *data_->data;
    const TargetEncoding encoding = EncodingFor(*network_, d).value();
    encoding_ = encoding;
    latent_ = dynamic_cast<LatentModel<float>*>(network_.get());
    has_output_views_ = latent_ || encoding != TargetEncoding::kOneHot;
    classification_ = encoding == TargetEncoding::kOneHot ||
                      (encoding == TargetEncoding::kValue && network_->output_loss() == OutputLoss::kSigmoidCrossEntropy);
    classes_ = classification_ ? d.num_classes() : 0;
    // Accuracy: of classes, or of 0/1 pixels for masks; none for values and reconstructions.
    has_accuracy_ = network_->output_loss() != OutputLoss::kMeanSquaredError && encoding != TargetEncoding::kInput &&
                    encoding != TargetEncoding::kInputAndValue;
    std::vector<int64_t> train_rows = data_->split.train, validation_rows = data_->split.test;
    double holdout = settings_.validation_fraction;
    if (holdout == 0.0 && validation_rows.empty()) holdout = kDefaultHoldout;
    if (holdout > 0.0 && train_rows.size() >= 2) {
      // The tail of a seeded permutation of the training rows; at least one row on each side.
      Rng rng(settings_.seed ^ kHoldoutSeedSalt);
      const std::vector<int64_t> order = rng.Permutation(static_cast<int64_t>(train_rows.size()));
      const size_t held = std::clamp<size_t>(static_cast<size_t>(std::lround(holdout * train_rows.size())), 1, train_rows.size() - 1);
      std::vector<int64_t> kept;
      validation_rows.clear();
      for (size_t i = 0; i < order.size(); ++i)
        (i + held < order.size() ? kept : validation_rows).push_back(train_rows[static_cast<size_t>(order[i])]);
      train_rows.swap(kept);
    }
    train_ = std::make_unique<BatchMaker>(d, std::move(train_rows), encoding, d.num_classes());
    validation_ = std::make_unique<BatchMaker>(d, std::move(validation_rows), encoding, d.num_classes());
    batches_per_epoch_ = train_->BatchCount(settings_.batch_size);
    parameters_ = network_->Parameters();
    optimizer_ = std::make_unique<nn::Optimizer<float>>(o, parameters_);
    logit_gradient_.SetRows(network_->output_shape().size());
    probabilities_.SetRows(network_->output_shape().size());
    one_input_.SetRows(network_->input_shape().size());
  }
  latest_ = std::make_shared<DeepSnapshot>();
  Apply({Command::kReset});
  if (settings_.worker_thread && kHasThreads) worker_ = std::thread([this] { WorkerLoop(); });
}

DeepRun::~DeepRun() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void DeepRun::Post(Command command) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    commands_.push_back(command);
  }
  wake_.notify_all();
}
void DeepRun::Play() { Post({Command::kPlay}); }
void DeepRun::Pause() { Post({Command::kPause}); }
void DeepRun::Step() { Post({Command::kStep}); }
void DeepRun::Reset() { Post({Command::kReset}); }
void DeepRun::ShowActivations(int64_t row) { Post({Command::kShow, row}); }
void DeepRun::SaveWeights() { Post({Command::kSave}); }
void DeepRun::LoadWeights(std::shared_ptr<const std::vector<uint8_t>> bytes) {
  Post({Command::kLoad, -1, std::move(bytes)});
}

std::shared_ptr<const DeepSnapshot> DeepRun::Latest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return latest_;
}

void DeepRun::Apply(const Command& command) {
  switch (command.kind) {
    case Command::kPlay: running_ = fits_ && !finished_; break;
    case Command::kPause: running_ = false, pending_batches_ = 0; break;
    case Command::kStep:
      if (fits_ && !finished_)
        pending_batches_ = settings_.batches_per_step > 0 ? settings_.batches_per_step : batches_per_epoch_ - batch_in_epoch_;
      break;
    case Command::kShow:
      activation_row_ = command.row >= 0 && command.row < data_->data->size() ? command.row : -1;
      break;
    case Command::kReset:
      ClearHistory();
      message_ = fit_message_;
      network_->Initialize(settings_.seed);
      if (train_) network_->Calibrate(*train_);  // scaling constants from the training rows
      if (fits_ && has_output_views_) ScoreAndRefreshViews(false);
      break;
    case Command::kLoad:
      if (command.bytes) Load(*command.bytes);
      break;
    case Command::kSave:
      saved_weights_ = std::make_shared<const std::vector<uint8_t>>(deep::SaveWeights<float>(*network_));
      ++saved_serial_;
      break;
  }
  Publish();
}

// Back to epoch 0 with the current weights: no history, fresh optimiser state and batch order.
void DeepRun::ClearHistory() {
  running_ = finished_ = false;
  pending_batches_ = 0;
  epoch_ = batch_in_epoch_ = 0;
  epoch_loss_sum_ = epoch_correct_ = 0;
  epoch_samples_ = 0;
  first_batch_loss_ = -1;
  epoch_seconds_ = train_seconds_ = 0;
  samples_trained_ = 0;
  history_.clear();
  validation_losses_.clear();
  confusion_.clear();
  views_.reset();
  misclassified_.clear();
  note_.clear();
  learning_rate_ = settings_.optimizer.learning_rate;
  early_ = nn::EarlyStopping(settings_.early_stopping_settings);
  best_weights_ = nn::ParameterSnapshot<float>();
  order_rng_.Seed(settings_.seed ^ kOrderSeedSalt);
  network_->SetTraining(true);
  if (optimizer_) {
    optimizer_->set_settings(settings_.optimizer);
    optimizer_->ResetState();
  }
}

void DeepRun::Load(const std::vector<uint8_t>& bytes) {
  running_ = false;
  pending_batches_ = 0;
  if (!fits_) return;
  if (const Status status = deep::LoadWeights<float>(*network_, bytes); !status.ok()) {
    message_ = "Could not load the weights: " + status.message();
    return;
  }
  ClearHistory();
  message_.clear();
  const Scores scores = ScoreAndRefreshViews(true);
  note_ = "Loaded weights: validation loss " + FormatNumber(scores.loss) +
          (std::isnan(scores.accuracy) ? std::string() : ", accuracy " + FormatNumber(scores.accuracy)) + ".";
}

void DeepRun::StartEpoch() {
  nn::ScheduleSettings schedule = settings_.schedule;
  schedule.initial_rate = settings_.optimizer.learning_rate;
  learning_rate_ = nn::ScheduledLearningRate(schedule, epoch_, validation_losses_);
  nn::OptimizerSettings o = optimizer_->settings();
  o.learning_rate = learning_rate_;
  optimizer_->set_settings(o);
  train_->Shuffle(order_rng_);
  epoch_start_weights_.Capture(parameters_);
  epoch_loss_sum_ = epoch_correct_ = 0;
  epoch_samples_ = 0;
  epoch_seconds_ = 0;
}

namespace {
// Σ over the batch's samples of "predicted right" (a fraction per sample for dense 0/1 targets).
double CountCorrect(OutputLoss loss, const nn::ConstRef<float>& logits, const nn::ConstRef<float>& target) {
  double correct = 0;
  for (Eigen::Index j = 0; j < logits.cols(); ++j) {
    if (loss == OutputLoss::kSoftmaxCrossEntropy) {
      correct += ArgMax(logits.col(j)) == ArgMax(target.col(j)) ? 1.0 : 0.0;
    } else {
      int right = 0;
      for (Eigen::Index i = 0; i < logits.rows(); ++i) right += (logits(i, j) > 0.0f) == (target(i, j) > 0.5f);
      correct += static_cast<double>(right) / static_cast<double>(logits.rows());
    }
  }
  return correct;
}
}  // namespace

void DeepRun::TrainOneBatch() {
  if (batch_in_epoch_ == 0) StartEpoch();
  const auto start = Clock::now();
  const int b = train_->Fill(batch_in_epoch_, settings_.batch_size);
  const nn::ConstMatrixView<float> logits = network_->Forward(train_->x());
  const OutputLoss loss_kind = network_->output_loss();
  const double loss = network_->LossValue(logits, train_->y()) + network_->AuxiliaryLoss();
  if (first_batch_loss_ < 0 && std::isfinite(loss)) first_batch_loss_ = std::max(loss, 1e-6);
  if (!std::isfinite(loss) || loss > kDivergenceFactor * first_batch_loss_) {
    Diverged("batch " + std::to_string(batch_in_epoch_ + 1) + " of epoch " + std::to_string(epoch_ + 1), loss);
    return;
  }
  if (has_accuracy_) epoch_correct_ += CountCorrect(loss_kind, logits, train_->y());
  nn::MatrixView<float> grad = logit_gradient_.Resize(b);
  network_->LossGradient(logits, train_->y(), grad);
  network_->Backward(grad);
  optimizer_->Step(parameters_);
  epoch_loss_sum_ += loss * b;
  epoch_samples_ += b;
  samples_trained_ += b;
  const double seconds = Seconds(start);
  epoch_seconds_ += seconds;
  train_seconds_ += seconds;
  if (pending_batches_ > 0) --pending_batches_;
  if (++batch_in_epoch_ == batches_per_epoch_) EndEpoch();
  else if (has_output_views_ && validation_->size() <= kMaxRowsForLiveViews && Seconds(last_views_) >= kViewsIntervalS)
    ScoreAndRefreshViews(false);  // inference only: the training sequence is unchanged
}

void DeepRun::Diverged(const std::string& where, double loss) {
  running_ = false;
  pending_batches_ = 0;
  epoch_start_weights_.Restore(parameters_);
  optimizer_->ResetState();
  batch_in_epoch_ = 0;
  message_ = "Training diverged at " + where + " (loss " + FormatNumber(loss) + ", learning rate " +
             FormatNumber(learning_rate_) + "). Paused with the weights from the start of that epoch: lower the "
             "learning rate and press Play, or Reset.";
}

DeepRun::Scores DeepRun::Evaluate(bool record_errors, OutputViews* views) {
  Scores scores;
  if (record_errors) {
    confusion_.assign(static_cast<size_t>(classes_) * classes_, 0);
    misclassified_.clear();
  }
  const int64_t n = validation_->size();
  if (n == 0) return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  validation_->KeepOrder();
  network_->SetTraining(false);
  const OutputLoss loss_kind = network_->output_loss();
  const bool masks = encoding_ == TargetEncoding::kDense && loss_kind == OutputLoss::kSigmoidCrossEntropy;
  const bool values = encoding_ == TargetEncoding::kValue && loss_kind == OutputLoss::kMeanSquaredError;
  const bool dense_outputs = encoding_ == TargetEncoding::kDense || encoding_ == TargetEncoding::kInput ||
                             encoding_ == TargetEncoding::kInputAndValue;
  double loss_sum = 0, correct = 0, reconstruction_sum = 0, kl_sum = 0;
  double both = 0, predicted_on = 0, truly_on = 0;  // mask pixels: P∩T, |P|, |T|
  const int batches = validation_->BatchCount(settings_.batch_size);
  for (int k = 0; k < batches; ++k) {
    const int b = validation_->Fill(k, settings_.batch_size);
    const nn::ConstMatrixView<float> logits = network_->Forward(validation_->x());
    const nn::ConstMatrixView<float> y = validation_->y();
    loss_sum += (network_->LossValue(logits, y) + network_->AuxiliaryLoss()) * b;
    if (latent_) {
      reconstruction_sum += latent_->ForwardReconstructionLoss() * b;
      kl_sum += latent_->ForwardKl() * b;
    }
    if (has_accuracy_) correct += CountCorrect(loss_kind, logits, y);
    if (masks) {
      for (int j = 0; j < b; ++j)
        for (Eigen::Index i = 0; i < logits.rows(); ++i) {
          const bool p = logits(i, j) > 0.0f, t = y(i, j) > 0.5f;
          both += p && t, predicted_on += p, truly_on += t;
        }
    }
    if (views && values) {
      for (int j = 0; j < b; ++j) {
        views->value_rows.push_back(validation_->batch_row(j));
        views->predicted_values.push_back(logits(0, j));
        views->true_values.push_back(y(0, j));
      }
    }
    if (views && dense_outputs && k == 0) {
      nn::MatrixView<float> p = probabilities_.Resize(b);
      OutputPrediction<float>(loss_kind, logits, p);
      for (int j = 0; j < std::min(b, kDenseExamples); ++j) {
        views->dense_rows.push_back(validation_->batch_row(j));
        views->dense_outputs.emplace_back(p.col(j).data(), p.col(j).data() + p.rows());
      }
    }
    if (!record_errors || !classification_) continue;
    nn::MatrixView<float> p = probabilities_.Resize(b);
    OutputPrediction<float>(loss_kind, logits, p);
    for (int j = 0; j < b; ++j) {
      int predicted, truth;
      float confidence;
      if (loss_kind == OutputLoss::kSoftmaxCrossEntropy) {
        predicted = ArgMax(p.col(j)), truth = ArgMax(y.col(j));
        confidence = p(predicted, j);
      } else {  // sigmoid, one output: class 1 when p > ½
        predicted = p(0, j) > 0.5f ? 1 : 0, truth = y(0, j) > 0.5f ? 1 : 0;
        confidence = predicted ? p(0, j) : 1.0f - p(0, j);
      }
      ++confusion_[static_cast<size_t>(truth * classes_ + predicted)];
      if (predicted != truth && static_cast<int>(misclassified_.size()) < settings_.misclassified_count)
        misclassified_.push_back({validation_->batch_row(j), predicted, truth, confidence});
    }
  }
  network_->SetTraining(true);
  const double rows = static_cast<double>(n);
  scores.loss = loss_sum / rows;
  scores.accuracy = !has_accuracy_ ? kNaN : correct / rows;
  // Dice and IoU are 1 when neither the truth nor the prediction has a lesion pixel.
  scores.dice = !masks ? kNaN : predicted_on + truly_on > 0 ? 2 * both / (predicted_on + truly_on) : 1.0;
  scores.iou = !masks ? kNaN : predicted_on + truly_on - both > 0 ? both / (predicted_on + truly_on - both) : 1.0;
  scores.reconstruction = latent_ ? reconstruction_sum / rows : kNaN;
  scores.kl = latent_ ? kl_sum / rows : kNaN;
  return scores;
}

DeepRun::Scores DeepRun::ScoreAndRefreshViews(bool record_errors) {
  auto views = std::make_shared<OutputViews>();
  views->epoch = static_cast<uint64_t>(epoch_);
  const Scores scores = Evaluate(record_errors, views.get());
  if (latent_ && validation_->size() > 0) {
    ComputeLatentViews(*latent_, *validation_, data_->data->targets, kReconstructions, kPriorSamples, kTraversalSide,
                       kTraversalExtent, settings_.seed ^ kSampleSeedSalt, &views->latent);
    views->has_latent = true;
  }
  views_ = std::move(views);
  last_views_ = Clock::now();
  return scores;
}

void DeepRun::EndEpoch() {
  EpochRecord record;
  record.train_loss = epoch_samples_ ? epoch_loss_sum_ / epoch_samples_ : kNaN;
  record.train_accuracy = !has_accuracy_ || !epoch_samples_
                              ? kNaN : epoch_correct_ / epoch_samples_;
  const Scores validation = ScoreAndRefreshViews(true);
  record.validation_loss = validation.loss;
  record.validation_accuracy = validation.accuracy;
  record.validation_dice = validation.dice;
  record.validation_iou = validation.iou;
  record.validation_reconstruction = validation.reconstruction;
  record.validation_kl = validation.kl;
  record.learning_rate = learning_rate_;
  record.seconds = epoch_seconds_;
  batch_in_epoch_ = 0;
  if (validation_->size() > 0 && !std::isfinite(validation.loss)) {
    Diverged("the validation of epoch " + std::to_string(epoch_ + 1), validation.loss);
    return;
  }
  history_.push_back(record);
  ++epoch_;
  if (validation_->size() > 0) {
    validation_losses_.push_back(validation.loss);
    const bool stop = early_.Update(validation.loss);
    if (settings_.early_stopping && early_.improved()) best_weights_.Capture(parameters_);
    if (settings_.early_stopping && stop) {
      finished_ = true;
      const int stale = early_.epochs_without_improvement();
      note_ = "Early stopping after epoch " + std::to_string(epoch_) + ": the validation loss has not improved for " +
              std::to_string(stale) + (stale == 1 ? " epoch" : " epochs") + " (best: epoch " +
              std::to_string(early_.best_epoch() + 1) + ").";
      if (settings_.early_stopping_settings.restore_best && best_weights_.Restore(parameters_))
        note_ += " The best epoch's weights are restored.";
    }
  }
  if (epoch_ >= settings_.epochs && !finished_) {
    finished_ = true;
    note_ = "Finished " + std::to_string(epoch_) + " epochs.";
  }
  if (finished_) running_ = false, pending_batches_ = 0;
  if (settings_.batches_per_step == 0) pending_batches_ = 0;  // a Step is one epoch
  last_publish_ = {};  // publish every epoch's end
}

void DeepRun::Publish() {
  auto snapshot = std::make_shared<DeepSnapshot>();
  DeepSnapshot& s = *snapshot;
  s.running = active();
  s.finished = finished_;
  s.message = message_;
  s.note = note_;
  s.epoch = epoch_;
  s.epochs = settings_.epochs;
  s.batches_done = batch_in_epoch_;
  s.batches_total = batches_per_epoch_;
  s.running_loss = epoch_samples_ && batch_in_epoch_ ? epoch_loss_sum_ / epoch_samples_ : kNaN;
  s.running_accuracy = epoch_samples_ && batch_in_epoch_ && has_accuracy_
                           ? epoch_correct_ / epoch_samples_ : kNaN;
  s.learning_rate = learning_rate_;
  s.samples_per_second = train_seconds_ > 0 ? samples_trained_ / train_seconds_ : 0.0;
  s.history = history_;
  s.best_epoch = early_.best_epoch();
  s.classification = classification_;
  s.classes = classes_;
  if (classification_) s.class_names = data_->data->class_names;
  s.confusion = confusion_;
  s.misclassified = misclassified_;
  s.validation_rows = validation_ ? validation_->size() : 0;
  s.training_rows = train_ ? train_->size() : 0;
  s.dense_task = encoding_ == TargetEncoding::kDense;
  s.autoencoder = encoding_ == TargetEncoding::kInput || encoding_ == TargetEncoding::kInputAndValue;
  s.regression = !classification_ && encoding_ == TargetEncoding::kValue;
  s.views = views_;
  s.saved_weights = saved_weights_;
  s.saved_serial = saved_serial_;
  s.summary = summary_;
  s.filters = network_->FirstFilters();
  s.activation_row = activation_row_;
  if (activation_row_ >= 0 && fits_) {
    // One sample through the network in inference mode; between batches, so training is unaffected.
    nn::MatrixView<float> x = one_input_.Resize(1);
    train_->FillOne(activation_row_, x);
    network_->SetTraining(false);
    const nn::ConstMatrixView<float> logits = network_->Forward(x);
    for (int i = 0; i < network_->StageCount(); ++i) {
      const nn::ConstMatrixView<float> out = network_->StageOutput(i);
      s.activations.push_back({network_->StageName(i), network_->StageShape(i),
                               std::vector<float>(out.data(), out.data() + out.size())});
    }
    nn::MatrixView<float> p = probabilities_.Resize(1);
    OutputPrediction<float>(network_->output_loss(), logits, p);
    s.activation_output.assign(p.data(), p.data() + p.size());
    network_->SetTraining(true);
  }
  last_publish_ = Clock::now();
  std::lock_guard<std::mutex> lock(mutex_);
  s.version = ++version_;
  latest_ = std::move(snapshot);
}

void DeepRun::StepFor(double milliseconds) {
  if (has_worker()) return;  // the worker owns the network
  std::vector<Command> commands;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    commands.swap(commands_);
  }
  for (const Command& c : commands) Apply(c);
  const auto start = Clock::now();
  while (active() && Seconds(start) * 1000.0 < milliseconds) {
    TrainOneBatch();
    if (Seconds(last_publish_) * 1000.0 >= kPublishIntervalMs || !active()) Publish();
  }
}

bool DeepRun::WaitForIdle(double timeout_ms) {
  if (!has_worker()) return true;
  std::unique_lock<std::mutex> lock(mutex_);
  return idle_.wait_for(lock, std::chrono::duration<double, std::milli>(timeout_ms),
                        [this] { return commands_.empty() && !busy_; });
}

void DeepRun::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (commands_.empty() && !active()) {
      busy_ = false;
      idle_.notify_all();
    }
    wake_.wait(lock, [this] { return stopping_ || !commands_.empty() || active(); });
    if (stopping_) break;
    busy_ = true;
    std::vector<Command> commands;
    commands.swap(commands_);
    lock.unlock();
    for (const Command& c : commands) Apply(c);
    if (active()) {
      TrainOneBatch();
      if (Seconds(last_publish_) * 1000.0 >= kPublishIntervalMs || !active()) Publish();
    }
    lock.lock();
  }
  busy_ = false;
  idle_.notify_all();
}

}  // namespace mlp::deep
