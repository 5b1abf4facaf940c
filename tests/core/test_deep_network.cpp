// Network (core/deep/network.h) and its output losses: shape checks with messages, the summary's
// parameter counts (hand-computed for the course's SimpleClassifier on 28×28), and a finite-
// difference check in double of every parameter gradient of a small conv network end to end
// through each output loss.
#include <catch2/catch.hpp>

#include <cmath>
#include <iterator>

#include "core/deep/deep_catalog.h"
#include "core/deep/network.h"
#include "core/nn/gradient_check.h"
#include "core/nn/loss.h"

using namespace mlp;
using namespace mlp::deep;
using nn::Shape;

TEST_CASE("Network refuses a layer built for another shape and says which shapes disagree", "[deep]") {
  Network<float> net(Shape{1, 28, 28, 1});
  nn::Conv2DSettings conv;
  conv.pad_y = conv.pad_x = 1;
  REQUIRE(net.AddConv2D(conv).ok());
  const Status wrong = net.Add(std::make_unique<nn::FullyConnected<float>>(Shape{1, 1, 1, 10}, 4));
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.message() == "Layer 1 (dense 4) takes 10 but layer 0 (conv2d 16 3×3 pad 1) gives 28×28×16: build the "
                           "layer for 28×28×16 or add a Reshape/Flatten before it.");
  CHECK(net.layer_count() == 1);  // unchanged

  Network<float> empty(Shape{1, 8, 8, 1});
  const Status first = empty.Add(std::make_unique<nn::ActivationLayer<float>>(Shape{1, 1, 1, 64}, nn::Activation::kReLU));
  REQUIRE_FALSE(first.ok());
  CHECK(first.message().find("the network's input gives 8×8×1") != std::string::npos);

  const Status conv1d = empty.AddConv1D({});
  REQUIRE_FALSE(conv1d.ok());
  CHECK(conv1d.message() == "conv1d needs a signal (length × channels) but gets 8×8×1.");

  Network<float> tiny(Shape{1, 3, 3, 1});
  const Status pool = tiny.AddMaxPool({4, 4, 0, 0});
  REQUIRE_FALSE(pool.ok());
  CHECK(pool.message().rfind("max-pool: ", 0) == 0);
  const Status big_kernel = tiny.AddConv2D(nn::Conv2DSettings{4, 5, 5});
  REQUIRE_FALSE(big_kernel.ok());
  CHECK(big_kernel.message().rfind("conv2d: ", 0) == 0);
  CHECK(tiny.layer_count() == 0);
}

TEST_CASE("the summary of cnn_simple on 28×28 lists the hand-computed shapes and parameter counts", "[deep]") {
  Dataset data;
  data.name = "blank 28×28";
  data.features = Eigen::MatrixXd::Zero(4, 784);
  data.targets = Eigen::VectorXd::Zero(4);
  data.class_names = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  data.layout = SampleLayout::kImage;
  data.sample_shape = {28, 28};
  Result<DeepModelBuild> build = BuildDeepModel("cnn_simple", data);
  INFO(build.status().message());
  REQUIRE(build.ok());
  const NetworkSummary s = build.value().network->Summary();
  struct Row { const char* layer; const char* shape; int64_t parameters; };
  const Row expected[] = {
      {"conv2d 16 3×3 pad 1", "28×28×16", 16 * 9 + 16},        // 160
      {"relu", "28×28×16", 0},
      {"max-pool 2×2", "14×14×16", 0},
      {"conv2d 32 3×3 pad 1", "14×14×32", 32 * 9 * 16 + 32},   // 4640
      {"relu", "14×14×32", 0},
      {"max-pool 2×2", "7×7×32", 0},
      {"dense 128", "128", 1568 * 128 + 128},                  // 200832
      {"relu", "128", 0},
      {"dense 10", "10", 128 * 10 + 10},                       // 1290
  };
  REQUIRE(s.rows.size() == std::size(expected));
  for (size_t i = 0; i < s.rows.size(); ++i) {
    INFO("row " << i);
    CHECK(s.rows[i].layer == expected[i].layer);
    CHECK(ShapeText(s.rows[i].output) == expected[i].shape);
    CHECK(s.rows[i].parameters == expected[i].parameters);
  }
  CHECK(s.total_parameters == 160 + 4640 + 200832 + 1290);
  CHECK(s.loss == "softmax + cce");
  const std::vector<nn::Parameter<float>> parameters = build.value().network->Parameters();
  REQUIRE(parameters.size() == 8);
  CHECK(parameters[0].name == "layer0.W");
  CHECK(parameters[7].name == "layer8.b");
}

