#include "core/nn/loss.h"

#include <cassert>

namespace mlp::nn {

std::string_view LossName(Loss loss) {
  switch (loss) {
    case Loss::kMeanSquaredError: return "mse";
    case Loss::kBinaryCrossEntropy: return "bce";
    case Loss::kCategoricalCrossEntropy: return "cce";
  }
  return "mse";
}

bool ParseLoss(std::string_view name, Loss* loss) {
  for (Loss candidate : {Loss::kMeanSquaredError, Loss::kBinaryCrossEntropy,
                         Loss::kCategoricalCrossEntropy}) {
    if (LossName(candidate) == name) {
      *loss = candidate;
      return true;
    }
  }
  return false;
}

template <typename S>
S LossValue(Loss loss, const ConstRef<S>& prediction, const ConstRef<S>& target) {
  assert(prediction.rows() == target.rows() && prediction.cols() == target.cols());
  const Eigen::Index n = prediction.rows();
  if (n == 0) return S(0);
  const S eps = static_cast<S>(kProbabilityEpsilon);
  const auto p = prediction.array();
  const auto t = target.array();
  const auto clamped = p.max(eps).min(S(1) - eps);
  S sum(0);
  switch (loss) {
    case Loss::kMeanSquaredError: sum = S(0.5) * (p - t).square().sum(); break;
    case Loss::kBinaryCrossEntropy:
      sum = -(t * clamped.log() + (S(1) - t) * (S(1) - clamped).log()).sum();
      break;
    case Loss::kCategoricalCrossEntropy: sum = -(t * clamped.log()).sum(); break;
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
  }
}

template float LossValue<float>(Loss, const ConstRef<float>&, const ConstRef<float>&);
template double LossValue<double>(Loss, const ConstRef<double>&, const ConstRef<double>&);
template void LossGradient<float>(Loss, const ConstRef<float>&, const ConstRef<float>&,
                                  MutableRef<float>);
template void LossGradient<double>(Loss, const ConstRef<double>&, const ConstRef<double>&,
                                   MutableRef<double>);

}  // namespace mlp::nn
