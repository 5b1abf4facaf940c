#include "core/nn/activation.h"

#include <algorithm>
#include <cassert>

namespace mlp::nn {
namespace {

// Softmax works on blocks of rows so that the per-row maximum and sum live in fixed-capacity
// stack arrays: no heap allocation, and the column loops stay vectorised on column-major data.
constexpr Eigen::Index kSoftmaxRowBlock = 256;
template <typename S>
using RowScratch = Eigen::Array<S, Eigen::Dynamic, 1, Eigen::ColMajor, kSoftmaxRowBlock, 1>;

template <typename S>
void SoftmaxForward(const ConstRef<S>& z, MutableRef<S> a) {
  const Eigen::Index rows = z.rows(), cols = z.cols();
  for (Eigen::Index r0 = 0; r0 < rows; r0 += kSoftmaxRowBlock) {
    const Eigen::Index n = std::min(kSoftmaxRowBlock, rows - r0);
    RowScratch<S> row_max = z.col(0).segment(r0, n).array();
    for (Eigen::Index j = 1; j < cols; ++j) row_max = row_max.max(z.col(j).segment(r0, n).array());
    RowScratch<S> row_sum = RowScratch<S>::Zero(n);
    for (Eigen::Index j = 0; j < cols; ++j) {
      auto out = a.col(j).segment(r0, n).array();
      out = (z.col(j).segment(r0, n).array() - row_max).exp();
      row_sum += out;
    }
    const RowScratch<S> inverse = row_sum.inverse();  // row_sum >= 1: the max entry gives exp(0)
    for (Eigen::Index j = 0; j < cols; ++j) a.col(j).segment(r0, n).array() *= inverse;
  }
}

template <typename S>
void SoftmaxBackward(const ConstRef<S>& a, const ConstRef<S>& dA, MutableRef<S> dZ) {
  const Eigen::Index rows = a.rows(), cols = a.cols();
  for (Eigen::Index r0 = 0; r0 < rows; r0 += kSoftmaxRowBlock) {
    const Eigen::Index n = std::min(kSoftmaxRowBlock, rows - r0);
    RowScratch<S> dot = RowScratch<S>::Zero(n);  // Σ_j dA_j a_j per row
    for (Eigen::Index j = 0; j < cols; ++j) {
      dot += dA.col(j).segment(r0, n).array() * a.col(j).segment(r0, n).array();
    }
    for (Eigen::Index j = 0; j < cols; ++j) {
      dZ.col(j).segment(r0, n).array() =
          a.col(j).segment(r0, n).array() * (dA.col(j).segment(r0, n).array() - dot);
    }
  }
}

}  // namespace

std::string_view ActivationName(Activation activation) {
  switch (activation) {
    case Activation::kLinear: return "linear";
    case Activation::kSigmoid: return "sigmoid";
    case Activation::kTanh: return "tanh";
    case Activation::kReLU: return "relu";
    case Activation::kLeakyReLU: return "leaky_relu";
    case Activation::kSoftmax: return "softmax";
  }
  return "linear";
}

bool ParseActivation(std::string_view name, Activation* activation) {
  for (Activation candidate : {Activation::kLinear, Activation::kSigmoid, Activation::kTanh,
                               Activation::kReLU, Activation::kLeakyReLU, Activation::kSoftmax}) {
    if (ActivationName(candidate) == name) {
      *activation = candidate;
      return true;
    }
  }
  return false;
}

template <typename S>
void ActivationForward(Activation activation, const ConstRef<S>& z, MutableRef<S> a) {
  assert(z.rows() == a.rows() && z.cols() == a.cols());
  const S slope = static_cast<S>(kLeakyReLUSlope);
  switch (activation) {
    case Activation::kLinear: a = z; break;
    // Eigen's logistic saturates to exactly 0 or 1 instead of overflowing: no NaN for any finite z.
    case Activation::kSigmoid: a = z.array().logistic().matrix(); break;
    case Activation::kTanh: a = z.array().tanh().matrix(); break;
    case Activation::kReLU: a = z.cwiseMax(S(0)); break;
    case Activation::kLeakyReLU: a = z.cwiseMax(slope * z); break;  // max(z, 0.01 z)
    case Activation::kSoftmax: SoftmaxForward<S>(z, a); break;
  }
}

template <typename S>
void ActivationBackward(Activation activation, const ConstRef<S>& z, const ConstRef<S>& a,
                        const ConstRef<S>& dA, MutableRef<S> dZ) {
  assert(dA.rows() == dZ.rows() && dA.cols() == dZ.cols());
  const S slope = static_cast<S>(kLeakyReLUSlope);
  switch (activation) {
    case Activation::kLinear: dZ = dA; break;
    case Activation::kSigmoid:
      dZ.array() = dA.array() * a.array() * (S(1) - a.array());
      break;
    case Activation::kTanh: dZ.array() = dA.array() * (S(1) - a.array().square()); break;
    case Activation::kReLU: dZ = (z.array() > S(0)).select(dA, S(0)); break;
    case Activation::kLeakyReLU: dZ = (z.array() > S(0)).select(dA, slope * dA); break;
    case Activation::kSoftmax: SoftmaxBackward<S>(a, dA, dZ); break;
  }
}

template void ActivationForward<float>(Activation, const ConstRef<float>&, MutableRef<float>);
template void ActivationForward<double>(Activation, const ConstRef<double>&, MutableRef<double>);
template void ActivationBackward<float>(Activation, const ConstRef<float>&, const ConstRef<float>&,
                                        const ConstRef<float>&, MutableRef<float>);
template void ActivationBackward<double>(Activation, const ConstRef<double>&,
                                         const ConstRef<double>&, const ConstRef<double>&,
                                         MutableRef<double>);

}  // namespace mlp::nn
