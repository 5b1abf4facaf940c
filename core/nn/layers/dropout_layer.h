// Inverted dropout: in training each entry is kept with probability 1 − rate and scaled by
// 1 / (1 − rate), so inference (the identity) needs no rescaling. The mask comes from an Rng the
// layer owns, seeded explicitly; one Uniform() draw per entry, sample by sample, entry by entry
// (keep when draw ≥ rate), on the calling thread, so a seed fixes every mask of a run.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/rng.h"
#include "core/base/status.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

template <typename S>
class Dropout : public Layer<S> {
public:
  static Status Check(double rate);
  Dropout(const Shape& shape, double rate, uint32_t seed);

  std::string Describe() const override;
  Shape input_shape() const override { return shape_; }
  Shape output_shape() const override { return shape_; }
  void SetTraining(bool training) override { training_ = training; }
  bool training() const { return training_; }
  // Restarts the mask sequence (e.g. to replay a run, or to keep one mask in a gradient check).
  void Seed(uint32_t seed) { rng_.Seed(seed); }

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

private:
  Shape shape_;
  double rate_;
  bool training_ = true;
  bool masked_ = false;  // whether the last Forward applied a mask
  Rng rng_;
  ColumnBuffer<S> mask_, y_, dx_;
};

extern template class Dropout<float>;
extern template class Dropout<double>;

}  // namespace mlp::nn
