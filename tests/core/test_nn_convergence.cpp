// Convergence on problems whose answer is known, in float (the precision the app trains in).
#include <catch2/catch.hpp>

#include "core/nn/gradient_check.h"
#include "core/nn/mlp.h"
#include "core/nn/optimizer.h"

using namespace mlp::nn;

TEST_CASE("a linear network recovers y = 2*x1 - 3*x2 + 0.5", "[nn]") {
  mlp::Rng rng(42);
  const int samples = 200, batch = 20;
  const MatrixF x = UniformMatrix<float>(rng, samples, 2, -1.0, 1.0);
  const MatrixF y = (2.0f * x.col(0) - 3.0f * x.col(1)).array() + 0.5f;

  MlpSpec spec;
  spec.inputs = 2;
  spec.hidden = {};
  spec.outputs = 1;
  spec.output_activation = Activation::kLinear;
  Mlp<float> model(spec);
  model.Initialize(rng);
  OptimizerSettings settings;
  settings.learning_rate = 0.1;
  Optimizer<float> optimizer(settings, model.Parameters());
  float loss = 0.0f;
  for (int epoch = 0; epoch < 300; ++epoch) {
    for (int start = 0; start < samples; start += batch) {
      loss = model.ComputeGradients(x.middleRows(start, batch), y.middleRows(start, batch),
                                    Loss::kMeanSquaredError, Regularization::kNone, 0.0f);
      optimizer.Step(model.Parameters());
    }
  }
  const MatrixF& w = model.layer(0).weights();
  CHECK(w(0, 0) == Approx(2.0f).margin(1e-3));
  CHECK(w(1, 0) == Approx(-3.0f).margin(1e-3));
  CHECK(model.layer(0).bias()(0, 0) == Approx(0.5f).margin(1e-3));
  CHECK(loss < 1e-6f);
}

TEST_CASE("a small MLP learns XOR", "[nn]") {
  MatrixF x(4, 2), y(4, 1);
  x << 0, 0,
       0, 1,
       1, 0,
       1, 1;
  y << 0, 1, 1, 0;
  MlpSpec spec;
  spec.inputs = 2;
  spec.hidden = {4};
  spec.hidden_activation = Activation::kTanh;
  spec.outputs = 1;
  spec.output_activation = Activation::kSigmoid;
  Mlp<float> model(spec);
  mlp::Rng rng(3);
  model.Initialize(rng);
  OptimizerSettings settings;
  settings.kind = OptimizerKind::kAdam;
  settings.learning_rate = 0.05;
  Optimizer<float> optimizer(settings, model.Parameters());
  float loss = 0.0f;
  for (int step = 0; step < 1000; ++step) {
    loss = model.ComputeGradients(x, y, Loss::kBinaryCrossEntropy, Regularization::kNone, 0.0f);
    optimizer.Step(model.Parameters());
  }
  const MatrixF prediction = model.Forward(x);
  INFO("predictions " << prediction.transpose() << ", loss " << loss);
  CHECK(loss < 0.05f);
  CHECK(prediction(0, 0) < 0.1f);
  CHECK(prediction(1, 0) > 0.9f);
  CHECK(prediction(2, 0) > 0.9f);
  CHECK(prediction(3, 0) < 0.1f);
}
