// RK4 and Dormand–Prince 5(4) as one explicit Runge–Kutta step with two tableaux, the adaptive
// driver, the reverse pass through recorded steps and the adjoint method (see neural_ode_solver.h).
//
// [SECTION] Tableaux   [SECTION] Settings and inputs   [SECTION] One step   [SECTION] Solve
// [SECTION] Replay     [SECTION] Reverse pass          [SECTION] Adjoint
#include "core/deep/neural_ode_solver.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace mlp::deep {
namespace {

// ---- [SECTION] Tableaux ----------------------------------------------------------------------

// The stages that enter the propagated solution y_{n+1} = y_n + h Σ b_k K_k. Dormand–Prince's 7th
// stage (b_7 = 0) only feeds the error estimate and becomes the next step's first stage (FSAL).
struct Tableau {
  int stages;
  double a[6][6];
  double b[6];
  double c[6];
};

constexpr Tableau kRk4 = {4,
                          {{0}, {0.5}, {0, 0.5}, {0, 0, 1.0}},
                          {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6},
                          {0, 0.5, 0.5, 1.0}};

// Dormand & Prince (1980), Hairer–Nørsett–Wanner Table II.5.2.
constexpr Tableau kDopri5 = {6,
                             {{0},
                              {1.0 / 5},
                              {3.0 / 40, 9.0 / 40},
                              {44.0 / 45, -56.0 / 15, 32.0 / 9},
                              {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
                              {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656}},
                             {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
                             {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1.0}};
// Error weights e = b − b̂ (5th minus embedded 4th order) for stages 1–6, and for the FSAL stage 7.
constexpr double kDopri5Error[6] = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525};
constexpr double kDopri5ErrorLast = -1.0 / 40;

const Tableau& TableauOf(OdeMethod method) { return method == OdeMethod::kRk4 ? kRk4 : kDopri5; }

// ---- [SECTION] Settings and inputs -------------------------------------------------------------

Status ValidateInputs(const OdeRightHandSide& f, const Eigen::MatrixXd& y0, const Eigen::VectorXd& times) {
  if (y0.rows() < 1) return Status::Error("The ODE solver needs at least one initial state.");
  if (y0.cols() != f.state_dim()) {
    return Status::Error("The initial state has " + std::to_string(y0.cols()) + " components but the vector field expects " +
                         std::to_string(f.state_dim()) + ".");
  }
  if (!y0.allFinite()) return Status::Error("The initial state must be finite.");
  if (times.size() < 1) return Status::Error("Give the ODE solver at least one time (the start).");
  if (!times.allFinite()) return Status::Error("The requested times must be finite.");
  for (Eigen::Index k = 1; k < times.size(); ++k) {
    if (!(times(k) > times(k - 1))) return Status::Error("The requested times must be strictly increasing.");
  }
  return Status::Ok();
}

// Root mean square of every entry of e / scale.
double ScaledRms(const Eigen::MatrixXd& e, const Eigen::MatrixXd& scale) {
  return std::sqrt((e.array() / scale.array()).square().mean());
}

// ---- [SECTION] One step ----------------------------------------------------------------------

// One explicit Runge–Kutta step from (y, t) of size h. k[0] must already hold f(y, t); fills the
// stage inputs Y_k and derivatives K_k of the tableau's stages, and returns y_{n+1}.
Eigen::MatrixXd RungeKuttaStep(const OdeRightHandSide& f, const Tableau& tableau, const Eigen::MatrixXd& y, double t,
                               double h, std::vector<Eigen::MatrixXd>* stage_inputs, std::vector<Eigen::MatrixXd>* k,
                               int* evaluations) {
  (*stage_inputs)[0] = y;
  for (int s = 1; s < tableau.stages; ++s) {
    Eigen::MatrixXd stage = y;
    for (int j = 0; j < s; ++j) {
      if (tableau.a[s][j] != 0.0) stage += (h * tableau.a[s][j]) * (*k)[j];
    }
    f.Evaluate(stage, t + tableau.c[s] * h, &(*k)[s]);
    ++*evaluations;
    (*stage_inputs)[s] = std::move(stage);
  }
  Eigen::MatrixXd next = y;
  for (int s = 0; s < tableau.stages; ++s) {
    if (tableau.b[s] != 0.0) next += (h * tableau.b[s]) * (*k)[s];
  }
  return next;
}

void RecordStep(OdeTape* tape, double t, double h, const std::vector<Eigen::MatrixXd>& stage_inputs) {
  if (!tape) return;
  tape->step_start.push_back(t);
  tape->step_size.push_back(h);
  tape->stage_inputs.push_back(stage_inputs);
}

void StartTape(OdeTape* tape, OdeMethod method, Eigen::Index batch) {
  if (!tape) return;
  *tape = OdeTape{};
  tape->method = method;
  tape->batch_size = batch;
  tape->output_after_step.push_back(-1);
}

std::string TimeText(double t) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", t);
  return text;
}

// ---- [SECTION] Solve -------------------------------------------------------------------------

Result<OdeTrajectory> SolveRk4(const OdeRightHandSide& f, const Eigen::MatrixXd& y0, const Eigen::VectorXd& times,
                               const OdeSolverSettings& settings, OdeTape* tape) {
  OdeTrajectory result;
  result.states.push_back(y0);
  StartTape(tape, OdeMethod::kRk4, y0.rows());
  std::vector<Eigen::MatrixXd> stage_inputs(4), k(4);
  Eigen::MatrixXd y = y0;
  for (Eigen::Index out = 1; out < times.size(); ++out) {
    const double interval = times(out) - times(out - 1);
    const double count = std::max(1.0, std::ceil(interval / settings.rk4_step - 1e-9));  // 1e-9: Δt/h = 10.0000000001 is 10 steps
    if (result.accepted_steps + count > settings.max_steps) {
      return Status::Error("RK4 would need more than max steps (" + std::to_string(settings.max_steps) +
                           ") steps: raise the step size or max steps.");
    }
    const int steps = static_cast<int>(count);
    const double h = interval / steps;
    for (int s = 0; s < steps; ++s) {
      const double t = times(out - 1) + s * h;
      f.Evaluate(y, t, &k[0]);
      ++result.function_evaluations;
      y = RungeKuttaStep(f, kRk4, y, t, h, &stage_inputs, &k, &result.function_evaluations);
      ++result.accepted_steps;
      RecordStep(tape, t, h, stage_inputs);
    }
    if (!y.allFinite()) {
      return Status::Error("The RK4 solution became non-finite before t = " + TimeText(times(out)) +
                           ": the field blows up; use a smaller step or retrain.");
    }
    result.states.push_back(y);
    if (tape) tape->output_after_step.push_back(result.accepted_steps - 1);
  }
  return result;
}

// Hairer–Nørsett–Wanner II.4 "starting step size" for a method of order 5 (error order 4).
double AutomaticFirstStep(const OdeRightHandSide& f, const Eigen::MatrixXd& y0, double t0, const Eigen::MatrixXd& f0,
                          const OdeSolverSettings& settings, int* evaluations) {
  const Eigen::MatrixXd scale =
      (settings.absolute_tolerance + settings.relative_tolerance * y0.array().abs()).matrix();
  const double d0 = ScaledRms(y0, scale), d1 = ScaledRms(f0, scale);
  const double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
  Eigen::MatrixXd f1;
  f.Evaluate(y0 + h0 * f0, t0 + h0, &f1);
  ++*evaluations;
  const double d2 = ScaledRms(f1 - f0, scale) / h0;
  const double largest = std::max(d1, d2);
  const double h1 = largest <= 1e-15 ? std::max(1e-6, h0 * 1e-3) : std::pow(0.01 / largest, 1.0 / 5.0);
  const double h = std::min(100.0 * h0, h1);
  return std::isfinite(h) && h > 0.0 ? h : 1e-6;
}

Result<OdeTrajectory> SolveDopri5(const OdeRightHandSide& f, const Eigen::MatrixXd& y0, const Eigen::VectorXd& times,
                                  const OdeSolverSettings& settings, OdeTape* tape) {
  OdeTrajectory result;
  result.states.push_back(y0);
  StartTape(tape, OdeMethod::kDormandPrince, y0.rows());
  if (times.size() == 1) return result;
  std::vector<Eigen::MatrixXd> stage_inputs(6), k(6);
  Eigen::MatrixXd y = y0, last_stage;
  double t = times(0);
  f.Evaluate(y, t, &k[0]);
  ++result.function_evaluations;
  if (!k[0].allFinite()) return Status::Error("The vector field is not finite at the initial state.");
  double h = settings.initial_step > 0.0 ? settings.initial_step
                                         : AutomaticFirstStep(f, y, t, k[0], settings, &result.function_evaluations);
  h = std::min(h, settings.max_step);
  bool rejected_last = false;
  for (Eigen::Index out = 1; out < times.size(); ++out) {
    const double t_out = times(out);
    while (t < t_out) {
      if (result.accepted_steps + result.rejected_steps >= settings.max_steps) {
        return Status::Error("Dormand–Prince reached max steps (" + std::to_string(settings.max_steps) + ") at t = " +
                             TimeText(t) + ": loosen the tolerances or raise max steps.");
      }
      // Land exactly on the requested time (and do not leave a sliver of a step before it).
      const bool clipped = t + h * (1.0 + 1e-10) >= t_out;
      const double h_try = clipped ? t_out - t : h;
      const double t_next = clipped ? t_out : t + h_try;
      Eigen::MatrixXd next = RungeKuttaStep(f, kDopri5, y, t, h_try, &stage_inputs, &k, &result.function_evaluations);
      f.Evaluate(next, t_next, &last_stage);
      ++result.function_evaluations;
      Eigen::MatrixXd error = (h_try * kDopri5ErrorLast) * last_stage;
      for (int s = 0; s < 6; ++s) {
        if (kDopri5Error[s] != 0.0) error += (h_try * kDopri5Error[s]) * k[s];
      }
      const Eigen::MatrixXd scale = (settings.absolute_tolerance +
                                     settings.relative_tolerance * y.array().abs().max(next.array().abs())).matrix();
      const double err = ScaledRms(error, scale);
      if (err <= 1.0 && next.allFinite() && last_stage.allFinite()) {
        RecordStep(tape, t, h_try, stage_inputs);
        ++result.accepted_steps;
        y = std::move(next);
        t = t_next;
        k[0] = last_stage;  // first same as last
        double factor = err == 0.0 ? settings.max_factor
                                   : std::clamp(settings.safety * std::pow(err, -0.2), settings.min_factor, settings.max_factor);
        if (rejected_last) factor = std::min(factor, 1.0);
        double h_new = h_try * factor;
        if (clipped) h_new = std::max(h_new, h);  // a step shortened to hit t_out says little about the scale
        h = std::min(h_new, settings.max_step);
        rejected_last = false;
      } else {
        ++result.rejected_steps;
        const double factor = std::isfinite(err) ? std::clamp(settings.safety * std::pow(err, -0.2), settings.min_factor, 1.0)
                                                 : settings.min_factor;
        h = h_try * factor;
        rejected_last = true;
        if (h < settings.min_step) {
          return Status::Error("Dormand–Prince needed a step below min step (" + TimeText(settings.min_step) + ") at t = " +
                               TimeText(t) + ": the solution blows up or the problem is stiff.");
        }
      }
    }
    result.states.push_back(y);
    if (tape) tape->output_after_step.push_back(result.accepted_steps - 1);
  }
  return result;
}

// ---- [SECTION] Reverse pass ------------------------------------------------------------------

// ∂L/∂y_n from ∂L/∂y_{n+1} through one recorded step (step size and times held constant).
void ReverseStep(const OdeRightHandSide& f, const Tableau& tableau, double t, double h,
                 const std::vector<Eigen::MatrixXd>& stage_inputs, Eigen::MatrixXd* y_bar, Eigen::VectorXd* grad_theta) {
  std::vector<Eigen::MatrixXd> k_bar(tableau.stages);
  for (int s = 0; s < tableau.stages; ++s) k_bar[s] = (h * tableau.b[s]) * *y_bar;  // y_{n+1} = y_n + h Σ b_s K_s
  Eigen::MatrixXd previous = *y_bar, stage_bar;
  for (int s = tableau.stages - 1; s >= 0; --s) {
    f.VectorJacobianProduct(stage_inputs[s], t + tableau.c[s] * h, k_bar[s], &stage_bar, grad_theta);  // K_s = f(Y_s)
    previous += stage_bar;                                                                            // Y_s = y_n + …
    for (int j = 0; j < s; ++j) {
      if (tableau.a[s][j] != 0.0) k_bar[j] += (h * tableau.a[s][j]) * stage_bar;                      // … + h Σ a_sj K_j
    }
  }
  *y_bar = std::move(previous);
}

}  // namespace

