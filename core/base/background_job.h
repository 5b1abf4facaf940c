// BackgroundJob: one piece of slow work (parse a file, generate a big set, decode an asset) run
// off the UI thread, with progress and cancellation. In a build without threads the work runs at
// the next Poll() instead — the frame that calls it is slow, but the app stays correct.
//
// Results travel through state the work function captures: when Poll() reports completion the
// worker thread has been joined, so everything it wrote is visible to the caller.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace mlp {

struct JobProgress {
  std::atomic<double> fraction{0.0};   // 0..1, written by the work
  std::atomic<bool> cancelled{false};  // set by Cancel(); the work should return soon after
};

class BackgroundJob {
public:
  using Work = std::function<void(JobProgress& progress)>;

  BackgroundJob() = default;
  ~BackgroundJob();
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;

  // Cancels and waits for any running work, then starts `work`.
  void Start(Work work);
  // Asks running work to stop and waits for it; its results must then be ignored.
  void Cancel();
  // Call every frame. Returns true exactly once per Start, when the work has finished.
  bool Poll();

  bool busy() const { return state_ != State::kIdle; }
  double progress() const { return progress_ ? progress_->fraction.load() : 0.0; }

private:
  enum class State { kIdle, kPending, kRunning };
  void Join();

  State state_ = State::kIdle;
  Work pending_;                             // without threads: runs at the next Poll()
  std::shared_ptr<JobProgress> progress_;
  std::shared_ptr<std::atomic<bool>> done_;  // set by the worker as its last action
  std::thread thread_;
};

}  // namespace mlp
