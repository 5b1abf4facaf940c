// NeuralOdeModel: it recovers the G13 linear spiral (fast) and the cubic spiral (hidden: "[ode-slow]"),
// determinism per seed, the view helpers, and bad settings. The oracle is the generator's own
// field (OdeSpiralField) and its noise-free trajectory.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/data/generators/ode_spiral.h"
#include "core/deep/neural_ode_model.h"
#include "core/nn/gradient_check.h"

namespace {

struct SpiralFit {
  double first_loss = 0.0, last_loss = 0.0;
  double field_error = 0.0;        // ‖f_θ − f‖ / ‖f‖ (root mean squares over the observed states)
  double short_horizon = 0.0;      // max distance to the truth solving from z0 over [0, horizon]
  double whole_series = 0.0;       // max distance over the whole series [0, 25]
  Eigen::MatrixXd origin_jacobian;  // ∂f_θ/∂y at 0
};

mlp::deep::OdeObservations Spiral(bool cubic) {
  mlp::OdeSpiralSettings spiral;
  spiral.cubic = cubic;
  auto observations = mlp::deep::OdeObservationsFromDataset(mlp::GenerateOdeSpiral(spiral).value());
  REQUIRE(observations.ok());
  return observations.value();
}

SpiralFit Measure(const mlp::deep::NeuralOdeModel& model, bool cubic, double horizon) {
  mlp::OdeSpiralSettings spiral;
  spiral.cubic = cubic;
  const mlp::deep::OdeObservations data = Spiral(cubic);
  SpiralFit fit;
  fit.first_loss = model.loss_history().front();
  fit.last_loss = model.loss_history().back();
  const Eigen::MatrixXd learned = model.Field(data.states);
  double error = 0.0, norm = 0.0;
  for (Eigen::Index k = 0; k < data.states.rows(); ++k) {
    const mlp::OdeVector2 truth = mlp::OdeSpiralField(spiral, {data.states(k, 0), data.states(k, 1)});
    error += std::pow(learned(k, 0) - truth[0], 2) + std::pow(learned(k, 1) - truth[1], 2);
    norm += truth[0] * truth[0] + truth[1] * truth[1];
  }
  fit.field_error = std::sqrt(error / norm);
  Eigen::VectorXd z0(2);
  z0 << data.states(0, 0), data.states(0, 1);
  auto path = model.Trajectory(z0, data.times);
  REQUIRE(path.ok());
  for (Eigen::Index k = 0; k < data.times.size(); ++k) {
    const double distance = std::hypot(path.value()(k, 0) - data.states(k, 0), path.value()(k, 1) - data.states(k, 1));
    fit.whole_series = std::max(fit.whole_series, distance);
    if (data.times(k) <= horizon) fit.short_horizon = std::max(fit.short_horizon, distance);
  }
  fit.origin_jacobian = model.field().Jacobian(Eigen::VectorXd::Zero(2), 0.0);
  return fit;
}

mlp::deep::NeuralOdeModelSettings FastSettings() {
  mlp::deep::NeuralOdeModelSettings settings;
  settings.field.hidden_widths = {16};
  settings.optimizer.learning_rate = 0.02;
  settings.batch_size = 16;
  settings.batch_time = 10;   // windows of 0.225 time units
  settings.max_steps = 300;
  settings.solver.rk4_step = 0.025;  // one RK4 step per observation interval
  return settings;
}

}  // namespace

