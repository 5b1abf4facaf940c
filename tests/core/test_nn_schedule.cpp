// Learning-rate schedules at given epochs (hand values), reduce-on-plateau replayed from a history,
// early stopping's patience rule, and restoring the best snapshot of a model's parameters.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/nn/schedule.h"

using namespace mlp::nn;

TEST_CASE("schedule names round-trip and bad settings are refused", "[nn-seq]") {
  for (ScheduleKind kind : {ScheduleKind::kConstant, ScheduleKind::kStepDecay, ScheduleKind::kExponential,
                            ScheduleKind::kCosine, ScheduleKind::kReduceOnPlateau}) {
    ScheduleKind parsed = ScheduleKind::kConstant;
    REQUIRE(ParseScheduleKind(ScheduleKindName(kind), &parsed));
    CHECK(parsed == kind);
  }
  ScheduleKind kind = ScheduleKind::kCosine;
  CHECK_FALSE(ParseScheduleKind("cyclic", &kind));
  CHECK(kind == ScheduleKind::kCosine);

  ScheduleSettings s;
  CHECK(ValidateScheduleSettings(s).ok());
  s.initial_rate = 0.0;
  CHECK_FALSE(ValidateScheduleSettings(s).ok());
  s.initial_rate = 0.1;
  s.kind = ScheduleKind::kStepDecay;
  s.gamma = 1.5;
  CHECK_FALSE(ValidateScheduleSettings(s).ok());
  s.gamma = 0.5;
  s.step_epochs = 0;
  CHECK_FALSE(ValidateScheduleSettings(s).ok());
  s.kind = ScheduleKind::kReduceOnPlateau;
  s.plateau_factor = 1.0;
  CHECK_FALSE(ValidateScheduleSettings(s).ok());
}

TEST_CASE("constant, step, exponential and cosine schedules at given epochs", "[nn-seq]") {
  ScheduleSettings s;
  s.initial_rate = 0.1;
  CHECK(ScheduledLearningRate(s, 0) == 0.1);
  CHECK(ScheduledLearningRate(s, 57) == 0.1);

  s.kind = ScheduleKind::kStepDecay;
  s.gamma = 0.5;
  s.step_epochs = 10;
  CHECK(ScheduledLearningRate(s, 0) == Approx(0.1));
  CHECK(ScheduledLearningRate(s, 9) == Approx(0.1));
  CHECK(ScheduledLearningRate(s, 10) == Approx(0.05));
  CHECK(ScheduledLearningRate(s, 25) == Approx(0.025));

  s.kind = ScheduleKind::kExponential;
  s.gamma = 0.9;
  CHECK(ScheduledLearningRate(s, 3) == Approx(0.0729));

  s.kind = ScheduleKind::kCosine;
  s.initial_rate = 1.0;
  s.min_rate = 0.0;
  s.cosine_epochs = 10;
  CHECK(ScheduledLearningRate(s, 0) == Approx(1.0));
  CHECK(ScheduledLearningRate(s, 3) == Approx(0.5 * (1.0 + std::cos(0.3 * 3.14159265358979))));
  CHECK(ScheduledLearningRate(s, 3) == Approx(0.7938926));
  CHECK(ScheduledLearningRate(s, 5) == Approx(0.5));
  CHECK(ScheduledLearningRate(s, 10) == Approx(0.0).margin(1e-15));
  CHECK(ScheduledLearningRate(s, 20) == Approx(0.0).margin(1e-15));
  s.min_rate = 0.2;
  CHECK(ScheduledLearningRate(s, 5) == Approx(0.6));
  CHECK(ScheduledLearningRate(s, 30) == Approx(0.2));
}

