#include "core/nn/layers/concat_channels.h"

#include <algorithm>
#include <cassert>

namespace mlp::nn {

template <typename S>
void ConcatChannels(const ConstRef<S>& a, int channels_a, const ConstRef<S>& b, int channels_b,
                    MutableRef<S> out) {
  const Eigen::Index positions = a.rows() / channels_a;
  assert(b.rows() == positions * channels_b && out.rows() == a.rows() + b.rows() && a.cols() == b.cols() &&
         out.cols() == a.cols());
  ForEachSample(a.cols(), [&](Eigen::Index j) {
    const S* pa = a.data() + j * a.outerStride();
    const S* pb = b.data() + j * b.outerStride();
    S* po = out.data() + j * out.outerStride();
    for (Eigen::Index p = 0; p < positions; ++p, pa += channels_a, pb += channels_b) {
      po = std::copy_n(pa, channels_a, po);
      po = std::copy_n(pb, channels_b, po);
    }
  });
}

template <typename S>
void SplitChannels(const ConstRef<S>& dy, int channels_a, int channels_b, MutableRef<S> da, MutableRef<S> db) {
  const Eigen::Index positions = dy.rows() / (channels_a + channels_b);
  assert(da.rows() == positions * channels_a && db.rows() == positions * channels_b && da.cols() == dy.cols() &&
         db.cols() == dy.cols());
  ForEachSample(dy.cols(), [&](Eigen::Index j) {
    const S* pi = dy.data() + j * dy.outerStride();
    S* pa = da.data() + j * da.outerStride();
    S* pb = db.data() + j * db.outerStride();
    for (Eigen::Index p = 0; p < positions; ++p, pa += channels_a, pb += channels_b) {
      std::copy_n(pi, channels_a, pa);
      std::copy_n(pi + channels_a, channels_b, pb);
      pi += channels_a + channels_b;
    }
  });
}

template <typename S>
Status ChannelConcat<S>::Check(const Shape& a, const Shape& b) {
  if (a.time != b.time || a.height != b.height || a.width != b.width)
    return Status::Error("concatenate: both inputs need the same time, height and width (" +
                         std::to_string(a.height) + "×" + std::to_string(a.width) + " vs " +
                         std::to_string(b.height) + "×" + std::to_string(b.width) + ")");
  return Status::Ok();
}

template <typename S>
ChannelConcat<S>::ChannelConcat(const Shape& a, const Shape& b)
    : a_(a), b_(b), output_{a.time, a.height, a.width, a.channels + b.channels}, y_(output_.size()),
      da_(a.size()), db_(b.size()) {
  assert(Check(a, b).ok() && "check the shapes with ChannelConcat::Check first");
}

template <typename S>
ConstMatrixView<S> ChannelConcat<S>::Forward(const ConstRef<S>& a, const ConstRef<S>& b) {
  ConcatChannels<S>(a, a_.channels, b, b_.channels, y_.Resize(a.cols()));
  return y_.const_view();
}

template <typename S>
void ChannelConcat<S>::Backward(const ConstRef<S>& dy) {
  SplitChannels<S>(dy, a_.channels, b_.channels, da_.Resize(dy.cols()), db_.Resize(dy.cols()));
}

#define MLP_INSTANTIATE(S)                                                                         \
  template void ConcatChannels<S>(const ConstRef<S>&, int, const ConstRef<S>&, int, MutableRef<S>); \
  template void SplitChannels<S>(const ConstRef<S>&, int, int, MutableRef<S>, MutableRef<S>);     \
  template class ChannelConcat<S>;
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp::nn