TEST_CASE("neural ODE model: recovers the linear spiral", "[ode]") {
  const mlp::deep::OdeObservations data = Spiral(false);
  mlp::deep::NeuralOdeModel model(FastSettings());
  REQUIRE(model.Reset(data.times, data.states, 1).ok());
  const SpiralFit untrained = [&] {
    model.Step();  // one step so loss_history is filled; the field is still almost the random one
    return Measure(model, false, 1.0);
  }();
  while (!model.progress().finished) REQUIRE(model.Step().ok());
  CHECK(model.progress().steps == 300);
  CHECK(model.loss_history().size() == 300);
  const SpiralFit fit = Measure(model, false, 1.0);
  INFO("window loss " << fit.first_loss << " → " << fit.last_loss << "; field error " << untrained.field_error << " → "
                      << fit.field_error << "; max distance over t ≤ 1 " << untrained.short_horizon << " → "
                      << fit.short_horizon << ", over [0, 25] " << fit.whole_series << "; Jacobian at 0 "
                      << fit.origin_jacobian(0, 0) << ", " << fit.origin_jacobian(0, 1) << "; "
                      << fit.origin_jacobian(1, 0) << ", " << fit.origin_jacobian(1, 1));
  // Measured (seed 1): window loss 0.046 → 3.0e-5; field error 1.11 → 0.054 (seeds 1–5: 0.047–
  // 0.054); max distance over t ≤ 1 (4.4 window lengths of extrapolation) 3.1 → 0.24; over the
  // whole series (25 time units, 8 turns, 110 window lengths) 0.59 (seeds 1–5: 0.50–0.59).
  CHECK(fit.last_loss < fit.first_loss / 100.0);
  CHECK(fit.field_error < 0.1);
  CHECK(fit.short_horizon < 0.4);
  CHECK(fit.whole_series < 1.0);
  // The linearisation at the centre (just inside the innermost turn, r ≈ 0.16) approaches A
  // (measured: largest entry error 0.15).
  Eigen::MatrixXd a(2, 2);
  a << -0.1, 2.0, -2.0, -0.1;
  CHECK((fit.origin_jacobian - a).cwiseAbs().maxCoeff() < 0.3);
}

TEST_CASE("neural ODE model: recovers the cubic spiral", "[.slow][ode-slow]") {
  // The spec's cubic field dz/dt = A z³ is much harder for a tanh MLP fed with z (torchdiffeq's
  // demo feeds it z³): speeds range from 16 at t = 0 to 0.2 at t = 25, and the fast first turn
  // holds few observations. 3000 steps with the rate cut tenfold after 2000; about 3 s natively.
  const mlp::deep::OdeObservations data = Spiral(true);
  mlp::deep::NeuralOdeModelSettings settings = FastSettings();
  settings.field.hidden_widths = {32};
  settings.optimizer.learning_rate = 0.03;
  settings.max_steps = 3000;
  mlp::deep::NeuralOdeModel model(settings);
  REQUIRE(model.Reset(data.times, data.states, 1).ok());
  while (!model.progress().finished) {
    if (model.progress().steps == 2000) {
      mlp::nn::OptimizerSettings slower = settings.optimizer;
      slower.learning_rate = 0.003;
      REQUIRE(model.SetOptimizerSettings(slower).ok());
    }
    REQUIRE(model.Step().ok());
  }
  const SpiralFit fit = Measure(model, true, 1.0);
  // After the transient: from the observed state at t = 2 (row 80), solve 2 time units ahead.
  Eigen::VectorXd z2(2);
  z2 << data.states(80, 0), data.states(80, 1);
  auto path = model.Trajectory(z2, data.times.segment(80, 81));
  REQUIRE(path.ok());
  double after_transient = 0.0;
  for (Eigen::Index k = 0; k < 81; ++k) {
    after_transient = std::max(after_transient, std::hypot(path.value()(k, 0) - data.states(80 + k, 0),
                                                           path.value()(k, 1) - data.states(80 + k, 1)));
  }
  INFO("window loss " << fit.first_loss << " → " << fit.last_loss << "; field error " << fit.field_error
                      << "; max distance from z(2) over [2, 4] " << after_transient << ", from z0 over t ≤ 1 "
                      << fit.short_horizon << ", over [0, 25] " << fit.whole_series);
  // Measured: window loss 0.041 → 3.4e-4, field error 0.13, from z(2) over [2, 4] 0.16, from z0 over
  // t ≤ 1 0.65, whole series 1.4.
  CHECK(fit.last_loss < fit.first_loss / 100.0);
  CHECK(fit.field_error < 0.2);
  CHECK(after_transient < 0.3);
}

