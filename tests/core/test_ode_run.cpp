// OdeRun trains the neural ODE on the spiral on a worker or in the frame loop with the same
// numbers, and what it publishes improves as it trains: the loss falls, and the trajectory solved
// from the first observation moves towards the observed spiral.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <thread>

#include "core/train/ode_run.h"

using namespace mlp;

namespace {

deep::NeuralOdeModelSettings Quick() {
  deep::NeuralOdeModelSettings settings;
  settings.field.hidden_widths = {16};
  settings.optimizer.learning_rate = 0.02;
  settings.max_steps = 120;
  settings.solver.rk4_step = 0.025;
  return settings;
}

OdeSpiralSettings Linear() {
  OdeSpiralSettings spiral;
  spiral.cubic = false;
  return spiral;
}

std::shared_ptr<const OdeSnapshot> Train(OdeRun& run, bool worker) {
  run.Play();
  for (int i = 0; i < 20000; ++i) {
    run.StepFor(5.0);  // a no-op with a worker; without threads (web-st) the worker mode steps here too
    const auto s = run.Latest();
    if (s->steps == s->max_steps && !s->running) return s;
    if (worker) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  FAIL("training did not finish");
  return nullptr;
}

}  // namespace

TEST_CASE("OdeRun: same training on a worker and in the frame loop, the published fit improves", "[ode]") {
  OdeRun stepped(Quick(), Linear(), 1, false), threaded(Quick(), Linear(), 1, true);
  const double untrained = stepped.Latest()->extrapolation_mse;
  REQUIRE(stepped.Latest()->observed.rows() == 1000);
  REQUIRE(stepped.Latest()->field.points.rows() == 21 * 21);
  const auto a = Train(stepped, false);
  const auto b = Train(threaded, true);
  CHECK(a->loss_history == b->loss_history);
  REQUIRE(a->loss_history.size() == 120);
  CHECK(a->loss_history.back() < a->loss_history.front() / 10);
  CHECK(a->extrapolation_mse < untrained / 4);
  CHECK(a->message.empty());
}

TEST_CASE("OdeRun: impossible settings give a message and never train", "[ode]") {
  OdeSpiralSettings spiral = Linear();
  spiral.samples = 1;  // fewer than two observations
  OdeRun run(Quick(), spiral, 1, true);
  CHECK_FALSE(run.Latest()->message.empty());
  run.Play();
  CHECK_FALSE(run.Latest()->running);
  CHECK(run.Latest()->steps == 0);
}
