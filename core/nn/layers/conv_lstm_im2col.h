// im2col / col2im for k×k 'same' convolutions (odd k, stride 1, zero padding k/2), private to
// ConvLstmLayer (Conv2D has its own): a convolution becomes one matrix product W_ᵀ·patches.
//
// frame:   height×width×channels, channels-last and contiguous: index (y·width + x)·channels + c.
// patches: column-major (k·k·channels) × (height·width), one column per output pixel y·width + x,
//          row (ky·k + kx)·channels + c holding frame(y + ky − k/2, x + kx − k/2, c), 0 outside.
// This row order is Keras's kernel layout (k, k, channels, filters) flattened.
#pragma once

#include <cstdint>

namespace mlp::nn {

template <typename S>
void SameIm2Col(const S* frame, int height, int width, int channels, int k, S* patches) {
  const int pad = k / 2;
  const int64_t rows = int64_t{k} * k * channels;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      S* column = patches + (int64_t{y} * width + x) * rows;
      for (int ky = 0; ky < k; ++ky) {
        const int sy = y + ky - pad;
        for (int kx = 0; kx < k; ++kx) {
          const int sx = x + kx - pad;
          S* out = column + (int64_t{ky} * k + kx) * channels;
          if (sy < 0 || sy >= height || sx < 0 || sx >= width) {
            for (int c = 0; c < channels; ++c) out[c] = S(0);
          } else {
            const S* in = frame + (int64_t{sy} * width + sx) * channels;
            for (int c = 0; c < channels; ++c) out[c] = in[c];
          }
        }
      }
    }
  }
}

// The adjoint of SameIm2Col: frame += the patches' entries summed back onto the pixels they copied.
template <typename S>
void SameCol2ImAdd(const S* patches, int height, int width, int channels, int k, S* frame) {
  const int pad = k / 2;
  const int64_t rows = int64_t{k} * k * channels;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const S* column = patches + (int64_t{y} * width + x) * rows;
      for (int ky = 0; ky < k; ++ky) {
        const int sy = y + ky - pad;
        if (sy < 0 || sy >= height) continue;
        for (int kx = 0; kx < k; ++kx) {
          const int sx = x + kx - pad;
          if (sx < 0 || sx >= width) continue;
          const S* in = column + (int64_t{ky} * k + kx) * channels;
          S* out = frame + (int64_t{sy} * width + sx) * channels;
          for (int c = 0; c < channels; ++c) out[c] += in[c];
        }
      }
    }
  }
}

}  // namespace mlp::nn
