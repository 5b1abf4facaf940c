// Neural-ODE vector fields: the right-hand side f(y, t) of dy/dt = f(y, t) that the solvers in
// neural_ode_solver.h integrate and differentiate through, and the MLP field f_θ the neural ODE
// learns (Chen et al. 2018, "Neural Ordinary Differential Equations").
//
// Shapes: a BATCH of independent states is a B × d matrix, one state per row (the nn convention:
// rows are samples). Everything is double: the solvers' order and gradient checks need it.
// Dynamic-size Eigen only: see core/data/generators/ode_spiral.h for the Emscripten miscompile of
// fixed-size 2-vectors built from strided rows.
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"
#include "core/nn/parameter.h"

namespace mlp::deep {

// What a solver needs from a vector field: its value and, for backprop, its vector–Jacobian
// products. Implementations must be deterministic and must not keep state between calls.
class OdeRightHandSide {
public:
  virtual ~OdeRightHandSide() = default;

  virtual int state_dim() const = 0;                   // d
  virtual Eigen::Index parameter_count() const = 0;    // size of θ (0 for a fixed field)

  // dydt (B × d) = f(y, t) row by row; y is B × d. dydt is resized as needed.
  virtual void Evaluate(const Eigen::MatrixXd& y, double t, Eigen::MatrixXd* dydt) const = 0;

  // Reverse mode through f at (y, t) for a cotangent v (B × d) of its output:
  //   grad_y (B × d), row b = v_b ᵀ ∂f/∂y (y_b, t);
  //   *grad_theta += Σ_b v_b ᵀ ∂f/∂θ (y_b, t)   (ADDED, so a solver can accumulate over stages;
  //   skipped when grad_theta is null; size parameter_count()).
  virtual void VectorJacobianProduct(const Eigen::MatrixXd& y, double t, const Eigen::MatrixXd& v,
                                     Eigen::MatrixXd* grad_y, Eigen::VectorXd* grad_theta) const = 0;

  // ∂f/∂y at one state (d × d, row i = ∂f_i/∂y), from d vector–Jacobian products. For views
  // (linearisation around a point) and tests.
  Eigen::MatrixXd Jacobian(const Eigen::VectorXd& state, double t) const;
};

struct NeuralOdeFieldSettings {
  int state_dim = 2;                      // d ≥ 1
  std::vector<int> hidden_widths = {32};  // tanh hidden layers, each width ≥ 1 (may be empty: linear field)
  bool time_dependent = false;            // true: f(y, t) takes t as an extra input; false: f(y)
  // Fixed (untrained) scales: f(y, t) = output_scale · MLP(y / input_scale, t). They put the
  // network's inputs and outputs near 1 whatever the data's units (NeuralOdeModel can set them from
  // the data); both > 0.
  double input_scale = 1.0;
  double output_scale = 1.0;
};

Status ValidateNeuralOdeFieldSettings(const NeuralOdeFieldSettings& settings);

// f_θ(y, t) = s_out · (W_L ᵀ tanh(… tanh(W_1 ᵀ [y / s_in, t] + b_1) …) + b_L): an MLP with tanh hidden layers and a
// linear output of size d. All weights and biases live in ONE flat vector θ (and its gradient in a
// vector of the same layout), so solvers accumulate ∂L/∂θ with plain vector adds and the optimiser
// sees them as Parameter views. Layout per layer l: W_l (inputs × outputs, column-major), then b_l.
class NeuralOdeField final : public OdeRightHandSide {
public:
  NeuralOdeField() = default;

  // Checks the settings, sizes θ and draws it from `seed`: Glorot-uniform weights (limit
  // √(6 / (fan_in + fan_out))), layer by layer, column by column; zero biases. Gradient zeroed.
  Status Initialize(const NeuralOdeFieldSettings& settings, uint32_t seed);

  const NeuralOdeFieldSettings& settings() const { return settings_; }
  int state_dim() const override { return settings_.state_dim; }
  Eigen::Index parameter_count() const override { return theta_.size(); }
  int input_dim() const { return settings_.state_dim + (settings_.time_dependent ? 1 : 0); }

  const Eigen::VectorXd& theta() const { return theta_; }       // θ, flat
  Eigen::VectorXd& theta() { return theta_; }
  const Eigen::VectorXd& theta_grad() const { return grad_; }   // ∂L/∂θ, same layout
  Eigen::VectorXd& theta_grad() { return grad_; }

  // Views of θ and its gradient per layer ("layer0.W", "layer0.b", …) for nn::Optimizer. They
  // point into this object's storage: rebuild them after Initialize or after copying the field.
  std::vector<nn::Parameter<double>> Parameters();

  void Evaluate(const Eigen::MatrixXd& y, double t, Eigen::MatrixXd* dydt) const override;
  void VectorJacobianProduct(const Eigen::MatrixXd& y, double t, const Eigen::MatrixXd& v,
                             Eigen::MatrixXd* grad_y, Eigen::VectorXd* grad_theta) const override;

private:
  struct LayerSlot {
    int inputs = 0, outputs = 0;
    Eigen::Index weight_offset = 0, bias_offset = 0;  // into θ
  };
  // Input rows [y, t] (B × input_dim).
  Eigen::MatrixXd InputRows(const Eigen::MatrixXd& y, double t) const;
  // Hidden activations a_1 … a_{L−1} (each B × width) for the input rows; returns the output.
  Eigen::MatrixXd Forward(const Eigen::MatrixXd& input, std::vector<Eigen::MatrixXd>* hidden) const;

  NeuralOdeFieldSettings settings_;
  std::vector<LayerSlot> layers_;
  Eigen::VectorXd theta_, grad_;
};

}  // namespace mlp::deep
