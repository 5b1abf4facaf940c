#include "core/nn/layers/pooling_layers.h"

#include <algorithm>
#include <cassert>

namespace mlp::nn {
namespace {

PoolSettings Resolved(PoolSettings s) {
  if (s.stride_y == 0) s.stride_y = s.pool_height;
  if (s.stride_x == 0) s.stride_x = s.pool_width;
  return s;
}

}  // namespace

template <typename S>
Status PoolingLayer<S>::Check(const Shape& input, const PoolSettings& settings) {
  const PoolSettings s = Resolved(settings);
  WindowGeometry geometry;
  return MakeWindowGeometry("pooling", input, s.pool_height, s.pool_width, s.stride_y, s.stride_x, 0, 0,
                            &geometry);
}

template <typename S>
PoolingLayer<S>::PoolingLayer(const Shape& input, const PoolSettings& settings)
    : input_(input), settings_(Resolved(settings)) {
  const Status status = MakeWindowGeometry("pooling", input, settings_.pool_height, settings_.pool_width,
                                           settings_.stride_y, settings_.stride_x, 0, 0, &geometry_);
  assert(status.ok() && "check the settings with Check first");
  (void)status;
  output_ = Shape{1, geometry_.out_height, geometry_.out_width, input.channels};
  y_.SetRows(output_.size());
  dx_.SetRows(input_.size());
}

template <typename S>
std::string PoolingLayer<S>::DescribeWith(const char* name) const {
  const PoolSettings& s = settings_;
  std::string text = std::string(name) + " " + std::to_string(s.pool_height) + "×" + std::to_string(s.pool_width);
  if (s.stride_y != s.pool_height || s.stride_x != s.pool_width) {
    text += " stride " + (s.stride_y == s.stride_x ? std::to_string(s.stride_y)
                                                   : std::to_string(s.stride_y) + "×" + std::to_string(s.stride_x));
  }
  return text;
}

// ---- max pooling ---------------------------------------------------------------------------------

template <typename S>
MaxPool2D<S>::MaxPool2D(const Shape& input, const PoolSettings& settings) : PoolingLayer<S>(input, settings) {}

template <typename S>
ConstMatrixView<S> MaxPool2D<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == this->input_.size() && "input rows must be input_shape().size()");
  const WindowGeometry& g = this->geometry_;
  const int64_t out_size = this->output_.size(), c_count = g.channels;
  this->batch_ = x.cols();
  MatrixView<S> y = this->y_.Resize(this->batch_);
  if (static_cast<int64_t>(arg_max_.size()) < out_size * this->batch_) arg_max_.resize(out_size * this->batch_);
  ForEachSample(this->batch_, [&](Eigen::Index j) {
    const S* xs = x.data() + j * x.outerStride();
    S* ys = y.col(j).data();
    int32_t* arg = arg_max_.data() + j * out_size;
    for (int oy = 0; oy < g.out_height; ++oy) {
      for (int ox = 0; ox < g.out_width; ++ox) {
        const int64_t o = (int64_t{oy} * g.out_width + ox) * c_count;
        const int64_t corner = (int64_t{oy} * g.stride_y * g.in_width + int64_t{ox} * g.stride_x) * c_count;
        for (int64_t c = 0; c < c_count; ++c) {
          ys[o + c] = xs[corner + c];
          arg[o + c] = static_cast<int32_t>(corner + c);
        }
        for (int ky = 0; ky < g.kernel_height; ++ky) {
          for (int kx = 0; kx < g.kernel_width; ++kx) {
            const int64_t base = corner + (int64_t{ky} * g.in_width + kx) * c_count;
            for (int64_t c = 0; c < c_count; ++c) {
              if (xs[base + c] > ys[o + c]) {  // strict: the first maximum keeps the gradient
                ys[o + c] = xs[base + c];
                arg[o + c] = static_cast<int32_t>(base + c);
              }
            }
          }
        }
      }
    }
  });
  return this->y_.const_view();
}

