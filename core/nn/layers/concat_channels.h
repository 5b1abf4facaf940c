// Channel concatenation for skip connections (U-Net): two tensors with the same (time, height,
// width) become one whose channels are a's followed by b's; the gradient splits back the same way.
// Not a Layer (it has two inputs); a network that owns the skip wires it by hand.
//   out(position, 0 … ca−1) = a(position, ·)   out(position, ca … ca+cb−1) = b(position, ·)
#pragma once

#include "core/base/status.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

// The free functions: out = concat(a, b) and its adjoint da, db = split(dy), per column (sample).
// `positions` = time·height·width; a: positions·ca × batch, b: positions·cb × batch.
template <typename S>
void ConcatChannels(const ConstRef<S>& a, int channels_a, const ConstRef<S>& b, int channels_b,
                    MutableRef<S> out);
template <typename S>
void SplitChannels(const ConstRef<S>& dy, int channels_a, int channels_b, MutableRef<S> da, MutableRef<S> db);

template <typename S>
class ChannelConcat {
public:
  static Status Check(const Shape& a, const Shape& b);
  ChannelConcat(const Shape& a, const Shape& b);

  Shape output_shape() const { return output_; }
  ConstMatrixView<S> Forward(const ConstRef<S>& a, const ConstRef<S>& b);
  // Splits dy into the gradients of a and b, returned by gradient_a() / gradient_b().
  void Backward(const ConstRef<S>& dy);
  ConstMatrixView<S> gradient_a() const { return da_.const_view(); }
  ConstMatrixView<S> gradient_b() const { return db_.const_view(); }

private:
  Shape a_, b_, output_;
  ColumnBuffer<S> y_, da_, db_;
};

extern template class ChannelConcat<float>;
extern template class ChannelConcat<double>;

}  // namespace mlp::nn
