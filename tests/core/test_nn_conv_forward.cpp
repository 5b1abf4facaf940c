// Convolution-family layers: closed-form forward results (identity kernel, a convolution worked
// by hand, pooled ramps, transposed convolution as the adjoint of convolution, batch statistics,
// dropout scaling), initialisation order, messages for impossible settings, and bit-identical
// outputs and gradients with 1 and 2 threads.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/base/thread_pool.h"
#include "core/nn/gradient_check.h"
#include "core/nn/layers/activation_layer.h"
#include "core/nn/layers/batch_norm_layer.h"
#include "core/nn/layers/conv2d_layer.h"
#include "core/nn/layers/conv2d_transpose_layer.h"
#include "core/nn/layers/dropout_layer.h"
#include "core/nn/layers/fully_connected_layer.h"
#include "core/nn/layers/pooling_layers.h"
#include "core/nn/layers/separable_conv2d_layer.h"
#include "core/nn/layers/shape_layers.h"
#include "core/nn/layers/upsample_layer.h"
#include "nn_layer_stack_testing.h"

using namespace mlp::nn;

namespace {

Conv2DSettings ConvSettings(int filters, int kh, int kw, int stride, int pad) {
  Conv2DSettings s;
  s.filters = filters;
  s.kernel_height = kh;
  s.kernel_width = kw;
  s.stride_y = s.stride_x = stride;
  s.pad_y = s.pad_x = pad;
  return s;
}

}  // namespace

TEST_CASE("conv2d: a 3×3 identity kernel with padding 1 reproduces the input", "[nn-conv]") {
  const Shape shape{1, 5, 4, 3};
  Conv2D<double> layer(shape, ConvSettings(3, 3, 3, 1, 1));
  CHECK(layer.output_shape() == shape);
  layer.weights().setZero();
  for (int f = 0; f < 3; ++f) layer.weights()(f, (1 * 3 + 1) * 3 + f) = 1.0;  // centre tap, same channel
  mlp::Rng rng(1);
  const MatrixD x = UniformMatrix(rng, shape.size(), 4, -1.0, 1.0);
  CHECK(MatrixD(layer.Forward(x)) == x);
}

TEST_CASE("conv2d: a small convolution worked by hand, and with stride 2 and padding", "[nn-conv]") {
  // 3×3 image 1..9 (row by row), kernel [[1, 2], [3, 4]], bias 0.5, no padding → 2×2.
  Conv2D<double> layer(Shape{1, 3, 3, 1}, ConvSettings(1, 2, 2, 1, 0));
  layer.weights() << 1, 2, 3, 4;
  layer.bias()(0, 0) = 0.5;
  MatrixD x(9, 1);
  x << 1, 2, 3, 4, 5, 6, 7, 8, 9;
  MatrixD expected(4, 1);
  expected << 37.5, 47.5, 67.5, 77.5;  // 1·1+2·2+3·4+4·5 = 37, ...
  CHECK(MatrixD(layer.Forward(x)) == expected);

  // Same image, 2×2 kernel of ones, stride 2, padding 1: windows over the zero border →
  // out(0,0) = 1, out(0,1) = 2+3, out(1,0) = 4+7, out(1,1) = 5+6+8+9.
  Conv2D<double> strided(Shape{1, 3, 3, 1}, ConvSettings(1, 2, 2, 2, 1));
  CHECK(strided.output_shape() == Shape{1, 2, 2, 1});
  strided.weights().setOnes();
  MatrixD expected_strided(4, 1);
  expected_strided << 1, 5, 11, 28;
  CHECK(MatrixD(strided.Forward(x)) == expected_strided);
  CHECK(strided.Describe() == "conv2d 1 2×2 stride 2 pad 1");
}

