#include "core/nn/layers/lstm.h"

#include <cassert>
#include <cmath>

#include "core/tensor/parallel_gemm.h"

namespace mlp::nn {

Status ValidateLstmSettings(const LstmSettings& settings) {
  if (settings.steps < 1) return Status::Error("An LSTM needs sequences of at least one step.");
  if (settings.features < 1) return Status::Error("An LSTM needs at least one feature per step.");
  if (settings.units < 1) return Status::Error("An LSTM needs at least one unit.");
  return Status::Ok();
}

template <typename S>
void OrthogonalInitialize(Rng& rng, Matrix<S>& w) {
  const bool wide = w.rows() < w.cols();
  const Eigen::Index tall = wide ? w.cols() : w.rows(), narrow = wide ? w.rows() : w.cols();
  MatrixD a(tall, narrow);
  for (Eigen::Index i = 0; i < tall; ++i) {
    for (Eigen::Index j = 0; j < narrow; ++j) a(i, j) = rng.Normal();
  }
  // Modified Gram–Schmidt on the columns, with explicit loops so the summation order is fixed.
  for (Eigen::Index j = 0; j < narrow; ++j) {
    for (Eigen::Index p = 0; p < j; ++p) {
      double dot = 0.0;
      for (Eigen::Index i = 0; i < tall; ++i) dot += a(i, p) * a(i, j);
      for (Eigen::Index i = 0; i < tall; ++i) a(i, j) -= dot * a(i, p);
    }
    double norm = 0.0;
    for (Eigen::Index i = 0; i < tall; ++i) norm += a(i, j) * a(i, j);
    norm = std::sqrt(norm);
    for (Eigen::Index i = 0; i < tall; ++i) a(i, j) /= norm;
  }
  if (wide) {
    w = a.transpose().template cast<S>();
  } else {
    w = a.template cast<S>();
  }
}

template <typename S>
LstmLayer<S>::LstmLayer(const LstmSettings& settings) : settings_(settings) {
  assert(ValidateLstmSettings(settings).ok() && "check ValidateLstmSettings first");
  const int h4 = 4 * settings.units;
  kernel_ = Matrix<S>::Zero(settings.features, h4);
  recurrent_kernel_ = Matrix<S>::Zero(settings.units, h4);
  bias_ = Matrix<S>::Zero(1, h4);
  kernel_grad_ = Matrix<S>::Zero(settings.features, h4);
  recurrent_kernel_grad_ = Matrix<S>::Zero(settings.units, h4);
  bias_grad_ = Matrix<S>::Zero(1, h4);
}

template <typename S>
std::string LstmLayer<S>::Describe() const {
  return "lstm " + std::to_string(settings_.units) + (settings_.return_sequences ? " sequences" : "");
}

template <typename S>
void LstmLayer<S>::Initialize(Rng& rng) {
  const int units = settings_.units, features = settings_.features;
  const double limit = std::sqrt(6.0 / (features + 4.0 * units));
  for (int i = 0; i < features; ++i) {
    for (int j = 0; j < 4 * units; ++j) kernel_(i, j) = static_cast<S>(rng.Uniform(-limit, limit));
  }
  OrthogonalInitialize(rng, recurrent_kernel_);
  bias_.setZero();
  bias_.middleCols(units, units).setOnes();  // forget gate
}

template <typename S>
std::vector<Parameter<S>> LstmLayer<S>::Parameters() {
  return {ViewParameter<S>("lstm.kernel", kernel_, kernel_grad_, false),
          ViewParameter<S>("lstm.recurrent_kernel", recurrent_kernel_, recurrent_kernel_grad_, false),
          ViewParameter<S>("lstm.bias", bias_, bias_grad_, true)};
}

template <typename S>
typename LstmLayer<S>::StepView LstmLayer<S>::Step(GrowingColumns<S>& buffer, Eigen::Index rows, int t) {
  return StepView(buffer.data() + t * rows, rows, batch_, Eigen::OuterStride<>(rows * settings_.steps));
}

template <typename S>
ConstMatrixView<S> LstmLayer<S>::Forward(const ConstRef<S>& x) {
  const int steps = settings_.steps, features = settings_.features, units = settings_.units;
  assert(x.rows() == int64_t{steps} * features && "input rows must be steps·features");
  batch_ = x.cols();
  const Eigen::Index columns = batch_ * steps;
  if (x.outerStride() == x.rows()) {
    input_ = x.data();  // whole columns: read in place
  } else {
    MatrixView<S> copy = input_copy_.Resize(x.rows(), batch_);  // e.g. a block of rows
    copy = x;
    input_ = copy.data();
  }
  // x as features × (batch·steps): column b·steps + t is x_t of sample b.
  const ConstMatrixView<S> inputs(input_, features, columns);
  MatrixView<S> z = gates_.Resize(4 * units, columns);
  for (Eigen::Index j = 0; j < columns; ++j) z.col(j) = bias_.transpose();
  MatMulTransA(kernel_, inputs, dgates_.Resize(4 * units, columns));  // scratch until Backward
  z += dgates_.view();
  cell_.Resize(units, columns);
  tanh_cell_.Resize(units, columns);
  hidden_.Resize(units, columns);
  hidden_prev_.Resize(units, columns);
  for (int t = 0; t < steps; ++t) {
    StepView zt = Step(gates_, 4 * units, t);
    StepView h_prev = Step(hidden_prev_, units, t);
    if (t == 0) {
      h_prev.setZero();
      LstmCellForward<S>(units, zt, nullptr, Step(cell_, units, t), Step(tanh_cell_, units, t),
                         Step(hidden_, units, t));
    } else {
      h_prev = Step(hidden_, units, t - 1);
      MatMulTransA(recurrent_kernel_, h_prev, Step(dgates_, 4 * units, t));
      zt += Step(dgates_, 4 * units, t);
      const ConstRef<S> c_prev = Step(cell_, units, t - 1);
      LstmCellForward<S>(units, zt, &c_prev, Step(cell_, units, t), Step(tanh_cell_, units, t),
                         Step(hidden_, units, t));
    }
  }
  if (settings_.return_sequences) {
    return ConstMatrixView<S>(hidden_.data(), int64_t{steps} * units, batch_);
  }
  MatrixView<S> last = last_.Resize(units, batch_);
  last = Step(hidden_, units, steps - 1);
  return last_.const_view();
}

template <typename S>
ConstMatrixView<S> LstmLayer<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(input_ != nullptr && "Backward needs a Forward first");
  const int steps = settings_.steps, features = settings_.features, units = settings_.units;
  assert(dy.cols() == batch_ && dy.rows() == output_shape().size() && "dy must match the last Forward");
  const Eigen::Index columns = batch_ * steps;
  MatrixView<S> dh = dh_.Resize(units, batch_);
  MatrixView<S> dc = dc_.Resize(units, batch_);
  dh.setZero();
  dc.setZero();
  dgates_.Resize(4 * units, columns);
  for (int t = steps - 1; t >= 0; --t) {
    // dh holds W_h·dz_{t+1} (what reaches h_t through the next step); add the output's share.
    if (settings_.return_sequences) {
      dh += dy.middleRows(int64_t{t} * units, units);
    } else if (t == steps - 1) {
      dh += dy;
    }
    StepView dzt = Step(dgates_, 4 * units, t);
    if (t == 0) {
      LstmCellBackward<S>(units, Step(gates_, 4 * units, t), nullptr, Step(tanh_cell_, units, t), dh,
                          dc, dzt);
    } else {
      const ConstRef<S> c_prev = Step(cell_, units, t - 1);
      LstmCellBackward<S>(units, Step(gates_, 4 * units, t), &c_prev, Step(tanh_cell_, units, t), dh,
                          dc, dzt);
      MatMul(recurrent_kernel_, dzt, dh);  // dh_{t−1} from this step's gates
    }
  }
  const ConstMatrixView<S> inputs(input_, features, columns);
  const ConstMatrixView<S> dz = dgates_.const_view();
  MatMulTransB(inputs, dz, kernel_grad_);                         // dW_x = Σ_t x_t dz_tᵀ
  MatMulTransB(hidden_prev_.view(), dz, recurrent_kernel_grad_);  // dW_h = Σ_t h_{t−1} dz_tᵀ
  bias_grad_ = dz.rowwise().sum().transpose();
  if (!need_input_gradient) {
    dx_.Resize(0, batch_);
    return dx_.const_view();
  }
  MatMul(kernel_, dz, dx_.Resize(features, columns));  // dx_t = W_x dz_t
  return ConstMatrixView<S>(dx_.data(), int64_t{steps} * features, batch_);
}

template class LstmLayer<float>;
template class LstmLayer<double>;
template void OrthogonalInitialize<float>(Rng&, Matrix<float>&);
template void OrthogonalInitialize<double>(Rng&, Matrix<double>&);

}  // namespace mlp::nn
