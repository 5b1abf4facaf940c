// Learning-rate schedules and early stopping for epoch-based training.
//
// A schedule is a PURE function of the epoch number and the validation losses seen so far, so a
// run can be replayed, plotted ahead of time and resumed without hidden state:
//   constant          lr(e) = lr₀
//   step decay        lr(e) = lr₀·γ^⌊e / step⌋
//   exponential       lr(e) = lr₀·γ^e
//   cosine            lr(e) = lr_min + ½(lr₀ − lr_min)(1 + cos(π·min(e, T)/T))   (Loshchilov & Hutter
//                     2017 without restarts; holds lr_min after T epochs)
//   reduce on plateau lr is multiplied by `factor` (not below lr_min) whenever `patience` epochs in a
//                     row failed to improve the best validation loss by more than min_delta
//                     (Keras's ReduceLROnPlateau rule, no cooldown; the counter restarts after a cut)
// Epochs count from 0; the rate of epoch e may use the validation losses of epochs 0 … e−1.
//
// EarlyStopping watches the validation loss with Keras's rule: stop once `patience` epochs in a row
// failed to beat the best by more than min_delta. The caller keeps the best weights: take a
// ParameterSnapshot whenever improved() says the last epoch was a new best, Restore it at the end.
#pragma once

#include <limits>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/nn/matrix.h"
#include "core/nn/parameter.h"

namespace mlp::nn {

enum class ScheduleKind { kConstant, kStepDecay, kExponential, kCosine, kReduceOnPlateau };

// "constant", "step", "exponential", "cosine", "plateau".
std::string_view ScheduleKindName(ScheduleKind kind);
// Inverse of ScheduleKindName; false (and *kind untouched) for an unknown name.
bool ParseScheduleKind(std::string_view name, ScheduleKind* kind);

struct ScheduleSettings {
  ScheduleKind kind = ScheduleKind::kConstant;
  double initial_rate = 0.01;  // lr₀
  double gamma = 0.5;          // step decay: factor per step; exponential: factor per epoch
  int step_epochs = 10;        // step decay: epochs between cuts
  int cosine_epochs = 100;     // cosine: T, the epochs from lr₀ down to lr_min
  double min_rate = 0.0;       // cosine's floor and the plateau's floor
  double plateau_factor = 0.1;     // plateau: the cut
  int plateau_patience = 5;        // plateau: epochs without improvement before a cut
  double plateau_min_delta = 1e-4;  // plateau: an improvement must beat the best by more than this
};

// Ok, or what is wrong (a non-positive rate, a factor outside (0, 1], …).
Status ValidateScheduleSettings(const ScheduleSettings& settings);

// The learning rate of epoch `epoch` (≥ 0). validation_losses[i] is epoch i's validation loss; only
// the first min(epoch, size) entries are read, and only by reduce-on-plateau.
double ScheduledLearningRate(const ScheduleSettings& settings, int epoch,
                             const std::vector<double>& validation_losses = {});

struct EarlyStoppingSettings {
  int patience = 5;          // epochs without improvement before stopping
  double min_delta = 0.0;    // an improvement must beat the best by more than this
  bool restore_best = true;  // advice to the caller: Restore the best snapshot when stopping
};

class EarlyStopping {
public:
  explicit EarlyStopping(const EarlyStoppingSettings& settings = {}) : settings_(settings) {}
  const EarlyStoppingSettings& settings() const { return settings_; }

  // Records the next epoch's validation loss; returns true when training should stop now.
  bool Update(double validation_loss);
  bool should_stop() const { return epochs_without_improvement_ >= settings_.patience && epochs_ > 0; }
  bool improved() const { return improved_; }   // the last Update set a new best: snapshot now
  int epochs() const { return epochs_; }        // Updates so far
  int best_epoch() const { return best_epoch_; }  // 0-based; −1 before the first Update
  double best_loss() const { return best_loss_; }
  int epochs_without_improvement() const { return epochs_without_improvement_; }
  void Reset();

private:
  EarlyStoppingSettings settings_;
  double best_loss_ = std::numeric_limits<double>::infinity();
  int best_epoch_ = -1;
  int epochs_ = 0;
  int epochs_without_improvement_ = 0;
  bool improved_ = false;
};

// A copy of a model's parameter values (not gradients), e.g. the best epoch's weights.
template <typename S>
class ParameterSnapshot {
public:
  // Copies every value; allocates only the first time (or when the shapes change).
  void Capture(const std::vector<Parameter<S>>& parameters);
  // Writes the copied values back. The list must have the captured shapes; false (nothing written)
  // if it does not or nothing was captured.
  bool Restore(std::vector<Parameter<S>>& parameters) const;
  bool empty() const { return values_.empty(); }

private:
  std::vector<Matrix<S>> values_;
};

extern template class ParameterSnapshot<float>;
extern template class ParameterSnapshot<double>;

}  // namespace mlp::nn
