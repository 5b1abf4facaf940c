// LstmLayer: central-difference gradients in double for the input and every parameter (both output
// modes), a closed-form sequence from a cell whose only non-zero weights are two gate biases, the
// documented initialisation, and a tiny convergence run.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/nn/gradient_check.h"
#include "core/nn/layers/lstm.h"
#include "core/nn/optimizer.h"

using namespace mlp::nn;

namespace {

// Scalar loss Σ weights ∘ output, so d(loss)/d(output) = weights.
double ProjectedOutput(LstmLayer<double>& layer, const MatrixD& x, const MatrixD& weights) {
  return (layer.Forward(x).array() * weights.array()).sum();
}

}  // namespace

TEST_CASE("LSTM gradients match central differences in both output modes", "[nn-seq]") {
  for (bool sequences : {false, true}) {
    INFO("return_sequences " << sequences);
    LstmSettings settings;
    settings.steps = 4;
    settings.features = 3;
    settings.units = 3;
    settings.return_sequences = sequences;
    REQUIRE(ValidateLstmSettings(settings).ok());
    LstmLayer<double> layer(settings);
    mlp::Rng rng(31);
    layer.Initialize(rng);
    layer.bias() = UniformMatrix(rng, 1, 12, -0.5, 0.5);  // every gate's bias off zero
    const int batch = 2;
    MatrixD x = UniformMatrix(rng, settings.steps * settings.features, batch, -1.0, 1.0);
    const MatrixD weights = UniformMatrix(rng, layer.output_shape().size(), batch, -1.0, 1.0);

    layer.Forward(x);
    const MatrixD dx = layer.Backward(weights);
    std::vector<Parameter<double>> parameters = layer.Parameters();
    REQUIRE(parameters.size() == 3);
    std::vector<MatrixD> analytic;
    for (const auto& p : parameters) analytic.push_back(p.grad);

    auto loss = [&] { return ProjectedOutput(layer, x, weights); };
    CHECK(MaxRelativeError(dx, NumericalGradient(loss, x)) < 1e-6);
    for (size_t i = 0; i < parameters.size(); ++i) {
      INFO(parameters[i].name);
      CHECK(MaxRelativeError(analytic[i], NumericalGradient(loss, parameters[i].value)) < 1e-6);
    }
  }
}

TEST_CASE("LSTM with only input-gate and candidate biases follows the hand recurrence", "[nn-seq]") {
  // i = σ(ln 3) = 0.75, g = tanh(atanh 0.8) = 0.8, f = o = σ(0) = 0.5, whatever the input:
  //   c_t = 0.5·c_{t−1} + 0.6 → 0.6, 0.9, 1.05, 1.125;   h_t = 0.5·tanh(c_t)
  LstmSettings settings;
  settings.steps = 4;
  settings.features = 2;
  settings.units = 1;
  settings.return_sequences = true;
  LstmLayer<double> layer(settings);  // weights and biases start at zero
  layer.bias()(0, 0) = std::log(3.0);
  layer.bias()(0, 2) = std::atanh(0.8);
  mlp::Rng rng(5);
  const MatrixD x = UniformMatrix(rng, 8, 3, -2.0, 2.0);
  const MatrixD h = layer.Forward(x);
  REQUIRE(h.rows() == 4);
  REQUIRE(h.cols() == 3);
  const double cells[4] = {0.6, 0.9, 1.05, 1.125};
  for (int b = 0; b < 3; ++b) {
    for (int t = 0; t < 4; ++t) CHECK(h(t, b) == Approx(0.5 * std::tanh(cells[t])).epsilon(1e-12));
  }
  // Only the last state: the same final value.
  settings.return_sequences = false;
  LstmLayer<double> last(settings);
  last.bias() = layer.bias();
  const MatrixD h_last = last.Forward(x);
  REQUIRE(h_last.rows() == 1);
  CHECK(h_last(0, 1) == Approx(0.5 * std::tanh(1.125)).epsilon(1e-12));
  CHECK(layer.output_shape() == Shape{1, 1, 4, 1});
  CHECK(last.output_shape() == Shape{1, 1, 1, 1});
  CHECK(layer.input_shape() == Shape{1, 1, 4, 2});
}