TEST_CASE("conv2d initialisation: He or Glorot uniform in Keras' (kh, kw, c, f) C order", "[nn-conv]") {
  const Shape input{1, 8, 8, 3};
  for (WeightInit init : {WeightInit::kHeUniform, WeightInit::kGlorotUniform}) {
    Conv2DSettings s = ConvSettings(4, 3, 2, 1, 0);
    s.init = init;
    Conv2D<double> layer(input, s);
    mlp::Rng rng(3);
    layer.Initialize(rng);
    const double limit = init == WeightInit::kHeUniform ? std::sqrt(6.0 / 18) : std::sqrt(6.0 / (18 + 24));
    CHECK(layer.weights().cwiseAbs().maxCoeff() <= limit);
    CHECK(layer.weights().cwiseAbs().maxCoeff() > 0.8 * limit);
    CHECK(layer.bias().isZero());
    mlp::Rng replay(3);
    const double first = replay.Uniform(-limit, limit);
    const double second = replay.Uniform(-limit, limit);
    CHECK(layer.weights()(0, 0) == first);
    CHECK(layer.weights()(1, 0) == second);  // filter index fastest
  }
  FullyConnected<double> dense(Shape{1, 1, 1, 6}, 4);
  mlp::Rng rng(4), replay(4);
  dense.Initialize(rng);
  const double limit = std::sqrt(6.0 / 6);
  const double first = replay.Uniform(-limit, limit), second = replay.Uniform(-limit, limit);
  CHECK(dense.weights()(0, 0) == first);
  CHECK(dense.weights()(1, 0) == second);  // as DenseLayer: C order of inputs × outputs
}

TEST_CASE("pooling of a ramp: average is the window centre, max the bottom-right corner", "[nn-conv]") {
  const Shape input{1, 4, 6, 1};
  MatrixD x(24, 1);
  for (int i = 0; i < 24; ++i) x(i, 0) = i;  // x(y, x) = 6y + x
  AveragePool2D<double> average(input, PoolSettings{2, 2, 0, 0});
  MaxPool2D<double> max(input, PoolSettings{2, 2, 0, 0});
  CHECK(average.output_shape() == Shape{1, 2, 3, 1});
  const MatrixD a = average.Forward(x), m = max.Forward(x);
  for (int oy = 0; oy < 2; ++oy) {
    for (int ox = 0; ox < 3; ++ox) {
      const double corner = 6 * 2 * oy + 2 * ox;
      CHECK(a(oy * 3 + ox, 0) == corner + 3.5);  // mean of c, c+1, c+6, c+7
      CHECK(m(oy * 3 + ox, 0) == corner + 7);
    }
  }
  CHECK(max.Describe() == "max-pool 2×2");
}

TEST_CASE("max-pool routes a tie's gradient to the first maximum in window order", "[nn-conv]") {
  MaxPool2D<double> pool(Shape{1, 2, 4, 2}, PoolSettings{2, 2, 0, 0});
  const MatrixD x = MatrixD::Constant(16, 1, 0.5);
  pool.Forward(x);
  const MatrixD dy = MatrixD::Constant(4, 1, 1.0);
  const MatrixD dx = pool.Backward(dy);
  // Window corners (0,0) and (0,2); channels 0, 1 at index (y·4 + x)·2 + c.
  MatrixD expected = MatrixD::Zero(16, 1);
  expected(0, 0) = expected(1, 0) = expected(4, 0) = expected(5, 0) = 1.0;
  CHECK(dx == expected);
}

TEST_CASE("conv2d-transpose is the adjoint of conv2d with the same weights", "[nn-conv]") {
  struct Case {
    Shape image;  // conv input = transposed-conv output
    int channels_out, kh, kw, stride, pad;
  } cases[] = {{{1, 7, 9, 2}, 3, 3, 3, 2, 1}, {{1, 6, 4, 3}, 2, 2, 2, 2, 0}, {{1, 5, 5, 1}, 2, 3, 3, 1, 1}};
  mlp::Rng rng(5);
  for (const Case& c : cases) {
    Conv2D<double> conv(c.image, ConvSettings(c.channels_out, c.kh, c.kw, c.stride, c.pad));
    Conv2DTransposeSettings t;
    t.filters = c.image.channels;
    t.kernel_height = c.kh;
    t.kernel_width = c.kw;
    t.stride_y = t.stride_x = c.stride;
    t.pad_y = t.pad_x = c.pad;
    REQUIRE(Conv2DTranspose<double>::Check(conv.output_shape(), t).ok());
    Conv2DTranspose<double> transpose(conv.output_shape(), t);
    REQUIRE(transpose.output_shape() == c.image);
    conv.Initialize(rng);
    transpose.weights() = conv.weights();
    const MatrixD x = UniformMatrix(rng, c.image.size(), 3, -1.0, 1.0);
    const MatrixD y = UniformMatrix(rng, conv.output_shape().size(), 3, -1.0, 1.0);
    const double left = (MatrixD(conv.Forward(x)).array() * y.array()).sum();
    const double right = (x.array() * MatrixD(transpose.Forward(y)).array()).sum();
    CHECK(left == Approx(right).epsilon(1e-12));
  }
}

