// Gradient-descent optimisers. Settings are a plain struct the UI edits; the per-parameter state
// (momentum buffers, Adam moments) lives in the Optimizer, keyed by the parameter's SLOT INDEX in
// the model's Parameters() list.
//   SGD with heavy-ball momentum (PyTorch's form):  v ← μ·v + g;   w ← w − lr·v   (μ = 0: plain SGD)
//   Adam (Kingma & Ba 2015, Algorithm 1):            m ← β1·m + (1−β1)·g;   v ← β2·v + (1−β2)·g²
//        w ← w − lr·m̂/(√v̂ + ε)  with  m̂ = m/(1−β1ᵗ),  v̂ = v/(1−β2ᵗ),  t = steps taken
//   RMSprop (Hinton's lecture 6e, PyTorch's form, no momentum, not centred):
//        v ← α·v + (1−α)·g²;   w ← w − lr·g/(√v + ε)   (v starts at 0, no bias correction)
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/nn/matrix.h"
#include "core/nn/parameter.h"

namespace mlp::nn {

enum class OptimizerKind { kSgd, kAdam, kRmsprop };

// "sgd", "adam", "rmsprop".
std::string_view OptimizerKindName(OptimizerKind kind);
// Inverse of OptimizerKindName; false (and *kind untouched) for an unknown name.
bool ParseOptimizerKind(std::string_view name, OptimizerKind* kind);

struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::kSgd;
  double learning_rate = 0.03;
  double momentum = 0.0;  // SGD only; 0 disables the velocity buffer's effect
  double beta1 = 0.9, beta2 = 0.999;  // Adam only
  double epsilon = 1e-8;              // Adam and RMSprop
  double rmsprop_alpha = 0.99;        // RMSprop only: decay of the running mean of g²
};

template <typename S>
class Optimizer {
public:
  // Sizes the state for these parameters (shapes only; the views are not kept).
  Optimizer(const OptimizerSettings& settings, const std::vector<Parameter<S>>& parameters);

  const OptimizerSettings& settings() const { return settings_; }
  // Applies new settings between steps. Changing the learning rate, momentum or betas keeps the
  // state (a live slider change continues the run); changing the kind starts the new kind's state
  // from zero.
  void set_settings(const OptimizerSettings& settings);

  // One update of every parameter from its grad. Same parameter list (order and shapes) as given to
  // the constructor. Does not allocate.
  void Step(std::vector<Parameter<S>>& parameters);
  // Zeroes the state and the step count (e.g. after the model is re-initialised).
  void ResetState();
  // Steps taken since construction or the last reset (Adam's t).
  int64_t step_count() const { return step_count_; }

private:
  void AllocateState();

  OptimizerSettings settings_;
  std::vector<Eigen::Index> rows_, cols_;  // shape of each slot
  std::vector<Matrix<S>> velocity_;        // SGD
  std::vector<Matrix<S>> first_moment_;    // Adam m
  std::vector<Matrix<S>> second_moment_;   // Adam v, RMSprop v
  int64_t step_count_ = 0;
};

extern template class Optimizer<float>;
extern template class Optimizer<double>;

}  // namespace mlp::nn
