// NumPy's .npz archives (numpy.savez and numpy.savez_compressed): a ZIP file of .npy entries,
// stored or deflated, read from a memory buffer. ZIP64, encrypted and multi-disk archives are
// refused with a message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/base/status.h"
#include "core/data/io/array.h"

namespace mlp::io {

// One named array of an archive; the name is the entry's without ".npy" (as numpy.load shows it).
using NamedArray = std::pair<std::string, NdArray>;

// Parses a whole .npz file into its arrays, in central-directory order. `limits.max_bytes` bounds
// every decompressed entry and the decoded values of all arrays together.
Result<std::vector<NamedArray>> ParseNpz(const uint8_t* data, size_t size, const ReadLimits& limits = {});

}  // namespace mlp::io