TEST_CASE("neural ODE model: the window loss gradient matches central differences", "[ode]") {
  // Batched windows (equally spaced times, autonomous field) and one solve per window (uneven
  // times, or a field of t), with noisy observations so the residuals are not all alike.
  mlp::OdeSpiralSettings spiral;
  spiral.cubic = false;
  spiral.samples = 60;
  spiral.end_time = 3.0;
  spiral.noise_sd = 0.05;
  spiral.seed = 2;
  mlp::deep::OdeObservations data = mlp::deep::OdeObservationsFromDataset(mlp::GenerateOdeSpiral(spiral).value()).value();
  for (int variant = 0; variant < 3; ++variant) {
    mlp::deep::OdeObservations observed = data;
    mlp::deep::NeuralOdeModelSettings settings = FastSettings();
    settings.field.hidden_widths = {6, 5};
    settings.solver.rk4_step = 0.02;
    if (variant == 1) {
      for (Eigen::Index k = 1; k < observed.times.size(); ++k) observed.times(k) += 0.01 * std::sin(3.0 * k);  // uneven
    }
    if (variant == 2) settings.field.time_dependent = true;
    mlp::deep::NeuralOdeModel model(settings);
    REQUIRE(model.Reset(observed.times, observed.states, 4).ok());
    for (int i = 0; i < 3; ++i) REQUIRE(model.Step().ok());  // away from the initial θ
    const std::vector<Eigen::Index> starts = {3, 40, 17, 3};
    REQUIRE(model.WindowLossAndGradient(starts, 8).ok());
    const Eigen::VectorXd analytic = model.field().theta_grad();
    auto loss = [&] { return model.WindowLossAndGradient(starts, 8).value(); };
    const mlp::nn::MatrixD numeric = mlp::nn::NumericalGradient(loss, model.field().theta());
    const double error = mlp::nn::MaxRelativeError(analytic, numeric);
    INFO("variant " << variant << ": relative error " << error);
    CHECK(error < 1e-6);  // measured 1.4e-8, 2.1e-8, 1.9e-8
  }
  mlp::deep::NeuralOdeModel model(FastSettings());
  CHECK_FALSE(model.WindowLossAndGradient({0}, 5).ok());  // before Reset
  REQUIRE(model.Reset(data.times, data.states, 1).ok());
  CHECK_THAT(model.WindowLossAndGradient({55}, 10).status().message(), Catch::Contains("runs past"));
}

TEST_CASE("neural ODE model: same seed, same numbers", "[ode]") {
  const mlp::deep::OdeObservations data = Spiral(false);
  mlp::deep::NeuralOdeModelSettings settings = FastSettings();
  settings.max_steps = 20;
  auto run = [&](uint32_t seed) {
    mlp::deep::NeuralOdeModel model(settings);
    REQUIRE(model.Reset(data.times, data.states, seed).ok());
    while (!model.progress().finished) REQUIRE(model.Step().ok());
    return std::make_pair(model.field().theta(), model.loss_history());
  };
  const auto first = run(7), second = run(7), other = run(8);
  CHECK(first.first == second.first);    // bit for bit
  CHECK(first.second == second.second);
  CHECK(first.first != other.first);
  CHECK(first.second != other.second);

  // Reset forgets the previous fit.
  mlp::deep::NeuralOdeModel model(settings);
  REQUIRE(model.Reset(data.times, data.states, 8).ok());
  for (int i = 0; i < 5; ++i) REQUIRE(model.Step().ok());
  REQUIRE(model.Reset(data.times, data.states, 7).ok());
  CHECK(model.progress().steps == 0);
  CHECK(model.loss_history().empty());
  while (!model.progress().finished) REQUIRE(model.Step().ok());
  CHECK(model.field().theta() == first.first);

  // The whole series as one window is deterministic too (no window draws).
  settings.batch_size = 0;
  settings.max_steps = 2;
  mlp::deep::NeuralOdeModel whole(settings);
  REQUIRE(whole.Reset(data.times.head(50), data.states.topRows(50), 3).ok());
  REQUIRE(whole.Step().ok());
  REQUIRE(whole.Step().ok());
  CHECK(whole.loss_history()[1] < whole.loss_history()[0]);
}