TEST_CASE("reduce-on-plateau cuts the rate after patience epochs without improvement", "[nn-seq]") {
  ScheduleSettings s;
  s.kind = ScheduleKind::kReduceOnPlateau;
  s.initial_rate = 0.1;
  s.plateau_factor = 0.1;
  s.plateau_patience = 2;
  s.plateau_min_delta = 0.0;
  s.min_rate = 2e-4;
  // best 1.0, 0.9; 0.95 and 0.92 fail → cut after epoch 3; best 0.8; 0.85, 0.86 fail → cut after
  // epoch 6; 0.87, 0.88 fail → a third cut, floored at min_rate.
  const std::vector<double> history = {1.0, 0.9, 0.95, 0.92, 0.8, 0.85, 0.86, 0.87, 0.88};
  CHECK(ScheduledLearningRate(s, 0, history) == Approx(0.1));
  CHECK(ScheduledLearningRate(s, 3, history) == Approx(0.1));
  CHECK(ScheduledLearningRate(s, 4, history) == Approx(0.01));
  CHECK(ScheduledLearningRate(s, 6, history) == Approx(0.01));
  CHECK(ScheduledLearningRate(s, 7, history) == Approx(0.001));
  CHECK(ScheduledLearningRate(s, 8, history) == Approx(0.001));
  CHECK(ScheduledLearningRate(s, 9, history) == Approx(2e-4));
  // Only the epochs before `epoch` count, however long the history.
  CHECK(ScheduledLearningRate(s, 2, history) == Approx(0.1));
  // min_delta: 0.9 after 1.0 is no improvement when improvements must exceed 0.2.
  s.plateau_min_delta = 0.2;
  CHECK(ScheduledLearningRate(s, 3, history) == Approx(0.01));
}

TEST_CASE("early stopping stops after patience epochs without improvement and restores the best", "[nn-seq]") {
  EarlyStoppingSettings settings;
  settings.patience = 3;
  EarlyStopping stopper(settings);
  // A one-number "model" whose weight is the epoch number, so the snapshot shows which epoch it kept.
  MatrixD w(1, 1), g(1, 1);
  std::vector<Parameter<double>> parameters;
  parameters.push_back({"w", Eigen::Map<MatrixD>(w.data(), 1, 1), Eigen::Map<MatrixD>(g.data(), 1, 1), false});
  ParameterSnapshot<double> best;
  CHECK(best.empty());
  CHECK_FALSE(best.Restore(parameters));

  const std::vector<double> losses = {1.0, 0.8, 0.85, 0.9, 0.81, 0.5, 0.4};
  int stopped_at = -1;
  for (int epoch = 0; epoch < static_cast<int>(losses.size()); ++epoch) {
    w(0, 0) = epoch;
    const bool stop = stopper.Update(losses[epoch]);
    if (stopper.improved()) best.Capture(parameters);
    if (stop) {
      stopped_at = epoch;
      break;
    }
  }
  CHECK(stopped_at == 4);  // epochs 2, 3, 4 did not beat 0.8
  CHECK(stopper.best_epoch() == 1);
  CHECK(stopper.best_loss() == 0.8);
  CHECK(stopper.epochs_without_improvement() == 3);
  CHECK(w(0, 0) == 4.0);
  REQUIRE(settings.restore_best);
  REQUIRE(best.Restore(parameters));
  CHECK(w(0, 0) == 1.0);

  // min_delta: 0.79 does not beat 0.8 by more than 0.05; patience 1 stops at once.
  EarlyStopping strict({1, 0.05, true});
  CHECK_FALSE(strict.Update(0.8));
  CHECK(strict.improved());
  CHECK(strict.Update(0.79));
  CHECK_FALSE(strict.improved());
  strict.Reset();
  CHECK(strict.best_epoch() == -1);
  CHECK_FALSE(strict.should_stop());

  // A snapshot refuses a parameter list of another shape.
  MatrixD other(2, 1), other_grad(2, 1);
  std::vector<Parameter<double>> wrong;
  wrong.push_back({"w", Eigen::Map<MatrixD>(other.data(), 2, 1), Eigen::Map<MatrixD>(other_grad.data(), 2, 1), false});
  CHECK_FALSE(best.Restore(wrong));
}
