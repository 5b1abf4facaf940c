// LSTM layer over sequences: input (time 1, height 1, width = steps, channels = features), one
// column per sample, so a sample's column holds x_0, x_1, … x_{steps−1}, each `features` long.
// Output: the hidden state of every step (1, 1, steps, units) with return_sequences, else only the
// last one (1, 1, 1, units). Full backpropagation through time over the whole sequence.
//
// Cell: see lstm_cell.h (gate order i, f, g, o; no peepholes). Parameters, in Keras's layout:
//   kernel            W_x  features × 4·units   z_t = W_xᵀ x_t + W_hᵀ h_{t−1} + bᵀ
//   recurrent_kernel  W_h  units × 4·units
//   bias              b    1 × 4·units
// Initialisation (Keras's defaults), drawn from the Rng in this order:
//   1. W_x Glorot uniform, limit √(6/(features + 4·units)), row by row;
//   2. W_h orthogonal: a (4·units)×units standard-normal matrix drawn row by row, its columns
//      orthonormalised by modified Gram–Schmidt (= QR with a positive diagonal of R), transposed;
//   3. b: zeros except the forget gate's block, 1 (Jozefowicz et al. 2015; Keras's unit_forget_bias.
//      PyTorch initialises it like the other biases).
//
// Internal buffers store step t of sample b in column b·steps + t ("sample-major"), so the
// projection of the whole input is one product and the stacked hidden states ARE the
// return_sequences output; step t is the strided set of columns {b·steps + t}.
#pragma once

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/lstm_cell.h"

namespace mlp::nn {

struct LstmSettings {
  int steps = 10;                  // sequence length
  int features = 1;                // inputs per step
  int units = 16;                  // hidden size H
  bool return_sequences = false;   // every step's h (steps×units per sample) or only the last
};

// Ok, or what is wrong with the settings (non-positive sizes).
Status ValidateLstmSettings(const LstmSettings& settings);

template <typename S>
class LstmLayer final : public Layer<S> {
public:
  // settings must pass ValidateLstmSettings.
  explicit LstmLayer(const LstmSettings& settings);

  std::string Describe() const override;
  Shape input_shape() const override { return {1, 1, settings_.steps, settings_.features}; }
  Shape output_shape() const override {
    return {1, 1, settings_.return_sequences ? settings_.steps : 1, settings_.units};
  }
  const LstmSettings& settings() const { return settings_; }

  void Initialize(Rng& rng) override;
  // "<prefix>kernel", "<prefix>recurrent_kernel", "<prefix>bias" (prefix "lstm.").
  std::vector<Parameter<S>> Parameters() override;

  Matrix<S>& kernel() { return kernel_; }                      // features × 4·units
  Matrix<S>& recurrent_kernel() { return recurrent_kernel_; }  // units × 4·units
  Matrix<S>& bias() { return bias_; }                          // 1 × 4·units

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

private:
  using StepView = Eigen::Map<Matrix<S>, 0, Eigen::OuterStride<>>;
  // Step t of a sample-major buffer with `rows` rows.
  StepView Step(GrowingColumns<S>& buffer, Eigen::Index rows, int t);

  LstmSettings settings_;
  Matrix<S> kernel_, recurrent_kernel_, bias_;
  Matrix<S> kernel_grad_, recurrent_kernel_grad_, bias_grad_;
  GrowingColumns<S> gates_;    // 4H × (batch·steps): activations i, f, g, o
  GrowingColumns<S> cell_;     // H × (batch·steps): c_t
  GrowingColumns<S> tanh_cell_;
  GrowingColumns<S> hidden_;   // H × (batch·steps): h_t (= the return_sequences output)
  GrowingColumns<S> hidden_prev_;  // H × (batch·steps): h_{t−1} (0 at t = 0), for dW_h
  GrowingColumns<S> last_;     // H × batch: h_{steps−1} when only the last state is returned
  GrowingColumns<S> dgates_;   // 4H × (batch·steps): d(loss)/dz
  GrowingColumns<S> dh_, dc_;  // H × batch: running gradients of h_t and c_t
  GrowingColumns<S> dx_;       // (steps·features) × batch
  GrowingColumns<S> input_copy_;  // the input, when it was not whole contiguous columns
  const S* input_ = nullptr;   // the last Forward's input (contiguous columns)
  Eigen::Index batch_ = 0;
};

extern template class LstmLayer<float>;
extern template class LstmLayer<double>;

// Orthogonal initialiser shared by the recurrent layers: fills w (rows × cols) so that its rows
// (if rows ≤ cols) or columns are orthonormal, from a standard-normal draw of the taller shape
// made row by row, orthonormalised by modified Gram–Schmidt and transposed back when needed.
template <typename S>
void OrthogonalInitialize(Rng& rng, Matrix<S>& w);

}  // namespace mlp::nn
