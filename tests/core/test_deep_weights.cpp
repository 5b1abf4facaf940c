// Weights files (core/deep/weights_io.h): a save → load round trip reproduces the predictions bit
// for bit, and each kind of damage is refused with its own message while the network keeps its
// weights.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <limits>

#include "core/deep/deep_catalog.h"
#include "core/deep/weights_io.h"
#include "core/nn/gradient_check.h"
#include "deep_testing.h"

using namespace mlp;
using namespace mlp::deep;

namespace {

std::unique_ptr<TrainableNetwork<float>> Build(const char* id, std::vector<double> values = {}) {
  Result<DeepModelBuild> build = BuildDeepModel(id, *testing::Digits(), values);
  INFO(build.status().message());
  REQUIRE(build.ok());
  return std::move(build.value().network);
}

nn::MatrixF Predict(TrainableNetwork<float>& net, const nn::MatrixF& x) { return net.Forward(x); }

}  // namespace

TEST_CASE("saved weights load into a fresh network of the same architecture and predict the same", "[deep]") {
  auto source = Build("cnn_simple");
  source->Initialize(3);
  auto target = Build("cnn_simple");
  target->Initialize(4);
  Rng rng(1);
  const nn::MatrixF x = nn::UniformMatrix<float>(rng, 64, 5, 0.0, 1.0);
  const nn::MatrixF expected = Predict(*source, x);
  REQUIRE(Predict(*target, x) != expected);

  const std::vector<uint8_t> bytes = SaveWeights<float>(*source);
  CHECK(bytes.size() == 4 + 4 + 4 + source->Fingerprint().size() + 4 + 8 * (4 + 8 + 8) +
                            4 * static_cast<size_t>(source->Summary().total_parameters) + 8);
  const Status loaded = LoadWeights<float>(*target, bytes);
  INFO(loaded.message());
  REQUIRE(loaded.ok());
  CHECK(Predict(*target, x) == expected);  // bit for bit

  const std::string path = (std::filesystem::temp_directory_path() / "mlp_deep_weights_test.mlpw").string();
  REQUIRE(SaveWeightsFile<float>(*source, path).ok());
  auto third = Build("cnn_simple");
  third->Initialize(5);
  REQUIRE(LoadWeightsFile<float>(*third, path).ok());
  CHECK(Predict(*third, x) == expected);
  std::remove(path.c_str());
  CHECK(LoadWeightsFile<float>(*third, path).message() == "Could not open the weights file " + path + ".");
}

TEST_CASE("damaged or foreign weights files are refused with their own message and change nothing", "[deep]") {
  auto source = Build("cnn_simple");
  source->Initialize(3);
  const std::vector<uint8_t> good = SaveWeights<float>(*source);
  auto target = Build("cnn_simple");
  target->Initialize(4);
  const std::vector<uint8_t> before = SaveWeights<float>(*target);

  const auto refused = [&](const std::vector<uint8_t>& bytes) {
    const Status status = LoadWeights<float>(*target, bytes);
    CHECK_FALSE(status.ok());
    CHECK(SaveWeights<float>(*target) == before);  // untouched
    return status.message();
  };
  std::vector<uint8_t> bad = good;
  bad[0] = 'X';
  CHECK(refused(bad) == "This is not an ML Playground weights file (it does not start with \"MLPW\").");
  CHECK(refused({}) == refused(bad));
  bad = good;
  bad[4] = 2;
  CHECK(refused(bad) == "The weights file has format version 2; this build reads version 1.");
  for (size_t keep : {size_t{6}, size_t{13}, size_t{200}, good.size() / 2, good.size() - 9}) {
    INFO("kept " << keep << " bytes");
    bad.assign(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(keep));
    CHECK(refused(bad).rfind("The weights file is truncated", 0) == 0);
  }
  bad = good;
  bad[good.size() / 2] ^= 0x10;  // one weight's bit
  CHECK(refused(bad) == "The weights file is damaged (checksum mismatch): download or save it again.");
  bad = good;
  bad.insert(bad.end() - 8, 3, 0);
  CHECK(refused(bad).find("unexpected bytes before its checksum") != std::string::npos);

  auto other = Build("cnn_simple", {8, 32, 128, 5, 32, 1e-3, 1, 0});  // 8 filters instead of 16
  other->Initialize(1);
  const std::string foreign = refused(SaveWeights<float>(*other));
  CHECK(foreign.rfind("These weights belong to another architecture.", 0) == 0);
  CHECK(foreign.find("conv2d 8 3×3 pad 1 → 8×8×8") != std::string::npos);
  CHECK(foreign.find("conv2d 16 3×3 pad 1 → 8×8×16") != std::string::npos);

  source->Parameters()[0].value(0, 0) = std::numeric_limits<float>::quiet_NaN();
  CHECK(refused(SaveWeights<float>(*source)) ==
        "Tensor layer0.W holds a non-finite weight: the file was saved from a diverged run.");
}

TEST_CASE("batch normalisation's running statistics travel with the weights", "[deep]") {
  const auto make = [] {
    auto net = std::make_unique<Network<float>>(nn::Shape{1, 4, 4, 1});
    REQUIRE(net->AddConv2D(nn::Conv2DSettings{3, 3, 3, 1, 1, 1, 1}).ok());
    REQUIRE(net->AddBatchNorm().ok());
    REQUIRE(net->AddActivation(nn::Activation::kReLU).ok());
    REQUIRE(net->AddDense(2).ok());
    return net;
  };
  auto source = make();
  source->Initialize(1);
  Rng rng(2);
  const nn::MatrixF x = nn::UniformMatrix<float>(rng, 16, 6, 0.0, 3.0);
  source->Forward(x);  // training mode: moves the running statistics away from 0 and 1
  source->SetTraining(false);
  const nn::MatrixF expected = source->Forward(x);
  REQUIRE(source->States().size() == 2);
  CHECK(source->States()[0].name == "layer1.running_mean");
  CHECK(source->States()[0].value.cwiseAbs().maxCoeff() > 0.0f);

  auto target = make();
  target->Initialize(1);  // same trainable weights, fresh statistics
  target->SetTraining(false);
  REQUIRE(target->Forward(x) != expected);
  REQUIRE(LoadWeights<float>(*target, SaveWeights<float>(*source)).ok());
  CHECK(target->Forward(x) == expected);
}
