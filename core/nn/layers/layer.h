// Layer: the contract every layer of the deep-model engine keeps (convolutions, pooling, recurrent
// cells, normalisation, ...), so networks can be assembled, summarised, gradient-checked and
// trained the same way whatever they contain.
//
// Layout. A batch is a column-major matrix with one COLUMN per sample, so each sample is one
// contiguous block (what im2col and per-sample threading want) and a mini-batch is a block of whole
// columns. Within a sample the tensor is stored channels-last, time-major:
//   index = ((t·height + y)·width + x)·channels + c
// Images are (height, width, channels), 1-D signals (1, length, channels), sequences
// (time = 1, 1, steps, features) for an LSTM, (time, height, width, channels) for ConvLSTM, flat
// vectors (1, 1, 1, n). (The older DenseLayer/Mlp of the network playground use rows = samples;
// this engine is column = sample throughout.)
//
// Buffers. Forward and Backward return views of storage the layer owns; it grows to the largest
// batch seen, so once warm neither pass allocates. The input given to Forward must stay alive and
// unchanged until Backward (layers may keep a pointer to it rather than copying it).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/rng.h"
#include "core/nn/matrix.h"
#include "core/nn/parameter.h"

namespace mlp::nn {

struct Shape {
  int time = 1, height = 1, width = 1, channels = 1;
  int64_t size() const { return int64_t{time} * height * width * channels; }
  bool operator==(const Shape& other) const {
    return time == other.time && height == other.height && width == other.width &&
           channels == other.channels;
  }
  bool operator!=(const Shape& other) const { return !(*this == other); }
};

template <typename S>
class Layer {
public:
  virtual ~Layer() = default;

  // Short description for the model summary: "conv2d 16 3×3 pad 1", "max-pool 2×2", "lstm 64".
  virtual std::string Describe() const = 0;
  virtual Shape input_shape() const = 0;
  virtual Shape output_shape() const = 0;

  // Draws initial weights from rng in a documented order (layers without weights: nothing).
  virtual void Initialize(Rng& rng) { (void)rng; }
  // Views of the trainable tensors and their gradients (empty for layers without weights).
  virtual std::vector<Parameter<S>> Parameters() { return {}; }
  int64_t ParameterCount() {
    int64_t count = 0;
    for (const Parameter<S>& p : Parameters()) count += p.value.size();
    return count;
  }
  // Training vs inference behaviour (dropout, batch normalisation). Default: training.
  virtual void SetTraining(bool training) { (void)training; }

  // x: input_shape().size() × batch. Returns output_shape().size() × batch.
  virtual ConstMatrixView<S> Forward(const ConstRef<S>& x) = 0;
  // dy = d(loss)/d(output) for the last Forward's batch. Sets the parameter gradients (overwriting,
  // not accumulating) and returns d(loss)/d(input), unless need_input_gradient is false (the first
  // layer), in which case the returned view is empty.
  virtual ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) = 0;
};

}  // namespace mlp::nn
