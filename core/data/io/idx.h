// The IDX format of the MNIST and Fashion-MNIST files (yann.lecun.com/exdb/mnist): two zero bytes,
// a type byte (0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64), a rank
// byte, big-endian uint32 dimensions, then big-endian elements. Gzipped files (.gz) are
// decompressed transparently.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/base/status.h"
#include "core/data/io/array.h"

namespace mlp::io {

// Parses a whole IDX file (plain or gzipped) from memory.
Result<NdArray> ParseIdx(const uint8_t* data, size_t size, const ReadLimits& limits = {});

}  // namespace mlp::io
