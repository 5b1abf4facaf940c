#include "core/train/session.h"

#include <algorithm>

#include "core/base/threads.h"

namespace mlp {
namespace {
constexpr double kPublishIntervalMs = 1000.0 / 30.0;  // 30 pictures a second show training smoothly
constexpr double kWorkerSliceMs = 8.0;                // commands are seen at least this often
}  // namespace

Session::Session(const PlaygroundSettings& settings, SessionMode mode)
    : mode_(kHasThreads ? mode : SessionMode::kCallerSteps) {
  Rebuild(settings);
  if (!trainer_) {  // the settings were impossible: fall back to the defaults, keep the message
    const std::string message = message_;
    Rebuild(PlaygroundSettings{});
    message_ = message;
  }
  Publish();
  if (mode_ == SessionMode::kWorkerThread) worker_ = std::thread([this] { WorkerLoop(); });
}

Session::~Session() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void Session::Play() { Post({CommandKind::kPlay, {}}); }
void Session::Pause() { Post({CommandKind::kPause, {}}); }
void Session::Step() { Post({CommandKind::kStep, {}}); }
void Session::Reset() { Post({CommandKind::kReset, {}}); }
void Session::ApplySettings(const PlaygroundSettings& settings) { Post({CommandKind::kApplySettings, settings}); }

void Session::Post(Command command) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    commands_.push_back(std::move(command));
  }
  wake_.notify_all();
}

std::shared_ptr<const TrainingSnapshot> Session::Latest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return latest_;
}

void Session::Rebuild(const PlaygroundSettings& settings) {
  auto created = NetworkTrainer::Create(settings);
  if (!created.ok()) {
    message_ = created.status().message();
    return;
  }
  trainer_ = std::move(created).value();
  ++data_version_;
  diverged_ = false;
  message_.clear();
  recent_epochs_.clear();
}

void Session::Apply(const Command& command) {
  dirty_ = true;
  switch (command.kind) {
    case CommandKind::kPlay:
      running_ = true;
      diverged_ = false;
      message_.clear();
      last_epoch_time_ = Clock::now();
      break;
    case CommandKind::kPause:
      running_ = false;
      break;
    case CommandKind::kStep:
      running_ = false;
      ++pending_steps_;
      break;
    case CommandKind::kReset:
      Rebuild(trainer_->settings());
      break;
    case CommandKind::kApplySettings:
      if (trainer_->ApplyLiveSettings(command.settings)) {
        message_.clear();
      } else {
        Rebuild(command.settings);
      }
      break;
  }
}

void Session::ApplyPendingCommands() {
  std::deque<Command> pending;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    pending.swap(commands_);
  }
  for (const Command& command : pending) Apply(command);
}

double Session::MillisecondsUntilNextEpoch() const {
  const double rate = trainer_->settings().epochs_per_second;
  if (rate <= 0.0) return 0.0;
  const double since = std::chrono::duration<double, std::milli>(Clock::now() - last_epoch_time_).count();
  return std::max(0.0, 1000.0 / rate - since);
}

void Session::Train(double budget_ms) {
  const auto start = Clock::now();
  const bool capped = trainer_->settings().epochs_per_second > 0.0;
  auto elapsed_ms = [&] { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); };
  while (running_ || pending_steps_ > 0) {
    if (running_ && capped && MillisecondsUntilNextEpoch() > 0.0) break;
    bool epoch_done = false;
    const Status status = trainer_->TrainBatch(&epoch_done);
    if (!status.ok()) {
      running_ = false;
      pending_steps_ = 0;
      diverged_ = true;
      message_ = status.message();
      dirty_ = true;
      break;
    }
    if (epoch_done) {
      dirty_ = true;
      if (pending_steps_ > 0) --pending_steps_;
      last_epoch_time_ = Clock::now();
      recent_epochs_.push_back(last_epoch_time_);
      if (capped) break;
    }
    if (elapsed_ms() >= budget_ms) break;
  }
  const auto now = Clock::now();
  while (!recent_epochs_.empty() && now - recent_epochs_.front() > std::chrono::seconds(1)) recent_epochs_.pop_front();
}

void Session::Publish() {
  auto snapshot = std::make_shared<TrainingSnapshot>();
  const NetworkTrainer& t = *trainer_;
  snapshot->settings = t.settings();
  snapshot->running = running_;
  snapshot->diverged = diverged_;
  snapshot->message = message_;
  snapshot->epoch = t.epoch();
  snapshot->latest = t.latest();
  snapshot->history = t.history().records();
  snapshot->epochs_per_second = running_ ? static_cast<double>(recent_epochs_.size()) : 0.0;
  snapshot->parameter_count = t.network().ParameterCount();
  snapshot->data_version = data_version_;
  snapshot->dataset = t.dataset();
  snapshot->split = t.split();
  trainer_->ComputeGrids(kGridSize, &snapshot->grids);
  for (int layer = 0; layer < t.network().num_layers(); ++layer)
    snapshot->weights.push_back(t.network().layer(layer).weights());
  last_publish_ = Clock::now();
  dirty_ = false;
  std::lock_guard<std::mutex> lock(mutex_);
  snapshot->version = ++version_;
  latest_ = std::move(snapshot);
}

void Session::SetTrainingShare(double share) { training_share_.store(std::clamp(share, 0.05, 1.0)); }

void Session::StepFor(double milliseconds) {
  ApplyPendingCommands();
  Train(milliseconds);
  if (dirty_ && (!running_ || MillisecondsSincePublish() >= kPublishIntervalMs)) Publish();
}

double Session::MillisecondsSincePublish() const {
  return std::chrono::duration<double, std::milli>(Clock::now() - last_publish_).count();
}

void Session::WorkerLoop() {
  for (;;) {
    ApplyPendingCommands();
    double rest_ms = 0.0;
    if (running_ || pending_steps_ > 0) {
      const auto slice_start = Clock::now();
      Train(kWorkerSliceMs);
      const double share = training_share_.load();
      const double trained_ms = std::chrono::duration<double, std::milli>(Clock::now() - slice_start).count();
      if (share < 1.0) rest_ms = trained_ms * (1.0 - share) / share;
    }
    const double since_publish = MillisecondsSincePublish();
    if (dirty_ && (since_publish >= kPublishIntervalMs || !running_)) Publish();

    std::unique_lock<std::mutex> lock(mutex_);
    if (stopping_) return;
    if (!commands_.empty()) continue;
    if (!running_ && pending_steps_ == 0) {
      wake_.wait(lock, [&] { return stopping_ || !commands_.empty(); });
    } else {
      // Rest for the training share, or until the next capped epoch is due; commands wake us.
      double wait_ms = rest_ms;
      if (running_) wait_ms = std::max(wait_ms, MillisecondsUntilNextEpoch());
      if (running_ && MillisecondsUntilNextEpoch() > 0.0 && dirty_)
        wait_ms = std::min(wait_ms, std::max(0.0, kPublishIntervalMs - since_publish));
      if (wait_ms > 0.0)
        wake_.wait_for(lock, std::chrono::duration<double, std::milli>(wait_ms),
                       [&] { return stopping_ || !commands_.empty(); });
    }
    if (stopping_) return;
  }
}

}  // namespace mlp
