// Whole-network checks of Mlp in double: for each output/loss pairing (the fused sigmoid+BCE and
// softmax+CCE, and chained ones) with and without L1/L2 regularisation, the gradients left by
// ComputeGradients match central differences of (mean data loss + penalty) for every parameter
// (h = 1e-5, error |a − n| / max(|a|, |n|, 1e-3) below 1e-6). Plus parameter bookkeeping.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/nn/gradient_check.h"
#include "core/nn/mlp.h"

using namespace mlp::nn;

namespace {

struct Case {
  Activation hidden_activation;
  std::vector<int> hidden;
  Activation output_activation;
  Loss loss;
  Regularization regularization;
};

// Targets suited to the loss: one-hot rows for CCE, 0/1 for BCE, anything for MSE.
MatrixD MakeTargets(mlp::Rng& rng, Loss loss, int rows, int cols) {
  MatrixD y = UniformMatrix(rng, rows, cols, -1.0, 1.0);
  if (loss == Loss::kBinaryCrossEntropy) y = (y.array() > 0.0).cast<double>();
  if (loss == Loss::kCategoricalCrossEntropy) {
    y.setZero();
    for (int i = 0; i < rows; ++i) y(i, static_cast<Eigen::Index>(rng.Interval(static_cast<uint64_t>(cols - 1)))) = 1.0;
  }
  return y;
}

}  // namespace

TEST_CASE("MLP gradients match central differences for every output/loss pairing", "[nn]") {
  const Case cases[] = {
      {Activation::kTanh, {6}, Activation::kSigmoid, Loss::kBinaryCrossEntropy, Regularization::kNone},
      {Activation::kReLU, {6, 5}, Activation::kSoftmax, Loss::kCategoricalCrossEntropy, Regularization::kNone},
      {Activation::kTanh, {5}, Activation::kLinear, Loss::kMeanSquaredError, Regularization::kL2},
      {Activation::kSigmoid, {4}, Activation::kSigmoid, Loss::kMeanSquaredError, Regularization::kL1},
      {Activation::kLeakyReLU, {5}, Activation::kSoftmax, Loss::kMeanSquaredError, Regularization::kNone},
      {Activation::kTanh, {4, 4}, Activation::kSigmoid, Loss::kBinaryCrossEntropy, Regularization::kL2},
      {Activation::kReLU, {6}, Activation::kSoftmax, Loss::kCategoricalCrossEntropy, Regularization::kL1},
      {Activation::kTanh, {3}, Activation::kTanh, Loss::kMeanSquaredError, Regularization::kNone},
      {Activation::kTanh, {}, Activation::kSoftmax, Loss::kCategoricalCrossEntropy, Regularization::kL2},
  };
  const int batch = 9, inputs = 4, outputs = 3;
  const double rate = 0.05;
  int index = 0;
  for (const Case& c : cases) {
    INFO("case " << index << ": hidden " << ActivationName(c.hidden_activation) << " x" << c.hidden.size()
                 << ", output " << ActivationName(c.output_activation) << ", loss " << LossName(c.loss)
                 << ", " << RegularizationName(c.regularization));
    mlp::Rng rng(500 + static_cast<uint32_t>(index++));
    MlpSpec spec;
    spec.inputs = inputs;
    spec.hidden = c.hidden;
    spec.hidden_activation = c.hidden_activation;
    spec.outputs = outputs;
    spec.output_activation = c.output_activation;
    Mlp<double> model(spec);
    model.Initialize(rng);
    for (auto& parameter : model.Parameters()) {
      if (parameter.is_bias) parameter.value = UniformMatrix(rng, 1, parameter.value.cols(), -0.3, 0.3);
      // L1's kink at w = 0: keep every weight at least 0.02 away from it (2000× the step).
      if (!parameter.is_bias) {
        parameter.value = parameter.value.unaryExpr([](double v) { return v < 0 ? std::min(v, -0.02) : std::max(v, 0.02); });
      }
    }
    MatrixD x = UniformMatrix(rng, batch, inputs, -1.0, 1.0);
    const MatrixD y = MakeTargets(rng, c.loss, batch, outputs);

    const double loss = model.ComputeGradients(x, y, c.loss, c.regularization, rate);
    // ReLU/leaky ReLU kinks: with these seeds every hidden pre-activation is > 1e-3 from 0.
    for (int l = 0; l + 1 < model.num_layers(); ++l) {
      REQUIRE(model.layer(l).pre_activations().cwiseAbs().minCoeff() > 1e-3);
    }
    CHECK(loss == Approx(LossValue<double>(c.loss, model.Forward(x), y)).epsilon(1e-12));

    std::vector<MatrixD> analytic;
    for (const auto& parameter : model.Parameters()) analytic.emplace_back(parameter.grad);
    auto objective = [&] {
      return LossValue<double>(c.loss, model.Forward(x), y) + model.RegularizationPenalty(c.regularization, rate);
    };
    for (size_t i = 0; i < analytic.size(); ++i) {
      auto& parameter = model.Parameters()[i];
      INFO(parameter.name);
      CHECK(MaxRelativeError(analytic[i], NumericalGradient(objective, parameter.value)) < 1e-6);
    }
  }
}

