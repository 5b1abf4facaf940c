// DeepRun: one deep network training on prepared data, watched by the UI — the deep-model
// counterpart of ModelRun (core/train/model_run.h): commands in (Play, Pause, Step, Reset, which
// sample's feature maps to show), immutable DeepSnapshots out. With threads the network trains on
// the run's own worker; without (single-threaded web build, or worker_thread = false) the frame
// loop calls StepFor(ms).
//
// One epoch = one pass over the training rows in a fresh seeded order (BatchMaker::Shuffle), in
// mini-batches; after each epoch the validation rows are scored (loss, accuracy, confusion matrix,
// a few misclassified rows), the learning rate follows the schedule and early stopping watches the
// validation loss (restoring the best weights when it stops, if asked).
//
// Validation rows: the split's TEST rows. When validation_fraction > 0 — or the split has no test
// rows, in which case 0.1 is used — that fraction of the TRAINING rows (a seeded permutation's
// tail) is held out instead, and the test rows are not looked at while training.
//
// Divergence: a non-finite batch or validation loss, or a batch loss above 10⁶ × the first
// batch's, pauses the run with a message and puts back the weights the current epoch started from
// (the optimiser state is reset), so the learner can lower the rate and press Play again.
//
// Determinism: a seed fixes the initial weights, every epoch's order, the held-out rows and the
// dropout masks; the layers' kernels give the same numbers with any pool size, so the loss history
// is bit-identical with 1 or 2 threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <limits>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/data/recipe/data_recipe.h"
#include "core/deep/batching.h"
#include "core/deep/output_views.h"
#include "core/deep/trainable_network.h"
#include "core/nn/optimizer.h"
#include "core/nn/schedule.h"

namespace mlp::deep {

struct DeepRunSettings {
  uint32_t seed = 0;
  int batch_size = 32;
  int epochs = 10;                  // the run finishes after this many epochs
  int batches_per_step = 0;         // Step(): 0 = to the end of the current epoch; N = N batches
  nn::OptimizerSettings optimizer;  // its learning_rate is the schedule's starting rate
  nn::ScheduleSettings schedule;    // kind and shape; initial_rate is replaced by optimizer.learning_rate
  bool early_stopping = false;
  nn::EarlyStoppingSettings early_stopping_settings;
  double validation_fraction = 0.0;  // > 0: hold out this fraction of training rows (see above)
  int misclassified_count = 16;      // how many misclassified validation rows to list
  bool worker_thread = true;         // false, or a build without threads: the caller steps (StepFor)
};

// One finished epoch. Accuracies are NaN for regression.
struct EpochRecord {
  double train_loss = 0, train_accuracy = 0;  // mean over the epoch's batches (as trained)
  double validation_loss = 0, validation_accuracy = 0;
  double learning_rate = 0;
  double seconds = 0;                          // training time of the epoch (no validation)
  // Masks (sigmoid head on dense 0/1 targets): Dice 2|P∩T|/(|P|+|T|) and IoU |P∩T|/|P∪T| of the
  // thresholded prediction (p > ½) over all validation pixels. NaN for other tasks.
  double validation_dice = std::numeric_limits<double>::quiet_NaN();
  double validation_iou = std::numeric_limits<double>::quiet_NaN();
  // Generative models (latent_model.h): the validation loss's parts, before β. NaN otherwise.
  double validation_reconstruction = std::numeric_limits<double>::quiet_NaN();
  double validation_kl = std::numeric_limits<double>::quiet_NaN();
};

struct MisclassifiedSample {
  int64_t row = 0;        // dataset row
  int predicted = 0, truth = 0;
  float confidence = 0;   // probability of the predicted class
};

// The output of one stage (layer) for the chosen sample, channels-last (layer.h).
struct StageActivation {
  std::string name;       // "conv2d 16 3×3 pad 1"
  nn::Shape shape;
  std::vector<float> values;  // shape.size() numbers
};

struct DeepSnapshot {
  uint64_t version = 0;
  bool running = false;
  bool finished = false;           // epochs done or early stopping fired
  std::string message;             // a failure for the user (divergence, data that do not fit)
  std::string note;                // what happened, not a failure ("early stopping at epoch 7 …")
  // Progress of the current epoch.
  int epoch = 0;                   // completed epochs
  int epochs = 0;                  // planned
  int batches_done = 0, batches_total = 0;
  double running_loss = 0, running_accuracy = 0;  // over this epoch's batches so far (NaN: none)
  double learning_rate = 0;
  double samples_per_second = 0;   // training throughput over the run
  std::vector<EpochRecord> history;
  int best_epoch = -1;             // epoch of the lowest validation loss (0-based)
  // Validation scores of the last finished epoch (classification only).
  bool classification = false;
  std::vector<std::string> class_names;
  int classes = 0;
  std::vector<int64_t> confusion;  // classes × classes, row = truth, column = predicted
  std::vector<MisclassifiedSample> misclassified;
  int64_t validation_rows = 0, training_rows = 0;
  NetworkSummary summary;
  // Views.
  FilterBank filters;              // first convolution's weights (empty without one)
  int64_t activation_row = -1;     // dataset row whose stage outputs follow (−1: none asked)
  std::vector<StageActivation> activations;
  std::vector<float> activation_output;  // the network's prediction for that row (probabilities / values)
  // What the task is, for the views: masks / frames per sample, or the input reconstructed.
  bool dense_task = false, autoencoder = false, regression = false;
  std::shared_ptr<const OutputViews> views;  // null until first computed
  // The last SaveWeights' file; saved_serial counts the saves (0: none yet).
  std::shared_ptr<const std::vector<uint8_t>> saved_weights;
  uint64_t saved_serial = 0;
};

class DeepRun {
public:
  DeepRun(std::unique_ptr<TrainableNetwork<float>> network, std::shared_ptr<const PreparedData> data,
          const DeepRunSettings& settings);
  ~DeepRun();
  DeepRun(const DeepRun&) = delete;
  DeepRun& operator=(const DeepRun&) = delete;