const char* OdeMethodName(OdeMethod method) { return method == OdeMethod::kRk4 ? "rk4" : "dopri5"; }

Status ValidateOdeSolverSettings(const OdeSolverSettings& s) {
  if (s.method == OdeMethod::kRk4 && !(s.rk4_step > 0.0 && std::isfinite(s.rk4_step))) {
    return Status::Error("The RK4 step size must be a positive number.");
  }
  if (!(s.relative_tolerance >= 0.0) || !(s.absolute_tolerance >= 0.0)) {
    return Status::Error("The solver tolerances cannot be negative.");
  }
  if (!(s.relative_tolerance + s.absolute_tolerance > 0.0)) {
    return Status::Error("At least one solver tolerance (relative or absolute) must be positive.");
  }
  if (!(s.initial_step >= 0.0) || !std::isfinite(s.initial_step)) {
    return Status::Error("The initial step must be positive, or 0 for the automatic choice.");
  }
  if (!(s.min_step >= 0.0) || !(s.max_step > 0.0) || !(s.min_step <= s.max_step)) {
    return Status::Error("The step bounds need 0 ≤ min step ≤ max step and max step > 0.");
  }
  if (s.max_steps < 1) return Status::Error("The solver needs a max steps of at least 1.");
  if (!(s.safety > 0.0 && s.safety <= 1.0)) return Status::Error("The step safety factor must be in (0, 1].");
  if (!(s.min_factor > 0.0 && s.min_factor < 1.0) || !(s.max_factor > 1.0)) {
    return Status::Error("The step-size factors need 0 < min factor < 1 < max factor.");
  }
  return Status::Ok();
}

