// The element-wise part of an LSTM step, shared by LstmLayer and ConvLstmLayer (which differ only in
// how they form the pre-activations: a matrix product vs a convolution). Also GrowingColumns, the
// owned buffer both use for "fixed rows, as many columns as the largest batch needed".
//
// Gate order i, f, g, o (input, forget, candidate, output: Keras's i, f, c, o and PyTorch's order),
// each a block of `units` rows of the 4·units pre-activation matrix z (one column per sample, or per
// sample·pixel for ConvLSTM). Hochreiter & Schmidhuber 1997 with the forget gate of Gers et al. 2000,
// no peepholes:
//   i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
//   c_t = f ∘ c_{t−1} + i ∘ g        h_t = o ∘ tanh(c_t)        (c_{−1} = h_{−1} = 0)
#pragma once

#include <cmath>

#include "core/nn/matrix.h"

namespace mlp::nn {

// Storage for a `rows`×cols matrix whose column count varies (batch·steps): grows only when a
// request exceeds every earlier one, so once warm Resize never allocates.
template <typename S>
class GrowingColumns {
public:
  MatrixView<S> Resize(Eigen::Index rows, Eigen::Index cols) {
    if (rows * cols > storage_.size()) storage_.resize(rows * cols);
    rows_ = rows;
    cols_ = cols;
    return view();
  }
  MatrixView<S> view() { return MatrixView<S>(storage_.data(), rows_, cols_); }
  ConstMatrixView<S> view() const { return const_view(); }
  ConstMatrixView<S> const_view() const { return ConstMatrixView<S>(storage_.data(), rows_, cols_); }
  S* data() { return storage_.data(); }
  const S* data() const { return storage_.data(); }

private:
  Eigen::Matrix<S, Eigen::Dynamic, 1> storage_;
  Eigen::Index rows_ = 0, cols_ = 0;
};

// One step forward. gates: on entry the pre-activations z (4·units × n), on exit the activations
// i, f, g, o. c_prev: the previous cell state, or nullptr at the first step (zeros). Writes c, tanh(c)
// and h (units × n each).
template <typename S>
void LstmCellForward(int units, MutableRef<S> gates, const ConstRef<S>* c_prev, MutableRef<S> c,
                     MutableRef<S> tanh_c, MutableRef<S> h) {
  const Eigen::Index n = gates.cols();
  for (Eigen::Index j = 0; j < n; ++j) {
    S* z = gates.col(j).data();
    for (int k = 0; k < units; ++k) {
      const S i = S(1) / (S(1) + std::exp(-z[k]));
      const S f = S(1) / (S(1) + std::exp(-z[units + k]));
      const S g = std::tanh(z[2 * units + k]);
      const S o = S(1) / (S(1) + std::exp(-z[3 * units + k]));
      z[k] = i;
      z[units + k] = f;
      z[2 * units + k] = g;
      z[3 * units + k] = o;
      const S cell = (c_prev != nullptr ? f * (*c_prev)(k, j) : S(0)) + i * g;
      const S tc = std::tanh(cell);
      c(k, j) = cell;
      tanh_c(k, j) = tc;
      h(k, j) = o * tc;
    }
  }
}

// One step backward. dh: d(loss)/dh_t (everything that reaches h_t: the output and the next step).
// dc: on entry d(loss)/dc_t through c_{t+1} (zeros at the last step), on exit d(loss)/dc_{t−1}.
// dz: d(loss)/dz_t (4·units × n), the gradient of the pre-activations.
template <typename S>
void LstmCellBackward(int units, const ConstRef<S>& gates, const ConstRef<S>* c_prev,
                      const ConstRef<S>& tanh_c, const ConstRef<S>& dh, MutableRef<S> dc,
                      MutableRef<S> dz) {
  const Eigen::Index n = gates.cols();
  for (Eigen::Index j = 0; j < n; ++j) {
    const S* a = gates.col(j).data();
    S* d = dz.col(j).data();
    for (int k = 0; k < units; ++k) {
      const S i = a[k], f = a[units + k], g = a[2 * units + k], o = a[3 * units + k];
      const S tc = tanh_c(k, j);
      const S dhk = dh(k, j);
      const S dcell = dc(k, j) + dhk * o * (S(1) - tc * tc);
      const S cp = c_prev != nullptr ? (*c_prev)(k, j) : S(0);
      d[k] = dcell * g * i * (S(1) - i);
      d[units + k] = dcell * cp * f * (S(1) - f);
      d[2 * units + k] = dcell * i * (S(1) - g * g);
      d[3 * units + k] = dhk * tc * o * (S(1) - o);
      dc(k, j) = dcell * f;
    }
  }
}

}  // namespace mlp::nn
