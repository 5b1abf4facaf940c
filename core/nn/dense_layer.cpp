#include "core/nn/dense_layer.h"

#include <cassert>
#include <cmath>

#include "core/tensor/parallel_gemm.h"

namespace mlp::nn {

template <typename S>
DenseLayer<S>::DenseLayer(int inputs, int outputs, Activation activation)
    : inputs_(inputs),
      outputs_(outputs),
      activation_(activation),
      weights_(Matrix<S>::Zero(inputs, outputs)),
      bias_(Matrix<S>::Zero(1, outputs)),
      weight_gradient_(Matrix<S>::Zero(inputs, outputs)),
      bias_gradient_(Matrix<S>::Zero(1, outputs)),
      z_(outputs),
      a_(outputs),
      dz_(outputs),
      dx_(inputs) {
  assert(inputs > 0 && outputs > 0 && "a dense layer needs at least one input and one output");
}

template <typename S>
void DenseLayer<S>::Initialize(Rng& rng) {
  const bool rectifier = activation_ == Activation::kReLU || activation_ == Activation::kLeakyReLU;
  const double limit = rectifier ? std::sqrt(6.0 / inputs_) : std::sqrt(6.0 / (inputs_ + outputs_));
  for (int i = 0; i < inputs_; ++i) {
    for (int j = 0; j < outputs_; ++j) weights_(i, j) = static_cast<S>(rng.Uniform(-limit, limit));
  }
  bias_.setZero();
}

template <typename S>
ConstMatrixView<S> DenseLayer<S>::Forward(const ConstRef<S>& x) {
  assert(x.cols() == inputs_ && "input width differs from the layer's inputs");
  const Eigen::Index rows = x.rows();
  MatrixView<S> z = z_.Resize(rows);
  // Start from the broadcast bias and let the product accumulate onto it: one pass over Z.
  for (int j = 0; j < outputs_; ++j) z.col(j).setConstant(bias_(0, j));
  MatMulAdd(x, weights_, z);
  MatrixView<S> a = a_.Resize(rows);
  ActivationForward<S>(activation_, z, a);
  input_ = x.data();
  input_rows_ = rows;
  input_stride_ = x.outerStride();
  return a_.const_view();
}

template <typename S>
ConstMatrixView<S> DenseLayer<S>::Backward(const ConstRef<S>& dA, bool compute_input_gradient) {
  assert(dA.rows() == a_.rows() && dA.cols() == outputs_ && "dA must match the last Forward");
  MatrixView<S> dz = dz_.Resize(a_.rows());
  ActivationBackward<S>(activation_, z_.view(), a_.view(), dA, dz);
  return BackwardAffine(dz, compute_input_gradient);
}

template <typename S>
ConstMatrixView<S> DenseLayer<S>::BackwardAffine(const ConstRef<S>& dZ, bool compute_input_gradient) {
  assert(input_ != nullptr && "Backward needs a Forward first");
  assert(dZ.rows() == input_rows_ && dZ.cols() == outputs_ && "dZ must match the last Forward");
  const Eigen::Map<const Matrix<S>, 0, Eigen::OuterStride<>> x(input_, input_rows_, inputs_,
                                                               Eigen::OuterStride<>(input_stride_));
  MatMulTransA(x, dZ, weight_gradient_);       // dW = Xᵀ·dZ
  bias_gradient_ = dZ.colwise().sum();          // db = Σ_rows dZ
  if (!compute_input_gradient) {
    dx_.Resize(0);
    return dx_.const_view();
  }
  MatMulTransB(dZ, weights_, dx_.Resize(input_rows_));  // dX = dZ·Wᵀ
  return dx_.const_view();
}

template class DenseLayer<float>;
template class DenseLayer<double>;

}  // namespace mlp::nn
