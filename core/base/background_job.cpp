#include "core/base/background_job.h"

#include "core/base/threads.h"

namespace mlp {

BackgroundJob::~BackgroundJob() { Cancel(); }

void BackgroundJob::Join() {
  if (thread_.joinable()) thread_.join();
}

void BackgroundJob::Start(Work work) {
  Cancel();
  progress_ = std::make_shared<JobProgress>();
  done_ = std::make_shared<std::atomic<bool>>(false);
  if constexpr (kHasThreads) {
    state_ = State::kRunning;
    thread_ = std::thread([work = std::move(work), progress = progress_, done = done_] {
      work(*progress);
      done->store(true, std::memory_order_release);
    });
  } else {
    state_ = State::kPending;
    pending_ = std::move(work);
  }
}

void BackgroundJob::Cancel() {
  if (progress_) progress_->cancelled.store(true);
  Join();
  pending_ = nullptr;
  state_ = State::kIdle;
}

bool BackgroundJob::Poll() {
  if (state_ == State::kPending) {
    Work work = std::move(pending_);
    pending_ = nullptr;
    work(*progress_);
    state_ = State::kIdle;
    return true;
  }
  if (state_ == State::kRunning && done_->load(std::memory_order_acquire)) {
    Join();
    state_ = State::kIdle;
    return true;
  }
  return false;
}

}  // namespace mlp
