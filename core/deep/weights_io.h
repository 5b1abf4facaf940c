// Saving and loading a network's weights: a small versioned binary format, validated completely
// before a single weight is written, so a bad file never leaves a half-loaded network.
//
// Layout (all integers little-endian, floats IEEE-754 binary32 little-endian):
//   "MLPW"                      4 bytes magic
//   u32 version                 kWeightsFormatVersion
//   u32 n, n bytes              the architecture fingerprint (TrainableNetwork::Fingerprint, UTF-8)
//   u32 tensors                 count, then for each tensor — Parameters() in order, then States()
//                               (batch normalisation's running statistics) in order:
//     u32 n, n bytes            its name ("layer0.W")
//     u32 rows, u32 cols        its shape
//     rows·cols × f32           its values, column-major
//   u64 checksum                FNV-1a (64-bit) of every byte before it
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/deep/trainable_network.h"

namespace mlp::deep {

inline constexpr uint32_t kWeightsFormatVersion = 1;

// FNV-1a, 64-bit (Fowler, Noll, Vo): offset basis 14695981039346656037, prime 1099511628211.
uint64_t Fnv1a64(const uint8_t* data, size_t size);

// The network's weights in the format above.
template <typename S>
std::vector<uint8_t> SaveWeights(TrainableNetwork<S>& network);

// Reads weights saved from a network with the same fingerprint. On any problem — wrong magic,
// unknown version, truncated file, checksum mismatch, another architecture, a parameter whose
// name or shape differs, non-finite values — returns a message and leaves the network untouched.
template <typename S>
Status LoadWeights(TrainableNetwork<S>& network, const uint8_t* data, size_t size);
template <typename S>
Status LoadWeights(TrainableNetwork<S>& network, const std::vector<uint8_t>& bytes) {
  return LoadWeights(network, bytes.data(), bytes.size());
}

// Files (native builds; the web build passes bytes from a download/upload).
template <typename S>
Status SaveWeightsFile(TrainableNetwork<S>& network, const std::string& path);
template <typename S>
Status LoadWeightsFile(TrainableNetwork<S>& network, const std::string& path);

}  // namespace mlp::deep
