// Flatten and Reshape: the same numbers under another shape. Both copy into their own buffer (the
// layer contract returns owned storage; the copy is cheap next to any layer with weights).
// Flatten gives (1, 1, 1, size) in the stored channels-last order; Reshape any shape of equal size.
#pragma once

#include <string>

#include "core/base/status.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

template <typename S>
class Reshape : public Layer<S> {
public:
  static Status Check(const Shape& input, const Shape& output);
  Reshape(const Shape& input, const Shape& output);

  std::string Describe() const override;
  Shape input_shape() const override { return input_; }
  Shape output_shape() const override { return output_; }

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

private:
  Shape input_, output_;
  ColumnBuffer<S> y_, dx_;
};

template <typename S>
class Flatten : public Reshape<S> {
public:
  explicit Flatten(const Shape& input) : Reshape<S>(input, Shape{1, 1, 1, static_cast<int>(input.size())}) {}
  std::string Describe() const override { return "flatten"; }
};

extern template class Reshape<float>;
extern template class Reshape<double>;

}  // namespace mlp::nn
