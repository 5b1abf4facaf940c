#include "core/train/ode_run.h"

#include <algorithm>
#include <chrono>

#include "core/base/threads.h"

namespace mlp {
namespace {
using Clock = std::chrono::steady_clock;
constexpr double kPublishIntervalMs = 100.0;  // each publish solves the whole series once
constexpr int kGrid = 21;
double Since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }
}  // namespace

OdeRun::OdeRun(const deep::NeuralOdeModelSettings& model, const OdeSpiralSettings& spiral, uint32_t seed, bool worker_thread)
    : model_(model), use_worker_(worker_thread && kHasThreads) {
  auto generated = GenerateOdeSpiral(spiral);
  if (!generated.ok()) {
    message_ = generated.status().message();
  } else if (auto observations = deep::OdeObservationsFromDataset(generated.value()); !observations.ok()) {
    message_ = observations.status().message();
  } else {
    data_ = std::move(observations).value();
    const Status status = model_.Reset(data_.times, data_.states, seed);
    ready_ = status.ok();
    if (!ready_) message_ = status.message();
  }
  Publish();
}

OdeRun::~OdeRun() { Pause(); }

bool OdeRun::StepOnce() {
  if (model_.progress().finished) return false;
  if (const Status status = model_.Step(); !status.ok()) {
    message_ = status.message();
    return false;
  }
  return true;
}

void OdeRun::Play() {
  if (worker_.joinable()) {
    if (working_) return;
    worker_.join();
  }
  if (!ready_ || !message_.empty() || model_.progress().finished) return;
  playing_ = true;
  if (!use_worker_) {
    Publish();
    return;
  }
  stop_ = false;
  working_ = true;
  worker_ = std::thread([this] { Work(); });
}

void OdeRun::Pause() {
  if (worker_.joinable()) {
    stop_ = true;
    worker_.join();
  }
  playing_ = false;
  Publish();
}

void OdeRun::Work() {
  auto last = Clock::now();
  while (!stop_ && StepOnce())
    if (Since(last) >= kPublishIntervalMs) Publish(), last = Clock::now();
  playing_ = false;
  Publish();
  working_ = false;
}

void OdeRun::StepFor(double milliseconds) {
  if (use_worker_ || !playing_) return;
  const auto start = Clock::now();
  bool more = true;
  while (Since(start) < milliseconds && (more = StepOnce())) {
  }
  if (!more) playing_ = false;
  Publish();
}

void OdeRun::Publish() {
  auto s = std::make_shared<OdeSnapshot>();
  s->description = model_.Describe();
  s->steps = model_.progress().steps;
  s->max_steps = model_.settings().max_steps;
  s->loss_history = model_.loss_history();
  s->times = data_.times;
  s->observed = data_.states;
  s->message = message_;
  s->running = playing_ && message_.empty() && !model_.progress().finished;
  if (ready_ && data_.states.rows() > 1) {
    // The learned dynamics from the first observation over the whole series: extrapolation, since
    // training only ever solves short windows.
    auto learned = model_.Trajectory(data_.states.row(0).transpose(), data_.times);
    if (learned.ok()) {
      s->learned = std::move(learned).value();
      s->extrapolation_mse = (s->learned.bottomRows(s->learned.rows() - 1) - data_.states.bottomRows(data_.states.rows() - 1))
                                 .squaredNorm() / static_cast<double>((data_.states.rows() - 1) * data_.states.cols());
    }
    const double x_lo = data_.states.col(0).minCoeff(), x_hi = data_.states.col(0).maxCoeff();
    const double y_lo = data_.states.col(1).minCoeff(), y_hi = data_.states.col(1).maxCoeff();
    const double pad = 0.15 * std::max(x_hi - x_lo, y_hi - y_lo);
    auto grid = model_.FieldOnGrid(x_lo - pad, x_hi + pad, y_lo - pad, y_hi + pad, kGrid, kGrid);
    if (grid.ok()) s->field = std::move(grid).value();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  latest_ = std::move(s);
}

std::shared_ptr<const OdeSnapshot> OdeRun::Latest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return latest_;
}

}  // namespace mlp
