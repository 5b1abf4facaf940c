// Optimisers against their closed forms: one SGD step, two momentum steps, Adam's first steps
// computed by hand from Kingma & Ba's Algorithm 1, and how settings changes treat the state.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/nn/optimizer.h"

using namespace mlp::nn;

namespace {

// Two parameters (a 1×2 "weight" and a 1×1 "bias") over caller-owned storage.
struct Toy {
  MatrixD w = (MatrixD(1, 2) << 1.0, 2.0).finished();
  MatrixD gw = MatrixD::Zero(1, 2);
  MatrixD b = (MatrixD(1, 1) << -0.5).finished();
  MatrixD gb = MatrixD::Zero(1, 1);
  std::vector<Parameter<double>> parameters;
  Toy() {
    parameters.push_back({"w", Eigen::Map<MatrixD>(w.data(), 1, 2), Eigen::Map<MatrixD>(gw.data(), 1, 2), false});
    parameters.push_back({"b", Eigen::Map<MatrixD>(b.data(), 1, 1), Eigen::Map<MatrixD>(gb.data(), 1, 1), true});
  }
};

}  // namespace

TEST_CASE("optimizer names round-trip", "[nn]") {
  for (OptimizerKind kind : {OptimizerKind::kSgd, OptimizerKind::kAdam, OptimizerKind::kRmsprop}) {
    OptimizerKind parsed = OptimizerKind::kSgd;
    REQUIRE(ParseOptimizerKind(OptimizerKindName(kind), &parsed));
    CHECK(parsed == kind);
  }
  OptimizerKind kind = OptimizerKind::kAdam;
  CHECK_FALSE(ParseOptimizerKind("adagrad", &kind));
  CHECK(kind == OptimizerKind::kAdam);
}

TEST_CASE("SGD: one step is w - lr*g", "[nn]") {
  Toy toy;
  OptimizerSettings settings;
  settings.learning_rate = 0.1;
  Optimizer<double> optimizer(settings, toy.parameters);
  toy.gw << 0.5, -1.0;
  toy.gb << 2.0;
  optimizer.Step(toy.parameters);
  CHECK(toy.w(0, 0) == Approx(0.95));
  CHECK(toy.w(0, 1) == Approx(2.1));
  CHECK(toy.b(0, 0) == Approx(-0.7));
  CHECK(optimizer.step_count() == 1);
}

TEST_CASE("SGD with momentum: two steps of v = mu*v + g, w -= lr*v", "[nn]") {
  Toy toy;
  OptimizerSettings settings;
  settings.learning_rate = 0.1;
  settings.momentum = 0.9;
  Optimizer<double> optimizer(settings, toy.parameters);
  toy.gw << 0.5, -1.0;
  optimizer.Step(toy.parameters);  // v1 = g1
  toy.gw << 0.25, 0.5;
  optimizer.Step(toy.parameters);  // v2 = 0.9 g1 + g2
  CHECK(toy.w(0, 0) == Approx(1.0 - 0.1 * 0.5 - 0.1 * (0.9 * 0.5 + 0.25)));
  CHECK(toy.w(0, 1) == Approx(2.0 + 0.1 * 1.0 - 0.1 * (0.9 * -1.0 + 0.5)));
  CHECK(toy.b(0, 0) == Approx(-0.5));  // zero gradient, zero velocity
}

TEST_CASE("Adam: first steps follow the bias-corrected update", "[nn]") {
  Toy toy;
  OptimizerSettings settings;
  settings.kind = OptimizerKind::kAdam;
  settings.learning_rate = 0.01;
  Optimizer<double> optimizer(settings, toy.parameters);
  const double g1 = 0.5, g2 = -2.0;
  toy.gw << g1, 0.0;
  optimizer.Step(toy.parameters);
  // t = 1: m̂ = g, v̂ = g², so the step is lr·g/(|g| + ε) ≈ lr·sign(g).
  const double step1 = 0.01 * g1 / (std::abs(g1) + 1e-8);
  CHECK(toy.w(0, 0) == Approx(1.0 - step1).epsilon(1e-12));
  CHECK(toy.w(0, 1) == 2.0);  // zero gradient: m = v = 0, no move

  toy.gw << g2, 0.0;
  optimizer.Step(toy.parameters);
  const double m = 0.9 * (0.1 * g1) + 0.1 * g2;
  const double v = 0.999 * (0.001 * g1 * g1) + 0.001 * g2 * g2;
  const double m_hat = m / (1.0 - 0.9 * 0.9);
  const double v_hat = v / (1.0 - 0.999 * 0.999);
  CHECK(toy.w(0, 0) == Approx(1.0 - step1 - 0.01 * m_hat / (std::sqrt(v_hat) + 1e-8)).epsilon(1e-12));
}

TEST_CASE("optimizer settings: a new learning rate keeps state, a new kind or a reset clears it", "[nn]") {
  Toy toy;
  OptimizerSettings settings;
  settings.learning_rate = 0.1;
  settings.momentum = 0.5;
  Optimizer<double> optimizer(settings, toy.parameters);
  toy.gw << 1.0, 1.0;
  optimizer.Step(toy.parameters);  // v = 1, w0 = 0.9
  settings.learning_rate = 0.2;
  optimizer.set_settings(settings);
  optimizer.Step(toy.parameters);  // v = 0.5 + 1 = 1.5, w0 = 0.9 − 0.3
  CHECK(toy.w(0, 0) == Approx(0.6));
  optimizer.ResetState();
  CHECK(optimizer.step_count() == 0);
  optimizer.Step(toy.parameters);  // v = 1 again, w0 = 0.6 − 0.2
  CHECK(toy.w(0, 0) == Approx(0.4));

  settings.kind = OptimizerKind::kAdam;
  settings.learning_rate = 0.01;
  optimizer.set_settings(settings);
  CHECK(optimizer.step_count() == 0);
  optimizer.Step(toy.parameters);  // Adam's first step: ≈ lr·sign(g)
  CHECK(toy.w(0, 0) == Approx(0.4 - 0.01).epsilon(1e-6));
}

TEST_CASE("float optimisers agree with double", "[nn]") {
  for (OptimizerKind kind : {OptimizerKind::kSgd, OptimizerKind::kAdam, OptimizerKind::kRmsprop}) {
    OptimizerSettings settings;
    settings.kind = kind;
    settings.momentum = 0.9;
    MatrixF wf = MatrixF::Constant(3, 2, 0.5f), gf(3, 2);
    MatrixD wd = MatrixD::Constant(3, 2, 0.5), gd(3, 2);
    std::vector<Parameter<float>> pf{{"w", Eigen::Map<MatrixF>(wf.data(), 3, 2), Eigen::Map<MatrixF>(gf.data(), 3, 2), false}};
    std::vector<Parameter<double>> pd{{"w", Eigen::Map<MatrixD>(wd.data(), 3, 2), Eigen::Map<MatrixD>(gd.data(), 3, 2), false}};
    Optimizer<float> of(settings, pf);
    Optimizer<double> od(settings, pd);
    for (int step = 0; step < 5; ++step) {
      gd = MatrixD::Constant(3, 2, 0.3 - 0.1 * step);
      gd(1, 1) = 1.5;
      gf = gd.cast<float>();
      of.Step(pf);
      od.Step(pd);
    }
    CHECK((wf.cast<double>() - wd).cwiseAbs().maxCoeff() < 1e-5);
    CHECK((wd.array() != 0.5).all());
  }
}
