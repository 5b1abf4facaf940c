// Max and average pooling over windows of a channels-last image, each channel on its own, no
// padding (windows that would hang over the edge are dropped: out = ⌊(in − pool) / stride⌋ + 1).
// 1-D pooling of signals (1, length, channels) is pool_height = 1.
//
// Max pooling sends each output's gradient to the input that was the maximum; on a tie the FIRST
// maximum in window order (row by row, left to right) wins, so the routing is reproducible. With
// overlapping windows (stride < pool) an input can receive the gradient of several outputs.
// Every sample is pooled by its own task: outputs do not depend on the thread count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/nn/layers/conv_geometry.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

struct PoolSettings {
  int pool_height = 2, pool_width = 2;
  int stride_y = 0, stride_x = 0;  // 0: the pool size (non-overlapping windows)
};

// Shared set-up of both pooling layers.
template <typename S>
class PoolingLayer : public Layer<S> {
public:
  static Status Check(const Shape& input, const PoolSettings& settings);
  Shape input_shape() const override { return input_; }
  Shape output_shape() const override { return output_; }
  const PoolSettings& settings() const { return settings_; }  // strides resolved (never 0)

protected:
  PoolingLayer(const Shape& input, const PoolSettings& settings);
  std::string DescribeWith(const char* name) const;

  Shape input_, output_;
  PoolSettings settings_;
  WindowGeometry geometry_;
  ColumnBuffer<S> y_, dx_;
  Eigen::Index batch_ = 0;
};

template <typename S>
class MaxPool2D : public PoolingLayer<S> {
public:
  MaxPool2D(const Shape& input, const PoolSettings& settings);
  std::string Describe() const override { return this->DescribeWith("max-pool"); }
  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

private:
  std::vector<int32_t> arg_max_;  // per output entry (column-major over the batch): input row
};

template <typename S>
class AveragePool2D : public PoolingLayer<S> {
public:
  AveragePool2D(const Shape& input, const PoolSettings& settings);
  std::string Describe() const override { return this->DescribeWith("average-pool"); }
  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;
};

extern template class PoolingLayer<float>;
extern template class PoolingLayer<double>;
extern template class MaxPool2D<float>;
extern template class MaxPool2D<double>;
extern template class AveragePool2D<float>;
extern template class AveragePool2D<double>;

}  // namespace mlp::nn