// 14×14×16 → 28×28×64 under a 4×4 kernel: a sample's columns (1024 × 196) are big enough that the
// layer runs a batch of 3 in slices (2 + 1). Each sample's output and input gradient must be what
// it gets alone, the weight gradient the sum over samples, and results bit-identical on 1 and 2
// threads.
TEST_CASE("conv2d-transpose over a batch cut into slices matches one sample at a time", "[nn-conv]") {
  const int previous_threads = mlp::SharedPool().threads();
  const Shape input{1, 14, 14, 16};
  Conv2DTransposeSettings t;
  t.filters = 64;
  t.kernel_height = t.kernel_width = 4;
  t.stride_y = t.stride_x = 2;
  t.pad_y = t.pad_x = 1;
  mlp::Rng rng(31);
  const MatrixD x = UniformMatrix(rng, input.size(), 3, -1.0, 1.0);
  const MatrixD dy = UniformMatrix(rng, 28 * 28 * 64, 3, -1.0, 1.0);
  MatrixD y[2], dx[2], dw[2];
  for (int threads : {1, 2}) {
    mlp::SetSharedPoolThreads(threads);
    Conv2DTranspose<double> layer(input, t);
    mlp::Rng init(32);
    layer.Initialize(init);
    layer.bias().setConstant(0.25);
    y[threads - 1] = layer.Forward(x);
    dx[threads - 1] = layer.Backward(dy);
    dw[threads - 1] = layer.Parameters()[0].grad;
    if (threads == 2) continue;
    MatrixD dw_sum = MatrixD::Zero(dw[0].rows(), dw[0].cols());
    for (int j = 0; j < 3; ++j) {
      INFO("sample " << j);
      const MatrixD yj = layer.Forward(x.col(j));
      CHECK(yj.isApprox(y[0].col(j), 1e-12));
      const MatrixD dxj = layer.Backward(dy.col(j));
      CHECK(dxj.isApprox(dx[0].col(j), 1e-12));
      dw_sum += layer.Parameters()[0].grad;
    }
    CHECK(dw_sum.isApprox(dw[0], 1e-12));
  }
  mlp::SetSharedPoolThreads(previous_threads);
  CHECK(y[0] == y[1]);
  CHECK(dx[0] == dx[1]);
  CHECK(dw[0] == dw[1]);
}

TEST_CASE("batch-norm: per-channel mean 0 and variance 1 in training, running statistics at inference",
          "[nn-conv]") {
  BatchNormSettings settings;
  settings.epsilon = 1e-12;
  settings.momentum = 0.9;
  BatchNorm<double> layer(Shape{1, 3, 4, 2}, settings);
  mlp::Rng rng(6);
  MatrixD x = UniformMatrix(rng, 24, 5, 0.0, 1.0);
  for (Eigen::Index i = 1; i < 24; i += 2) x.row(i) = x.row(i) * 10.0 + MatrixD::Constant(1, 5, 3.0);
  const MatrixD y = layer.Forward(x);
  const Eigen::Map<const MatrixD> per_channel(y.data(), 2, 12 * 5);  // channel × (position, sample)
  const Eigen::Map<const MatrixD> x_channels(x.data(), 2, 60);
  for (int c = 0; c < 2; ++c) {
    const double mean = per_channel.row(c).mean();
    CHECK(std::abs(mean) < 1e-12);
    CHECK((per_channel.row(c).array() - mean).square().mean() == Approx(1.0).epsilon(1e-9));
    const double batch_mean = x_channels.row(c).mean();
    CHECK(layer.running_mean()(c, 0) == Approx(0.1 * batch_mean).epsilon(1e-12));
    const double batch_variance = (x_channels.row(c).array() - batch_mean).square().mean();
    CHECK(layer.running_variance()(c, 0) == Approx(0.9 + 0.1 * batch_variance).epsilon(1e-12));
  }
  layer.SetTraining(false);
  layer.gamma() << 2.0, 3.0;
  layer.beta() << -1.0, 1.0;
  const MatrixD z = layer.Forward(x);
  for (Eigen::Index i = 0; i < 24; ++i) {
    const int c = static_cast<int>(i % 2);
    const double expected = layer.gamma()(c, 0) * (x(i, 2) - layer.running_mean()(c, 0)) /
                                std::sqrt(layer.running_variance()(c, 0) + 1e-12) +
                            layer.beta()(c, 0);
    CHECK(z(i, 2) == Approx(expected).epsilon(1e-12));
  }
}

