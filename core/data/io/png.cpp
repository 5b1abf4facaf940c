// PNG decoder. Sections: [chunks] signature and chunk walk; [header] IHDR checks; [passes] Adam7
// geometry and the byte budget; [filters] row unfiltering; [pixels] sample extraction to gray/RGB.
#include "core/data/io/png.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/data/io/array.h"
#include "core/data/io/byte_reader.h"
#include "core/data/io/inflate.h"

namespace mlp::io {
namespace {

const uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

Status Refuse(const std::string& message) { return Status::Error("Cannot read this PNG image: " + message); }

// ---- [chunks] ---------------------------------------------------------------------------------

struct Chunk {
  char type[5] = {0, 0, 0, 0, 0};
  const uint8_t* data = nullptr;
  uint32_t length = 0;
};

// Reads the chunk at *offset (length, type, data, CRC) and advances past it.
Status NextChunk(const ByteReader& reader, size_t* offset, Chunk* chunk) {
  uint32_t length = 0;
  if (!reader.U32BE(*offset, &length) || !reader.Has(*offset + 4, 4)) {
    return Refuse("the file ends before its IEND chunk. It is truncated: save or download it again.");
  }
  if (length > 0x7fffffffu) return Refuse("a chunk declares an impossible length. The file is damaged.");
  const uint8_t* type = reader.data() + *offset + 4;
  for (int i = 0; i < 4; ++i) {
    const bool letter = (type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z');
    if (!letter) return Refuse("a chunk has an invalid type name. The file is damaged.");
    chunk->type[i] = static_cast<char>(type[i]);
  }
  if (!reader.Has(*offset + 8, size_t{length} + 4)) {
    return Refuse(std::string("the file ends inside its ") + chunk->type +
                  " chunk. It is truncated: save or download it again.");
  }
  uint32_t stored_crc = 0;
  reader.U32BE(*offset + 8 + length, &stored_crc);
  if (Crc32(type, size_t{length} + 4) != stored_crc) {
    return Refuse(std::string("the checksum (CRC) of its ") + chunk->type +
                  " chunk does not match. The file is damaged: save or download it again.");
  }
  chunk->data = reader.data() + *offset + 8;
  chunk->length = length;
  *offset += size_t{length} + 12;
  return Status::Ok();
}

bool IsType(const Chunk& chunk, const char* name) {
  return chunk.type[0] == name[0] && chunk.type[1] == name[1] && chunk.type[2] == name[2] && chunk.type[3] == name[3];
}

// ---- [header] ---------------------------------------------------------------------------------

int ChannelCount(int color_type) {
  switch (color_type) {
    case 0: return 1;
    case 2: return 3;
    case 3: return 1;
    case 4: return 2;
    case 6: return 4;
    default: return 0;
  }
}

Result<PngHeader> ParseIhdr(const Chunk& chunk) {
  if (!IsType(chunk, "IHDR")) return Refuse("its first chunk is not IHDR. The file is damaged.");
  if (chunk.length != 13) return Refuse("its IHDR chunk has the wrong length. The file is damaged.");
  const ByteReader reader(chunk.data, chunk.length);
  uint32_t width = 0, height = 0;
  reader.U32BE(0, &width);
  reader.U32BE(4, &height);
  PngHeader header;
  header.bit_depth = chunk.data[8];
  header.color_type = chunk.data[9];
  if (width == 0 || height == 0 || width > 0x7fffffffu || height > 0x7fffffffu) {
    return Refuse("it declares a size of " + std::to_string(width) + " × " + std::to_string(height) +
                  " pixels, which is impossible. The file is damaged.");
  }
  header.width = static_cast<int>(width);
  header.height = static_cast<int>(height);
  bool legal = false;
  const int d = header.bit_depth;
  switch (header.color_type) {
    case 0: legal = d == 1 || d == 2 || d == 4 || d == 8 || d == 16; break;
    case 3: legal = d == 1 || d == 2 || d == 4 || d == 8; break;
    case 2: case 4: case 6: legal = d == 8 || d == 16; break;
    default: legal = false;
  }
  if (!legal) {
    return Refuse("colour type " + std::to_string(header.color_type) + " with " + std::to_string(d) +
                  "-bit samples is not a legal PNG combination. The file is damaged.");
  }
  if (chunk.data[10] != 0 || chunk.data[11] != 0) {
    return Refuse("it declares an unknown compression or filter method. The file is damaged.");
  }
  if (chunk.data[12] > 1) return Refuse("it declares an unknown interlace method. The file is damaged.");
  header.interlaced = chunk.data[12] == 1;
  return header;
}

// ---- [passes] ---------------------------------------------------------------------------------

// One reduced image of the Adam7 scheme (or the whole image when not interlaced): pixel (i, j) of
// the pass is pixel (x0 + i·dx, y0 + j·dy) of the image.
struct Pass {
  int x0, y0, dx, dy;
  uint64_t width = 0, height = 0;
  uint64_t stride = 0;  // bytes per row, without the filter byte
};

std::vector<Pass> MakePasses(const PngHeader& header) {
  std::vector<Pass> passes;
  if (header.interlaced) {
    const int table[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                             {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    for (const auto& t : table) passes.push_back(Pass{t[0], t[1], t[2], t[3]});
  } else {
    passes.push_back(Pass{0, 0, 1, 1});
  }
  const uint64_t bits_per_pixel = uint64_t(ChannelCount(header.color_type)) * uint64_t(header.bit_depth);
  for (Pass& pass : passes) {
    const uint64_t w = uint64_t(header.width), h = uint64_t(header.height);
    pass.width = w > uint64_t(pass.x0) ? (w - pass.x0 + pass.dx - 1) / pass.dx : 0;
    pass.height = h > uint64_t(pass.y0) ? (h - pass.y0 + pass.dy - 1) / pass.dy : 0;
    pass.stride = (pass.width * bits_per_pixel + 7) / 8;
  }
  return passes;
}

// Bytes of decompressed scanline data the passes need (an empty pass has no rows, not even filter bytes).
uint64_t ScanlineBytes(const std::vector<Pass>& passes) {
  uint64_t total = 0;
  for (const Pass& pass : passes) {
    if (pass.width > 0 && pass.height > 0) total += pass.height * (pass.stride + 1);
  }
  return total;
}

// ---- [filters] --------------------------------------------------------------------------------

uint8_t Paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return static_cast<uint8_t>(a);
  if (pb <= pc) return static_cast<uint8_t>(b);
  return static_cast<uint8_t>(c);
}

// Undoes the filter of one row in place; `previous` is the unfiltered row above (zeros for the first).
bool Unfilter(uint8_t filter, uint8_t* row, const uint8_t* previous, size_t stride, size_t bpp) {
  switch (filter) {
    case 0: return true;
    case 1:
      for (size_t i = bpp; i < stride; ++i) row[i] = uint8_t(row[i] + row[i - bpp]);
      return true;
    case 2:
      for (size_t i = 0; i < stride; ++i) row[i] = uint8_t(row[i] + previous[i]);
      return true;
    case 3:
      for (size_t i = 0; i < stride; ++i) {
        const int left = i >= bpp ? row[i - bpp] : 0;
        row[i] = uint8_t(row[i] + ((left + previous[i]) >> 1));
      }
      return true;
    case 4:
      for (size_t i = 0; i < stride; ++i) {
        const int left = i >= bpp ? row[i - bpp] : 0;
        const int upper_left = i >= bpp ? previous[i - bpp] : 0;
        row[i] = uint8_t(row[i] + Paeth(left, previous[i], upper_left));
      }
      return true;
    default: return false;
  }
}

// ---- [pixels] ---------------------------------------------------------------------------------

struct Palette {
  std::vector<uint8_t> rgb;    // 3 per entry
  std::vector<uint8_t> alpha;  // from tRNS, may be shorter than the palette (missing = opaque)
};

struct Transparency {
  bool has_key = false;       // tRNS for gray/RGB: one colour that is fully transparent
  uint32_t key[3] = {0, 0, 0};  // raw sample values
};

// Sample `index` of a row of `depth`-bit samples (packed most significant bits first).
uint32_t Sample(const uint8_t* row, uint64_t index, int depth) {
  switch (depth) {
    case 8: return row[index];
    case 16: return (uint32_t{row[2 * index]} << 8) | row[2 * index + 1];
    default: {
      const uint64_t bit = index * uint64_t(depth);
      const int shift = 8 - depth - int(bit % 8);
      return (row[bit / 8] >> shift) & ((1u << depth) - 1);
    }
  }
}

}  // namespace

bool LooksLikePng(const uint8_t* data, size_t size) {
  if (size < 8) return false;
  for (int i = 0; i < 8; ++i) {
    if (data[i] != kSignature[i]) return false;
  }
  return true;
}

Result<PngHeader> ReadPngHeader(const uint8_t* data, size_t size) {
  if (size == 0) return Refuse("the file is empty.");
  if (!LooksLikePng(data, size)) {
    return Refuse("it does not start with the PNG signature. It is another kind of file (or damaged): save it as PNG.");
  }
  const ByteReader reader(data, size);
  size_t offset = 8;
  Chunk chunk;
  Status status = NextChunk(reader, &offset, &chunk);
  if (!status.ok()) return status;
  return ParseIhdr(chunk);
}

Result<PngImage> DecodePng(const uint8_t* data, size_t size, const PngOptions& options) {
  Result<PngHeader> parsed = ReadPngHeader(data, size);
  if (!parsed.ok()) return parsed.status();
  const PngHeader header = parsed.value();

  // Budget before any pixel allocation: scanlines + output.
  const std::vector<Pass> passes = MakePasses(header);
  const uint64_t scanline_bytes = ScanlineBytes(passes);
  const uint64_t pixels = uint64_t(header.width) * uint64_t(header.height);
  const uint64_t output_bytes = pixels * (options.keep_rgb ? 16 : 4);
  const double needed = double(scanline_bytes) + double(output_bytes);
  if (needed > double(options.max_bytes)) {
    return Refuse("it is " + std::to_string(header.width) + " × " + std::to_string(header.height) + " pixels, " +
                  DescribeBytes(needed) + " once decoded, larger than the memory budget of " +
                  DescribeBytes(double(options.max_bytes)) + ". Use a smaller image.");
  }

  // Chunk walk: collect PLTE, tRNS and the IDAT stream up to IEND.
  const ByteReader reader(data, size);
  size_t offset = 8 + 25;  // signature + IHDR
  Palette palette;
  Transparency key;
  bool has_trns = false;
  std::vector<uint8_t> compressed;
  bool seen_idat = false, idat_ended = false, seen_iend = false;
  while (!seen_iend) {
    Chunk chunk;
    Status status = NextChunk(reader, &offset, &chunk);
    if (!status.ok()) return status;
    if (IsType(chunk, "IDAT")) {
      if (idat_ended) return Refuse("its IDAT chunks are not consecutive. The file is damaged.");
      if (header.color_type == 3 && palette.rgb.empty()) {
        return Refuse("its pixel data comes before the palette (PLTE chunk). The file is damaged.");
      }
      seen_idat = true;
      compressed.insert(compressed.end(), chunk.data, chunk.data + chunk.length);
      continue;
    }
    if (seen_idat) idat_ended = true;
    if (IsType(chunk, "IEND")) {
      seen_iend = true;
    } else if (IsType(chunk, "IHDR")) {
      return Refuse("it holds a second IHDR chunk. The file is damaged.");
    } else if (IsType(chunk, "PLTE")) {
      if (chunk.length == 0 || chunk.length % 3 != 0 || chunk.length > 768) {
        return Refuse("its palette (PLTE chunk) has an invalid length. The file is damaged.");
      }
      if (header.color_type == 0 || header.color_type == 4) {
        return Refuse("a grayscale image may not hold a palette (PLTE chunk). The file is damaged.");
      }
      palette.rgb.assign(chunk.data, chunk.data + chunk.length);
    } else if (IsType(chunk, "tRNS")) {
      has_trns = true;
      if (header.color_type == 3) {
        if (chunk.length > palette.rgb.size() / 3) {
          return Refuse("its transparency (tRNS) chunk has more entries than the palette. The file is damaged.");
        }
        palette.alpha.assign(chunk.data, chunk.data + chunk.length);
      } else if (header.color_type == 0 || header.color_type == 2) {
        const uint32_t samples = header.color_type == 0 ? 1 : 3;
        if (chunk.length != 2 * samples) {
          return Refuse("its transparency (tRNS) chunk has the wrong length. The file is damaged.");
        }
        key.has_key = true;
        for (uint32_t s = 0; s < samples; ++s) key.key[s] = (uint32_t{chunk.data[2 * s]} << 8) | chunk.data[2 * s + 1];
      } else {
        return Refuse("an image with an alpha channel may not hold a tRNS chunk. The file is damaged.");
      }
    } else if (chunk.type[0] >= 'A' && chunk.type[0] <= 'Z') {
      return Refuse(std::string("it holds a critical chunk this reader does not know (") + chunk.type +
                    "). Save the image again with a common program.");
    }
    // Other ancillary chunks (gAMA, pHYs, tEXt, ...) do not change the pixel values we report.
  }
  if (!seen_idat) return Refuse("it holds no pixel data (IDAT chunk). The file is damaged.");
  if (header.color_type == 3 && palette.rgb.empty()) {
    return Refuse("it is a palette image without a palette (PLTE chunk). The file is damaged.");
  }

  Result<std::vector<uint8_t>> inflated =
      ZlibDecompress(compressed.data(), compressed.size(), static_cast<int64_t>(scanline_bytes));
  if (!inflated.ok()) return Refuse("its pixel data cannot be decompressed. " + inflated.status().message());
  std::vector<uint8_t>& raw = inflated.value();
  if (raw.size() < scanline_bytes) {
    return Refuse("its pixel data holds " + std::to_string(raw.size()) + " bytes where the image needs " +
                  std::to_string(scanline_bytes) + ". The file is truncated or damaged.");
  }

  PngImage image;
  image.header = header;
  image.width = header.width;
  image.height = header.height;
  image.has_color = header.color_type == 2 || header.color_type == 3 || header.color_type == 6;
  image.has_alpha = header.color_type == 4 || header.color_type == 6 || has_trns;
  image.gray.assign(size_t(pixels), 0.0f);
  if (options.keep_rgb) image.rgb.assign(size_t(pixels) * 3, 0.0f);

  const int channels = ChannelCount(header.color_type);
  const int depth = header.bit_depth;
  const size_t bpp = std::max<size_t>(1, size_t(channels) * size_t(depth) / 8);
  const float max_value = float((1u << depth) - 1);
  const size_t palette_entries = palette.rgb.size() / 3;
  size_t position = 0;
  int pass_number = 0;
  for (const Pass& pass : passes) {
    ++pass_number;
    if (pass.width == 0 || pass.height == 0) continue;
    const size_t stride = size_t(pass.stride);
    std::vector<uint8_t> zeros(stride, 0);
    const uint8_t* previous = zeros.data();
    for (uint64_t j = 0; j < pass.height; ++j) {
      const uint8_t filter = raw[position];
      uint8_t* row = raw.data() + position + 1;
      if (!Unfilter(filter, row, previous, stride, bpp)) {
        return Refuse("row " + std::to_string(j + 1) + (header.interlaced ? " of pass " + std::to_string(pass_number) : "") +
                      " uses filter type " + std::to_string(filter) + "; only 0 to 4 exist. The file is damaged.");
      }
      previous = row;
      position += stride + 1;
      const uint64_t y = uint64_t(pass.y0) + j * uint64_t(pass.dy);
      for (uint64_t i = 0; i < pass.width; ++i) {
        const uint64_t x = uint64_t(pass.x0) + i * uint64_t(pass.dx);
        float r = 0, g = 0, b = 0, alpha = 1;
        if (header.color_type == 3) {
          const uint32_t index = Sample(row, i, depth);
          if (index >= palette_entries) {
            return Refuse("a pixel refers to palette entry " + std::to_string(index) + " but the palette has " +
                          std::to_string(palette_entries) + " entries. The file is damaged.");
          }
          r = palette.rgb[3 * index] / 255.0f;
          g = palette.rgb[3 * index + 1] / 255.0f;
          b = palette.rgb[3 * index + 2] / 255.0f;
          if (index < palette.alpha.size()) alpha = palette.alpha[index] / 255.0f;
        } else {
          uint32_t s[4] = {0, 0, 0, 0};
          for (int c = 0; c < channels; ++c) s[c] = Sample(row, i * uint64_t(channels) + uint64_t(c), depth);
          if (header.color_type == 0 || header.color_type == 4) {
            r = g = b = s[0] / max_value;
            if (header.color_type == 4) alpha = s[1] / max_value;
            if (key.has_key && s[0] == key.key[0]) alpha = 0;
          } else {
            r = s[0] / max_value;
            g = s[1] / max_value;
            b = s[2] / max_value;
            if (header.color_type == 6) alpha = s[3] / max_value;
            if (key.has_key && s[0] == key.key[0] && s[1] == key.key[1] && s[2] == key.key[2]) alpha = 0;
          }
        }
        const size_t at = size_t(y) * size_t(header.width) + size_t(x);
        // Gray images keep their exact value; colour ones get BT.601 luminance.
        const float luminance = image.has_color ? 0.299f * r + 0.587f * g + 0.114f * b : r;
        image.gray[at] = std::min(1.0f, luminance * alpha);
        if (options.keep_rgb) {
          image.rgb[3 * at] = r * alpha;
          image.rgb[3 * at + 1] = g * alpha;
          image.rgb[3 * at + 2] = b * alpha;
        }
      }
    }
  }
  return image;
}

}  // namespace mlp::io
