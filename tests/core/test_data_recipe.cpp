// The data catalogue and the recipe (split first, preprocessing fitted on train rows only).
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <set>

#include "core/data/catalog/catalog.h"
#include "core/data/io/csv.h"
#include "core/data/io/table.h"
#include "core/data/recipe/data_recipe.h"

using Catch::Matchers::Contains;
using namespace mlp;

namespace {

std::shared_ptr<const Dataset> Generated(std::string_view id, uint32_t seed = 1) {
  const DataSource* source = FindDataSource(id);
  REQUIRE(source != nullptr);
  auto data = GenerateFromSource(*source, DefaultValues(*source), seed);
  INFO(data.status().message());
  REQUIRE(data.ok());
  return std::make_shared<const Dataset>(std::move(data).value());
}

}  // namespace

TEST_CASE("Catalogue: ids are unique and every generator runs with its defaults, deterministically", "[recipe]") {
  std::set<std::string> ids;
  for (const DataSource& source : DataCatalog()) {
    INFO(source.id);
    CHECK(ids.insert(source.id).second);
    CHECK_FALSE(source.title.empty());
    CHECK_FALSE(source.sheet.good_for.empty());
    if (source.kind != SourceKind::kGenerator) continue;
    for (const SourceParameter& p : source.parameters) CHECK((p.min <= p.value && p.value <= p.max));
    auto a = GenerateFromSource(source, DefaultValues(source), 7);
    auto b = GenerateFromSource(source, DefaultValues(source), 7);
    INFO(a.status().message());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    const Dataset& d = a.value();
    CHECK(d.synthetic);
    CHECK(d.size() > 0);
    CHECK(d.features.rows() == d.targets.size());
    CHECK(static_cast<Eigen::Index>(d.feature_names.size()) == d.features.cols());
    CHECK(d.features.cwiseEqual(b.value().features).all());
  }
}

TEST_CASE("Catalogue: parameters are clamped into range, not trusted", "[recipe]") {
  const DataSource* line = FindDataSource("line_noise");
  REQUIRE(line != nullptr);
  auto data = GenerateFromSource(*line, {1e12, 10, 20, 50}, 0);
  REQUIRE(data.ok());
  CHECK(data.value().size() == static_cast<int64_t>(line->parameters[0].max));
  CHECK(FindDataSource("no such set") == nullptr);
}

TEST_CASE("Recipe: the chain is fitted on the training rows only", "[recipe]") {
  auto raw = Generated("line_noise");
  // 10 rows sorted by x: a sequential split tests on the largest x, so train and all-row means differ.
  SplitSpec split;
  split.kind = SplitKind::kSequential;
  split.test_fraction = 0.3;
  auto prepared = PrepareData(raw, {{PreprocessKind::kStandardise, {}, 0}}, split);
  INFO(prepared.status().message());
  REQUIRE(prepared.ok());
  const PreparedData& p = prepared.value();
  CHECK(p.split.test == std::vector<int64_t>{7, 8, 9});
  double train_mean = 0;
  for (int64_t r : p.split.train) train_mean += p.data->features(r, 0) / static_cast<double>(p.split.train.size());
  CHECK(train_mean == Approx(0).margin(1e-12));
  for (int64_t r : p.split.test) CHECK(p.data->features(r, 0) > 1.0);  // beyond the training range
  CHECK(p.data->targets == raw->targets);
  CHECK_THAT(p.chain, Contains("standardise"));
}

TEST_CASE("Recipe: every split kind gives disjoint train and test rows", "[recipe]") {
  auto raw = Generated("blobs");
  for (SplitKind kind : kAllSplitKinds) {
    INFO(SplitTitle(kind));
    SplitSpec spec;
    spec.kind = kind;
    spec.test_fraction = 0.2;
    auto split = MakeSplit(*raw, spec);
    INFO(split.status().message());
    REQUIRE(split.ok());
    std::set<int64_t> train(split.value().train.begin(), split.value().train.end());
    for (int64_t r : split.value().test) CHECK(train.count(r) == 0);
    CHECK(split.value().train.size() + split.value().test.size() == static_cast<size_t>(raw->size()));
    CHECK(split.value().test.size() == 60u);
  }
  SplitSpec bad;
  bad.test_fraction = 1.5;
  CHECK_THAT(MakeSplit(*raw, bad).status().message(), Contains("between 0 and 1"));
  bad = {};
  bad.kind = SplitKind::kStratified;
  CHECK_THAT(MakeSplit(*Generated("sinusoid"), bad).status().message(), Contains("classification"));
  bad = {};
  bad.kind = SplitKind::kKFold;
  bad.fold = 9;
  CHECK_THAT(MakeSplit(*raw, bad).status().message(), Contains("does not exist"));
}

TEST_CASE("Recipe: text columns must be encoded, and one-hot columns carry the category names", "[recipe]") {
  const std::string csv = "size,colour,label\n1,red,a\n2,blue,b\n3,red,a\n4,green,b\n5,blue,a\n6,red,b\n7,green,a\n8,blue,b\n";
  auto table = io::ReadCsv(csv.data(), csv.size());
  REQUIRE(table.ok());
  auto data = io::TableToDataset(table.value(), {0, 1}, 2, TaskKind::kClassification);
  REQUIRE(data.ok());
  auto raw = std::make_shared<const Dataset>(std::move(data).value());

  auto refused = PrepareData(raw, {{PreprocessKind::kStandardise, {0}, 0}}, {});
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Contains("colour") && Contains("one-hot"));

  SplitSpec split;
  split.kind = SplitKind::kSequential;
  split.test_fraction = 0.25;
  auto encoded = PrepareData(raw, {{PreprocessKind::kOneHot, {1}, 0}, {PreprocessKind::kStandardise, {0}, 0}}, split);
  INFO(encoded.status().message());
  REQUIRE(encoded.ok());
  const auto& names = encoded.value().data->feature_names;
  CHECK(names == std::vector<std::string>{"size", "colour=red", "colour=blue", "colour=green"});
  CHECK(encoded.value().data->features.row(1).tail(3) == Eigen::RowVector3d(0, 1, 0));
}
