// ConvLstmLayer: central-difference gradients in double for the input and every parameter (both
// output modes), equality with LstmLayer run pixel by pixel when the kernel is 1×1, the im2col
// helper against a hand-padded patch, and bad settings.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/nn/gradient_check.h"
#include "core/nn/layers/conv_lstm.h"
#include "core/nn/layers/conv_lstm_im2col.h"
#include "core/nn/layers/lstm.h"

using namespace mlp::nn;

TEST_CASE("ConvLSTM gradients match central differences in both output modes", "[nn-seq]") {
  for (bool sequences : {false, true}) {
    INFO("return_sequences " << sequences);
    ConvLstmSettings settings;
    settings.steps = 3;
    settings.height = 3;
    settings.width = 4;
    settings.channels = 2;
    settings.filters = 2;
    settings.kernel_size = 3;
    settings.return_sequences = sequences;
    REQUIRE(ValidateConvLstmSettings(settings).ok());
    ConvLstmLayer<double> layer(settings);
    mlp::Rng rng(41);
    layer.Initialize(rng);
    layer.bias() = UniformMatrix(rng, 1, 8, -0.5, 0.5);
    const int batch = 2;
    MatrixD x = UniformMatrix(rng, layer.input_shape().size(), batch, -1.0, 1.0);
    const MatrixD weights = UniformMatrix(rng, layer.output_shape().size(), batch, -1.0, 1.0);

    layer.Forward(x);
    const MatrixD dx = layer.Backward(weights);
    std::vector<Parameter<double>> parameters = layer.Parameters();
    REQUIRE(parameters.size() == 3);
    std::vector<MatrixD> analytic;
    for (const auto& p : parameters) analytic.push_back(p.grad);

    auto loss = [&] { return (layer.Forward(x).array() * weights.array()).sum(); };
    CHECK(MaxRelativeError(dx, NumericalGradient(loss, x)) < 1e-6);
    for (size_t i = 0; i < parameters.size(); ++i) {
      INFO(parameters[i].name);
      CHECK(MaxRelativeError(analytic[i], NumericalGradient(loss, parameters[i].value)) < 1e-6);
    }
  }
}

TEST_CASE("a 1×1 ConvLSTM is an LSTM applied to every pixel", "[nn-seq]") {
  ConvLstmSettings conv;
  conv.steps = 4;
  conv.height = 2;
  conv.width = 3;
  conv.channels = 2;
  conv.filters = 3;
  conv.kernel_size = 1;
  conv.return_sequences = true;
  ConvLstmLayer<double> layer(conv);
  mlp::Rng rng(7);
  layer.Initialize(rng);
  LstmSettings plain;
  plain.steps = 4;
  plain.features = 2;
  plain.units = 3;
  plain.return_sequences = true;
  LstmLayer<double> lstm(plain);
  // With k = 1 both layouts are (inputs × 4·units) in gate order i, f, g, o.
  lstm.kernel() = layer.kernel();
  lstm.recurrent_kernel() = layer.recurrent_kernel();
  lstm.bias() = layer.bias();
  const int batch = 2, pixels = 6;
  const MatrixD x = UniformMatrix(rng, layer.input_shape().size(), batch, -1.0, 1.0);
  const MatrixD y = layer.Forward(x);
  REQUIRE(y.rows() == 4 * pixels * 3);
  // Sequence of pixel p of sample b: x rows (t·pixels + p)·2 + c.
  MatrixD sequences(4 * 2, batch * pixels);
  for (int b = 0; b < batch; ++b) {
    for (int p = 0; p < pixels; ++p) {
      for (int t = 0; t < 4; ++t) {
        for (int c = 0; c < 2; ++c) sequences(t * 2 + c, b * pixels + p) = x((t * pixels + p) * 2 + c, b);
      }
    }
  }
  const MatrixD h = lstm.Forward(sequences);
  double worst = 0.0;
  for (int b = 0; b < batch; ++b) {
    for (int p = 0; p < pixels; ++p) {
      for (int t = 0; t < 4; ++t) {
        for (int f = 0; f < 3; ++f) {
          worst = std::max(worst, std::abs(y((t * pixels + p) * 3 + f, b) - h(t * 3 + f, b * pixels + p)));
        }
      }
    }
  }
  CHECK(worst < 1e-14);
}

TEST_CASE("ConvLSTM im2col pads with zeros and col2im is its adjoint", "[nn-seq]") {
  // 2×2 frame, one channel, 3×3 kernel: the patch of pixel (0, 0) sees the frame in its
  // bottom-right 2×2 corner.
  const double frame[4] = {1, 2, 3, 4};
  double patches[9 * 4];
  SameIm2Col(frame, 2, 2, 1, 3, patches);
  const double expected[9] = {0, 0, 0, 0, 1, 2, 0, 3, 4};
  for (int r = 0; r < 9; ++r) CHECK(patches[r] == expected[r]);
  // ⟨im2col(a), b⟩ = ⟨a, col2im(b)⟩ for random a, b.
  mlp::Rng rng(3);
  const MatrixD a = UniformMatrix(rng, 3 * 4 * 2, 1, -1.0, 1.0);  // 3×4 frame, 2 channels
  const MatrixD b = UniformMatrix(rng, 9 * 2, 12, -1.0, 1.0);
  MatrixD cols(18, 12);
  SameIm2Col(a.data(), 3, 4, 2, 3, cols.data());
  MatrixD back = MatrixD::Zero(24, 1);
  SameCol2ImAdd(b.data(), 3, 4, 2, 3, back.data());
  CHECK((cols.array() * b.array()).sum() == Approx((a.array() * back.array()).sum()).epsilon(1e-12));
}

TEST_CASE("ConvLSTM shapes, description and bad settings", "[nn-seq]") {
  ConvLstmSettings settings;
  settings.steps = 5;
  settings.height = 6;
  settings.width = 7;
  settings.channels = 2;
  settings.filters = 4;
  ConvLstmLayer<float> layer(settings);
  CHECK(layer.input_shape() == Shape{5, 6, 7, 2});
  CHECK(layer.output_shape() == Shape{1, 6, 7, 4});
  CHECK(layer.Describe() == "conv-lstm 4 3×3");
  CHECK(layer.ParameterCount() == 9 * 2 * 16 + 9 * 4 * 16 + 16);
  mlp::Rng rng(1);
  layer.Initialize(rng);
  for (int j = 0; j < 16; ++j) CHECK(layer.bias()(0, j) == (j >= 4 && j < 8 ? 1.0f : 0.0f));
  settings.kernel_size = 2;
  const mlp::Status even = ValidateConvLstmSettings(settings);
  CHECK_FALSE(even.ok());
  CHECK(even.message().find("odd") != std::string::npos);
  settings.kernel_size = 3;
  settings.filters = 0;
  CHECK_FALSE(ValidateConvLstmSettings(settings).ok());
}
