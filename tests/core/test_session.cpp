// Session: commands applied between batches, snapshots published, both threading modes giving the
// same numbers.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/train/presets.h"
#include "core/train/session.h"

namespace {

using namespace std::chrono_literals;

// Waits (up to 20 s) until `predicate(snapshot)` holds, stepping the session in caller mode.
template <typename Predicate>
std::shared_ptr<const mlp::TrainingSnapshot> WaitFor(mlp::Session& session, Predicate predicate) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  for (;;) {
    if (session.mode() == mlp::SessionMode::kCallerSteps) session.StepFor(5.0);
    auto snapshot = session.Latest();
    if (predicate(*snapshot)) return snapshot;
    if (std::chrono::steady_clock::now() > deadline) return snapshot;
    if (session.mode() == mlp::SessionMode::kWorkerThread) std::this_thread::sleep_for(2ms);
  }
}

mlp::PlaygroundSettings Circle() { return mlp::PresetSettings("circle").value(); }

}  // namespace

TEST_CASE("Session commands: play, pause, step, reset, settings", "[session]") {
  for (mlp::SessionMode mode : {mlp::SessionMode::kWorkerThread, mlp::SessionMode::kCallerSteps}) {
    INFO((mode == mlp::SessionMode::kWorkerThread ? "worker thread" : "caller steps"));
    mlp::Session session(Circle(), mode);
    auto start = session.Latest();
    CHECK(start->epoch == 0);
    CHECK_FALSE(start->running);
    CHECK(start->grids.size == mlp::Session::kGridSize);
    CHECK(start->grids.output.size() == size_t(mlp::Session::kGridSize * mlp::Session::kGridSize));

    session.Step();
    auto stepped = WaitFor(session, [](const auto& s) { return s.epoch == 1; });
    CHECK(stepped->epoch == 1);
    CHECK_FALSE(stepped->running);

    session.Play();
    auto playing = WaitFor(session, [](const auto& s) { return s.running && s.epoch >= 5; });
    CHECK(playing->epoch >= 5);
    CHECK(playing->latest.train_loss < start->latest.train_loss);

    session.Pause();
    auto paused = WaitFor(session, [](const auto& s) { return !s.running; });
    REQUIRE_FALSE(paused->running);
    const int64_t epoch_at_pause = paused->epoch;
    if (mode == mlp::SessionMode::kWorkerThread) std::this_thread::sleep_for(50ms);
    else session.StepFor(20.0);
    CHECK(session.Latest()->epoch == epoch_at_pause);

    // A live change keeps the epoch; a structural one restarts at epoch 0.
    mlp::PlaygroundSettings live = paused->settings;
    live.learning_rate = 0.1;
    session.ApplySettings(live);
    auto after_live = WaitFor(session, [](const auto& s) { return s.settings.learning_rate == 0.1; });
    CHECK(after_live->epoch == epoch_at_pause);

    mlp::PlaygroundSettings structural = live;
    structural.hidden = {5};
    session.ApplySettings(structural);
    auto rebuilt = WaitFor(session, [](const auto& s) { return s.settings.hidden == std::vector<int>{5}; });
    CHECK(rebuilt->epoch == 0);
    CHECK(rebuilt->weights.size() == 2);

    session.Step();
    auto one = WaitFor(session, [](const auto& s) { return s.epoch == 1; });
    session.Reset();
    auto reset = WaitFor(session, [](const auto& s) { return s.epoch == 0; });
    CHECK(reset->epoch == 0);
    session.Step();
    auto again = WaitFor(session, [](const auto& s) { return s.epoch == 1; });
    CHECK(again->latest.train_loss == one->latest.train_loss);  // same seed, same first epoch
  }
}

TEST_CASE("Worker-thread and caller-stepped sessions produce the same numbers", "[session][determinism]") {
  auto run = [](mlp::SessionMode mode) {
    mlp::Session session(mlp::PresetSettings("spiral").value(), mode);
    for (int i = 0; i < 5; ++i) session.Step();
    return WaitFor(session, [](const auto& s) { return s.epoch == 5; });
  };
  auto threaded = run(mlp::SessionMode::kWorkerThread);
  auto stepped = run(mlp::SessionMode::kCallerSteps);
  REQUIRE(threaded->epoch == 5);
  REQUIRE(stepped->epoch == 5);
  CHECK(threaded->latest.train_loss == stepped->latest.train_loss);
  CHECK(threaded->grids.output == stepped->grids.output);
}

TEST_CASE("Divergence pauses the session with an explanation", "[session][divergence]") {
  mlp::Session session(mlp::PresetSettings("diverge").value(), mlp::SessionMode::kWorkerThread);
  session.Play();
  auto diverged = WaitFor(session, [](const auto& s) { return s.diverged; });
  REQUIRE(diverged->diverged);
  CHECK_FALSE(diverged->running);
  CHECK_THAT(diverged->message, Catch::Matchers::Contains("learning rate"));
  // Lowering the learning rate and playing again clears the state.
  mlp::PlaygroundSettings fixed = diverged->settings;
  fixed.learning_rate = 0.03;
  session.ApplySettings(fixed);
  session.Play();
  auto recovered = WaitFor(session, [](const auto& s) { return s.running && !s.diverged && s.message.empty(); });
  CHECK_FALSE(recovered->diverged);
}

TEST_CASE("Impossible start settings fall back to defaults with a message", "[session]") {
  mlp::PlaygroundSettings impossible;
  impossible.features = 0;
  mlp::Session session(impossible, mlp::SessionMode::kCallerSteps);
  auto snapshot = session.Latest();
  CHECK_FALSE(snapshot->message.empty());
  CHECK(snapshot->settings.features != 0);
}
