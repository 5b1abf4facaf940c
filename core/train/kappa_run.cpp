#include "core/train/kappa_run.h"

#include <chrono>

#include "core/base/threads.h"

namespace mlp {
namespace {
using Clock = std::chrono::steady_clock;
constexpr double kPublishIntervalMs = 50.0;
double Since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
}  // namespace

KappaRun::KappaRun(const classic::KappaEnsembleSettings& settings, bool worker_thread)
    : ensemble_(settings), use_worker_(worker_thread && kHasThreads) {
  if (Status status = ensemble_.Reset(); !status.ok()) message_ = status.message();
  Publish();
}

KappaRun::~KappaRun() { Pause(); }

void KappaRun::Play() {
  if (worker_.joinable()) {
    if (working_) return;  // already playing
    worker_.join();
  }
  if (!message_.empty() || ensemble_.finished()) return;
  if (!use_worker_) {
    playing_ = true;
    Publish();
    return;
  }
  stop_ = false;
  working_ = true;
  worker_ = std::thread([this] { Work(); });
}

void KappaRun::Pause() {
  playing_ = false;
  if (worker_.joinable()) {
    stop_ = true;
    worker_.join();
  }
  Publish();
}

void KappaRun::Work() {
  auto last = Clock::now();
  bool published_running = false;
  while (!stop_ && !ensemble_.finished()) {
    if (Status status = ensemble_.Step(); !status.ok()) {
      message_ = status.message();
      break;
    }
    if (!published_running || Since(last) >= kPublishIntervalMs) {
      playing_ = true;  // read by Publish only, on this thread
      Publish();
      last = Clock::now(), published_running = true;
    }
  }
  playing_ = false;
  Publish();
  working_ = false;
}

void KappaRun::StepFor(double milliseconds) {
  if (use_worker_ || !playing_) return;
  const auto start = Clock::now();
  while (!ensemble_.finished() && Since(start) < milliseconds) {
    if (Status status = ensemble_.Step(); !status.ok()) {
      message_ = status.message();
      playing_ = false;
      break;
    }
  }
  if (ensemble_.finished()) playing_ = false;
  Publish();
}

void KappaRun::Publish() {
  auto s = std::make_shared<KappaSnapshot>();
  s->cases = ensemble_.cases();
  for (size_t i = 0; i < s->cases.size(); ++i) {
    s->separation.push_back(ensemble_.Separation(i));
    s->expected_separation.push_back(ensemble_.ExpectedSeparation(i));
  }
  s->done = ensemble_.toys_done();
  s->total = ensemble_.toys_total();
  s->running = playing_ && !ensemble_.finished() && message_.empty();
  s->message = message_;
  std::lock_guard<std::mutex> lock(mutex_);
  latest_ = std::move(s);
}

std::shared_ptr<const KappaSnapshot> KappaRun::Latest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return latest_;
}

}  // namespace mlp
