// Table → Dataset: the user's choice of features and target, class encoding, dropped rows, and the
// choices that must be refused with a message.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "core/data/io/csv.h"
#include "core/data/io/table.h"

using Catch::Matchers::Contains;
using mlp::TaskKind;
using mlp::io::Table;
using mlp::io::TableToDataset;

namespace {

Table Parse(const std::string& text) {
  mlp::Result<Table> result = mlp::io::ReadCsv(text.data(), text.size());
  INFO(result.status().message());
  REQUIRE(result.ok());
  return std::move(result).value();
}

// Columns: 0 x (numeric, one missing), 1 colour (categorical), 2 quality (integers, one missing),
// 3 score (real), 4 empty (all missing), 5 species (categorical target).
const char* const kSample =
    "x,colour,quality,score,empty,species\n"
    "1.5,red,5,0.25,,setosa\n"
    "NA,blue,7,1.5,,virginica\n"
    "3,red,,2.75,,setosa\n"
    "4,green,5,-1,,versicolor\n";

}  // namespace

TEST_CASE("Table: a categorical target becomes classes in order of first appearance", "[csv]") {
  const Table table = Parse(kSample);
  int64_t dropped = -1;
  const auto result = TableToDataset(table, {0, 3}, 5, TaskKind::kClassification, &dropped);
  INFO(result.status().message());
  REQUIRE(result.ok());
  const mlp::Dataset& data = result.value();
  CHECK(dropped == 0);
  CHECK(data.task == TaskKind::kClassification);
  CHECK(data.feature_names == std::vector<std::string>{"x", "score"});
  CHECK(data.class_names == std::vector<std::string>{"setosa", "virginica", "versicolor"});
  REQUIRE(data.size() == 4);
  CHECK(data.targets(1) == 1.0);
  CHECK(data.targets(3) == 2.0);
  CHECK(data.features(0, 0) == 1.5);
  CHECK(std::isnan(data.features(1, 0)));  // missing features stay NaN for a later imputation step
  CHECK(data.features(3, 1) == -1.0);
}

TEST_CASE("Table: an integer target gives sorted classes, missing targets drop their rows", "[csv]") {
  const Table table = Parse(kSample);
  int64_t dropped = -1;
  const auto result = TableToDataset(table, {0}, 2, TaskKind::kClassification, &dropped);
  INFO(result.status().message());
  REQUIRE(result.ok());
  CHECK(dropped == 1);
  CHECK(result.value().size() == 3);
  CHECK(result.value().class_names == std::vector<std::string>{"5", "7"});
  CHECK(result.value().targets == Eigen::Vector3d(0, 1, 0));
  CHECK(result.value().features(2, 0) == 4.0);  // row 3 (quality missing) is gone
}

TEST_CASE("Table: regression takes a numeric target as is", "[csv]") {
  const Table table = Parse(kSample);
  const auto result = TableToDataset(table, {0, 2}, 3, TaskKind::kRegression);
  INFO(result.status().message());
  REQUIRE(result.ok());
  CHECK(result.value().targets == Eigen::Vector4d(0.25, 1.5, 2.75, -1));
  CHECK(result.value().class_names.empty());
  CHECK(std::isnan(result.value().features(2, 1)));
}

TEST_CASE("Table: a text feature becomes category codes that must be encoded later", "[csv]") {
  const Table table = Parse(kSample);
  const auto result = TableToDataset(table, {1, 0}, 5, TaskKind::kClassification);
  INFO(result.status().message());
  REQUIRE(result.ok());
  const mlp::Dataset& data = result.value();
  CHECK(data.categorical_columns == std::vector<int>{0});
  REQUIRE(data.column_categories.size() == 1);
  CHECK(data.column_categories[0] == table.columns[1].categories);
  for (Eigen::Index r = 0; r < data.features.rows(); ++r) {
    const double code = data.features(r, 0);
    if (!std::isnan(code)) CHECK((code >= 0 && code < static_cast<double>(data.column_categories[0].size())));
  }
}

TEST_CASE("Table: impossible choices are refused with a message saying what to do", "[csv]") {
  const Table table = Parse(kSample);
  const auto error = [&](std::vector<int> features, int target, TaskKind task) {
    const auto result = TableToDataset(table, features, target, task);
    REQUIRE_FALSE(result.ok());
    return result.status().message();
  };
  CHECK_THAT(error({0}, 5, TaskKind::kRegression), Contains("species") && Contains("classification"));
  CHECK_THAT(error({0}, 3, TaskKind::kClassification), Contains("non-integer") && Contains("regression"));
  CHECK_THAT(error({4}, 3, TaskKind::kRegression), Contains("empty") && Contains("no values"));
  CHECK_THAT(error({0}, 4, TaskKind::kRegression), Contains("empty") && Contains("no values"));
  CHECK_THAT(error({0, 3}, 3, TaskKind::kRegression), Contains("target"));
  CHECK_THAT(error({0, 0}, 3, TaskKind::kRegression), Contains("twice"));
  CHECK_THAT(error({}, 3, TaskKind::kRegression), Contains("feature"));
  CHECK_THAT(error({0}, 9, TaskKind::kRegression), Contains("target"));
  CHECK_THAT(error({17}, 3, TaskKind::kRegression), Contains("does not exist"));

  const Table single = Parse("a,b\n1,x\n2,x\n");
  const auto one_class = TableToDataset(single, {0}, 1, TaskKind::kClassification);
  REQUIRE_FALSE(one_class.ok());
  CHECK_THAT(one_class.status().message(), Contains("two"));

  const Table infinite = Parse("a,b\n1,2\n2,inf\n");
  const auto inf_target = TableToDataset(infinite, {0}, 1, TaskKind::kRegression);
  REQUIRE_FALSE(inf_target.ok());
  CHECK_THAT(inf_target.status().message(), Contains("row 2"));
}

TEST_CASE("Table: the red-wine format becomes a quality classification set", "[csv]") {
  const Table table = Parse(
      "\"fixed acidity\";\"volatile acidity\";\"alcohol\";\"quality\"\r\n"
      "7.4;0.7;9.4;5\r\n7.8;0.88;9.8;5\r\n11.2;0.28;9.8;6\r\n7.3;0.65;10;7\r\n");
  const auto result = TableToDataset(table, {0, 1, 2}, 3, TaskKind::kClassification);
  INFO(result.status().message());
  REQUIRE(result.ok());
  CHECK(result.value().class_names == std::vector<std::string>{"5", "6", "7"});
  CHECK(result.value().targets == Eigen::Vector4d(0, 0, 1, 2));
  CHECK(result.value().features.rows() == 4);
  CHECK(result.value().features(3, 2) == 10.0);
}
