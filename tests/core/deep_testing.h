// Shared data for the deep-model tests: the built-in 8×8 digits (loaded once), subsets of them,
// and small prepared data sets made on the spot.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/data/builtin/builtin_datasets.h"
#include "core/data/recipe/data_recipe.h"

#ifndef MLP_DATASETS_DIR
#error "tests/CMakeLists.txt defines MLP_DATASETS_DIR (the folder scripts/setup.sh fills)"
#endif

namespace mlp::deep::testing {

// The 1797 digits (8×8, pixels in [0, 1], 10 classes); a missing asset fails the test.
inline std::shared_ptr<const Dataset> Digits() {
  static std::shared_ptr<const Dataset> digits = [] {
    Result<Dataset> loaded = LoadBuiltinDatasetFile("digits", MLP_DATASETS_DIR);
    return loaded.ok() ? std::make_shared<const Dataset>(std::move(loaded).value()) : nullptr;
  }();
  INFO("digits asset missing from " << MLP_DATASETS_DIR << ": run scripts/setup.sh");
  REQUIRE(digits != nullptr);
  return digits;
}

// The first `rows` rows of `data` (all columns and metadata).
inline std::shared_ptr<const Dataset> FirstRows(const Dataset& data, int64_t rows) {
  auto subset = std::make_shared<Dataset>(data);
  subset->features = data.features.topRows(rows);
  subset->targets = data.targets.head(rows);
  if (data.dense_targets.rows() > 0) subset->dense_targets = data.dense_targets.topRows(rows);
  return subset;
}

// No preprocessing, a stratified (classification) or random split with `test_fraction`.
inline std::shared_ptr<const PreparedData> Prepare(std::shared_ptr<const Dataset> raw, double test_fraction = 0.25,
                                                   uint32_t seed = 0) {
  SplitSpec split;
  split.kind = raw->task == TaskKind::kClassification ? SplitKind::kStratified : SplitKind::kRandom;
  split.test_fraction = test_fraction;
  split.seed = seed;
  Result<PreparedData> prepared = PrepareData(std::move(raw), {}, split);
  INFO(prepared.status().message());
  REQUIRE(prepared.ok());
  return std::make_shared<const PreparedData>(std::move(prepared).value());
}

}  // namespace mlp::deep::testing
