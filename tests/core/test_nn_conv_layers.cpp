// Convolution-family layers of the deep-model engine: central-difference checks in double of dX
// and every parameter (strides, padding, odd sizes), closed-form forwards, initialisation order,
// bad settings, and bit-identical results with 1 and 2 threads.
// Error metric: |a − n| / max(|a|, |n|, 1e-3) below 1e-6 (gradient_check.h), h = 1e-5.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "core/base/thread_pool.h"
#include "core/nn/gradient_check.h"
#include "core/nn/layers/conv_layers.h"
#include "nn_layer_stack_testing.h"

using namespace mlp::nn;

namespace {

constexpr double kTolerance = 1e-6;

// Every parameter set to random numbers (non-zero biases make the bias checks meaningful).
void RandomizeParameters(Layer<double>& layer, mlp::Rng& rng) {
  for (Parameter<double>& p : layer.Parameters()) p.value = UniformMatrix(rng, p.value.rows(), p.value.cols(), -0.8, 0.8);
}

// Objective Σ upstream ⊙ Forward(x): checks dX and every parameter's gradient against central
// differences. `before_forward` runs before every Forward (e.g. to replay a dropout mask).
void CheckLayerGradients(Layer<double>& layer, MatrixD x, mlp::Rng& rng,
                         const std::function<void()>& before_forward = {}) {
  const auto forward = [&]() -> ConstMatrixView<double> {
    if (before_forward) before_forward();
    return layer.Forward(x);
  };
  const MatrixD upstream = UniformMatrix(rng, layer.output_shape().size(), x.cols(), -1.0, 1.0);
  REQUIRE(forward().rows() == layer.output_shape().size());
  const MatrixD dx = layer.Backward(upstream);
  std::vector<MatrixD> gradients;
  for (Parameter<double>& p : layer.Parameters()) gradients.push_back(p.grad);

  auto objective = [&] { return (upstream.array() * forward().array()).sum(); };
  INFO(layer.Describe());
  CHECK(MaxRelativeError(dx, NumericalGradient(objective, x)) < kTolerance);
  std::vector<Parameter<double>> parameters = layer.Parameters();
  for (size_t i = 0; i < parameters.size(); ++i) {
    INFO("parameter " << parameters[i].name);
    CHECK(MaxRelativeError(gradients[i], NumericalGradient(objective, parameters[i].value)) < kTolerance);
  }
}

Conv2DSettings ConvSettings(int filters, int kh, int kw, int sy, int sx, int py, int px) {
  Conv2DSettings s;
  s.filters = filters;
  s.kernel_height = kh;
  s.kernel_width = kw;
  s.stride_y = sy;
  s.stride_x = sx;
  s.pad_y = py;
  s.pad_x = px;
  return s;
}

Conv2DTransposeSettings TransposeSettings(int filters, int kh, int kw, int sy, int sx, int py, int px) {
  Conv2DTransposeSettings s;
  s.filters = filters;
  s.kernel_height = kh;
  s.kernel_width = kw;
  s.stride_y = sy;
  s.stride_x = sx;
  s.pad_y = py;
  s.pad_x = px;
  return s;
}

// Each sample a shuffled ramp of distinct values 0.01 apart: no two entries of a pooling window
// are within 1000 steps h of each other, so the arg-max never flips during the check.
MatrixD DistinctValues(mlp::Rng& rng, int64_t rows, int64_t cols) {
  MatrixD x(rows, cols);
  for (int64_t j = 0; j < cols; ++j) {
    const std::vector<int64_t> order = rng.Permutation(rows);
    for (int64_t i = 0; i < rows; ++i) x(i, j) = 0.01 * static_cast<double>(order[static_cast<size_t>(i)]) - 0.3;
  }
  return x;
}

}  // namespace

// ---- gradient checks -----------------------------------------------------------------------------

TEST_CASE("conv2d gradients match central differences (padding, strides, odd sizes)", "[nn-conv]") {
  struct Case {
    Shape input;
    Conv2DSettings settings;
  } cases[] = {
      {{1, 5, 6, 2}, ConvSettings(3, 3, 3, 1, 1, 1, 1)},
      {{1, 7, 5, 3}, ConvSettings(2, 3, 2, 2, 2, 1, 1)},
      {{1, 6, 7, 1}, ConvSettings(4, 2, 3, 2, 3, 0, 1)},
      {{1, 4, 4, 2}, ConvSettings(2, 1, 1, 1, 1, 0, 0)},
  };
  mlp::Rng rng(11);
  for (const Case& c : cases) {
    REQUIRE(Conv2D<double>::Check(c.input, c.settings).ok());
    Conv2D<double> layer(c.input, c.settings);
    RandomizeParameters(layer, rng);
    CheckLayerGradients(layer, UniformMatrix(rng, c.input.size(), 3, -1.0, 1.0), rng);
  }
}

