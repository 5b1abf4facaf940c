// Activations: names, known values, numerical stability, and finite-difference checks of every
// backward pass in double (central differences, h = 1e-5, error |a − n| / max(|a|, |n|, 1e-3)
// below 1e-6; observed errors are below 2e-8, a wrong derivative gives > 1e-2).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/nn/activation.h"
#include "core/nn/gradient_check.h"

using namespace mlp::nn;

namespace {

const std::vector<Activation> kAllActivations = {Activation::kLinear, Activation::kSigmoid,
                                                 Activation::kTanh,   Activation::kReLU,
                                                 Activation::kLeakyReLU, Activation::kSoftmax};

MatrixD Forward(Activation activation, const MatrixD& z) {
  MatrixD a(z.rows(), z.cols());
  ActivationForward<double>(activation, z, a);
  return a;
}

}  // namespace

TEST_CASE("activation names round-trip and unknown names are rejected", "[nn]") {
  for (Activation activation : kAllActivations) {
    Activation parsed = Activation::kLinear;
    REQUIRE(ParseActivation(ActivationName(activation), &parsed));
    CHECK(parsed == activation);
  }
  CHECK(ActivationName(Activation::kLeakyReLU) == "leaky_relu");
  Activation untouched = Activation::kTanh;
  CHECK_FALSE(ParseActivation("swish", &untouched));
  CHECK(untouched == Activation::kTanh);
}

TEST_CASE("activation forward values", "[nn]") {
  MatrixD z(2, 3);
  z << -2.0, 0.0, 3.0,
        1.0, -0.5, 0.25;
  const MatrixD sigmoid = Forward(Activation::kSigmoid, z);
  CHECK(sigmoid(0, 1) == Approx(0.5));
  CHECK(sigmoid(0, 0) == Approx(1.0 / (1.0 + std::exp(2.0))));
  CHECK(Forward(Activation::kTanh, z)(0, 2) == Approx(std::tanh(3.0)));
  const MatrixD relu = Forward(Activation::kReLU, z);
  CHECK(relu(0, 0) == 0.0);
  CHECK(relu(0, 2) == 3.0);
  const MatrixD leaky = Forward(Activation::kLeakyReLU, z);
  CHECK(leaky(0, 0) == Approx(-0.02));
  CHECK(leaky(1, 0) == 1.0);
  CHECK(Forward(Activation::kLinear, z) == z);

  const MatrixD softmax = Forward(Activation::kSoftmax, z);
  for (int i = 0; i < 2; ++i) {
    const double denominator = z.row(i).array().exp().sum();
    CHECK(softmax.row(i).sum() == Approx(1.0));
    for (int j = 0; j < 3; ++j) CHECK(softmax(i, j) == Approx(std::exp(z(i, j)) / denominator));
  }
}

TEST_CASE("softmax and sigmoid stay finite for huge inputs, in float and double", "[nn]") {
  MatrixD z(2, 3);
  z << 1000.0, 0.0, -1000.0,
       -1000.0, -1000.0, -1000.0;
  const MatrixD softmax = Forward(Activation::kSoftmax, z);
  CHECK(softmax.allFinite());
  CHECK(softmax(0, 0) == Approx(1.0));
  CHECK(softmax(0, 2) < 1e-300);  // e^-2000: 0, or the smallest value a clamped exp returns
  CHECK(softmax(1, 1) == Approx(1.0 / 3.0));  // equal logits, however negative
  const MatrixD sigmoid = Forward(Activation::kSigmoid, z);
  CHECK(sigmoid.allFinite());
  CHECK(sigmoid(0, 0) == 1.0);
  CHECK(sigmoid(0, 2) < 1e-300);

  const MatrixF zf = z.cast<float>();
  MatrixF af(2, 3);
  ActivationForward<float>(Activation::kSoftmax, zf, af);
  CHECK(af.allFinite());
  CHECK(af(0, 0) == Approx(1.0f));
  ActivationForward<float>(Activation::kSigmoid, zf, af);
  CHECK(af.allFinite());
}

TEST_CASE("float activations agree with double", "[nn]") {
  mlp::Rng rng(7);
  // More than one SIMD packet and more rows than the softmax row block, to cover every code path.
  const MatrixD z = UniformMatrix(rng, 300, 5, -6.0, 6.0);
  const MatrixF zf = z.cast<float>();
  for (Activation activation : kAllActivations) {
    INFO(ActivationName(activation));
    MatrixF af(z.rows(), z.cols());
    ActivationForward<float>(activation, zf, af);
    const MatrixD a = Forward(activation, zf.cast<double>());
    CHECK((af.cast<double>() - a).cwiseAbs().maxCoeff() < 2e-6);
  }
}

TEST_CASE("activation backward matches central differences", "[nn]") {
  mlp::Rng rng(11);
  for (Activation activation : kAllActivations) {
    INFO(ActivationName(activation));
    MatrixD z = UniformMatrix(rng, 6, 4, -2.0, 2.0);
    // ReLU and leaky ReLU have a kink at 0: keep every input at least 0.05 away from it, far
    // beyond the 1e-5 step, so the difference quotient never straddles the kink.
    z = z.unaryExpr([](double v) { return v < 0 ? std::min(v, -0.05) : std::max(v, 0.05); });
    const MatrixD upstream = UniformMatrix(rng, 6, 4, -1.0, 1.0);  // dA; objective Σ dA ⊙ f(z)

    const MatrixD a = Forward(activation, z);
    MatrixD analytic(6, 4);
    ActivationBackward<double>(activation, z, a, upstream, analytic);

    const MatrixD numeric = NumericalGradient(
        [&] { return (upstream.array() * Forward(activation, z).array()).sum(); }, z);
    CHECK(MaxRelativeError(analytic, numeric) < 1e-6);
  }
}

TEST_CASE("softmax backward is the full Jacobian-vector product", "[nn]") {
  // With dA = e_0 for one row, dZ is the first row of the softmax Jacobian: a0(δ0j − aj).
  MatrixD z(1, 3);
  z << 0.3, -1.2, 2.0;
  const MatrixD a = Forward(Activation::kSoftmax, z);
  MatrixD upstream = MatrixD::Zero(1, 3);
  upstream(0, 0) = 1.0;
  MatrixD dz(1, 3);
  ActivationBackward<double>(Activation::kSoftmax, z, a, upstream, dz);
  CHECK(dz(0, 0) == Approx(a(0, 0) * (1.0 - a(0, 0))));
  CHECK(dz(0, 1) == Approx(-a(0, 0) * a(0, 1)));
  CHECK(dz(0, 2) == Approx(-a(0, 0) * a(0, 2)));
}