TEST_CASE("neural ODE model: view helpers", "[ode]") {
  const mlp::deep::OdeObservations data = Spiral(false);
  mlp::deep::NeuralOdeModel model(FastSettings());
  CHECK_FALSE(model.Step().ok());  // before Reset
  CHECK_FALSE(model.FieldOnGrid(-2, 2, -2, 2, 5, 4).ok());
  REQUIRE(model.Reset(data.times, data.states, 1).ok());
  CHECK(model.Describe() == "neural ODE (2-16-2 tanh, rk4, adam lr 0.02, 16 windows × 10)");

  auto grid = model.FieldOnGrid(-2.0, 2.0, -1.0, 1.0, 5, 3);
  REQUIRE(grid.ok());
  CHECK(grid.value().points.rows() == 15);
  CHECK(grid.value().points(7, 0) == 0.0);   // row j·nx + i = (xs(i), ys(j)): j = 1, i = 2
  CHECK(grid.value().points(7, 1) == 0.0);
  CHECK(grid.value().velocities.row(13) == model.Field(grid.value().points.row(13)));
  CHECK_FALSE(model.FieldOnGrid(1.0, -1.0, -1.0, 1.0, 5, 3).ok());

  // A trajectory from any start; Dormand–Prince on request agrees with RK4 to its accuracy.
  Eigen::VectorXd start(2);
  start << 0.5, -1.0;
  const Eigen::VectorXd times = Eigen::VectorXd::LinSpaced(21, 0.0, 2.0);
  auto rk4 = model.Trajectory(start, times);
  mlp::deep::OdeSolverSettings dopri;
  dopri.method = mlp::deep::OdeMethod::kDormandPrince;
  auto adaptive = model.Trajectory(start, times, &dopri);
  REQUIRE(rk4.ok());
  REQUIRE(adaptive.ok());
  CHECK(rk4.value().rows() == 21);
  CHECK(rk4.value()(0, 0) == 0.5);
  CHECK((rk4.value() - adaptive.value()).cwiseAbs().maxCoeff() < 1e-4);
  CHECK_FALSE(model.Trajectory(Eigen::VectorXd::Zero(3), times).ok());
  auto loss = model.TrajectoryLoss(data.times.head(30), data.states.topRows(30));
  REQUIRE(loss.ok());
  CHECK(loss.value() > 0.0);
}

TEST_CASE("neural ODE model: bad settings and data give clear messages", "[ode]") {
  const mlp::deep::OdeObservations data = Spiral(false);
  auto reset_message = [&](const mlp::deep::NeuralOdeModelSettings& settings, const Eigen::VectorXd& times,
                           const Eigen::MatrixXd& states) {
    mlp::deep::NeuralOdeModel model(settings);
    const mlp::Status status = model.Reset(times, states, 1);
    REQUIRE_FALSE(status.ok());
    return status.message();
  };
  mlp::deep::NeuralOdeModelSettings settings = FastSettings();
  settings.solver.method = mlp::deep::OdeMethod::kDormandPrince;
  settings.solver.absolute_tolerance = -1.0;
  CHECK_THAT(reset_message(settings, data.times, data.states), Catch::Contains("tolerances cannot be negative"));
  settings = FastSettings();
  settings.solver.rk4_step = 0.0;
  CHECK_THAT(reset_message(settings, data.times, data.states), Catch::Contains("step size"));
  settings = FastSettings();
  settings.field.hidden_widths = {8, 0};
  CHECK_THAT(reset_message(settings, data.times, data.states), Catch::Contains("at least one neuron"));
  settings = FastSettings();
  settings.batch_time = 1;
  CHECK_THAT(reset_message(settings, data.times, data.states), Catch::Contains("at least 2 observations"));
  settings = FastSettings();
  settings.max_steps = 0;
  CHECK_THAT(reset_message(settings, data.times, data.states), Catch::Contains("at least 1 step"));
  settings = FastSettings();
  settings.optimizer.learning_rate = -0.1;
  CHECK_THAT(reset_message(settings, data.times, data.states), Catch::Contains("learning rate"));
  settings = FastSettings();
  CHECK_THAT(reset_message(settings, data.times.head(5), data.states.topRows(5)), Catch::Contains("fewer than one window"));
  CHECK_THAT(reset_message(settings, data.times.reverse(), data.states), Catch::Contains("strictly increasing"));
  CHECK_THAT(reset_message(settings, data.times, data.states.leftCols(1)), Catch::Contains("1 components"));

  mlp::Dataset table;
  table.features = Eigen::MatrixXd::Zero(10, 1);
  CHECK_FALSE(mlp::deep::OdeObservationsFromDataset(table).ok());

  // A solver failure during training is reported by Step, with the solver's message.
  settings = FastSettings();
  settings.solver.method = mlp::deep::OdeMethod::kDormandPrince;
  settings.solver.max_steps = 2;
  mlp::deep::NeuralOdeModel model(settings);
  REQUIRE(model.Reset(data.times, data.states, 1).ok());
  const mlp::Status status = model.Step();
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.message(), Catch::Contains("max steps (2)"));
  CHECK(model.progress().steps == 0);
}
