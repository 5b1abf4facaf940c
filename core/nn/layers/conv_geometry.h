// Geometry of a 2-D sliding window (convolution or pooling) over a channels-last image, and the
// im2col / col2im copies that turn a convolution into one matrix product.
//
// A sample's image is (height, width, channels), index (y·width + x)·channels + c. Its im2col
// matrix has one COLUMN per output position (oy·out_width + ox) and one ROW per patch entry
// (ky·kernel_width + kx)·channels + c, zero where the window hangs over the zero padding. With
// weights W: filters × patch_size, W·im2col is then the output image in the same channels-last
// layout (filters × positions, column-major = (position, filter) = index position·filters + f).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>

#include "core/base/status.h"
#include "core/nn/layers/layer.h"

namespace mlp::nn {

// How convolution weights are drawn: uniform in ±limit, He limit = √(6 / fan_in) (for ReLU-like
// activations that follow), Glorot/Xavier limit = √(6 / (fan_in + fan_out)) (tanh, sigmoid, linear).
enum class WeightInit { kHeUniform, kGlorotUniform };

inline double InitLimit(WeightInit init, int64_t fan_in, int64_t fan_out) {
  return init == WeightInit::kHeUniform ? std::sqrt(6.0 / static_cast<double>(fan_in))
                                        : std::sqrt(6.0 / static_cast<double>(fan_in + fan_out));
}

struct WindowGeometry {
  int in_height = 1, in_width = 1, channels = 1;
  int kernel_height = 1, kernel_width = 1;
  int stride_y = 1, stride_x = 1;
  int pad_y = 0, pad_x = 0;  // zeros added on BOTH sides
  int out_height = 1, out_width = 1;

  int64_t patch_size() const { return int64_t{kernel_height} * kernel_width * channels; }
  int64_t positions() const { return int64_t{out_height} * out_width; }
  int64_t in_size() const { return int64_t{in_height} * in_width * channels; }
};

// Fills in out_height/out_width = ⌊(in + 2·pad − kernel) / stride⌋ + 1, or explains which setting
// is impossible (`what` names the layer in the message, e.g. "conv2d").
Status MakeWindowGeometry(const char* what, const Shape& input, int kernel_height, int kernel_width,
                          int stride_y, int stride_x, int pad_y, int pad_x, WindowGeometry* geometry);

// columns (patch_size × positions, contiguous) = im2col(image).
template <typename S>
void Im2Col(const WindowGeometry& g, const S* image, S* columns);
// image += col2im(columns): the adjoint of Im2Col (overlapping patches add up).
template <typename S>
void Col2ImAdd(const WindowGeometry& g, const S* columns, S* image);

// "3×3", "3×3 stride 2 pad 1", "1×5 pad 2": the window part of a layer's Describe().
std::string DescribeWindow(int kernel_height, int kernel_width, int stride_y, int stride_x,
                           int pad_y, int pad_x);

}  // namespace mlp::nn
