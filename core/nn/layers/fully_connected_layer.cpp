#include "core/nn/layers/fully_connected_layer.h"

#include <cassert>

#include "core/tensor/parallel_gemm.h"

namespace mlp::nn {

template <typename S>
Status FullyConnected<S>::Check(const Shape& input, int outputs) {
  if (input.size() < 1) return Status::Error("dense: the input is empty");
  if (outputs < 1) return Status::Error("dense needs at least one output");
  return Status::Ok();
}

template <typename S>
FullyConnected<S>::FullyConnected(const Shape& input, int outputs, WeightInit init)
    : input_(input),
      outputs_(outputs),
      init_(init),
      weights_(Matrix<S>::Zero(outputs, input.size())),
      bias_(Matrix<S>::Zero(outputs, 1)),
      weight_gradient_(Matrix<S>::Zero(outputs, input.size())),
      bias_gradient_(Matrix<S>::Zero(outputs, 1)),
      y_(outputs),
      dx_(input.size()) {
  assert(Check(input, outputs).ok() && "check the settings with FullyConnected::Check first");
}

template <typename S>
void FullyConnected<S>::Initialize(Rng& rng) {
  const double limit = InitLimit(init_, weights_.cols(), outputs_);
  for (Eigen::Index i = 0; i < weights_.cols(); ++i) {
    for (int o = 0; o < outputs_; ++o) weights_(o, i) = static_cast<S>(rng.Uniform(-limit, limit));
  }
  bias_.setZero();
}

template <typename S>
std::vector<Parameter<S>> FullyConnected<S>::Parameters() {
  return {ViewParameter<S>("W", weights_, weight_gradient_, false), ViewParameter<S>("b", bias_, bias_gradient_, true)};
}

template <typename S>
ConstMatrixView<S> FullyConnected<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == weights_.cols() && "input rows must be input_shape().size()");
  input_data_.Set(x);
  MatrixView<S> y = y_.Resize(x.cols());
  y.colwise() = bias_.col(0);  // the product accumulates onto the broadcast bias
  MatMulAdd(weights_, x, y);
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> FullyConnected<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(dy.rows() == outputs_ && dy.cols() == input_data_.cols && "dy must match the last Forward");
  MatMulTransB(dy, input_data_.matrix(), weight_gradient_);  // dW = dY·Xᵀ
  bias_gradient_ = dy.rowwise().sum();
  if (!need_input_gradient) return EmptyView<S>();
  MatMulTransA(weights_, dy, dx_.Resize(dy.cols()));  // dX = Wᵀ·dY
  return dx_.const_view();
}

template class FullyConnected<float>;
template class FullyConnected<double>;

}  // namespace mlp::nn
