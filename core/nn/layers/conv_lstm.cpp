#include "core/nn/layers/conv_lstm.h"

#include <cassert>
#include <cmath>

#include "core/nn/layers/conv_lstm_im2col.h"
#include "core/nn/layers/lstm.h"
#include "core/tensor/parallel_gemm.h"

namespace mlp::nn {

Status ValidateConvLstmSettings(const ConvLstmSettings& s) {
  if (s.steps < 1) return Status::Error("A ConvLSTM needs sequences of at least one frame.");
  if (s.height < 1 || s.width < 1) return Status::Error("A ConvLSTM needs frames of at least 1×1 pixels.");
  if (s.channels < 1) return Status::Error("A ConvLSTM needs at least one input channel.");
  if (s.filters < 1) return Status::Error("A ConvLSTM needs at least one filter.");
  if (s.kernel_size < 1 || s.kernel_size % 2 == 0) {
    return Status::Error("The ConvLSTM kernel size must be odd (1, 3, 5, …) for 'same' padding.");
  }
  return Status::Ok();
}

template <typename S>
ConvLstmLayer<S>::ConvLstmLayer(const ConvLstmSettings& settings)
    : settings_(settings), pixels_(settings.height * settings.width) {
  assert(ValidateConvLstmSettings(settings).ok() && "check ValidateConvLstmSettings first");
  const int k2 = settings.kernel_size * settings.kernel_size, f4 = 4 * settings.filters;
  kernel_ = Matrix<S>::Zero(k2 * settings.channels, f4);
  recurrent_kernel_ = Matrix<S>::Zero(k2 * settings.filters, f4);
  bias_ = Matrix<S>::Zero(1, f4);
  kernel_grad_ = kernel_;
  recurrent_kernel_grad_ = recurrent_kernel_;
  bias_grad_ = bias_;
}

template <typename S>
std::string ConvLstmLayer<S>::Describe() const {
  const std::string k = std::to_string(settings_.kernel_size);
  return "conv-lstm " + std::to_string(settings_.filters) + " " + k + "×" + k +
         (settings_.return_sequences ? " sequences" : "");
}

template <typename S>
void ConvLstmLayer<S>::Initialize(Rng& rng) {
  const int k2 = settings_.kernel_size * settings_.kernel_size, f = settings_.filters;
  const double limit = std::sqrt(6.0 / (k2 * settings_.channels + k2 * 4.0 * f));
  for (Eigen::Index i = 0; i < kernel_.rows(); ++i) {
    for (Eigen::Index j = 0; j < kernel_.cols(); ++j) {
      kernel_(i, j) = static_cast<S>(rng.Uniform(-limit, limit));
    }
  }
  OrthogonalInitialize(rng, recurrent_kernel_);
  bias_.setZero();
  bias_.middleCols(f, f).setOnes();  // forget gate
}

template <typename S>
std::vector<Parameter<S>> ConvLstmLayer<S>::Parameters() {
  return {ViewParameter<S>("conv_lstm.kernel", kernel_, kernel_grad_, false),
          ViewParameter<S>("conv_lstm.recurrent_kernel", recurrent_kernel_, recurrent_kernel_grad_, false),
          ViewParameter<S>("conv_lstm.bias", bias_, bias_grad_, true)};
}

template <typename S>
MatrixView<S> ConvLstmLayer<S>::Step(GrowingColumns<S>& buffer, Eigen::Index rows, int t) {
  const Eigen::Index step_columns = batch_ * pixels_;
  return MatrixView<S>(buffer.data() + t * step_columns * rows, rows, step_columns);
}

template <typename S>
ConstMatrixView<S> ConvLstmLayer<S>::Forward(const ConstRef<S>& x) {
  const ConvLstmSettings& s = settings_;
  const int k = s.kernel_size, f = s.filters, steps = s.steps;
  const int64_t frame_in = int64_t{pixels_} * s.channels, frame_out = int64_t{pixels_} * f;
  assert(x.rows() == input_shape().size() && "input rows must be steps·height·width·channels");
  batch_ = x.cols();
  const Eigen::Index columns = batch_ * pixels_ * steps;
  const int64_t in_rows = int64_t{k} * k * s.channels, hidden_rows = int64_t{k} * k * f;
  MatrixView<S> px = input_patches_.Resize(in_rows, columns);
  for (int t = 0; t < steps; ++t) {
    for (Eigen::Index b = 0; b < batch_; ++b) {
      SameIm2Col(x.col(b).data() + t * frame_in, s.height, s.width, s.channels, k,
                 px.data() + ((t * batch_ + b) * pixels_) * in_rows);
    }
  }
  MatrixView<S> z = gates_.Resize(4 * f, columns);
  MatMulTransA(kernel_, px, z);
  z.colwise() += bias_.row(0).transpose();
  hidden_patches_.Resize(hidden_rows, columns);
  cell_.Resize(f, columns);
  tanh_cell_.Resize(f, columns);
  hidden_.Resize(f, columns);
  dgates_.Resize(4 * f, columns);  // scratch for the recurrent products until Backward
  for (int t = 0; t < steps; ++t) {
    MatrixView<S> zt = Step(gates_, 4 * f, t);
    MatrixView<S> ph = Step(hidden_patches_, hidden_rows, t);
    if (t == 0) {
      ph.setZero();
      LstmCellForward<S>(f, zt, nullptr, Step(cell_, f, t), Step(tanh_cell_, f, t), Step(hidden_, f, t));
      continue;
    }
    const MatrixView<S> h_prev = Step(hidden_, f, t - 1);
    for (Eigen::Index b = 0; b < batch_; ++b) {
      SameIm2Col(h_prev.data() + b * frame_out, s.height, s.width, f, k,
                 ph.data() + b * pixels_ * hidden_rows);
    }
    MatrixView<S> recurrent = Step(dgates_, 4 * f, t);
    MatMulTransA(recurrent_kernel_, ph, recurrent);
    zt += recurrent;
    const ConstRef<S> c_prev = Step(cell_, f, t - 1);
    LstmCellForward<S>(f, zt, &c_prev, Step(cell_, f, t), Step(tanh_cell_, f, t), Step(hidden_, f, t));
  }
  // Back to the sample-major output layout: sample b's frame t is a contiguous block either way.
  const int out_steps = s.return_sequences ? steps : 1;
  MatrixView<S> out = output_.Resize(out_steps * frame_out, batch_);
  for (int o = 0; o < out_steps; ++o) {
    const int t = s.return_sequences ? o : steps - 1;
    const MatrixView<S> h = Step(hidden_, f, t);
    for (Eigen::Index b = 0; b < batch_; ++b) {
      out.col(b).segment(o * frame_out, frame_out) =
          Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>>(h.data() + b * frame_out, frame_out);
    }
  }
  has_forward_ = true;
  return output_.const_view();
}

template <typename S>
ConstMatrixView<S> ConvLstmLayer<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(has_forward_ && "Backward needs a Forward first");
  assert(dy.cols() == batch_ && dy.rows() == output_shape().size() && "dy must match the last Forward");
  const ConvLstmSettings& s = settings_;
  const int k = s.kernel_size, f = s.filters, steps = s.steps;
  const int64_t frame_in = int64_t{pixels_} * s.channels, frame_out = int64_t{pixels_} * f;
  const int64_t in_rows = int64_t{k} * k * s.channels, hidden_rows = int64_t{k} * k * f;
  const Eigen::Index columns = batch_ * pixels_ * steps;
  MatrixView<S> dh = dh_.Resize(f, batch_ * pixels_);
  MatrixView<S> dc = dc_.Resize(f, batch_ * pixels_);
  MatrixView<S> dph = dhidden_patches_.Resize(hidden_rows, batch_ * pixels_);
  dh.setZero();
  dc.setZero();
  for (int t = steps - 1; t >= 0; --t) {
    // dh holds what reaches h_t through step t+1; add the output's share.
    const int o = s.return_sequences ? t : (t == steps - 1 ? 0 : -1);
    if (o >= 0) {
      for (Eigen::Index b = 0; b < batch_; ++b) {
        Eigen::Map<Eigen::Matrix<S, Eigen::Dynamic, 1>>(dh.data() + b * frame_out, frame_out) +=
            dy.col(b).segment(o * frame_out, frame_out);
      }
    }
    MatrixView<S> dzt = Step(dgates_, 4 * f, t);
    if (t == 0) {
      LstmCellBackward<S>(f, Step(gates_, 4 * f, t), nullptr, Step(tanh_cell_, f, t), dh, dc, dzt);
      break;
    }
    const ConstRef<S> c_prev = Step(cell_, f, t - 1);
    LstmCellBackward<S>(f, Step(gates_, 4 * f, t), &c_prev, Step(tanh_cell_, f, t), dh, dc, dzt);
    MatMul(recurrent_kernel_, dzt, dph);  // d(loss)/d(patches of h_{t−1})
    dh.setZero();
    for (Eigen::Index b = 0; b < batch_; ++b) {
      SameCol2ImAdd(dph.data() + b * pixels_ * hidden_rows, s.height, s.width, f, k,
                    dh.data() + b * frame_out);
    }
  }
  const ConstMatrixView<S> dz = dgates_.const_view();
  MatMulTransB(input_patches_.view(), dz, kernel_grad_);
  MatMulTransB(hidden_patches_.view(), dz, recurrent_kernel_grad_);
  bias_grad_ = dz.rowwise().sum().transpose();
  if (!need_input_gradient) {
    dx_.Resize(0, batch_);
    return dx_.const_view();
  }
  MatrixView<S> dpx = dinput_patches_.Resize(in_rows, columns);
  MatMul(kernel_, dz, dpx);
  MatrixView<S> dx = dx_.Resize(input_shape().size(), batch_);
  dx.setZero();
  for (int t = 0; t < steps; ++t) {
    for (Eigen::Index b = 0; b < batch_; ++b) {
      SameCol2ImAdd(dpx.data() + ((t * batch_ + b) * pixels_) * in_rows, s.height, s.width, s.channels,
                    k, dx.col(b).data() + t * frame_in);
    }
  }
  return dx_.const_view();
}

template class ConvLstmLayer<float>;
template class ConvLstmLayer<double>;

}  // namespace mlp::nn
