// NumPy's .npy format (versions 1.0, 2.0 and 3.0), read from a memory buffer. Numeric and boolean
// dtypes in either byte order, C or Fortran order, any rank including 0-d scalars. Object
// (pickled), structured, string, complex and date arrays are refused with a message saying how to
// re-save the file.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/base/status.h"
#include "core/data/io/array.h"

namespace mlp::io {

// Parses a whole .npy file. The values come back in C order whatever the file's order.
Result<NdArray> ParseNpy(const uint8_t* data, size_t size, const ReadLimits& limits = {});

}  // namespace mlp::io