TEST_CASE("fused output gradients stay finite when the output saturates", "[nn]") {
  MlpSpec spec;
  spec.inputs = 1;
  spec.hidden = {};
  spec.outputs = 1;
  spec.output_activation = Activation::kSigmoid;
  Mlp<float> model(spec);
  model.Parameters()[0].value.setConstant(100.0f);  // logit 100·x: sigmoid is exactly 1 in float
  MatrixF x(2, 1), y(2, 1);
  x << 1.0f, 1.0f;
  y << 0.0f, 1.0f;
  const float loss = model.ComputeGradients(x, y, Loss::kBinaryCrossEntropy, Regularization::kNone, 0.0f);
  CHECK(std::isfinite(loss));
  CHECK(model.Parameters()[0].grad.allFinite());
  CHECK(model.Parameters()[0].grad(0, 0) == Approx(0.5f));  // Σ (A − Y)·x / 2 = (1 − 0)/2
}

TEST_CASE("fused pairings are exactly sigmoid+BCE and softmax+CCE", "[nn]") {
  CHECK(HasFusedOutputGradient(Activation::kSigmoid, Loss::kBinaryCrossEntropy));
  CHECK(HasFusedOutputGradient(Activation::kSoftmax, Loss::kCategoricalCrossEntropy));
  CHECK_FALSE(HasFusedOutputGradient(Activation::kSigmoid, Loss::kMeanSquaredError));
  CHECK_FALSE(HasFusedOutputGradient(Activation::kSoftmax, Loss::kBinaryCrossEntropy));
  CHECK_FALSE(HasFusedOutputGradient(Activation::kLinear, Loss::kCategoricalCrossEntropy));
}

TEST_CASE("MLP parameters: order, count, get/set round trip", "[nn]") {
  MlpSpec spec;
  spec.inputs = 3;
  spec.hidden = {5, 4};
  spec.outputs = 2;
  Mlp<float> model(spec);
  mlp::Rng rng(1);
  model.Initialize(rng);
  REQUIRE(model.num_layers() == 3);
  const auto& parameters = model.Parameters();
  REQUIRE(parameters.size() == 6);
  const char* names[] = {"layer0.W", "layer0.b", "layer1.W", "layer1.b", "layer2.W", "layer2.b"};
  for (size_t i = 0; i < 6; ++i) {
    CHECK(parameters[i].name == names[i]);
    CHECK(parameters[i].is_bias == (i % 2 == 1));
  }
  CHECK(parameters[2].value.rows() == 5);
  CHECK(parameters[2].value.cols() == 4);
  CHECK(model.ParameterCount() == 3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2);

  std::vector<float> saved;
  model.GetParameters(&saved);
  REQUIRE(static_cast<int64_t>(saved.size()) == model.ParameterCount());
  CHECK(saved[0] == model.layer(0).weights()(0, 0));
  CHECK(saved[1] == model.layer(0).weights()(1, 0));  // column-major within a parameter
  const MatrixF x = UniformMatrix<float>(rng, 4, 3, -1.0, 1.0);
  const MatrixF before = model.Forward(x);
  model.Parameters()[0].value.array() += 1.0f;
  CHECK(MatrixF(model.Forward(x)) != before);
  model.SetParameters(saved);
  CHECK(MatrixF(model.Forward(x)) == before);
}

TEST_CASE("a copied MLP owns its parameters", "[nn]") {
  MlpSpec spec;
  spec.inputs = 2;
  spec.hidden = {3};
  Mlp<float> original(spec);
  mlp::Rng rng(2);
  original.Initialize(rng);
  Mlp<float> copy = original;
  CHECK(copy.Parameters()[0].value.data() == copy.layer(0).weights().data());
  CHECK(copy.Parameters()[0].value.data() != original.Parameters()[0].value.data());
  const float kept = copy.layer(0).weights()(0, 0);
  original.Parameters()[0].value.setZero();
  CHECK(copy.layer(0).weights()(0, 0) == kept);
  Mlp<float> moved = std::move(copy);
  CHECK(moved.Parameters()[0].value.data() == moved.layer(0).weights().data());
  CHECK(moved.layer(0).weights()(0, 0) == kept);
  CHECK(moved.RegularizationPenalty(Regularization::kL2, 2.0f) ==
        Approx(moved.layer(0).weights().squaredNorm() + moved.layer(1).weights().squaredNorm()));
}