Result<OdeTrajectory> SolveOde(const OdeRightHandSide& f, const Eigen::MatrixXd& y0, const Eigen::VectorXd& times,
                               const OdeSolverSettings& settings, OdeTape* tape) {
  if (Status status = ValidateOdeSolverSettings(settings); !status.ok()) return status;
  if (Status status = ValidateInputs(f, y0, times); !status.ok()) return status;
  return settings.method == OdeMethod::kRk4 ? SolveRk4(f, y0, times, settings, tape)
                                            : SolveDopri5(f, y0, times, settings, tape);
}

// ---- [SECTION] Replay --------------------------------------------------------------------------

Result<OdeTrajectory> ReplayOdeSteps(const OdeRightHandSide& f, const Eigen::MatrixXd& y0, const Eigen::VectorXd& times,
                                     const OdeTape& steps, OdeTape* tape) {
  if (Status status = ValidateInputs(f, y0, times); !status.ok()) return status;
  if (steps.output_after_step.size() != static_cast<size_t>(times.size())) {
    return Status::Error("The recorded steps belong to a solve with a different number of times.");
  }
  const Tableau& tableau = TableauOf(steps.method);
  OdeTrajectory result;
  result.states.push_back(y0);
  StartTape(tape, steps.method, y0.rows());
  std::vector<Eigen::MatrixXd> stage_inputs(tableau.stages), k(tableau.stages);
  Eigen::MatrixXd y = y0;
  size_t next_output = 1;
  for (size_t n = 0; n < steps.step_size.size(); ++n) {
    f.Evaluate(y, steps.step_start[n], &k[0]);
    ++result.function_evaluations;
    y = RungeKuttaStep(f, tableau, y, steps.step_start[n], steps.step_size[n], &stage_inputs, &k, &result.function_evaluations);
    ++result.accepted_steps;
    RecordStep(tape, steps.step_start[n], steps.step_size[n], stage_inputs);
    while (next_output < steps.output_after_step.size() && steps.output_after_step[next_output] == static_cast<int>(n)) {
      result.states.push_back(y);
      if (tape) tape->output_after_step.push_back(static_cast<int>(n));
      ++next_output;
    }
  }
  if (!y.allFinite()) return Status::Error("The replayed solution became non-finite.");
  return result;
}