TEST_CASE("dropout: inverted scaling, seeded masks, identity at inference", "[nn-conv]") {
  const Shape shape{1, 20, 20, 5};
  Dropout<double> layer(shape, 0.25, 9);
  const MatrixD x = MatrixD::Constant(shape.size(), 10, 2.0);
  const MatrixD y = layer.Forward(x);
  const double kept = static_cast<double>((y.array() != 0.0).count()) / static_cast<double>(y.size());
  CHECK(kept == Approx(0.75).margin(0.02));  // 20000 draws: 4 standard deviations ≈ 0.012
  CHECK(((y.array() == 0.0) || (y.array() == 2.0 / 0.75)).all());
  Dropout<double> replay(shape, 0.25, 9);
  CHECK(MatrixD(replay.Forward(x)) == y);
  CHECK(MatrixD(layer.Forward(x)) != y);  // the next batch draws a new mask
  layer.SetTraining(false);
  CHECK(MatrixD(layer.Forward(x)) == x);
  CHECK(MatrixD(layer.Backward(x)) == x);
}

TEST_CASE("upsample repeats pixels, reshape keeps the numbers", "[nn-conv]") {
  Upsample2D<double> upsample(Shape{1, 2, 2, 1}, 2, 2);
  MatrixD x(4, 1);
  x << 1, 2, 3, 4;
  MatrixD expected(16, 1);
  expected << 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4;
  CHECK(MatrixD(upsample.Forward(x)) == expected);
  Reshape<double> reshape(Shape{1, 2, 2, 1}, Shape{1, 1, 1, 4});
  CHECK(MatrixD(reshape.Forward(x)) == x);
}

TEST_CASE("impossible layer settings are refused with a message", "[nn-conv]") {
  const Shape image{1, 4, 4, 2};
  CHECK_FALSE(Conv2D<float>::Check(image, ConvSettings(0, 3, 3, 1, 1)).ok());
  CHECK_FALSE(Conv2D<float>::Check(image, ConvSettings(4, 5, 5, 1, 0)).ok());
  CHECK(Conv2D<float>::Check(image, ConvSettings(4, 5, 5, 1, 1)).ok());  // fits the padded 6×6
  CHECK_FALSE(Conv2D<float>::Check(image, ConvSettings(4, 3, 3, 0, 1)).ok());
  CHECK_FALSE(Conv2D<float>::Check(image, ConvSettings(4, 3, 3, 1, 3)).ok());
  CHECK_FALSE(Conv2D<float>::Check(Shape{2, 4, 4, 2}, ConvSettings(4, 3, 3, 1, 1)).ok());
  const mlp::Status too_big = PoolingLayer<float>::Check(image, PoolSettings{5, 5, 0, 0});
  CHECK_FALSE(too_big.ok());
  CHECK(too_big.message().find("larger") != std::string::npos);
  CHECK_FALSE(Reshape<float>::Check(image, Shape{1, 1, 1, 31}).ok());
  CHECK_FALSE(Dropout<float>::Check(1.0).ok());
  CHECK_FALSE(BatchNorm<float>::Check(BatchNormSettings{0.9, 0.0}).ok());
  CHECK_FALSE(Upsample2D<float>::Check(image, 0, 2).ok());
  Conv2DTransposeSettings t;
  t.kernel_height = t.kernel_width = 2;
  t.stride_y = t.stride_x = 1;
  t.pad_y = t.pad_x = 2;
  CHECK_FALSE(Conv2DTranspose<float>::Check(Shape{1, 2, 2, 1}, t).ok());
  CHECK_FALSE(FullyConnected<float>::Check(image, 0).ok());
}

