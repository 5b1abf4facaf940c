#include "core/nn/optimizer.h"

#include <cassert>
#include <cmath>

namespace mlp::nn {

std::string_view OptimizerKindName(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::kSgd: return "sgd";
    case OptimizerKind::kAdam: return "adam";
    case OptimizerKind::kRmsprop: return "rmsprop";
  }
  return "sgd";
}

bool ParseOptimizerKind(std::string_view name, OptimizerKind* kind) {
  for (OptimizerKind candidate : {OptimizerKind::kSgd, OptimizerKind::kAdam, OptimizerKind::kRmsprop}) {
    if (OptimizerKindName(candidate) == name) {
      *kind = candidate;
      return true;
    }
  }
  return false;
}

template <typename S>
Optimizer<S>::Optimizer(const OptimizerSettings& settings, const std::vector<Parameter<S>>& parameters)
    : settings_(settings) {
  for (const auto& parameter : parameters) {
    rows_.push_back(parameter.value.rows());
    cols_.push_back(parameter.value.cols());
  }
  AllocateState();
}

template <typename S>
void Optimizer<S>::AllocateState() {
  // Only the current kind's buffers are kept; the other kind's are released.
  const size_t slots = rows_.size();
  velocity_.clear();
  first_moment_.clear();
  second_moment_.clear();
  for (size_t i = 0; i < slots; ++i) {
    if (settings_.kind == OptimizerKind::kSgd) {
      velocity_.push_back(Matrix<S>::Zero(rows_[i], cols_[i]));
    } else if (settings_.kind == OptimizerKind::kRmsprop) {
      second_moment_.push_back(Matrix<S>::Zero(rows_[i], cols_[i]));
    } else {
      first_moment_.push_back(Matrix<S>::Zero(rows_[i], cols_[i]));
      second_moment_.push_back(Matrix<S>::Zero(rows_[i], cols_[i]));
    }
  }
  step_count_ = 0;
}

template <typename S>
void Optimizer<S>::set_settings(const OptimizerSettings& settings) {
  const bool kind_changed = settings.kind != settings_.kind;
  // Plain SGD does not maintain the velocity, so switching momentum on starts it from zero.
  const bool momentum_switched_on = settings_.momentum == 0.0 && settings.momentum != 0.0;
  settings_ = settings;
  if (kind_changed) {
    AllocateState();
  } else if (momentum_switched_on) {
    for (auto& state : velocity_) state.setZero();
  }
}

template <typename S>
void Optimizer<S>::ResetState() {
  for (auto& state : velocity_) state.setZero();
  for (auto& state : first_moment_) state.setZero();
  for (auto& state : second_moment_) state.setZero();
  step_count_ = 0;
}

template <typename S>
void Optimizer<S>::Step(std::vector<Parameter<S>>& parameters) {
  assert(parameters.size() == rows_.size() &&
         "Step needs the parameter list the optimiser was built for");
  ++step_count_;
  const S lr = static_cast<S>(settings_.learning_rate);
  if (settings_.kind == OptimizerKind::kSgd) {
    const S momentum = static_cast<S>(settings_.momentum);
    for (size_t i = 0; i < parameters.size(); ++i) {
      auto& parameter = parameters[i];
      assert(parameter.value.rows() == rows_[i] && parameter.value.cols() == cols_[i]);
      if (momentum == S(0)) {
        parameter.value.noalias() -= lr * parameter.grad;
      } else {
        Matrix<S>& velocity = velocity_[i];
        velocity = momentum * velocity + parameter.grad;
        parameter.value.noalias() -= lr * velocity;
      }
    }
    return;
  }
  if (settings_.kind == OptimizerKind::kRmsprop) {
    const S alpha = static_cast<S>(settings_.rmsprop_alpha);
    const S epsilon = static_cast<S>(settings_.epsilon);
    for (size_t i = 0; i < parameters.size(); ++i) {
      auto& parameter = parameters[i];
      assert(parameter.value.rows() == rows_[i] && parameter.value.cols() == cols_[i]);
      auto v = second_moment_[i].array();
      const auto g = parameter.grad.array();
      v = alpha * v + (S(1) - alpha) * g.square();
      parameter.value.array() -= lr * g / (v.sqrt() + epsilon);
    }
    return;
  }
  // Adam, written as PyTorch does: step = lr/(1−β1ᵗ), denominator √v/√(1−β2ᵗ) + ε, which is the
  // paper's update with m̂ and v̂ expanded. Bias corrections in double (β2ᵗ → 1 slowly).
  const double t = static_cast<double>(step_count_);
  const S beta1 = static_cast<S>(settings_.beta1);
  const S beta2 = static_cast<S>(settings_.beta2);
  const S step_size = static_cast<S>(settings_.learning_rate / (1.0 - std::pow(settings_.beta1, t)));
  const S inv_sqrt_correction2 =
      static_cast<S>(1.0 / std::sqrt(1.0 - std::pow(settings_.beta2, t)));
  const S epsilon = static_cast<S>(settings_.epsilon);
  for (size_t i = 0; i < parameters.size(); ++i) {
    auto& parameter = parameters[i];
    assert(parameter.value.rows() == rows_[i] && parameter.value.cols() == cols_[i]);
    auto m = first_moment_[i].array();
    auto v = second_moment_[i].array();
    const auto g = parameter.grad.array();
    m = beta1 * m + (S(1) - beta1) * g;
    v = beta2 * v + (S(1) - beta2) * g.square();
    parameter.value.array() -= step_size * m / (v.sqrt() * inv_sqrt_correction2 + epsilon);
  }
}

template class Optimizer<float>;
template class Optimizer<double>;

}  // namespace mlp::nn