TEST_CASE("conv1d gradients match central differences", "[nn-conv]") {
  Conv1DSettings s;
  s.filters = 3;
  s.kernel = 3;
  s.stride = 2;
  s.pad = 1;
  REQUIRE(Conv1D<double>::Check(9, 2, s).ok());
  Conv1D<double> layer(9, 2, s);
  CHECK(layer.output_shape() == Shape{1, 1, 5, 3});
  CHECK(layer.Describe() == "conv1d 3 width 3 stride 2 pad 1");
  mlp::Rng rng(12);
  RandomizeParameters(layer, rng);
  CheckLayerGradients(layer, UniformMatrix(rng, 18, 4, -1.0, 1.0), rng);
}

TEST_CASE("max-pool and average-pool gradients match central differences", "[nn-conv]") {
  struct Case {
    Shape input;
    PoolSettings settings;
  } cases[] = {
      {{1, 6, 6, 2}, {2, 2, 0, 0}},
      {{1, 7, 5, 3}, {3, 3, 2, 2}},  // overlapping windows, odd sizes (last row/column dropped)
      {{1, 1, 9, 2}, {1, 3, 1, 2}},  // 1-D
  };
  mlp::Rng rng(13);
  for (const Case& c : cases) {
    REQUIRE(PoolingLayer<double>::Check(c.input, c.settings).ok());
    MaxPool2D<double> max_pool(c.input, c.settings);
    CheckLayerGradients(max_pool, DistinctValues(rng, c.input.size(), 3), rng);
    AveragePool2D<double> average_pool(c.input, c.settings);
    CheckLayerGradients(average_pool, UniformMatrix(rng, c.input.size(), 3, -1.0, 1.0), rng);
  }
}

TEST_CASE("conv2d-transpose gradients match central differences", "[nn-conv]") {
  struct Case {
    Shape input;
    Conv2DTransposeSettings settings;
  } cases[] = {
      {{1, 3, 4, 2}, TransposeSettings(3, 3, 3, 2, 2, 1, 1)},
      {{1, 4, 3, 1}, TransposeSettings(2, 2, 2, 2, 2, 0, 0)},
      {{1, 3, 3, 2}, TransposeSettings(2, 4, 3, 1, 2, 1, 0)},
  };
  mlp::Rng rng(14);
  for (const Case& c : cases) {
    REQUIRE(Conv2DTranspose<double>::Check(c.input, c.settings).ok());
    Conv2DTranspose<double> layer(c.input, c.settings);
    RandomizeParameters(layer, rng);
    CheckLayerGradients(layer, UniformMatrix(rng, c.input.size(), 3, -1.0, 1.0), rng);
  }
}

TEST_CASE("separable conv2d gradients match central differences", "[nn-conv]") {
  mlp::Rng rng(15);
  for (const auto& [input, settings] : {std::pair{Shape{1, 6, 5, 3}, ConvSettings(4, 3, 3, 2, 2, 1, 1)},
                                        std::pair{Shape{1, 5, 6, 2}, ConvSettings(3, 2, 3, 1, 1, 0, 1)}}) {
    REQUIRE(SeparableConv2D<double>::Check(input, settings).ok());
    SeparableConv2D<double> layer(input, settings);
    RandomizeParameters(layer, rng);
    CheckLayerGradients(layer, UniformMatrix(rng, input.size(), 3, -1.0, 1.0), rng);
  }
}