namespace {

// conv 3 3×3 pad 1 → tanh → max-pool 2 → conv 4 3×3 → leaky relu → dense 5 → sigmoid → dense `outputs`.
// Smooth activations where possible; max-pool's and leaky ReLU's kinks are not hit by random data.
std::unique_ptr<Network<double>> SmallConvNet(OutputLoss loss, int outputs) {
  auto net = std::make_unique<Network<double>>(Shape{1, 6, 6, 2}, loss);
  nn::Conv2DSettings conv;
  conv.filters = 3;
  conv.pad_y = conv.pad_x = 1;
  REQUIRE(net->AddConv2D(conv).ok());
  REQUIRE(net->AddActivation(nn::Activation::kTanh).ok());
  REQUIRE(net->AddMaxPool({}).ok());
  conv.filters = 4;
  conv.pad_y = conv.pad_x = 0;
  REQUIRE(net->AddConv2D(conv).ok());
  REQUIRE(net->AddActivation(nn::Activation::kLeakyReLU).ok());
  REQUIRE(net->AddDense(5).ok());
  REQUIRE(net->AddActivation(nn::Activation::kSigmoid).ok());
  REQUIRE(net->AddDense(outputs, nn::WeightInit::kGlorotUniform).ok());
  return net;
}

}  // namespace

TEST_CASE("every parameter gradient of a conv network matches finite differences through each output loss", "[deep]") {
  for (OutputLoss loss : {OutputLoss::kSoftmaxCrossEntropy, OutputLoss::kSigmoidCrossEntropy, OutputLoss::kMeanSquaredError}) {
    INFO("loss " << OutputLossName(loss));
    const int outputs = 3, batch = 3;
    auto net = SmallConvNet(loss, outputs);
    net->Initialize(11);
    Rng rng(12);
    const nn::MatrixD x = nn::UniformMatrix<double>(rng, net->input_shape().size(), batch, -1.0, 1.0);
    nn::MatrixD t = nn::MatrixD::Zero(outputs, batch);
    for (int j = 0; j < batch; ++j) {
      if (loss == OutputLoss::kSoftmaxCrossEntropy) t((j * 2) % outputs, j) = 1.0;
      else if (loss == OutputLoss::kSigmoidCrossEntropy) for (int i = 0; i < outputs; ++i) t(i, j) = (i + j) % 2;
      else for (int i = 0; i < outputs; ++i) t(i, j) = rng.Uniform(-1.0, 1.0);
    }
    nn::MatrixD grad(outputs, batch);
    OutputLossGradient<double>(loss, net->Forward(x), t, grad);
    net->Backward(grad);
    std::vector<nn::Parameter<double>> parameters = net->Parameters();
    REQUIRE(parameters.size() == 8);
    std::vector<nn::MatrixD> analytic;
    for (const nn::Parameter<double>& p : parameters) analytic.push_back(p.grad);
    const auto f = [&] { return OutputLossValue<double>(loss, net->Forward(x), t); };
    for (size_t k = 0; k < parameters.size(); ++k) {
      INFO("parameter " << parameters[k].name);
      const nn::MatrixD numeric = nn::NumericalGradient(f, parameters[k].value);
      CHECK(nn::MaxRelativeError(analytic[k], numeric) < 1e-6);
      CHECK(analytic[k].cwiseAbs().maxCoeff() > 0.0);  // the check is not vacuous
    }
  }
}

TEST_CASE("output losses from logits equal the clamped losses of core/nn on moderate logits", "[deep]") {
  Rng rng(3);
  const nn::MatrixD z = nn::UniformMatrix<double>(rng, 4, 5, -3.0, 3.0);
  nn::MatrixD onehot = nn::MatrixD::Zero(4, 5), bits(4, 5), p(4, 5);
  for (int j = 0; j < 5; ++j) {
    onehot(j % 4, j) = 1.0;
    for (int i = 0; i < 4; ++i) bits(i, j) = (i * j) % 3 == 0;
  }
  OutputPrediction<double>(OutputLoss::kSoftmaxCrossEntropy, z, p);
  CHECK(p.colwise().sum().isOnes(1e-12));
  CHECK(OutputLossValue<double>(OutputLoss::kSoftmaxCrossEntropy, z, onehot) ==
        Approx(nn::LossValueColumns<double>(nn::Loss::kCategoricalCrossEntropy, p, onehot)).epsilon(1e-12));
  OutputPrediction<double>(OutputLoss::kSigmoidCrossEntropy, z, p);
  CHECK(OutputLossValue<double>(OutputLoss::kSigmoidCrossEntropy, z, bits) ==
        Approx(nn::LossValueColumns<double>(nn::Loss::kBinaryCrossEntropy, p, bits)).epsilon(1e-12));
  CHECK(OutputLossValue<double>(OutputLoss::kMeanSquaredError, z, bits) ==
        Approx(nn::LossValueColumns<double>(nn::Loss::kMeanSquaredError, z, bits)).epsilon(1e-12));
  // Saturated logits stay finite and exact: −log softmax = 1000 for a 1000-logit gap.
  nn::MatrixD far(2, 1);
  far << 0.0, 1000.0;
  nn::MatrixD first(2, 1);
  first << 1.0, 0.0;
  CHECK(OutputLossValue<double>(OutputLoss::kSoftmaxCrossEntropy, far, first) == Approx(1000.0));
  CHECK(OutputLossValue<double>(OutputLoss::kSigmoidCrossEntropy, far.bottomRows(1), nn::MatrixD::Zero(1, 1)) == Approx(1000.0));
}