template <typename S>
ConstMatrixView<S> MaxPool2D<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(dy.rows() == this->output_.size() && dy.cols() == this->batch_ && "dy must match the last Forward");
  if (!need_input_gradient) return EmptyView<S>();
  const int64_t out_size = this->output_.size();
  MatrixView<S> dx = this->dx_.Resize(this->batch_);
  ForEachSample(this->batch_, [&](Eigen::Index j) {
    const S* dys = dy.data() + j * dy.outerStride();
    S* dxs = dx.col(j).data();
    const int32_t* arg = arg_max_.data() + j * out_size;
    dx.col(j).setZero();
    for (int64_t o = 0; o < out_size; ++o) dxs[arg[o]] += dys[o];
  });
  return this->dx_.const_view();
}

// ---- average pooling -----------------------------------------------------------------------------

template <typename S>
AveragePool2D<S>::AveragePool2D(const Shape& input, const PoolSettings& settings)
    : PoolingLayer<S>(input, settings) {}

template <typename S>
ConstMatrixView<S> AveragePool2D<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == this->input_.size() && "input rows must be input_shape().size()");
  const WindowGeometry& g = this->geometry_;
  const int64_t c_count = g.channels;
  const S scale = S(1) / static_cast<S>(g.kernel_height * g.kernel_width);
  this->batch_ = x.cols();
  MatrixView<S> y = this->y_.Resize(this->batch_);
  ForEachSample(this->batch_, [&](Eigen::Index j) {
    const S* xs = x.data() + j * x.outerStride();
    S* ys = y.col(j).data();
    for (int oy = 0; oy < g.out_height; ++oy) {
      for (int ox = 0; ox < g.out_width; ++ox) {
        S* out = ys + (int64_t{oy} * g.out_width + ox) * c_count;
        const int64_t corner = (int64_t{oy} * g.stride_y * g.in_width + int64_t{ox} * g.stride_x) * c_count;
        std::fill_n(out, c_count, S(0));
        for (int ky = 0; ky < g.kernel_height; ++ky) {
          for (int kx = 0; kx < g.kernel_width; ++kx) {
            const S* in = xs + corner + (int64_t{ky} * g.in_width + kx) * c_count;
            for (int64_t c = 0; c < c_count; ++c) out[c] += in[c];
          }
        }
        for (int64_t c = 0; c < c_count; ++c) out[c] *= scale;
      }
    }
  });
  return this->y_.const_view();
}

template <typename S>
ConstMatrixView<S> AveragePool2D<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  assert(dy.rows() == this->output_.size() && dy.cols() == this->batch_ && "dy must match the last Forward");
  if (!need_input_gradient) return EmptyView<S>();
  const WindowGeometry& g = this->geometry_;
  const int64_t c_count = g.channels;
  const S scale = S(1) / static_cast<S>(g.kernel_height * g.kernel_width);
  MatrixView<S> dx = this->dx_.Resize(this->batch_);
  ForEachSample(this->batch_, [&](Eigen::Index j) {
    const S* dys = dy.data() + j * dy.outerStride();
    S* dxs = dx.col(j).data();
    dx.col(j).setZero();
    for (int oy = 0; oy < g.out_height; ++oy) {
      for (int ox = 0; ox < g.out_width; ++ox) {
        const S* grad = dys + (int64_t{oy} * g.out_width + ox) * c_count;
        const int64_t corner = (int64_t{oy} * g.stride_y * g.in_width + int64_t{ox} * g.stride_x) * c_count;
        for (int ky = 0; ky < g.kernel_height; ++ky) {
          for (int kx = 0; kx < g.kernel_width; ++kx) {
            S* in = dxs + corner + (int64_t{ky} * g.in_width + kx) * c_count;
            for (int64_t c = 0; c < c_count; ++c) in[c] += scale * grad[c];
          }
        }
      }
    }
  });
  return this->dx_.const_view();
}

template class PoolingLayer<float>;
template class PoolingLayer<double>;
template class MaxPool2D<float>;
template class MaxPool2D<double>;
template class AveragePool2D<float>;
template class AveragePool2D<double>;

}  // namespace mlp::nn
