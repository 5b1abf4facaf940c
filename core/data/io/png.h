// PNG decoder (ISO/IEC 15948, W3C PNG 2nd edition) written on top of our own ZlibDecompress, so the
// core reads the user's images without a third-party library.
//
// Reads: the signature; every chunk with its CRC-32 checked; IHDR, PLTE, tRNS, IDAT (concatenated),
// IEND; unknown ancillary chunks are skipped, unknown critical ones refused. All colour types
// (gray, RGB, palette, gray+alpha, RGBA) at every legal bit depth (1/2/4/8/16), the five row filters
// (None, Sub, Up, Average, Paeth) and Adam7 interlacing.
// Output: one grayscale value per pixel in [0, 1], luminance Y = 0.299 R + 0.587 G + 0.114 B
// (ITU-R BT.601 weights, applied to the stored values without gamma correction), and optionally RGB.
// Transparency (an alpha channel or tRNS) is composited on BLACK: value × alpha, so a transparent
// background reads as 0 — the convention of MNIST-style "white ink on black" digits.
// Every damaged input gives a failed Status naming the problem; nothing is allocated for pixels
// before the image's decoded size has been checked against the byte budget.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/base/status.h"

namespace mlp::io {

// What IHDR declares, readable without decoding the pixels (to compare sizes and budgets first).
struct PngHeader {
  int width = 0;
  int height = 0;
  int bit_depth = 8;   // bits per sample: 1, 2, 4, 8 or 16
  int color_type = 0;  // 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA
  bool interlaced = false;  // Adam7
};

struct PngOptions {
  // Budget for the decompressed scanlines plus the decoded output (4 bytes per gray value, and
  // 12 more per pixel with keep_rgb); larger images are refused before anything is allocated.
  int64_t max_bytes = int64_t{512} << 20;
  bool keep_rgb = false;  // also fill PngImage::rgb
};

struct PngImage {
  PngHeader header;
  int width = 0;
  int height = 0;
  bool has_color = false;   // colour type RGB, RGBA or palette (the gray values are then luminance)
  bool has_alpha = false;   // alpha channel or tRNS present (composited on black)
  std::vector<float> gray;  // height × width, row-major, in [0, 1]
  std::vector<float> rgb;   // keep_rgb only: height × width × 3, row-major, in [0, 1], composited on black
};

// True when the buffer starts with the 8-byte PNG signature.
bool LooksLikePng(const uint8_t* data, size_t size);

// Reads the signature and IHDR only (its CRC included).
Result<PngHeader> ReadPngHeader(const uint8_t* data, size_t size);

// Decodes a whole PNG file held in memory.
Result<PngImage> DecodePng(const uint8_t* data, size_t size, const PngOptions& options = {});

}  // namespace mlp::io
