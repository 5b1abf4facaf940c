#include "core/nn/layers/dropout_layer.h"

#include <cassert>
#include <cstdio>

namespace mlp::nn {

template <typename S>
Status Dropout<S>::Check(double rate) {
  if (!(rate >= 0.0 && rate < 1.0)) return Status::Error("dropout: the rate must be in [0, 1) (1 drops everything)");
  return Status::Ok();
}

template <typename S>
Dropout<S>::Dropout(const Shape& shape, double rate, uint32_t seed)
    : shape_(shape), rate_(rate), rng_(seed), mask_(shape.size()), y_(shape.size()), dx_(shape.size()) {
  assert(Check(rate).ok() && "check the rate with Dropout::Check first");
}

template <typename S>
std::string Dropout<S>::Describe() const {
  char text[32];
  std::snprintf(text, sizeof text, "dropout %g", rate_);
  return text;
}

template <typename S>
ConstMatrixView<S> Dropout<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == shape_.size() && "input rows must be input_shape().size()");
  MatrixView<S> y = y_.Resize(x.cols());
  masked_ = training_ && rate_ > 0.0;
  if (!masked_) {
    y = x;
    return y_.const_view();
  }
  const S keep_scale = static_cast<S>(1.0 / (1.0 - rate_));
  MatrixView<S> mask = mask_.Resize(x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) mask(i, j) = rng_.Uniform() >= rate_ ? keep_scale : S(0);
  }
  y = x.cwiseProduct(mask);
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> Dropout<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(dy.rows() == shape_.size() && dy.cols() == y_.cols() && "dy must match the last Forward");
  if (!need_input_gradient) return EmptyView<S>();
  MatrixView<S> dx = dx_.Resize(dy.cols());
  if (masked_) {
    dx = dy.cwiseProduct(mask_.const_view());
  } else {
    dx = dy;
  }
  return dx_.const_view();
}

template class Dropout<float>;
template class Dropout<double>;

}  // namespace mlp::nn