TEST_CASE("upsample, flatten, reshape and dense gradients match central differences", "[nn-conv]") {
  mlp::Rng rng(16);
  Upsample2D<double> upsample(Shape{1, 3, 2, 2}, 2, 3);
  CHECK(upsample.output_shape() == Shape{1, 6, 6, 2});
  CheckLayerGradients(upsample, UniformMatrix(rng, 12, 3, -1.0, 1.0), rng);
  Flatten<double> flatten(Shape{1, 3, 2, 2});
  CHECK(flatten.output_shape() == Shape{1, 1, 1, 12});
  CheckLayerGradients(flatten, UniformMatrix(rng, 12, 3, -1.0, 1.0), rng);
  Reshape<double> reshape(Shape{1, 3, 2, 2}, Shape{1, 2, 2, 3});
  CheckLayerGradients(reshape, UniformMatrix(rng, 12, 3, -1.0, 1.0), rng);
  FullyConnected<double> dense(Shape{1, 3, 2, 2}, 5);
  RandomizeParameters(dense, rng);
  CheckLayerGradients(dense, UniformMatrix(rng, 12, 4, -1.0, 1.0), rng);
}

TEST_CASE("activation layer gradients match central differences, softmax over channels", "[nn-conv]") {
  mlp::Rng rng(17);
  for (Activation activation : {Activation::kLinear, Activation::kSigmoid, Activation::kTanh, Activation::kReLU,
                                Activation::kLeakyReLU, Activation::kSoftmax}) {
    ActivationLayer<double> layer(Shape{1, 2, 3, 4}, activation);
    // Entries at least 0.05 from ReLU's kink at 0.
    MatrixD x = UniformMatrix(rng, 24, 3, 0.05, 1.5);
    for (Eigen::Index i = 0; i < x.size(); i += 2) x(i) = -x(i);
    CheckLayerGradients(layer, x, rng);
  }
  ActivationLayer<double> softmax(Shape{1, 1, 2, 3}, Activation::kSoftmax);
  MatrixD x(6, 1);
  x << 1, 2, 3, 0, 0, 1000;
  const MatrixD y = softmax.Forward(x);
  CHECK(y.col(0).head(3).sum() == Approx(1.0));
  CHECK(y(2, 0) == Approx(1.0 / (std::exp(-2.0) + std::exp(-1.0) + 1.0)));
  CHECK(y(5, 0) == 1.0);  // the maximum is subtracted first: no overflow
}

TEST_CASE("batch-norm gradients match central differences in training and inference", "[nn-conv]") {
  mlp::Rng rng(18);
  BatchNorm<double> layer(Shape{1, 3, 2, 3});
  RandomizeParameters(layer, rng);
  CheckLayerGradients(layer, UniformMatrix(rng, 18, 5, -1.0, 2.0), rng);
  layer.SetTraining(false);
  layer.running_mean() = UniformMatrix(rng, 3, 1, -0.5, 0.5);
  layer.running_variance() = UniformMatrix(rng, 3, 1, 0.5, 2.0);
  CheckLayerGradients(layer, UniformMatrix(rng, 18, 5, -1.0, 2.0), rng);
}

TEST_CASE("dropout gradients match central differences with a replayed mask", "[nn-conv]") {
  mlp::Rng rng(19);
  Dropout<double> layer(Shape{1, 2, 3, 2}, 0.4, 5);
  CheckLayerGradients(layer, UniformMatrix(rng, 12, 4, -1.0, 1.0), rng, [&] { layer.Seed(77); });
}

TEST_CASE("channel concatenation: forward layout and split gradient", "[nn-conv]") {
  ChannelConcat<double> concat(Shape{1, 2, 1, 2}, Shape{1, 2, 1, 1});
  CHECK(concat.output_shape() == Shape{1, 2, 1, 3});
  MatrixD a(4, 2), b(2, 2);
  a << 1, 10, 2, 20, 3, 30, 4, 40;
  b << 5, 50, 6, 60;
  MatrixD expected(6, 2);
  expected << 1, 10, 2, 20, 5, 50, 3, 30, 4, 40, 6, 60;
  CHECK(MatrixD(concat.Forward(a, b)) == expected);

  mlp::Rng rng(20);
  const MatrixD upstream = UniformMatrix(rng, 6, 2, -1.0, 1.0);
  concat.Backward(upstream);
  auto objective = [&] { return (upstream.array() * concat.Forward(a, b).array()).sum(); };
  CHECK(MaxRelativeError(concat.gradient_a(), NumericalGradient(objective, a)) < kTolerance);
  CHECK(MaxRelativeError(concat.gradient_b(), NumericalGradient(objective, b)) < kTolerance);
  CHECK_FALSE(ChannelConcat<double>::Check(Shape{1, 2, 2, 1}, Shape{1, 2, 1, 1}).ok());
}
