// The array every binary-format parser (NPY, NPZ, IDX) returns: a shape, the element type the file
// declared, and the values widened to double in C (row-major) order.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"

namespace mlp::io {

// Element types the parsers understand (the file's type, before widening to double).
enum class DType { kBool, kInt8, kUInt8, kInt16, kUInt16, kInt32, kUInt32, kInt64, kUInt64, kFloat32, kFloat64 };

// Bytes one element of `dtype` occupies in a file.
inline int DTypeBytes(DType dtype) {
  switch (dtype) {
    case DType::kBool: case DType::kInt8: case DType::kUInt8: return 1;
    case DType::kInt16: case DType::kUInt16: return 2;
    case DType::kInt32: case DType::kUInt32: case DType::kFloat32: return 4;
    case DType::kInt64: case DType::kUInt64: case DType::kFloat64: return 8;
  }
  return 1;
}

// NumPy's name for the type ("float32", "uint8", …), for messages and the UI.
inline std::string_view DTypeName(DType dtype) {
  switch (dtype) {
    case DType::kBool: return "bool";
    case DType::kInt8: return "int8";
    case DType::kUInt8: return "uint8";
    case DType::kInt16: return "int16";
    case DType::kUInt16: return "uint16";
    case DType::kInt32: return "int32";
    case DType::kUInt32: return "uint32";
    case DType::kInt64: return "int64";
    case DType::kUInt64: return "uint64";
    case DType::kFloat32: return "float32";
    case DType::kFloat64: return "float64";
  }
  return "?";
}

// An n-dimensional array read from a file. Rank 0 (shape {}) is a scalar with one value.
// 64-bit integers beyond 2^53 lose precision when widened to double.
struct NdArray {
  std::vector<int64_t> shape;         // dimensions, outermost first
  DType source_dtype = DType::kFloat64;
  std::vector<double> values;         // C (row-major) order always: Fortran input is transposed on read

  // Number of elements: the product of the shape (1 for a scalar).
  int64_t size() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
  }
};

// Budget a parser enforces before allocating: the decoded values (8 bytes per element) and any
// decompressed bytes must fit in max_bytes.
struct ReadLimits {
  int64_t max_bytes = 512LL << 20;
};

// ---- Helpers shared by the parsers ------------------------------------------------------------

// "12.0 MiB"-style size for messages.
inline std::string DescribeBytes(double bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int unit = 0;
  while (bytes >= 1024.0 && unit < 6) { bytes /= 1024.0; ++unit; }
  std::string text = std::to_string(bytes);
  text = text.substr(0, text.find('.') + (unit == 0 ? 0 : 2));
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text + " " + units[unit];
}

// Element count of `shape`, refusing negative dimensions, a product that overflows int64 and
// arrays whose decoded values (8 bytes each) exceed the budget. `file_kind` names the format.
inline Result<int64_t> CheckedElementCount(const std::vector<int64_t>& shape, const ReadLimits& limits,
                                           const char* file_kind) {
  int64_t count = 1;
  for (int64_t dim : shape) {
    if (dim < 0) {
      return Status::Error(std::string("This ") + file_kind + " file declares a negative dimension (" +
                           std::to_string(dim) + "); the file is damaged. Save the array again.");
    }
    if (dim != 0 && count > INT64_MAX / 8 / dim) {
      return Status::Error(std::string("This ") + file_kind +
                           " file declares a shape whose element count does not fit in memory on any "
                           "computer; the header is damaged. Save the array again.");
    }
    count *= dim;
  }
  if (count * 8 > limits.max_bytes) {
    return Status::Error(std::string("This ") + file_kind + " array has " + std::to_string(count) +
                         " elements (" + DescribeBytes(count * 8.0) + " once loaded), more than the " +
                         DescribeBytes(static_cast<double>(limits.max_bytes)) +
                         " memory budget. Use a smaller slice of the data (e.g. fewer rows).");
  }
  return count;
}

// Widens `count` elements of `dtype` stored at `bytes` (with the given byte order) to double.
inline void DecodeElements(const uint8_t* bytes, int64_t count, DType dtype, bool big_endian, double* out) {
  const int width = DTypeBytes(dtype);
  for (int64_t i = 0; i < count; ++i) {
    const uint8_t* p = bytes + i * width;
    uint64_t bits = 0;
    for (int b = 0; b < width; ++b) {
      const int shift = big_endian ? 8 * (width - 1 - b) : 8 * b;
      bits |= uint64_t{p[b]} << shift;
    }
    double value = 0.0;
    switch (dtype) {
      case DType::kBool: value = bits != 0 ? 1.0 : 0.0; break;
      case DType::kInt8: value = static_cast<int8_t>(bits); break;
      case DType::kUInt8: value = static_cast<double>(bits); break;
      case DType::kInt16: value = static_cast<int16_t>(bits); break;
      case DType::kUInt16: value = static_cast<double>(bits); break;
      case DType::kInt32: value = static_cast<int32_t>(bits); break;
      case DType::kUInt32: value = static_cast<double>(bits); break;
      case DType::kInt64: value = static_cast<double>(static_cast<int64_t>(bits)); break;
      case DType::kUInt64: value = static_cast<double>(bits); break;
      case DType::kFloat32: {
        const uint32_t narrow = static_cast<uint32_t>(bits);
        float f;
        std::memcpy(&f, &narrow, sizeof f);
        value = f;
        break;
      }
      case DType::kFloat64: std::memcpy(&value, &bits, sizeof value); break;
    }
    out[i] = value;
  }
}

}  // namespace mlp::io
