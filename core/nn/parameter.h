// A named view of one trainable tensor and its gradient, both owned by a layer. Optimisers and
// the UI address parameters by their index in a model's Parameters() list, never by address.
//
// Eigen::Map semantics: copy-CONSTRUCTING a Parameter makes another view of the same storage;
// copy-ASSIGNING one copies the numbers into the target's storage.
#pragma once

#include <string>
#include <utility>

#include "core/nn/matrix.h"

namespace mlp::nn {

template <typename S>
struct Parameter {
  std::string name;              // e.g. "layer0.W", "layer0.b"
  Eigen::Map<Matrix<S>> value;   // weights: inputs×outputs; biases: 1×outputs
  Eigen::Map<Matrix<S>> grad;    // same shape as value
  bool is_bias;                  // biases are not regularised
};

// A Parameter viewing a layer's own `value` matrix and its same-shaped `grad`.
template <typename S>
Parameter<S> ViewParameter(std::string name, Matrix<S>& value, Matrix<S>& grad, bool is_bias) {
  return {std::move(name), Eigen::Map<Matrix<S>>(value.data(), value.rows(), value.cols()),
          Eigen::Map<Matrix<S>>(grad.data(), grad.rows(), grad.cols()), is_bias};
}

}  // namespace mlp::nn
