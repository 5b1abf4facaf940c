// Training loop and view helpers of the neural ODE (see neural_ode_model.h).
#include "core/deep/neural_ode_model.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace mlp::deep {
namespace {

Status ValidateObservations(const Eigen::VectorXd& times, const Eigen::MatrixXd& states, int state_dim) {
  if (times.size() < 2) return Status::Error("The neural ODE needs at least 2 observations.");
  if (states.rows() != times.size()) return Status::Error("Give one observed state per observation time.");
  if (states.cols() != state_dim) {
    return Status::Error("The observed states have " + std::to_string(states.cols()) + " components but the field has " +
                         std::to_string(state_dim) + ".");
  }
  if (!times.allFinite() || !states.allFinite()) return Status::Error("The observations must be finite numbers.");
  for (Eigen::Index k = 1; k < times.size(); ++k) {
    if (!(times(k) > times(k - 1))) return Status::Error("The observation times must be strictly increasing.");
  }
  return Status::Ok();
}

}  // namespace

nn::OptimizerSettings NeuralOdeAdam(double learning_rate) {
  nn::OptimizerSettings settings;
  settings.kind = nn::OptimizerKind::kAdam;
  settings.learning_rate = learning_rate;
  return settings;
}

Status ValidateNeuralOdeModelSettings(const NeuralOdeModelSettings& settings) {
  if (Status status = ValidateNeuralOdeFieldSettings(settings.field); !status.ok()) return status;
  if (Status status = ValidateOdeSolverSettings(settings.solver); !status.ok()) return status;
  if (!(settings.optimizer.learning_rate > 0.0)) return Status::Error("The learning rate must be positive.");
  if (settings.batch_size < 0) return Status::Error("The number of windows per step cannot be negative (0: whole series).");
  if (settings.batch_size > 0 && settings.batch_time < 2) return Status::Error("Each window needs at least 2 observations.");
  if (settings.max_steps < 1) return Status::Error("Train for at least 1 step.");
  return Status::Ok();
}

Result<OdeObservations> OdeObservationsFromDataset(const Dataset& data) {
  if (data.features.cols() < 2) return Status::Error("A time series for the neural ODE needs a time column and a state.");
  if (data.features.rows() < 2) return Status::Error("The neural ODE needs at least 2 observations.");
  OdeObservations observations;
  observations.times = data.features.col(0);
  observations.states = data.features.rightCols(data.features.cols() - 1);
  if (Status status = ValidateObservations(observations.times, observations.states, static_cast<int>(observations.states.cols()));
      !status.ok()) {
    return status;
  }
  return observations;
}

std::string NeuralOdeModel::Describe() const {
  std::string widths = std::to_string(settings_.field.state_dim + (settings_.field.time_dependent ? 1 : 0));
  for (int w : settings_.field.hidden_widths) widths += "-" + std::to_string(w);
  widths += "-" + std::to_string(settings_.field.state_dim);
  char rate[32];
  std::snprintf(rate, sizeof rate, "%g", settings_.optimizer.learning_rate);
  std::string text = "neural ODE (" + widths + " tanh, " + OdeMethodName(settings_.solver.method) + ", " +
                     std::string(nn::OptimizerKindName(settings_.optimizer.kind)) + " lr " + rate + ", ";
  text += settings_.batch_size == 0 ? std::string("whole series")
                                    : std::to_string(settings_.batch_size) + " windows × " + std::to_string(settings_.batch_time);
  return text + ")";
}

Status NeuralOdeModel::SetOptimizerSettings(const nn::OptimizerSettings& optimizer) {
  if (!(optimizer.learning_rate > 0.0)) return Status::Error("The learning rate must be positive.");
  settings_.optimizer = optimizer;
  if (optimizer_) optimizer_->set_settings(optimizer);
  return Status::Ok();
}

