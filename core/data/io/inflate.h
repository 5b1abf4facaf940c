// DEFLATE decompression (RFC 1951) with the zlib (RFC 1950) and gzip (RFC 1952) wrappers, written
// here so the core needs no third-party library. Output is bounded: a stream that would expand
// beyond the caller's byte limit is refused (a defence against "zip bombs").
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/base/status.h"

namespace mlp::io {

// CRC-32 (ISO-HDLC polynomial, as in gzip and ZIP); pass the previous value to continue a sum.
uint32_t Crc32(const uint8_t* data, size_t size, uint32_t previous = 0);
// Adler-32 (as in zlib); pass the previous value to continue a sum.
uint32_t Adler32(const uint8_t* data, size_t size, uint32_t previous = 1);

// Decodes a raw DEFLATE stream (stored, fixed- and dynamic-Huffman blocks) into at most
// `max_output` bytes. `expected_size` only sizes the first allocation (pass 0 when unknown).
// When `consumed` is given it receives the number of input bytes the stream occupied.
Result<std::vector<uint8_t>> InflateRaw(const uint8_t* data, size_t size, int64_t max_output,
                                        size_t expected_size = 0, size_t* consumed = nullptr);

// Decodes a zlib stream (2-byte header, DEFLATE data, Adler-32 of the output).
Result<std::vector<uint8_t>> ZlibDecompress(const uint8_t* data, size_t size, int64_t max_output);

// Decodes a gzip file (one or more members, each with its CRC-32 and length checked).
Result<std::vector<uint8_t>> GunzipDecompress(const uint8_t* data, size_t size, int64_t max_output);

// True when the buffer starts with the gzip magic bytes 1f 8b.
inline bool LooksGzipped(const uint8_t* data, size_t size) { return size >= 2 && data[0] == 0x1f && data[1] == 0x8b; }

}  // namespace mlp::io
