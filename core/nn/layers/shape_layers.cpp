#include "core/nn/layers/shape_layers.h"

#include <cassert>

namespace mlp::nn {
namespace {

std::string ShapeText(const Shape& s) {
  std::string text = s.time != 1 ? std::to_string(s.time) + "×" : std::string();
  return text + std::to_string(s.height) + "×" + std::to_string(s.width) + "×" + std::to_string(s.channels);
}

}  // namespace

template <typename S>
Status Reshape<S>::Check(const Shape& input, const Shape& output) {
  if (output.time < 1 || output.height < 1 || output.width < 1 || output.channels < 1)
    return Status::Error("reshape: every dimension of the new shape must be positive");
  if (input.size() != output.size())
    return Status::Error("reshape: " + ShapeText(input) + " has " + std::to_string(input.size()) +
                         " values but " + ShapeText(output) + " needs " + std::to_string(output.size()));
  return Status::Ok();
}

template <typename S>
Reshape<S>::Reshape(const Shape& input, const Shape& output)
    : input_(input), output_(output), y_(output.size()), dx_(input.size()) {
  assert(Check(input, output).ok() && "check the shapes with Reshape::Check first");
}

template <typename S>
std::string Reshape<S>::Describe() const {
  return "reshape " + ShapeText(output_);
}

template <typename S>
ConstMatrixView<S> Reshape<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == input_.size() && "input rows must be input_shape().size()");
  y_.Resize(x.cols()) = x;
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> Reshape<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(dy.rows() == output_.size() && dy.cols() == y_.cols() && "dy must match the last Forward");
  if (!need_input_gradient) return EmptyView<S>();
  dx_.Resize(dy.cols()) = dy;
  return dx_.const_view();
}

template class Reshape<float>;
template class Reshape<double>;

}  // namespace mlp::nn