Status NeuralOdeModel::Reset(const Eigen::VectorXd& times, const Eigen::MatrixXd& states, uint32_t seed) {
  if (Status status = ValidateNeuralOdeModelSettings(settings_); !status.ok()) return status;
  if (Status status = ValidateObservations(times, states, settings_.field.state_dim); !status.ok()) return status;
  if (settings_.batch_size > 0 && times.size() < settings_.batch_time) {
    return Status::Error("The series has " + std::to_string(times.size()) + " observations, fewer than one window (" +
                         std::to_string(settings_.batch_time) + ").");
  }
  NeuralOdeFieldSettings field_settings = settings_.field;
  if (settings_.scales_from_data) {
    const Eigen::Index n = times.size();
    const Eigen::MatrixXd speeds = (states.bottomRows(n - 1) - states.topRows(n - 1)).array().colwise() /
                                   (times.tail(n - 1) - times.head(n - 1)).array();
    const double state_rms = std::sqrt(states.array().square().mean());
    const double speed_rms = std::sqrt(speeds.array().square().mean());
    // A constant series has no scale to learn from: keep 1.
    field_settings.input_scale = state_rms > 1e-12 ? state_rms : 1.0;
    field_settings.output_scale = speed_rms > 1e-12 ? speed_rms : 1.0;
  }
  if (Status status = field_.Initialize(field_settings, seed); !status.ok()) return status;
  optimizer_.emplace(settings_.optimizer, field_.Parameters());
  // One generator for θ (inside Initialize) and one for the windows, both from the seed.
  rng_.Seed(seed + 1u);
  times_ = times;
  states_ = states;
  const double mean_interval = (times(times.size() - 1) - times(0)) / static_cast<double>(times.size() - 1);
  uniform_times_ = !settings_.field.time_dependent;
  for (Eigen::Index k = 1; k < times.size() && uniform_times_; ++k) {
    uniform_times_ = std::abs(times(k) - times(k - 1) - mean_interval) <= 1e-9 * mean_interval;
  }
  progress_ = NeuralOdeProgress{};
  progress_.loss = std::numeric_limits<double>::quiet_NaN();
  loss_history_.clear();
  return Status::Ok();
}

Result<double> NeuralOdeModel::WindowLossAndGradient(const std::vector<Eigen::Index>& starts, Eigen::Index window) {
  if (!optimizer_) return Status::Error("Reset the neural ODE with data before training it.");
  if (starts.empty() || window < 2) return Status::Error("Give at least one window of at least 2 observations.");
  for (Eigen::Index start : starts) {
    if (start < 0 || start + window > times_.size()) return Status::Error("A window runs past the observations.");
  }
  const int d = settings_.field.state_dim;
  const double count = static_cast<double>(starts.size()) * static_cast<double>(window - 1) * d;
  field_.theta_grad().setZero();
  double loss = 0.0;
  // Solves `batch` windows at once on the time grid `grid` (absolute or relative times).
  auto solve_group = [&](const std::vector<Eigen::Index>& group, const Eigen::VectorXd& grid) -> Status {
    Eigen::MatrixXd y0(static_cast<Eigen::Index>(group.size()), d);
    for (size_t b = 0; b < group.size(); ++b) {
      for (int j = 0; j < d; ++j) y0(static_cast<Eigen::Index>(b), j) = states_(group[b], j);
    }
    OdeTape tape;
    Result<OdeTrajectory> solved = SolveOde(field_, y0, grid, settings_.solver, &tape);
    if (!solved.ok()) return solved.status();
    std::vector<Eigen::MatrixXd> cotangents(static_cast<size_t>(window));
    for (Eigen::Index k = 1; k < window; ++k) {
      const Eigen::MatrixXd& predicted = solved.value().states[static_cast<size_t>(k)];
      Eigen::MatrixXd residual(predicted.rows(), d);
      for (size_t b = 0; b < group.size(); ++b) {
        for (int j = 0; j < d; ++j) {
          residual(static_cast<Eigen::Index>(b), j) = predicted(static_cast<Eigen::Index>(b), j) - states_(group[b] + k, j);
        }
      }
      loss += residual.squaredNorm() / count;
      cotangents[static_cast<size_t>(k)] = (2.0 / count) * residual;
    }
    BackpropagateOde(field_, tape, cotangents, &field_.theta_grad());
    return Status::Ok();
  };
  if (uniform_times_) {
    // An autonomous field on equally spaced times: every window sees the same relative grid.
    const Eigen::VectorXd grid = times_.head(window).array() - times_(0);
    if (Status status = solve_group(starts, grid); !status.ok()) return status;
  } else {
    for (Eigen::Index start : starts) {
      if (Status status = solve_group({start}, times_.segment(start, window)); !status.ok()) return status;
    }
  }
  return loss;
}

