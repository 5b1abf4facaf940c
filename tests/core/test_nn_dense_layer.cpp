// Dense layer: initialisation, buffer reuse across batch sizes, and finite-difference checks of
// dX, dW and db for every activation in double (central differences, h = 1e-5, error
// |a − n| / max(|a|, |n|, 1e-3) below 1e-6).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/nn/dense_layer.h"
#include "core/nn/gradient_check.h"

using namespace mlp::nn;

namespace {

const Activation kAllActivations[] = {Activation::kLinear, Activation::kSigmoid, Activation::kTanh,
                                      Activation::kReLU, Activation::kLeakyReLU, Activation::kSoftmax};

}  // namespace

TEST_CASE("dense layer initialisation: Glorot or He uniform, drawn row by row, zero bias", "[nn]") {
  for (Activation activation : {Activation::kTanh, Activation::kReLU}) {
    DenseLayer<double> layer(30, 20, activation);
    mlp::Rng rng(3);
    layer.Initialize(rng);
    const double limit = activation == Activation::kReLU ? std::sqrt(6.0 / 30) : std::sqrt(6.0 / 50);
    CHECK(layer.weights().cwiseAbs().maxCoeff() <= limit);
    CHECK(layer.weights().cwiseAbs().maxCoeff() > 0.9 * limit);  // the whole range is used
    CHECK(layer.bias().isZero());
    mlp::Rng replay(3);
    const double first = replay.Uniform(-limit, limit);
    const double second = replay.Uniform(-limit, limit);
    CHECK(layer.weights()(0, 0) == first);
    CHECK(layer.weights()(0, 1) == second);  // NumPy's C order over an inputs×outputs array
  }
}

TEST_CASE("dense layer gradients match central differences for every activation", "[nn]") {
  const int batch = 7, inputs = 5, outputs = 4;
  for (Activation activation : kAllActivations) {
    INFO(ActivationName(activation));
    mlp::Rng rng(100 + static_cast<int>(activation));
    DenseLayer<double> layer(inputs, outputs, activation);
    layer.Initialize(rng);
    layer.bias() = UniformMatrix(rng, 1, outputs, -0.5, 0.5);
    MatrixD x = UniformMatrix(rng, batch, inputs, -1.0, 1.0);
    const MatrixD upstream = UniformMatrix(rng, batch, outputs, -1.0, 1.0);  // objective Σ dA ⊙ A

    layer.Forward(x);
    // ReLU/leaky ReLU: the check is only meaningful away from the kink at z = 0. With this seed
    // every pre-activation is at least 1e-3 from it, 100× the largest change a 1e-5 step causes.
    REQUIRE(layer.pre_activations().cwiseAbs().minCoeff() > 1e-3);
    const MatrixD dx = layer.Backward(upstream);
    const MatrixD dw = layer.weight_gradient();
    const MatrixD db = layer.bias_gradient();
    REQUIRE(dx.rows() == batch);
    REQUIRE(dx.cols() == inputs);

    auto objective = [&] { return (upstream.array() * layer.Forward(x).array()).sum(); };
    CHECK(MaxRelativeError(dx, NumericalGradient(objective, x)) < 1e-6);
    CHECK(MaxRelativeError(dw, NumericalGradient(objective, layer.weights())) < 1e-6);
    CHECK(MaxRelativeError(db, NumericalGradient(objective, layer.bias())) < 1e-6);
  }
}

TEST_CASE("dense layer: a smaller batch after a larger one gives the same results as a fresh layer", "[nn]") {
  mlp::Rng rng(9);
  DenseLayer<float> reused(40, 24, Activation::kTanh);
  reused.Initialize(rng);
  DenseLayer<float> fresh = reused;
  const MatrixF big = UniformMatrix<float>(rng, 50, 40, -1.0, 1.0);
  const MatrixF small = UniformMatrix<float>(rng, 13, 40, -1.0, 1.0);
  const MatrixF upstream = UniformMatrix<float>(rng, 13, 24, -1.0, 1.0);

  reused.Forward(big);
  const MatrixF a_reused = reused.Forward(small);
  const MatrixF a_fresh = fresh.Forward(small);
  CHECK(reused.activations().rows() == 13);
  CHECK(a_reused == a_fresh);
  const MatrixF dx_reused = reused.Backward(upstream);
  const MatrixF dx_fresh = fresh.Backward(upstream);
  CHECK(dx_reused == dx_fresh);
  CHECK(reused.weight_gradient() == fresh.weight_gradient());
  CHECK(reused.bias_gradient() == fresh.bias_gradient());
}

TEST_CASE("dense layer reads its input through a strided block and can skip dX", "[nn]") {
  mlp::Rng rng(4);
  DenseLayer<double> layer(6, 3, Activation::kSigmoid);
  layer.Initialize(rng);
  const MatrixD data = UniformMatrix(rng, 20, 6, -1.0, 1.0);
  const MatrixD batch = data.middleRows(5, 8);
  const MatrixD upstream = UniformMatrix(rng, 8, 3, -1.0, 1.0);

  const MatrixD from_copy = layer.Forward(batch);
  layer.Backward(upstream);
  const MatrixD dw_copy = layer.weight_gradient();
  const MatrixD from_block = layer.Forward(data.middleRows(5, 8));
  const auto dx = layer.Backward(upstream, /*compute_input_gradient=*/false);
  CHECK(from_block == from_copy);
  CHECK(layer.weight_gradient() == dw_copy);
  CHECK(dx.rows() == 0);
  CHECK(layer.input_gradient().rows() == 0);
}
