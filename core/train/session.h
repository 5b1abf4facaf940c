// Session: a training run the UI can watch without ever touching the model.
//
// The UI sends commands (play, pause, step, reset, new settings); the session applies
// them between mini-batches and publishes immutable snapshots (progress, history, the network's
// output over the input plane, weights). The UI draws from the latest snapshot; the lock is held
// only to swap a pointer, never during a step.
//
// With threads the session trains on its own worker thread. Without threads (the web build on a
// page that is not cross-origin isolated) the frame loop calls StepFor(ms) with a time budget.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/train/network_trainer.h"

namespace mlp {

struct TrainingSnapshot {
  uint64_t version = 0;            // increases with every publication
  PlaygroundSettings settings;     // the settings the run uses now
  bool running = false;
  bool diverged = false;           // paused because training diverged; `message` says why
  std::string message;             // for the user: divergence explanation or rejected settings
  int64_t epoch = 0;
  EpochRecord latest;              // metrics after the latest epoch
  std::vector<EpochRecord> history;
  double epochs_per_second = 0.0;  // measured over the last second of training
  int64_t parameter_count = 0;
  uint64_t data_version = 0;       // changes when dataset or split change
  std::shared_ptr<const Dataset> dataset;
  std::shared_ptr<const Split> split;
  NetworkGrids grids;              // output and neuron responses over the input plane
  std::vector<nn::MatrixF> weights;  // per layer, inputs × outputs (for the network diagram)
};

enum class SessionMode { kWorkerThread, kCallerSteps };

class Session {
public:
  static constexpr int kGridSize = 64;  // resolution of the output heatmap and neuron thumbnails

  // kWorkerThread falls back to kCallerSteps in a build without threads.
  Session(const PlaygroundSettings& settings, SessionMode mode);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Play();
  void Pause();
  void Step();        // one more epoch, then paused (repeated calls add up)
  void Reset();       // same settings, weights re-initialised from the seed, epoch 0
  // Applies new settings: learning rate, regularisation, batch size, optimiser and speed take
  // effect live; anything else restarts the run at epoch 0.
  void ApplySettings(const PlaygroundSettings& settings);

  std::shared_ptr<const TrainingSnapshot> Latest() const;
  SessionMode mode() const { return mode_; }

  // Caller-steps mode only: applies pending commands, trains for up to `milliseconds`, publishes.
  void StepFor(double milliseconds);

  // Fraction of wall time the worker thread may train (0.05…1; 1 = flat out). Below 1 it rests
  // between slices so that a UI sharing few cores (or a software renderer) keeps its frame rate.
  void SetTrainingShare(double share);
  double training_share() const { return training_share_.load(); }

private:
  enum class CommandKind { kPlay, kPause, kStep, kReset, kApplySettings };
  struct Command {
    CommandKind kind;
    PlaygroundSettings settings;
  };
  using Clock = std::chrono::steady_clock;

  void Post(Command command);
  void ApplyPendingCommands();
  void Apply(const Command& command);
  void Rebuild(const PlaygroundSettings& settings);
  void Train(double budget_ms);
  double MillisecondsUntilNextEpoch() const;
  double MillisecondsSincePublish() const;
  void Publish();
  void WorkerLoop();

  SessionMode mode_;
  // Stepping state: touched only by the stepping thread (worker, or the caller in StepFor).
  std::unique_ptr<NetworkTrainer> trainer_;
  bool running_ = false;
  bool diverged_ = false;
  int pending_steps_ = 0;  // epochs still to train for Step commands
  std::string message_;
  uint64_t data_version_ = 0;
  std::deque<Clock::time_point> recent_epochs_;  // for the epochs/s read-out
  Clock::time_point last_epoch_time_{};
  Clock::time_point last_publish_{};
  bool dirty_ = true;

  // Shared between threads.
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Command> commands_;
  std::shared_ptr<const TrainingSnapshot> latest_;
  uint64_t version_ = 0;
  bool stopping_ = false;
  std::atomic<double> training_share_{1.0};
  std::thread worker_;
};

}  // namespace mlp
