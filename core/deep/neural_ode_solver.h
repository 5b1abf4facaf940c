// ODE solvers for the neural ODE, and gradients through them.
//
// [SECTION] Methods: explicit Runge–Kutta with two tableaux —
//   • classic RK4 at a fixed step (4 stages, global error O(h⁴));
//   • Dormand–Prince 5(4) (Dormand & Prince 1980; Hairer, Nørsett & Wanner, "Solving ODEs I",
//     §II.4–II.5): 7 stages with first-same-as-last, the 5th-order solution is propagated (local
//     extrapolation) and the embedded 4th-order one only estimates the error.
// [SECTION] Step control (DP): err = RMS over every entry of e_i / (atol + rtol·max(|y_i|, |y_new,i|));
//   accept if err ≤ 1; the next step is h·clamp(safety·err^(−1/5), min_factor, max_factor) (never
//   growing right after a rejection); the first step by Hairer's automatic rule (or the setting).
//   Steps are clipped to land exactly on every requested time (no dense-output interpolation), so
//   every output is the end of an accepted step.
// [SECTION] Gradients, discretise-then-optimise: the forward pass can record an OdeTape (each
//   accepted step's start time, size and stage inputs); BackpropagateOde runs reverse mode through
//   exactly those Runge–Kutta operations. For Dormand–Prince the ACCEPTED STEP SIZES ARE TREATED AS
//   CONSTANTS: the step controller's dependence on θ and y0 (through the error estimate) is not
//   differentiated, and rejected steps do not influence the result. The gradient is then exact for
//   the replayed step sequence (ReplayOdeSteps), and differs from the derivative of the fully
//   adaptive map by terms of the order of the tolerance (a step-size change moves the solution by
//   about the local error).
// [SECTION] Gradients, optimise-then-discretise (for comparison): AdjointGradients integrates the
//   adjoint system backwards in time with RK4 (Chen et al. 2018, Appendix B).
//
// Shapes: a batch of B independent states shares one time grid; states are B × d (see
// neural_ode_field.h). Times must be strictly increasing.
#pragma once

#include <limits>
#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"
#include "core/deep/neural_ode_field.h"

namespace mlp::deep {

enum class OdeMethod { kRk4, kDormandPrince };

// "rk4", "dopri5".
const char* OdeMethodName(OdeMethod method);

struct OdeSolverSettings {
  OdeMethod method = OdeMethod::kRk4;
  // RK4: each interval between consecutive requested times is cut into ⌈Δt / rk4_step⌉ equal steps.
  double rk4_step = 0.05;
  // Dormand–Prince only (below, except max_steps).
  double relative_tolerance = 1e-6;   // rtol ≥ 0
  double absolute_tolerance = 1e-8;   // atol ≥ 0 (rtol + atol > 0)
  double initial_step = 0.0;          // > 0: first step size; 0: Hairer's automatic choice
  double min_step = 1e-10;            // a controller step below this fails (stiff or blowing up)
  double max_step = std::numeric_limits<double>::infinity();
  int max_steps = 100000;             // accepted + rejected steps over the whole solve (RK4: its steps; both methods)
  double safety = 0.9;                // the standard safety factor of the step controller
  double min_factor = 0.2, max_factor = 10.0;  // bounds on the step-size ratio per step
};

// Checks the settings; the message names the impossible one.
Status ValidateOdeSolverSettings(const OdeSolverSettings& settings);

// States at the requested times and what the solve cost.
struct OdeTrajectory {
  std::vector<Eigen::MatrixXd> states;  // one B × d per requested time; states[0] = y0
  int accepted_steps = 0;
  int rejected_steps = 0;
  int function_evaluations = 0;
};

// What the reverse pass needs: every accepted step and the stage inputs of its Runge–Kutta
// update. Memory: steps × stages × B × d doubles.
struct OdeTape {
  OdeMethod method = OdeMethod::kRk4;
  Eigen::Index batch_size = 0;                              // B
  std::vector<double> step_start;                           // t_n
  std::vector<double> step_size;                            // h_n
  std::vector<std::vector<Eigen::MatrixXd>> stage_inputs;   // [n][k]: Y_k, the state f was evaluated at
  std::vector<int> output_after_step;  // [k]: the step whose end is states[k] (−1 for k = 0)
};

// Integrates dy/dt = f(y, t) from times[0] (state y0, B × d) to every requested time. Records
// the tape when `tape` is not null. Fails with a clear Status on bad settings, bad times, a
// state of the wrong width, too many steps, a step below min_step, or a non-finite state.
Result<OdeTrajectory> SolveOde(const OdeRightHandSide& f, const Eigen::MatrixXd& y0, const Eigen::VectorXd& times,
                               const OdeSolverSettings& settings, OdeTape* tape = nullptr);

// Integrates again with the step sequence of `steps` (same times, same method) and no step control:
// the fixed map whose exact derivative BackpropagateOde computes. For gradient checks.
Result<OdeTrajectory> ReplayOdeSteps(const OdeRightHandSide& f, const Eigen::MatrixXd& y0, const Eigen::VectorXd& times,
                                     const OdeTape& steps, OdeTape* tape = nullptr);

// Reverse pass through a recorded solve. state_cotangents[k] = ∂L/∂states[k] (B × d each, one per
// requested time; empty matrices count as zero). Returns ∂L/∂y0 (B × d) and ADDS ∂L/∂θ into
// *grad_theta (skipped when null).
Eigen::MatrixXd BackpropagateOde(const OdeRightHandSide& f, const OdeTape& tape,
                                 const std::vector<Eigen::MatrixXd>& state_cotangents, Eigen::VectorXd* grad_theta);

// The adjoint method: given the forward trajectory's states at the requested times, integrates
// the augmented system (y, a = ∂L/∂y, ∂L/∂θ) backwards with RK4 at step ≤ rk4_step, adding each
// time's cotangent to a on the way (Chen et al. 2018, Algorithm 2). Re-integrating y backwards
// costs no memory but adds its own O(h⁴) error. Returns ∂L/∂y0 and ADDS ∂L/∂θ into *grad_theta.
Eigen::MatrixXd AdjointGradients(const OdeRightHandSide& f, const Eigen::VectorXd& times, const OdeTrajectory& forward,
                                 const std::vector<Eigen::MatrixXd>& state_cotangents, double rk4_step,
                                 Eigen::VectorXd* grad_theta);

}  // namespace mlp::deep
