#include "core/nn/layers/activation_layer.h"

#include <cassert>

namespace mlp::nn {

template <typename S>
ActivationLayer<S>::ActivationLayer(const Shape& shape, Activation activation)
    : shape_(shape), activation_(activation), y_(shape.size()), dx_(shape.size()) {}

template <typename S>
ConstMatrixView<S> ActivationLayer<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == shape_.size() && "input rows must be input_shape().size()");
  input_.Set(x);
  MatrixView<S> y = y_.Resize(x.cols());
  if (activation_ != Activation::kSoftmax) {
    ActivationForward<S>(activation_, x, y);
    return y_.const_view();
  }
  const Eigen::Index channels = shape_.channels, positions = shape_.size() / channels;
  ForEachSample(x.cols(), [&](Eigen::Index j) {
    const ConstMatrixView<S> in(x.data() + j * x.outerStride(), channels, positions);
    MatrixView<S> out(y.col(j).data(), channels, positions);
    for (Eigen::Index p = 0; p < positions; ++p) {
      out.col(p) = (in.col(p).array() - in.col(p).maxCoeff()).exp().matrix();
      out.col(p) /= out.col(p).sum();
    }
  });
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> ActivationLayer<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(dy.rows() == shape_.size() && dy.cols() == y_.cols() && "dy must match the last Forward");
  if (!need_input_gradient) return EmptyView<S>();
  MatrixView<S> dx = dx_.Resize(dy.cols());
  if (activation_ != Activation::kSoftmax) {
    ActivationBackward<S>(activation_, input_.matrix(), y_.const_view(), dy, dx);
    return dx_.const_view();
  }
  const Eigen::Index channels = shape_.channels, positions = shape_.size() / channels;
  ForEachSample(dy.cols(), [&](Eigen::Index j) {
    const ConstMatrixView<S> a(y_.data() + j * shape_.size(), channels, positions);
    const ConstMatrixView<S> g(dy.data() + j * dy.outerStride(), channels, positions);
    MatrixView<S> out(dx.col(j).data(), channels, positions);
    for (Eigen::Index p = 0; p < positions; ++p) {  // dz = a ⊙ (da − Σ da·a)
      const S dot = g.col(p).dot(a.col(p));
      out.col(p) = (a.col(p).array() * (g.col(p).array() - dot)).matrix();
    }
  });
  return dx_.const_view();
}

template class ActivationLayer<float>;
template class ActivationLayer<double>;

}  // namespace mlp::nn
