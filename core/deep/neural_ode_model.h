// NeuralOdeModel: fits an MLP vector field f_θ to an observed time series of states (the G13
// spiral: t, x, y) by minimising the MSE between solved and observed states, with Adam and
// gradients through the solver (discretise-then-optimise, neural_ode_solver.h).
//
// Training follows the torchdiffeq spiral demo: each Step() draws `batch_size` random windows of
// `batch_time` consecutive observations, starts each window's solve at its FIRST OBSERVED state,
// solves to the window's other times, and takes one optimiser step on
//   L = 1/(B·(batch_time − 1)·d) · Σ_windows Σ_{k=1}^{batch_time−1} ‖ŷ(t_k) − y_k‖²
// (the start is excluded: it is observed, not predicted). Short windows keep early gradients tame;
// the learned field then extrapolates over the whole series. batch_size = 0 fits the whole series
// from its first observation instead (one window, deterministic).
//
// Verbs as the classic models (core/models/classic/model.h): Reset, Step (one optimiser step),
// progress; plus what the views need: a trajectory from any start, the field at any states and on
// a grid, the loss of a full solve.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/base/rng.h"
#include "core/base/status.h"
#include "core/data/dataset.h"
#include "core/deep/neural_ode_field.h"
#include "core/deep/neural_ode_solver.h"
#include "core/nn/optimizer.h"

namespace mlp::deep {

// Adam at `learning_rate` (the model's default optimiser).
nn::OptimizerSettings NeuralOdeAdam(double learning_rate);

struct NeuralOdeModelSettings {
  NeuralOdeFieldSettings field;                                 // d, hidden widths, f(y) or f(y, t)
  OdeSolverSettings solver;                                     // the solver used in training and by the views
  nn::OptimizerSettings optimizer = NeuralOdeAdam(0.01);
  int batch_size = 16;   // windows per Step (≥ 0; 0: the whole series as one window)
  int batch_time = 10;   // observations per window (≥ 2; ignored when batch_size = 0)
  int max_steps = 1000;  // Step() calls until progress().finished
  // Reset sets field.input_scale to the RMS of the observed state entries and field.output_scale
  // to the RMS of their finite-difference speeds Δy/Δt, so the MLP works with values near 1
  // whatever the data's units. false: keep the scales in `field`. Off by default: on the G13
  // spirals it did not help (linear: field error 0.058 vs 0.054; cubic: 0.23 vs 0.13, one run each).
  bool scales_from_data = false;
};

Status ValidateNeuralOdeModelSettings(const NeuralOdeModelSettings& settings);

struct NeuralOdeProgress {
  int64_t steps = 0;        // Step() calls since Reset
  double loss = 0.0;        // the last step's window MSE (NaN before the first step)
  bool finished = false;    // reached max_steps
};

// The field sampled on a regular grid of a 2-D state space (for the vector-field view).
struct VectorFieldGrid {
  Eigen::VectorXd xs, ys;     // nx and ny grid coordinates
  Eigen::MatrixXd points;     // (nx·ny) × 2, row j·nx + i = (xs(i), ys(j))
  Eigen::MatrixXd velocities; // (nx·ny) × 2, f at each point
};

// Observations from a time-series dataset: column 0 is t, the other columns are the state (the
// G13 layout t, x, y). Fails when there are fewer than 2 columns or 2 rows.
struct OdeObservations {
  Eigen::VectorXd times;   // N, strictly increasing
  Eigen::MatrixXd states;  // N × d
};
Result<OdeObservations> OdeObservationsFromDataset(const Dataset& data);

class NeuralOdeModel {
public:
  explicit NeuralOdeModel(const NeuralOdeModelSettings& settings = {}) : settings_(settings) {}

  // Settings apply at the next Reset.
  const NeuralOdeModelSettings& settings() const { return settings_; }
  NeuralOdeModelSettings& settings() { return settings_; }
  // Changes the optimiser between steps (a learning-rate slider, a schedule): the Adam moments are
  // kept unless the kind changes (nn::Optimizer::set_settings). Also stored for the next Reset.
  Status SetOptimizerSettings(const nn::OptimizerSettings& optimizer);
  // "neural ODE (2-32-2 tanh, rk4, adam lr 0.01, 16 windows × 10)".
  std::string Describe() const;

  // Starts a new fit: checks settings and data (times strictly increasing, states N × d with the
  // field's d, enough observations for one window), draws θ and every window choice from `seed`.
  Status Reset(const Eigen::VectorXd& times, const Eigen::MatrixXd& states, uint32_t seed);
  // One optimiser step on a fresh draw of windows. Fails (and leaves θ as it was) if the solve
  // fails or the loss is not finite.
  Status Step();
  NeuralOdeProgress progress() const { return progress_; }
  const std::vector<double>& loss_history() const { return loss_history_; }  // one per Step

  const NeuralOdeField& field() const { return field_; }
  NeuralOdeField& field() { return field_; }

  // States at `times` (rows) solved from `start` (d) at times(0), with the model's solver or
  // `solver` when given. Works before training too (the initial random field).
  Result<Eigen::MatrixXd> Trajectory(const Eigen::VectorXd& start, const Eigen::VectorXd& times,
                                     const OdeSolverSettings* solver = nullptr) const;
  // f at each row of `states` (B × d) at time t.
  Eigen::MatrixXd Field(const Eigen::MatrixXd& states, double t = 0.0) const;
  // f on an nx × ny grid over [x_min, x_max] × [y_min, y_max] (2-D states only, nx, ny ≥ 2).
  Result<VectorFieldGrid> FieldOnGrid(double x_min, double x_max, double y_min, double y_max, int nx, int ny,
                                      double t = 0.0) const;
  // MSE over rows 1 … N−1 of the trajectory solved from states row 0 (the extrapolation error).
  Result<double> TrajectoryLoss(const Eigen::VectorXd& times, const Eigen::MatrixXd& states) const;

  // The training loss of the windows of `window` observations starting at rows `starts` (each
  // start + window ≤ N), and ∂L/∂θ into field().theta_grad() (overwritten). What Step() minimises;
  // public for gradient checks. Needs Reset.
  Result<double> WindowLossAndGradient(const std::vector<Eigen::Index>& starts, Eigen::Index window);

private:
  NeuralOdeModelSettings settings_;
  NeuralOdeField field_;
  std::optional<nn::Optimizer<double>> optimizer_;
  Rng rng_;
  Eigen::VectorXd times_;
  Eigen::MatrixXd states_;
  bool uniform_times_ = false;  // equally spaced: all windows share one relative time grid
  NeuralOdeProgress progress_;
  std::vector<double> loss_history_;
};

}  // namespace mlp::deep
