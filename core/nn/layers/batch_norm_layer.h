// Batch normalisation per channel (Ioffe & Szegedy 2015): every channel is normalised over all
// positions (time, height, width) and all samples of the batch, then scaled and shifted:
//   y = γ·(x − μ)/√(σ² + ε) + β
// Training uses the batch's mean and (biased) variance and updates the running statistics,
//   running = momentum·running + (1 − momentum)·batch      (Keras' convention, momentum 0.99);
// inference uses the running statistics (SetTraining(false)). γ starts at 1, β at 0, the running
// mean at 0 and variance at 1. The reductions run in sample order on the calling thread (the
// element-wise parts per sample on the pool), so results do not depend on the thread count.
#pragma once

#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/nn/layers/layer.h"
#include "core/nn/layers/layer_buffers.h"

namespace mlp::nn {

struct BatchNormSettings {
  double momentum = 0.99;  // weight of the old running statistics
  double epsilon = 1e-3;   // added to the variance
};

template <typename S>
class BatchNorm : public Layer<S> {
public:
  static Status Check(const BatchNormSettings& settings);
  BatchNorm(const Shape& shape, const BatchNormSettings& settings = {});

  std::string Describe() const override { return "batch-norm"; }
  Shape input_shape() const override { return shape_; }
  Shape output_shape() const override { return shape_; }
  void SetTraining(bool training) override { training_ = training; }
  // γ = 1, β = 0, running mean 0 and variance 1 (draws nothing).
  void Initialize(Rng& rng) override;
  // "gamma", "beta" (channels × 1); both flagged is_bias so weight decay leaves them alone.
  std::vector<Parameter<S>> Parameters() override;

  ConstMatrixView<S> Forward(const ConstRef<S>& x) override;
  ConstMatrixView<S> Backward(const ConstRef<S>& dy, bool need_input_gradient = true) override;

  Matrix<S>& gamma() { return gamma_; }
  Matrix<S>& beta() { return beta_; }
  Matrix<S>& running_mean() { return running_mean_; }
  Matrix<S>& running_variance() { return running_variance_; }

private:
  Shape shape_;
  BatchNormSettings settings_;
  Eigen::Index channels_, positions_;
  bool training_ = true;
  bool batch_statistics_ = true;  // whether the last Forward normalised with the batch's statistics
  Matrix<S> gamma_, beta_, gamma_gradient_, beta_gradient_, running_mean_, running_variance_;
  Matrix<S> mean_, inverse_std_, scale_, sum_dy_, sum_dy_xhat_;  // channels × 1 scratch
  ColumnBuffer<S> x_hat_, y_, dx_;
};

extern template class BatchNorm<float>;
extern template class BatchNorm<double>;

}  // namespace mlp::nn
