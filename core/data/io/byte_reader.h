// Bounds-checked reading of little- and big-endian integers from a memory buffer. Every parser in
// mlp::io reads through it, so no read can run past the end of a (possibly hostile) file.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mlp::io {

// Reads fixed-width integers at explicit offsets; every getter reports whether the bytes exist.
class ByteReader {
public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  size_t size() const { return size_; }
  const uint8_t* data() const { return data_; }
  // True when [offset, offset + count) lies inside the buffer (no overflow for huge counts).
  bool Has(size_t offset, size_t count) const { return offset <= size_ && count <= size_ - offset; }

  bool U8(size_t offset, uint8_t* out) const {
    if (!Has(offset, 1)) return false;
    *out = data_[offset];
    return true;
  }
  bool U16LE(size_t offset, uint16_t* out) const { return ReadLE(offset, 2, out); }
  bool U32LE(size_t offset, uint32_t* out) const { return ReadLE(offset, 4, out); }
  bool U32BE(size_t offset, uint32_t* out) const {
    if (!Has(offset, 4)) return false;
    const uint8_t* p = data_ + offset;
    *out = (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
    return true;
  }

private:
  template <typename T>
  bool ReadLE(size_t offset, size_t width, T* out) const {
    if (!Has(offset, width)) return false;
    T value = 0;
    for (size_t i = 0; i < width; ++i) value |= static_cast<T>(T{data_[offset + i]} << (8 * i));
    *out = value;
    return true;
  }

  const uint8_t* data_;
  size_t size_;
};

}  // namespace mlp::io
