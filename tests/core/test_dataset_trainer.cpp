// The MLP that trains on any prepared dataset: it learns separable classes and a noisy line, and
// refuses data it cannot use with a message.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "core/data/catalog/catalog.h"
#include "core/train/dataset_trainer.h"

using Catch::Matchers::Contains;
using namespace mlp;

namespace {

PreparedData Prepare(std::string_view id, std::vector<double> values, std::vector<PreprocessSpec> steps) {
  const DataSource* source = FindDataSource(id);
  REQUIRE(source != nullptr);
  auto data = GenerateFromSource(*source, std::move(values), 3);
  REQUIRE(data.ok());
  SplitSpec split;
  split.seed = 5;
  auto prepared = PrepareData(std::make_shared<const Dataset>(std::move(data).value()), steps, split);
  INFO(prepared.status().message());
  REQUIRE(prepared.ok());
  return std::move(prepared).value();
}

}  // namespace

TEST_CASE("DatasetTrainer: separates three blobs with a softmax output", "[dataset-trainer]") {
  const PreparedData data = Prepare("blobs", {300, 3, 4, 1.0}, {{PreprocessKind::kStandardise, {}, 0}});
  auto trainer = DatasetTrainer::Create(data, {});
  INFO(trainer.status().message());
  REQUIRE(trainer.ok());
  const float initial = trainer.value()->latest().train_loss;
  for (int e = 0; e < 30; ++e) REQUIRE(trainer.value()->TrainEpoch().ok());
  CHECK(trainer.value()->latest().train_loss < initial * 0.2f);
  CHECK(trainer.value()->latest().test_accuracy >= 0.97f);
  CHECK(trainer.value()->epoch() == 30);
}

TEST_CASE("DatasetTrainer: a regression RMSE approaches the noise level, in target units", "[dataset-trainer]") {
  // y = 10x + N(0, 20²): a perfect fit leaves RMSE ≈ 20.
  const PreparedData data = Prepare("line_noise", {400, 10, 20, 50}, {{PreprocessKind::kStandardise, {}, 0}});
  DatasetTrainerSettings settings;
  settings.hidden = {8};
  auto trainer = DatasetTrainer::Create(data, settings);
  REQUIRE(trainer.ok());
  for (int e = 0; e < 60; ++e) REQUIRE(trainer.value()->TrainEpoch().ok());
  CHECK_FALSE(trainer.value()->classification());
  CHECK(trainer.value()->train_rmse() == Approx(20).margin(4));
  CHECK(trainer.value()->test_rmse() == Approx(20).margin(6));
}

TEST_CASE("DatasetTrainer: same seed, same numbers", "[dataset-trainer]") {
  const PreparedData data = Prepare("blobs", {200, 3, 2, 2.0}, {});
  auto a = DatasetTrainer::Create(data, {});
  auto b = DatasetTrainer::Create(data, {});
  REQUIRE((a.ok() && b.ok()));
  for (int e = 0; e < 3; ++e) {
    REQUIRE(a.value()->TrainEpoch().ok());
    REQUIRE(b.value()->TrainEpoch().ok());
  }
  CHECK(a.value()->latest().train_loss == b.value()->latest().train_loss);
}

TEST_CASE("DatasetTrainer: unusable data is refused with advice", "[dataset-trainer]") {
  PreparedData data = Prepare("blobs", {100, 2, 2, 1.0}, {});
  auto with_nan = std::make_shared<Dataset>(*data.data);
  with_nan->features(3, 1) = NAN;
  data.data = with_nan;
  auto refused = DatasetTrainer::Create(data, {});
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Contains("imputation"));

  const PreparedData unlabelled = Prepare("rotated_gaussian", {200, 0.7, 1, 1}, {});
  auto single = DatasetTrainer::Create(unlabelled, {});
  REQUIRE_FALSE(single.ok());
  CHECK_THAT(single.status().message(), Contains("single class"));
}
