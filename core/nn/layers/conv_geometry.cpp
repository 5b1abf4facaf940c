#include "core/nn/layers/conv_geometry.h"

#include <algorithm>

namespace mlp::nn {
namespace {

// The kx range [first, last) whose input column ix = ox·stride − pad + kx lies inside the image.
void InsideRange(int origin, int kernel, int extent, int* first, int* last) {
  *first = std::max(0, -origin);
  *last = std::min(kernel, extent - origin);
  if (*last < *first) *last = *first;
}

}  // namespace

Status MakeWindowGeometry(const char* what, const Shape& input, int kernel_height, int kernel_width,
                          int stride_y, int stride_x, int pad_y, int pad_x, WindowGeometry* g) {
  const std::string name(what);
  if (input.time != 1) return Status::Error(name + " takes images (time = 1), got time " + std::to_string(input.time));
  if (input.height < 1 || input.width < 1 || input.channels < 1)
    return Status::Error(name + ": the input needs a positive height, width and channel count");
  if (kernel_height < 1 || kernel_width < 1) return Status::Error(name + ": the window must be at least 1×1");
  if (stride_y < 1 || stride_x < 1) return Status::Error(name + ": the stride must be at least 1");
  if (pad_y < 0 || pad_x < 0) return Status::Error(name + ": the padding cannot be negative");
  if (pad_y >= kernel_height || pad_x >= kernel_width)
    return Status::Error(name + ": padding must be smaller than the window (a window of zeros only)");
  const int padded_height = input.height + 2 * pad_y, padded_width = input.width + 2 * pad_x;
  if (padded_height < kernel_height || padded_width < kernel_width)
    return Status::Error(name + ": the " + std::to_string(kernel_height) + "×" + std::to_string(kernel_width) +
                         " window is larger than the (padded) " + std::to_string(input.height) + "×" +
                         std::to_string(input.width) + " input");
  g->in_height = input.height;
  g->in_width = input.width;
  g->channels = input.channels;
  g->kernel_height = kernel_height;
  g->kernel_width = kernel_width;
  g->stride_y = stride_y;
  g->stride_x = stride_x;
  g->pad_y = pad_y;
  g->pad_x = pad_x;
  g->out_height = (padded_height - kernel_height) / stride_y + 1;
  g->out_width = (padded_width - kernel_width) / stride_x + 1;
  return Status::Ok();
}

template <typename S>
void Im2Col(const WindowGeometry& g, const S* image, S* columns) {
  const int64_t c = g.channels, row_length = int64_t{g.kernel_width} * c;
  S* out = columns;
  for (int oy = 0; oy < g.out_height; ++oy) {
    for (int ox = 0; ox < g.out_width; ++ox) {
      const int x0 = ox * g.stride_x - g.pad_x;
      int first = 0, last = 0;
      InsideRange(x0, g.kernel_width, g.in_width, &first, &last);
      for (int ky = 0; ky < g.kernel_height; ++ky, out += row_length) {
        const int iy = oy * g.stride_y - g.pad_y + ky;
        if (iy < 0 || iy >= g.in_height) {
          std::fill_n(out, row_length, S(0));
          continue;
        }
        // Consecutive kx are consecutive pixels: one contiguous copy per kernel row.
        std::fill_n(out, first * c, S(0));
        const S* source = image + (int64_t{iy} * g.in_width + x0 + first) * c;
        std::copy_n(source, (last - first) * c, out + first * c);
        std::fill_n(out + last * c, (g.kernel_width - last) * c, S(0));
      }
    }
  }
}

template <typename S>
void Col2ImAdd(const WindowGeometry& g, const S* columns, S* image) {
  const int64_t c = g.channels, row_length = int64_t{g.kernel_width} * c;
  const S* in = columns;
  for (int oy = 0; oy < g.out_height; ++oy) {
    for (int ox = 0; ox < g.out_width; ++ox) {
      const int x0 = ox * g.stride_x - g.pad_x;
      int first = 0, last = 0;
      InsideRange(x0, g.kernel_width, g.in_width, &first, &last);
      for (int ky = 0; ky < g.kernel_height; ++ky, in += row_length) {
        const int iy = oy * g.stride_y - g.pad_y + ky;
        if (iy < 0 || iy >= g.in_height) continue;
        S* target = image + (int64_t{iy} * g.in_width + x0 + first) * c;
        const S* source = in + first * c;
        for (int64_t i = 0, n = (last - first) * c; i < n; ++i) target[i] += source[i];
      }
    }
  }
}

std::string DescribeWindow(int kernel_height, int kernel_width, int stride_y, int stride_x,
                           int pad_y, int pad_x) {
  std::string text = std::to_string(kernel_height) + "×" + std::to_string(kernel_width);
  if (stride_y != 1 || stride_x != 1) {
    text += " stride " + (stride_y == stride_x ? std::to_string(stride_y)
                                               : std::to_string(stride_y) + "×" + std::to_string(stride_x));
  }
  if (pad_y != 0 || pad_x != 0) {
    text += " pad " + (pad_y == pad_x ? std::to_string(pad_y)
                                      : std::to_string(pad_y) + "×" + std::to_string(pad_x));
  }
  return text;
}

template void Im2Col<float>(const WindowGeometry&, const float*, float*);
template void Im2Col<double>(const WindowGeometry&, const double*, double*);
template void Col2ImAdd<float>(const WindowGeometry&, const float*, float*);
template void Col2ImAdd<double>(const WindowGeometry&, const double*, double*);

}  // namespace mlp::nn
