#include "core/nn/layers/scale_layer.h"

#include <cassert>
#include <cmath>

namespace mlp::nn {

template <typename S>
ScaleLayer<S>::ScaleLayer(const Shape& shape, ScaleDirection direction)
    : shape_(shape), direction_(direction), shift_(Matrix<S>::Zero(1, 1)), scale_(Matrix<S>::Ones(1, 1)),
      y_(shape.size()), dx_(shape.size()) {}

template <typename S>
std::string ScaleLayer<S>::Describe() const {
  return direction_ == ScaleDirection::kStandardise ? "standardise" : "restore scale";
}

template <typename S>
void ScaleLayer<S>::Initialize(Rng& rng) {
  (void)rng;
  SetAffine(0.0, 1.0);
}

template <typename S>
void ScaleLayer<S>::SetAffine(double shift, double scale) {
  shift_(0, 0) = static_cast<S>(std::isfinite(shift) ? shift : 0.0);
  scale_(0, 0) = static_cast<S>(std::isfinite(scale) && scale > 0.0 ? scale : 1.0);
}

template <typename S>
ConstMatrixView<S> ScaleLayer<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == shape_.size() && "input rows must be input_shape().size()");
  MatrixView<S> y = y_.Resize(x.cols());
  const S shift = shift_(0, 0), scale = scale_(0, 0);
  if (direction_ == ScaleDirection::kStandardise) {
    y = (x.array() - shift) / scale;
  } else {
    y = x.array() * scale + shift;
  }
  return y_.const_view();
}

// dy/dx is the constant 1/scale (standardise) or scale (restore), entry by entry.
template <typename S>
ConstMatrixView<S> ScaleLayer<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(dy.rows() == shape_.size() && dy.cols() == y_.cols() && "dy must match the last Forward");
  if (!need_input_gradient) return EmptyView<S>();
  const S factor = direction_ == ScaleDirection::kStandardise ? S(1) / scale_(0, 0) : scale_(0, 0);
  dx_.Resize(dy.cols()) = dy * factor;
  return dx_.const_view();
}

template class ScaleLayer<float>;
template class ScaleLayer<double>;

}  // namespace mlp::nn
