#include "core/nn/loss.h"

#include <cassert>

namespace mlp::nn {

std::string_view LossName(Loss loss) {
  switch (loss) {
    case Loss::kMeanSquaredError: return "mse";
    case Loss::kBinaryCrossEntropy: return "bce";
    case Loss::kCategoricalCrossEntropy: return "cce";
    case Loss::kDice: return "dice";
  }
  return "mse";
}

bool ParseLoss(std::string_view name, Loss* loss) {
  for (Loss candidate : {Loss::kMeanSquaredError, Loss::kBinaryCrossEntropy,
                         Loss::kCategoricalCrossEntropy, Loss::kDice}) {
    if (LossName(candidate) == name) {
      *loss = candidate;
      return true;
    }
  }
  return false;
}

namespace {

// Soft Dice of one sample, given as a vector (a row or a column).
template <typename S, typename Vector>
S DiceOfSample(const Vector& p, const Vector& t) {
  const S eps = static_cast<S>(kDiceSmoothing);
  const S overlap = S(2) * (p.array() * t.array()).sum() + eps;
  const S total = p.sum() + t.sum() + eps;
  return S(1) - overlap / total;
}

// d(Dice of the sample)/dp_j = (N − 2 t_j D) / D², with N, D the numerator and denominator.
template <typename S, typename Vector, typename OutVector>
void DiceGradientOfSample(const Vector& p, const Vector& t, S scale, OutVector grad) {
  const S eps = static_cast<S>(kDiceSmoothing);
  const S overlap = S(2) * (p.array() * t.array()).sum() + eps;
  const S total = p.sum() + t.sum() + eps;
  grad.array() = (overlap - S(2) * total * t.array()) * (scale / (total * total));
}

// Σ over every entry of the element-wise losses (mse, bce, cce).
template <typename S>
S ElementwiseLossSum(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target) {
  const S eps = static_cast<S>(kProbabilityEpsilon);
  const auto p = prediction.array();
  const auto t = target.array();
  const auto clamped = p.max(eps).min(S(1) - eps);
  switch (loss) {
    case Loss::kMeanSquaredError: return S(0.5) * (p - t).square().sum();
    case Loss::kBinaryCrossEntropy:
      return -(t * clamped.log() + (S(1) - t) * (S(1) - clamped).log()).sum();
    case Loss::kCategoricalCrossEntropy: return -(t * clamped.log()).sum();
    case Loss::kDice: break;
  }
  return S(0);
}

template <typename S>
void ElementwiseLossGradient(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target,
                             S inv_n, MutableRef<S>& grad) {
  const S eps = static_cast<S>(kProbabilityEpsilon);
  const auto p = prediction.array();
  const auto t = target.array();
  const auto clamped = p.max(eps).min(S(1) - eps);
  switch (loss) {
    case Loss::kMeanSquaredError: grad.array() = (p - t) * inv_n; break;
    case Loss::kBinaryCrossEntropy:
      grad.array() = (clamped - t) / (clamped * (S(1) - clamped)) * inv_n;
      break;
    case Loss::kCategoricalCrossEntropy: grad.array() = -t / clamped * inv_n; break;
    case Loss::kDice: break;
  }
}

}  // namespace

template <typename S>
S LossValue(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target) {
  assert(prediction.rows() == target.rows() && prediction.cols() == target.cols());
  const Eigen::Index n = prediction.rows();
  if (n == 0) return S(0);
  S sum(0);
  if (loss == Loss::kDice) {
    for (Eigen::Index i = 0; i < n; ++i) sum += DiceOfSample<S>(prediction.row(i), target.row(i));
  } else {
    sum = ElementwiseLossSum<S>(loss, prediction, target);
  }
  return sum / static_cast<S>(n);
}

template <typename S>
void LossGradient(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target,
                  MutableRef<S> grad) {
  assert(prediction.rows() == target.rows() && prediction.cols() == target.cols());
  assert(grad.rows() == prediction.rows() && grad.cols() == prediction.cols());
  const Eigen::Index n = prediction.rows();
  if (n == 0) return;
  const S inv_n = S(1) / static_cast<S>(n);
  if (loss == Loss::kDice) {
    for (Eigen::Index i = 0; i < n; ++i) {
      DiceGradientOfSample<S>(prediction.row(i), target.row(i), inv_n, grad.row(i));
    }
    return;
  }
  ElementwiseLossGradient<S>(loss, prediction, target, inv_n, grad);
}

template <typename S>
S LossValueColumns(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target) {
  assert(prediction.rows() == target.rows() && prediction.cols() == target.cols());
  const Eigen::Index n = prediction.cols();
  if (n == 0) return S(0);
  S sum(0);
  if (loss == Loss::kDice) {
    for (Eigen::Index j = 0; j < n; ++j) sum += DiceOfSample<S>(prediction.col(j), target.col(j));
  } else {
    sum = ElementwiseLossSum<S>(loss, prediction, target);
  }
  return sum / static_cast<S>(n);
}

template <typename S>
void LossGradientColumns(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target,
                         MutableRef<S> grad) {
  assert(prediction.rows() == target.rows() && prediction.cols() == target.cols());
  assert(grad.rows() == prediction.rows() && grad.cols() == prediction.cols());
  const Eigen::Index n = prediction.cols();
  if (n == 0) return;
  const S inv_n = S(1) / static_cast<S>(n);
  if (loss == Loss::kDice) {
    for (Eigen::Index j = 0; j < n; ++j) {
      DiceGradientOfSample<S>(prediction.col(j), target.col(j), inv_n, grad.col(j));
    }
    return;
  }
  ElementwiseLossGradient<S>(loss, prediction, target, inv_n, grad);
}

#define MLP_INSTANTIATE_LOSSES(S)                                                              \
  template S LossValue<S>(Loss, const ConstRef<S>&, const ConstRef<S>&);                       \
  template void LossGradient<S>(Loss, const ConstRef<S>&, const ConstRef<S>&, MutableRef<S>);  \
  template S LossValueColumns<S>(Loss, const ConstRef<S>&, const ConstRef<S>&);                \
  template void LossGradientColumns<S>(Loss, const ConstRef<S>&, const ConstRef<S>&, MutableRef<S>);
MLP_INSTANTIATE_LOSSES(float)
MLP_INSTANTIATE_LOSSES(double)
#undef MLP_INSTANTIATE_LOSSES

}  // namespace mlp::nn