TEST_CASE("LSTM initialisation: Glorot kernel, orthogonal recurrent kernel, forget bias 1", "[nn-seq]") {
  LstmSettings settings;
  settings.features = 5;
  settings.units = 6;
  LstmLayer<double> a(settings), b(settings);
  mlp::Rng rng_a(9), rng_b(9);
  a.Initialize(rng_a);
  b.Initialize(rng_b);
  CHECK(a.kernel() == b.kernel());
  CHECK(a.recurrent_kernel() == b.recurrent_kernel());
  const double limit = std::sqrt(6.0 / (5 + 24));
  CHECK(a.kernel().cwiseAbs().maxCoeff() <= limit);
  // units × 4·units with orthonormal rows.
  const MatrixD gram = a.recurrent_kernel() * a.recurrent_kernel().transpose();
  CHECK((gram - MatrixD::Identity(6, 6)).cwiseAbs().maxCoeff() < 1e-12);
  for (int j = 0; j < 24; ++j) CHECK(a.bias()(0, j) == (j >= 6 && j < 12 ? 1.0 : 0.0));
  CHECK(a.ParameterCount() == 5 * 24 + 6 * 24 + 24);
  CHECK(a.Describe() == "lstm 6");
  settings.units = 0;
  CHECK_FALSE(ValidateLstmSettings(settings).ok());
}

TEST_CASE("LSTM float agrees with double", "[nn-seq]") {
  LstmSettings settings;
  settings.steps = 5;
  settings.features = 2;
  settings.units = 4;
  settings.return_sequences = true;
  LstmLayer<double> d(settings);
  LstmLayer<float> f(settings);
  mlp::Rng rng_d(2), rng_f(2);
  d.Initialize(rng_d);
  f.Initialize(rng_f);
  mlp::Rng rng(3);
  const MatrixD x = UniformMatrix(rng, 10, 3, -1.0, 1.0);
  const MatrixF xf = x.cast<float>();
  const MatrixD yd = d.Forward(x);
  const MatrixF yf = f.Forward(xf);
  CHECK((yd - yf.cast<double>()).cwiseAbs().maxCoeff() < 1e-5);
  const MatrixD dyd = MatrixD::Ones(20, 3);
  const MatrixF dyf = dyd.cast<float>();
  const MatrixD dxd = d.Backward(dyd);
  const MatrixF dxf = f.Backward(dyf);
  CHECK((dxd - dxf.cast<double>()).cwiseAbs().maxCoeff() < 1e-4);
}

TEST_CASE("an LSTM learns to sum a short sequence", "[nn-seq]") {
  // 32 sequences of 6 uniform values in [−0.8, 0.8]; the target is 0.2·Σ x_t (inside tanh's
  // range), read from the first unit of the last hidden state through MSE, trained with Adam.
  // The forget gate starts open (bias 1), which is what an accumulator needs.
  LstmSettings settings;
  settings.steps = 6;
  settings.features = 1;
  settings.units = 4;
  LstmLayer<float> layer(settings);
  mlp::Rng rng(17);
  layer.Initialize(rng);
  const int batch = 32;
  const MatrixF x = UniformMatrix<float>(rng, 6, batch, -0.8, 0.8);
  const MatrixF target = 0.2f * x.colwise().sum();
  OptimizerSettings adam;
  adam.kind = OptimizerKind::kAdam;
  adam.learning_rate = 0.02;
  std::vector<Parameter<float>> parameters = layer.Parameters();
  Optimizer<float> optimizer(adam, parameters);
  MatrixF dy = MatrixF::Zero(4, batch);
  auto step = [&] {
    const auto h = layer.Forward(x);
    const MatrixF error = h.row(0) - target;
    dy.row(0) = error / static_cast<float>(batch);
    layer.Backward(dy, false);
    optimizer.Step(parameters);
    return 0.5f * error.squaredNorm() / batch;
  };
  const float first = step();
  float loss = first;
  for (int i = 0; i < 300; ++i) loss = step();
  INFO("first " << first << ", last " << loss);
  CHECK(loss < first / 10.0f);
}

TEST_CASE("LSTM reads an input given as a block of rows like a contiguous copy", "[nn-seq]") {
  LstmSettings settings;
  settings.steps = 3;
  settings.features = 2;
  settings.units = 3;
  settings.return_sequences = true;
  LstmLayer<double> layer(settings);
  mlp::Rng rng(23);
  layer.Initialize(rng);
  const MatrixD padded = UniformMatrix(rng, 9, 4, -1.0, 1.0);
  const MatrixD contiguous = padded.middleRows(2, 6);
  const MatrixD from_copy = layer.Forward(contiguous);
  const MatrixD dx_copy = layer.Backward(MatrixD::Ones(9, 4));
  const MatrixD from_block = layer.Forward(padded.middleRows(2, 6));
  const MatrixD dx_block = layer.Backward(MatrixD::Ones(9, 4));
  CHECK(from_block == from_copy);
  CHECK(dx_block == dx_copy);
}
