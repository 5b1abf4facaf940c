// ScaleLayer: a fixed (not trained) affine map with one shift and one scale for every entry, so a
// network can take raw values (wind speeds in knots) and give raw values back while its weights
// work on numbers near 0 with spread 1:
//   kStandardise  y = (x − shift) / scale     at the input
//   kRestore      y = x · scale + shift        at the output (the inverse map)
// The constants are data, not parameters: the optimiser never touches them; Network fits them on
// the training rows (Network::Calibrate) and saves them with the weights as states
// ("layer<i>.shift", "layer<i>.scale"). Initialize resets them to the identity (0, 1).
// Any input shape; the output has the input's shape.
#pragma once

#include <string>

#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

enum class ScaleDirection { kStandardise, kRestore };

template <typename S>
class ScaleLayer final : public Layer<S> {
public:
  ScaleLayer(const Shape& shape, ScaleDirection direction);

  // "standardise" / "restore scale": no numbers, so calibrated copies share a fingerprint.
  std::string Describe() const override;
  Shape input_shape() const override { return shape_; }
  Shape output_shape() const override { return shape_; }
  ScaleDirection direction() const { return direction_; }

  void Initialize(Rng& rng) override;
  // Sets the constants; a scale that is not a positive finite number is replaced by 1.
  void SetAffine(double shift, double scale);
  double shift() const { return static_cast<double>(shift_(0, 0)); }
  double scale() const { return static_cast<double>(scale_(0, 0)); }
  Matrix<S>& shift_state() { return shift_; }  // 1×1, for the weights file
  Matrix<S>& scale_state() { return scale_; }  // 1×1

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

private:
  Shape shape_;
  ScaleDirection direction_;
  Matrix<S> shift_, scale_;
  ColumnBuffer<S> y_, dx_;
};

extern template class ScaleLayer<float>;
extern template class ScaleLayer<double>;

}  // namespace mlp::nn
