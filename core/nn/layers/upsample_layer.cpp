#include "core/nn/layers/upsample_layer.h"

#include <algorithm>
#include <cassert>

namespace mlp::nn {

template <typename S>
Status Upsample2D<S>::Check(const Shape& input, int factor_y, int factor_x) {
  if (input.time != 1) return Status::Error("upsample takes images (time = 1)");
  if (factor_y < 1 || factor_x < 1) return Status::Error("upsample: the factors must be at least 1");
  return Status::Ok();
}

template <typename S>
Upsample2D<S>::Upsample2D(const Shape& input, int factor_y, int factor_x)
    : input_(input),
      output_{1, input.height * factor_y, input.width * factor_x, input.channels},
      factor_y_(factor_y),
      factor_x_(factor_x),
      y_(output_.size()),
      dx_(input.size()) {
  assert(Check(input, factor_y, factor_x).ok() && "check the settings with Upsample2D::Check first");
}

template <typename S>
std::string Upsample2D<S>::Describe() const {
  return "upsample " + std::to_string(factor_y_) + "×" + std::to_string(factor_x_);
}

template <typename S>
ConstMatrixView<S> Upsample2D<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == input_.size() && "input rows must be input_shape().size()");
  const int64_t c = input_.channels;
  MatrixView<S> y = y_.Resize(x.cols());
  ForEachSample(x.cols(), [&](Eigen::Index j) {
    const S* in = x.data() + j * x.outerStride();
    S* out = y.col(j).data();
    for (int oy = 0; oy < output_.height; ++oy) {
      const S* row = in + int64_t{oy / factor_y_} * input_.width * c;
      for (int ox = 0; ox < output_.width; ++ox, out += c) std::copy_n(row + int64_t{ox / factor_x_} * c, c, out);
    }
  });
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> Upsample2D<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(dy.rows() == output_.size() && dy.cols() == y_.cols() && "dy must match the last Forward");
  if (!need_input_gradient) return EmptyView<S>();
  const int64_t c = input_.channels;
  MatrixView<S> dx = dx_.Resize(dy.cols());
  ForEachSample(dy.cols(), [&](Eigen::Index j) {
    const S* grad = dy.data() + j * dy.outerStride();
    dx.col(j).setZero();
    S* out = dx.col(j).data();
    for (int oy = 0; oy < output_.height; ++oy) {
      S* row = out + int64_t{oy / factor_y_} * input_.width * c;
      for (int ox = 0; ox < output_.width; ++ox, grad += c) {
        S* target = row + int64_t{ox / factor_x_} * c;
        for (int64_t i = 0; i < c; ++i) target[i] += grad[i];
      }
    }
  });
  return dx_.const_view();
}

template class Upsample2D<float>;
template class Upsample2D<double>;

}  // namespace mlp::nn
