// Nearest-neighbour upsampling by integer factors: output pixel (y, x) copies input pixel
// (⌊y / factor_y⌋, ⌊x / factor_x⌋), every channel. Backward sums each block of factor_y × factor_x
// output gradients into its source pixel. No parameters.
#pragma once

#include <string>

#include "core/base/status.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

template <typename S>
class Upsample2D : public Layer<S> {
public:
  static Status Check(const Shape& input, int factor_y, int factor_x);
  Upsample2D(const Shape& input, int factor_y, int factor_x);

  std::string Describe() const override;
  Shape input_shape() const override { return input_; }
  Shape output_shape() const override { return output_; }

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

private:
  Shape input_, output_;
  int factor_y_, factor_x_;
  ColumnBuffer<S> y_, dx_;
};

extern template class Upsample2D<float>;
extern template class Upsample2D<double>;

}  // namespace mlp::nn
