#include "core/nn/schedule.h"

#include <algorithm>
#include <cmath>

namespace mlp::nn {

namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

std::string_view ScheduleKindName(ScheduleKind kind) {
  switch (kind) {
    case ScheduleKind::kConstant: return "constant";
    case ScheduleKind::kStepDecay: return "step";
    case ScheduleKind::kExponential: return "exponential";
    case ScheduleKind::kCosine: return "cosine";
    case ScheduleKind::kReduceOnPlateau: return "plateau";
  }
  return "constant";
}

bool ParseScheduleKind(std::string_view name, ScheduleKind* kind) {
  for (ScheduleKind candidate : {ScheduleKind::kConstant, ScheduleKind::kStepDecay, ScheduleKind::kExponential,
                                 ScheduleKind::kCosine, ScheduleKind::kReduceOnPlateau}) {
    if (ScheduleKindName(candidate) == name) {
      *kind = candidate;
      return true;
    }
  }
  return false;
}

Status ValidateScheduleSettings(const ScheduleSettings& s) {
  if (!(s.initial_rate > 0.0)) return Status::Error("The learning rate must be positive.");
  if (!(s.min_rate >= 0.0) || s.min_rate > s.initial_rate) {
    return Status::Error("The minimum learning rate must lie between 0 and the initial rate.");
  }
  switch (s.kind) {
    case ScheduleKind::kConstant: break;
    case ScheduleKind::kStepDecay:
      if (s.step_epochs < 1) return Status::Error("Step decay needs at least one epoch per step.");
      [[fallthrough]];
    case ScheduleKind::kExponential:
      if (!(s.gamma > 0.0 && s.gamma <= 1.0)) return Status::Error("The decay factor must be in (0, 1].");
      break;
    case ScheduleKind::kCosine:
      if (s.cosine_epochs < 1) return Status::Error("A cosine schedule needs at least one epoch.");
      break;
    case ScheduleKind::kReduceOnPlateau:
      if (!(s.plateau_factor > 0.0 && s.plateau_factor < 1.0)) {
        return Status::Error("The plateau factor must be in (0, 1).");
      }
      if (s.plateau_patience < 1) return Status::Error("The plateau patience must be at least one epoch.");
      if (!(s.plateau_min_delta >= 0.0)) return Status::Error("The plateau min delta cannot be negative.");
      break;
  }
  return Status::Ok();
}

double ScheduledLearningRate(const ScheduleSettings& s, int epoch, const std::vector<double>& validation_losses) {
  epoch = std::max(epoch, 0);
  switch (s.kind) {
    case ScheduleKind::kConstant: return s.initial_rate;
    case ScheduleKind::kStepDecay: return s.initial_rate * std::pow(s.gamma, epoch / std::max(s.step_epochs, 1));
    case ScheduleKind::kExponential: return s.initial_rate * std::pow(s.gamma, epoch);
    case ScheduleKind::kCosine: {
      const int period = std::max(s.cosine_epochs, 1);
      const double progress = static_cast<double>(std::min(epoch, period)) / period;
      return s.min_rate + 0.5 * (s.initial_rate - s.min_rate) * (1.0 + std::cos(kPi * progress));
    }
    case ScheduleKind::kReduceOnPlateau: {
      // Replays the history: the rate is a function of it, not of state kept between calls.
      double rate = s.initial_rate;
      double best = std::numeric_limits<double>::infinity();
      int waited = 0;
      const size_t seen = std::min(validation_losses.size(), static_cast<size_t>(epoch));
      for (size_t i = 0; i < seen; ++i) {
        if (validation_losses[i] < best - s.plateau_min_delta) {
          best = validation_losses[i];
          waited = 0;
        } else if (++waited >= s.plateau_patience) {
          rate = std::max(rate * s.plateau_factor, s.min_rate);
          waited = 0;
        }
      }
      return rate;
    }
  }
  return s.initial_rate;
}

bool EarlyStopping::Update(double validation_loss) {
  ++epochs_;
  improved_ = validation_loss < best_loss_ - settings_.min_delta;  // NaN never improves
  if (improved_) {
    best_loss_ = validation_loss;
    best_epoch_ = epochs_ - 1;
    epochs_without_improvement_ = 0;
  } else {
    ++epochs_without_improvement_;
  }
  return should_stop();
}

void EarlyStopping::Reset() {
  best_loss_ = std::numeric_limits<double>::infinity();
  best_epoch_ = -1;
  epochs_ = 0;
  epochs_without_improvement_ = 0;
  improved_ = false;
}

template <typename S>
void ParameterSnapshot<S>::Capture(const std::vector<Parameter<S>>& parameters) {
  values_.resize(parameters.size());
  for (size_t i = 0; i < parameters.size(); ++i) values_[i] = parameters[i].value;
}

template <typename S>
bool ParameterSnapshot<S>::Restore(std::vector<Parameter<S>>& parameters) const {
  if (values_.empty() || parameters.size() != values_.size()) return false;
  for (size_t i = 0; i < parameters.size(); ++i) {
    if (parameters[i].value.rows() != values_[i].rows() || parameters[i].value.cols() != values_[i].cols()) {
      return false;
    }
  }
  for (size_t i = 0; i < parameters.size(); ++i) parameters[i].value = values_[i];
  return true;
}

template class ParameterSnapshot<float>;
template class ParameterSnapshot<double>;

}  // namespace mlp::nn