Eigen::MatrixXd BackpropagateOde(const OdeRightHandSide& f, const OdeTape& tape,
                                 const std::vector<Eigen::MatrixXd>& state_cotangents, Eigen::VectorXd* grad_theta) {
  const Tableau& tableau = TableauOf(tape.method);
  Eigen::MatrixXd y_bar = Eigen::MatrixXd::Zero(tape.batch_size, f.state_dim());
  auto add_cotangent = [&](size_t k) {
    if (k < state_cotangents.size() && state_cotangents[k].size() > 0) y_bar += state_cotangents[k];
  };
  int next_output = static_cast<int>(tape.output_after_step.size()) - 1;
  for (int n = static_cast<int>(tape.step_size.size()) - 1; n >= 0; --n) {
    while (next_output >= 1 && tape.output_after_step[next_output] == n) add_cotangent(static_cast<size_t>(next_output--));
    ReverseStep(f, tableau, tape.step_start[n], tape.step_size[n], tape.stage_inputs[n], &y_bar, grad_theta);
  }
  while (next_output >= 0) add_cotangent(static_cast<size_t>(next_output--));
  return y_bar;
}

// ---- [SECTION] Adjoint -----------------------------------------------------------------------

Eigen::MatrixXd AdjointGradients(const OdeRightHandSide& f, const Eigen::VectorXd& times, const OdeTrajectory& forward,
                                 const std::vector<Eigen::MatrixXd>& state_cotangents, double rk4_step,
                                 Eigen::VectorXd* grad_theta) {
  const Eigen::Index parameters = f.parameter_count();
  const Eigen::Index batch = forward.states.front().rows();
  const int d = f.state_dim();
  // The augmented system backwards in time: dy/dt = f, da/dt = −aᵀ∂f/∂y, dg/dt = −aᵀ∂f/∂θ.
  struct Augmented {
    Eigen::MatrixXd y, a;
    Eigen::VectorXd g;
  };
  auto derivative = [&](const Augmented& state, double t) {
    Augmented rate;
    f.Evaluate(state.y, t, &rate.y);
    Eigen::VectorXd g = Eigen::VectorXd::Zero(parameters);
    f.VectorJacobianProduct(state.y, t, state.a, &rate.a, &g);
    rate.a = -rate.a;
    rate.g = -g;
    return rate;
  };
  auto axpy = [](const Augmented& x, double h, const Augmented& k) {
    return Augmented{x.y + h * k.y, x.a + h * k.a, x.g + h * k.g};
  };
  auto add_cotangent = [&](Eigen::MatrixXd* a, size_t k) {
    if (k < state_cotangents.size() && state_cotangents[k].size() > 0) *a += state_cotangents[k];
  };
  Augmented state{forward.states.back(), Eigen::MatrixXd::Zero(batch, d), Eigen::VectorXd::Zero(parameters)};
  for (Eigen::Index out = times.size() - 1; out >= 1; --out) {
    // Restart y from the stored forward state at each observation (as torchdiffeq does), so the
    // backward re-integration error does not accumulate across intervals.
    state.y = forward.states[static_cast<size_t>(out)];
    add_cotangent(&state.a, static_cast<size_t>(out));
    const double interval = times(out) - times(out - 1);
    const int steps = static_cast<int>(std::max(1.0, std::ceil(interval / rk4_step - 1e-9)));
    const double h = -interval / steps;  // backwards
    for (int s = 0; s < steps; ++s) {
      const double t = times(out) + s * h;
      const Augmented k1 = derivative(state, t);
      const Augmented k2 = derivative(axpy(state, 0.5 * h, k1), t + 0.5 * h);
      const Augmented k3 = derivative(axpy(state, 0.5 * h, k2), t + 0.5 * h);
      const Augmented k4 = derivative(axpy(state, h, k3), t + h);
      state.y += (h / 6.0) * (k1.y + 2.0 * k2.y + 2.0 * k3.y + k4.y);
      state.a += (h / 6.0) * (k1.a + 2.0 * k2.a + 2.0 * k3.a + k4.a);
      state.g += (h / 6.0) * (k1.g + 2.0 * k2.g + 2.0 * k3.g + k4.g);
    }
  }
  add_cotangent(&state.a, 0);
  if (grad_theta && parameters > 0) *grad_theta += state.g;
  return state.a;
}

}  // namespace mlp::deep