  // Whether `network` can learn from `data` (input size, head vs task, classes), or why not.
  static Status CheckFit(TrainableNetwork<float>& network, const PreparedData& data);

  void Play();
  void Pause();
  void Step();   // batches_per_step batches (or the rest of the epoch), then paused
  void Reset();  // fresh weights from the seed (then Calibrate on the training rows), empty history
  // Publish the stage outputs of dataset row `row` with every snapshot (−1: stop).
  void ShowActivations(int64_t row);
  // Pauses and loads a weights file (weights_io.h) into the network: on success the history
  // starts again from the loaded weights, the validation rows are scored at once and `note` says
  // so; on failure `message` explains and the weights stay as they were.
  void LoadWeights(std::shared_ptr<const std::vector<uint8_t>> bytes);
  // Serialises the weights (weights_io.h) between two batches; the bytes arrive with the next
  // snapshot (saved_weights, with a new saved_serial).
  void SaveWeights();
  // Caller-steps mode: applies commands and trains for up to `milliseconds`. Does nothing when the
  // run has a worker thread.
  void StepFor(double milliseconds);
  // With a worker: blocks until it has no command and no work left (or the timeout). Without one:
  // returns at once. True when idle.
  bool WaitForIdle(double timeout_ms);
  bool has_worker() const { return worker_.joinable(); }
  std::shared_ptr<const DeepSnapshot> Latest() const;

  // The network, e.g. for SaveWeights: only while no worker is training it (Pause, then
  // WaitForIdle), or from the caller's thread in caller-steps mode.
  TrainableNetwork<float>& network() { return *network_; }

private:
  struct Command {
    enum Kind { kPlay, kPause, kStep, kReset, kShow, kLoad, kSave };
    Command(Kind k, int64_t r = -1, std::shared_ptr<const std::vector<uint8_t>> b = nullptr)  // NOLINT: implicit
        : kind(k), row(r), bytes(std::move(b)) {}
    Kind kind;
    int64_t row;                                        // kShow
    std::shared_ptr<const std::vector<uint8_t>> bytes;  // kLoad
  };
  void Post(Command command);
  void Apply(const Command& command);
  bool active() const { return running_ || pending_batches_ > 0; }
  void TrainOneBatch();
  void StartEpoch();
  void EndEpoch();
  void Diverged(const std::string& where, double loss);
  void ClearHistory();
  void Load(const std::vector<uint8_t>& bytes);
  struct Scores { double loss = 0, accuracy = 0, dice = 0, iou = 0, reconstruction = 0, kl = 0; };
  // Scores the validation rows; with record_errors also the confusion matrix and misclassified
  // rows; with `views` the predictions the output views show.
  Scores Evaluate(bool record_errors, OutputViews* views = nullptr);
  // Evaluate, plus the output views from the same pass (and the latent views of a generative model).
  Scores ScoreAndRefreshViews(bool record_errors);
  void Publish();
  void WorkerLoop();

  std::unique_ptr<TrainableNetwork<float>> network_;
  std::shared_ptr<const PreparedData> data_;
  DeepRunSettings settings_;
  bool fits_ = false;
  std::string fit_message_;
  bool classification_ = false;
  bool has_accuracy_ = false;
  TargetEncoding encoding_ = TargetEncoding::kValue;
  LatentModel<float>* latent_ = nullptr;  // the network, when it is generative
  bool has_output_views_ = false;         // predictions worth showing besides the confusion matrix
  int classes_ = 0;
  std::unique_ptr<BatchMaker> train_, validation_;
  std::vector<nn::Parameter<float>> parameters_;
  std::unique_ptr<nn::Optimizer<float>> optimizer_;
  nn::EarlyStopping early_;
  nn::ParameterSnapshot<float> best_weights_, epoch_start_weights_;
  Rng order_rng_;
  nn::ColumnBuffer<float> logit_gradient_, probabilities_, one_input_;
  NetworkSummary summary_;

  // Run state (touched only by the thread that trains).
  bool running_ = false, finished_ = false;
  int pending_batches_ = 0;
  int epoch_ = 0, batch_in_epoch_ = 0, batches_per_epoch_ = 0;
  double epoch_loss_sum_ = 0, epoch_correct_ = 0;
  int64_t epoch_samples_ = 0;
  double learning_rate_ = 0, first_batch_loss_ = -1;
  double epoch_seconds_ = 0, train_seconds_ = 0;
  int64_t samples_trained_ = 0;
  std::vector<EpochRecord> history_;
  std::vector<double> validation_losses_;
  std::vector<int64_t> confusion_;
  std::vector<MisclassifiedSample> misclassified_;
  std::string message_, note_;
  int64_t activation_row_ = -1;
  std::chrono::steady_clock::time_point last_publish_{}, last_views_{};
  std::shared_ptr<const OutputViews> views_;
  std::shared_ptr<const std::vector<uint8_t>> saved_weights_;
  uint64_t saved_serial_ = 0;

  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::vector<Command> commands_;
  bool busy_ = false;
  std::shared_ptr<const DeepSnapshot> latest_;
  uint64_t version_ = 0;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace mlp::deep
