// A named view of one trainable tensor and its gradient, both owned by a layer. Optimisers and
// the UI address parameters by their index in a model's Parameters() list, never by address.
//
// Eigen::Map semantics: copy-CONSTRUCTING a Parameter makes another view of the same storage;
// copy-ASSIGNING one copies the numbers into the target's storage.
#pragma once

#include <string>

#include "core/nn/matrix.h"

namespace mlp::nn {

template <typename S>
struct Parameter {
  std::string name;              // e.g. "layer0.W", "layer0.b"
  Eigen::Map<Matrix<S>> value;   // weights: inputs×outputs; biases: 1×outputs
  Eigen::Map<Matrix<S>> grad;    // same shape as value
  bool is_bias;                  // biases are not regularised
};

}  // namespace mlp::nn