Status NeuralOdeModel::Step() {
  if (!optimizer_) return Status::Error("Reset the neural ODE with data before training it.");
  const Eigen::Index n = times_.size();
  std::vector<Eigen::Index> starts;
  Eigen::Index window = n;
  if (settings_.batch_size == 0) {
    starts.push_back(0);
  } else {
    window = settings_.batch_time;
    for (int b = 0; b < settings_.batch_size; ++b) {
      starts.push_back(static_cast<Eigen::Index>(rng_.Interval(static_cast<uint64_t>(n - window))));
    }
  }
  Result<double> loss = WindowLossAndGradient(starts, window);
  if (!loss.ok()) return loss.status();
  if (!std::isfinite(loss.value()) || !field_.theta_grad().allFinite()) {
    return Status::Error("The neural ODE's loss is no longer finite: lower the learning rate and reset.");
  }
  std::vector<nn::Parameter<double>> parameters = field_.Parameters();
  optimizer_->Step(parameters);
  ++progress_.steps;
  progress_.loss = loss.value();
  progress_.finished = progress_.steps >= settings_.max_steps;
  loss_history_.push_back(loss.value());
  return Status::Ok();
}

Result<Eigen::MatrixXd> NeuralOdeModel::Trajectory(const Eigen::VectorXd& start, const Eigen::VectorXd& times,
                                                   const OdeSolverSettings* solver) const {
  if (field_.parameter_count() == 0) return Status::Error("Reset the neural ODE before asking for trajectories.");
  if (start.size() != settings_.field.state_dim) return Status::Error("The start state has the wrong number of components.");
  Eigen::MatrixXd y0(1, start.size());
  for (Eigen::Index j = 0; j < start.size(); ++j) y0(0, j) = start(j);
  Result<OdeTrajectory> solved = SolveOde(field_, y0, times, solver ? *solver : settings_.solver);
  if (!solved.ok()) return solved.status();
  Eigen::MatrixXd path(times.size(), start.size());
  for (Eigen::Index k = 0; k < times.size(); ++k) {
    for (Eigen::Index j = 0; j < start.size(); ++j) path(k, j) = solved.value().states[static_cast<size_t>(k)](0, j);
  }
  return path;
}

Eigen::MatrixXd NeuralOdeModel::Field(const Eigen::MatrixXd& states, double t) const {
  Eigen::MatrixXd velocities;
  field_.Evaluate(states, t, &velocities);
  return velocities;
}

Result<VectorFieldGrid> NeuralOdeModel::FieldOnGrid(double x_min, double x_max, double y_min, double y_max, int nx, int ny,
                                                   double t) const {
  if (settings_.field.state_dim != 2 || field_.parameter_count() == 0) {
    return Status::Error("The vector-field grid needs a trained (or reset) 2-D neural ODE.");
  }
  if (nx < 2 || ny < 2 || !(x_max > x_min) || !(y_max > y_min)) {
    return Status::Error("The grid needs at least 2 × 2 points over a non-empty box.");
  }
  VectorFieldGrid grid;
  grid.xs = Eigen::VectorXd::LinSpaced(nx, x_min, x_max);
  grid.ys = Eigen::VectorXd::LinSpaced(ny, y_min, y_max);
  grid.points.resize(static_cast<Eigen::Index>(nx) * ny, 2);
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) {
      grid.points(static_cast<Eigen::Index>(j) * nx + i, 0) = grid.xs(i);
      grid.points(static_cast<Eigen::Index>(j) * nx + i, 1) = grid.ys(j);
    }
  }
  grid.velocities = Field(grid.points, t);
  return grid;
}

Result<double> NeuralOdeModel::TrajectoryLoss(const Eigen::VectorXd& times, const Eigen::MatrixXd& states) const {
  if (Status status = ValidateObservations(times, states, settings_.field.state_dim); !status.ok()) return status;
  Eigen::VectorXd start(states.cols());
  for (Eigen::Index j = 0; j < states.cols(); ++j) start(j) = states(0, j);
  Result<Eigen::MatrixXd> path = Trajectory(start, times);
  if (!path.ok()) return path.status();
  const Eigen::Index rows = times.size() - 1;
  return (path.value().bottomRows(rows) - states.bottomRows(rows)).squaredNorm() / static_cast<double>(rows * states.cols());
}

}  // namespace mlp::deep
