// ConvLSTM layer (Shi et al. 2015, without peepholes, as Keras's ConvLSTM2D): an LSTM whose state is
// an image and whose matrix products are k×k 'same' convolutions (stride 1), so each pixel's gates
// see its neighbourhood in the input frame and in the previous hidden state.
//   input  (time = steps, height, width, channels)     output (1, h, w, filters) — the last h —
//   or, with return_sequences, (steps, h, w, filters).
//
// Cell: lstm_cell.h (gate order i, f, g, o). Parameters, in Keras's layout flattened
// (rows (ky·k + kx)·channels + c, see conv_lstm_im2col.h):
//   kernel            (k·k·channels) × 4·filters    z_t = W_xᵀ∗x_t + W_hᵀ∗h_{t−1} + b
//   recurrent_kernel  (k·k·filters)  × 4·filters
//   bias              1 × 4·filters
// Initialisation (Keras's defaults), drawn from the Rng in this order:
//   1. W_x Glorot uniform, limit √(6/(k²·channels + k²·4·filters)), row by row;
//   2. W_h orthogonal (OrthogonalInitialize in lstm.h on the (k²·filters)×(4·filters) matrix);
//   3. b zeros except the forget gate's block, 1.
//
// Internally every per-pixel quantity is a matrix with one column per (step, sample, pixel) in
// TIME-major order, column (t·batch + b)·height·width + y·width + x, so a step is a contiguous block
// of columns and its convolutions are single products over the whole batch.
#pragma once

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/lstm_cell.h"

namespace mlp::nn {

struct ConvLstmSettings {
  int steps = 4;                 // frames per sequence
  int height = 8, width = 8;     // frame size
  int channels = 1;              // input channels
  int filters = 8;               // hidden channels F
  int kernel_size = 3;           // k, odd ('same' padding k/2 on every side)
  bool return_sequences = false;
};

// Ok, or what is wrong (non-positive sizes, an even kernel size).
Status ValidateConvLstmSettings(const ConvLstmSettings& settings);

template <typename S>
class ConvLstmLayer final : public Layer<S> {
public:
  // settings must pass ValidateConvLstmSettings.
  explicit ConvLstmLayer(const ConvLstmSettings& settings);

  std::string Describe() const override;
  Shape input_shape() const override {
    return {settings_.steps, settings_.height, settings_.width, settings_.channels};
  }
  Shape output_shape() const override {
    return {settings_.return_sequences ? settings_.steps : 1, settings_.height, settings_.width,
            settings_.filters};
  }
  const ConvLstmSettings& settings() const { return settings_; }

  void Initialize(Rng& rng) override;
  // "conv_lstm.kernel", "conv_lstm.recurrent_kernel", "conv_lstm.bias".
  std::vector<Parameter<S>> Parameters() override;

  Matrix<S>& kernel() { return kernel_; }                      // k²·channels × 4·filters
  Matrix<S>& recurrent_kernel() { return recurrent_kernel_; }  // k²·filters × 4·filters
  Matrix<S>& bias() { return bias_; }                          // 1 × 4·filters

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

private:
  // Columns of step t (all samples, all pixels) of a time-major buffer.
  MatrixView<S> Step(GrowingColumns<S>& buffer, Eigen::Index rows, int t);

  ConvLstmSettings settings_;
  int pixels_ = 0;  // height·width
  Matrix<S> kernel_, recurrent_kernel_, bias_;
  Matrix<S> kernel_grad_, recurrent_kernel_grad_, bias_grad_;
  GrowingColumns<S> input_patches_;   // k²C × (steps·batch·pixels)
  GrowingColumns<S> hidden_patches_;  // k²F × (steps·batch·pixels): im2col of h_{t−1} (0 at t = 0)
  GrowingColumns<S> gates_;           // 4F × (steps·batch·pixels)
  GrowingColumns<S> cell_, tanh_cell_, hidden_;  // F × (steps·batch·pixels)
  GrowingColumns<S> output_;          // output_shape().size() × batch
  GrowingColumns<S> dgates_;          // 4F × (steps·batch·pixels)
  GrowingColumns<S> dh_, dc_;         // F × (batch·pixels)
  GrowingColumns<S> dhidden_patches_;  // k²F × (batch·pixels)
  GrowingColumns<S> dinput_patches_;  // k²C × (steps·batch·pixels)
  GrowingColumns<S> dx_;              // input_shape().size() × batch
  Eigen::Index batch_ = 0;
  bool has_forward_ = false;
};

extern template class ConvLstmLayer<float>;
extern template class ConvLstmLayer<double>;

}  // namespace mlp::nn
