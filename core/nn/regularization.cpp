#include "core/nn/regularization.h"

#include <cassert>

namespace mlp::nn {

std::string_view RegularizationName(Regularization regularization) {
  switch (regularization) {
    case Regularization::kNone: return "none";
    case Regularization::kL1: return "l1";
    case Regularization::kL2: return "l2";
  }
  return "none";
}

bool ParseRegularization(std::string_view name, Regularization* regularization) {
  for (Regularization candidate :
       {Regularization::kNone, Regularization::kL1, Regularization::kL2}) {
    if (RegularizationName(candidate) == name) {
      *regularization = candidate;
      return true;
    }
  }
  return false;
}

template <typename S>
S RegularizationPenalty(Regularization regularization, const ConstRef<S>& weights, S rate) {
  switch (regularization) {
    case Regularization::kNone: return S(0);
    case Regularization::kL1: return rate * weights.cwiseAbs().sum();
    case Regularization::kL2: return rate * S(0.5) * weights.squaredNorm();
  }
  return S(0);
}

template <typename S>
void AddRegularizationGradient(Regularization regularization, const ConstRef<S>& weights, S rate,
                               MutableRef<S> grad) {
  assert(weights.rows() == grad.rows() && weights.cols() == grad.cols());
  switch (regularization) {
    case Regularization::kNone: break;
    case Regularization::kL1: grad.array() += rate * weights.array().sign(); break;
    case Regularization::kL2: grad.array() += rate * weights.array(); break;
  }
}

template float RegularizationPenalty<float>(Regularization, const ConstRef<float>&, float);
template double RegularizationPenalty<double>(Regularization, const ConstRef<double>&, double);
template void AddRegularizationGradient<float>(Regularization, const ConstRef<float>&, float,
                                               MutableRef<float>);
template void AddRegularizationGradient<double>(Regularization, const ConstRef<double>&, double,
                                                MutableRef<double>);

}  // namespace mlp::nn