namespace {

// Every conv-family layer in one stack (float), for the thread and buffer-reuse tests.
void BuildEveryLayer(const Shape& input, testing::LayerStack<float>& stack) {
  Conv2D<float>& conv = stack.Add<Conv2D<float>>(input, ConvSettings(6, 3, 3, 1, 1));
  BatchNorm<float>& norm = stack.Add<BatchNorm<float>>(conv.output_shape());
  ActivationLayer<float>& relu = stack.Add<ActivationLayer<float>>(norm.output_shape(), Activation::kReLU);
  MaxPool2D<float>& pool = stack.Add<MaxPool2D<float>>(relu.output_shape(), PoolSettings{2, 2, 0, 0});
  SeparableConv2D<float>& separable = stack.Add<SeparableConv2D<float>>(pool.output_shape(), ConvSettings(5, 3, 3, 1, 1));
  Conv2DTransposeSettings t;
  t.filters = 3;
  Conv2DTranspose<float>& transpose = stack.Add<Conv2DTranspose<float>>(separable.output_shape(), t);
  Upsample2D<float>& upsample = stack.Add<Upsample2D<float>>(transpose.output_shape(), 2, 1);
  Dropout<float>& dropout = stack.Add<Dropout<float>>(upsample.output_shape(), 0.2, 3);
  AveragePool2D<float>& average = stack.Add<AveragePool2D<float>>(dropout.output_shape(), PoolSettings{2, 2, 1, 1});
  stack.Add<FullyConnected<float>>(average.output_shape(), 7);
}

// Outputs of a Forward, then every parameter gradient of a Backward with dY = y + 0.1.
std::vector<MatrixF> StepResults(testing::LayerStack<float>& stack, const ConstRef<float>& x) {
  std::vector<MatrixF> out;
  out.push_back(stack.Forward(x));
  const MatrixF upstream = MatrixF::Constant(out[0].rows(), out[0].cols(), 0.1f) + out[0];
  stack.Backward(upstream);
  for (auto& layer : stack.layers) {
    for (Parameter<float>& p : layer->Parameters()) out.push_back(p.grad);
  }
  return out;
}

}  // namespace

TEST_CASE("a conv stack gives bit-identical outputs and gradients with 1 and 2 threads", "[nn-conv]") {
  const int previous_threads = mlp::SharedPool().threads();
  const Shape input{1, 12, 10, 2};
  mlp::Rng rng(21);
  const MatrixF x = UniformMatrix<float>(rng, input.size(), 9, -1.0, 1.0);
  std::vector<MatrixF> results[2];
  for (int threads : {1, 2}) {
    mlp::SetSharedPoolThreads(threads);
    testing::LayerStack<float> stack;
    BuildEveryLayer(input, stack);
    mlp::Rng init(22);
    stack.Initialize(init);
    results[threads - 1] = StepResults(stack, x);
  }
  mlp::SetSharedPoolThreads(previous_threads);
  REQUIRE(results[0].size() == results[1].size());
  REQUIRE(results[0].size() > 10);
  for (size_t i = 0; i < results[0].size(); ++i) {
    INFO("result " << i);
    CHECK(results[0][i] == results[1][i]);
    CHECK(results[0][i].allFinite());
  }
}

TEST_CASE("a smaller batch after a larger one, and an input read through a strided block, give the results "
          "of a fresh stack", "[nn-conv]") {
  const Shape input{1, 12, 10, 2};
  mlp::Rng rng(23);
  const MatrixF big = UniformMatrix<float>(rng, input.size(), 9, -1.0, 1.0);
  const MatrixF taller = UniformMatrix<float>(rng, input.size() + 7, 4, -1.0, 1.0);  // rows = features
  const MatrixF small = taller.topRows(input.size());
  testing::LayerStack<float> reused, fresh;
  BuildEveryLayer(input, reused);
  BuildEveryLayer(input, fresh);
  mlp::Rng init_reused(24), init_fresh(24);
  reused.Initialize(init_reused);
  fresh.Initialize(init_fresh);
  StepResults(reused, big);
  for (testing::LayerStack<float>* stack : {&reused, &fresh}) {
    static_cast<Dropout<float>&>(*stack->layers[7]).Seed(5);  // the same mask for both
  }
  // The first layer reads the columns of `taller` with stride input.size() + 7.
  const std::vector<MatrixF> from_block = StepResults(reused, taller.topRows(input.size()));
  const std::vector<MatrixF> from_fresh = StepResults(fresh, small);
  REQUIRE(from_block.size() == from_fresh.size());
  for (size_t i = 0; i < from_block.size(); ++i) {
    INFO("result " << i);
    CHECK(from_block[i] == from_fresh[i]);
  }
}
