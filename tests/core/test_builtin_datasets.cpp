// Built-in real datasets: every asset made by scripts/setup.sh decodes to the documented shape and
// class counts and to the numbers the original loaders give (tests/golden/builtin_golden.h, from
// scikit-learn's load_* functions and the raw MNIST / Fashion-MNIST files); damaged bytes, wrong
// ids and missing files fail with a message. A missing asset FAILS (it does not skip): the
// message says to run scripts/setup.sh.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "core/data/builtin/builtin_datasets.h"
#include "tests/golden/builtin_golden.h"

#ifndef MLP_DATASETS_DIR
#error "tests/CMakeLists.txt defines MLP_DATASETS_DIR (the folder scripts/setup.sh fills)"
#endif

namespace {

using mlp::Dataset;

// Loads `id` from the assets folder; a failure (missing asset included) fails the test here.
Dataset Load(const std::string& id) {
  mlp::Result<Dataset> result = mlp::LoadBuiltinDatasetFile(id, MLP_DATASETS_DIR);
  INFO(result.status().message());
  REQUIRE(result.ok());
  return std::move(result).value();
}

std::vector<uint8_t> ReadAsset(const std::string& file) {
  std::ifstream in(std::string(MLP_DATASETS_DIR) + "/" + file, std::ios::binary);
  INFO("asset " << file << " missing from " << MLP_DATASETS_DIR << ": run scripts/setup.sh");
  REQUIRE(in.good());
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<int> ClassCounts(const Dataset& data) {
  std::vector<int> counts(data.class_names.size(), 0);
  for (Eigen::Index i = 0; i < data.targets.size(); ++i) ++counts[static_cast<size_t>(data.targets[i])];
  return counts;
}

// Shape, names, first and last rows (exact), column sums (summation order differs from NumPy's),
// targets and class counts against the reference loader's numbers.
void CheckAgainstReference(const Dataset& data, const builtin_golden::Reference& ref) {
  INFO("dataset " << ref.id);
  REQUIRE(data.features.rows() == ref.samples);
  REQUIRE(data.features.cols() == ref.features);
  REQUIRE(data.targets.size() == ref.samples);
  CHECK_FALSE(data.synthetic);
  for (int j = 0; j < ref.features; ++j) {
    INFO("column " << j);
    CHECK(data.features(0, j) == ref.first_row[j]);
    CHECK(data.features(ref.samples - 1, j) == ref.last_row[j]);
    CHECK(data.features.col(j).sum() == Approx(ref.column_sums[j]).epsilon(1e-12).margin(1e-9));
  }
  CHECK(data.targets[0] == ref.first_target);
  CHECK(data.targets[ref.samples - 1] == ref.last_target);
  CHECK(data.targets.sum() == Approx(ref.target_sum).epsilon(1e-12));
  if (!ref.class_counts.empty()) CHECK(ClassCounts(data) == ref.class_counts);
  if (!ref.feature_names.empty()) CHECK(data.feature_names == ref.feature_names);
  CHECK(data.class_names == ref.class_names);
}

void CheckImage(const Dataset& data, int height, int width) {
  CHECK(data.layout == mlp::SampleLayout::kImage);
  CHECK(data.sample_shape == std::vector<int>{height, width});
  CHECK(data.features.minCoeff() == 0.0);
  CHECK(data.features.maxCoeff() == 1.0);  // some pixel is full ink, none beyond
}

}  // namespace

TEST_CASE("Built-in catalogue: every entry is complete and consistent", "[builtin]") {
  const auto& list = mlp::BuiltinDatasets();
  std::vector<std::string> ids;
  for (const auto& info : list) ids.push_back(info.id);
  CHECK(ids == std::vector<std::string>{"iris", "wine", "breast_cancer", "digits", "diabetes", "mnist",
                                        "fashion_mnist"});
  std::set<std::string> unique(ids.begin(), ids.end());
  CHECK(unique.size() == ids.size());
  for (const auto& info : list) {
    INFO(info.id);
    CHECK(info.asset_file == info.id + ".npz");
    CHECK(static_cast<int64_t>(info.feature_names.size()) == info.features);
    CHECK(info.asset_bytes > 0);
    CHECK_FALSE(info.title.empty());
    CHECK_FALSE(info.target_name.empty());
    CHECK((info.task == mlp::TaskKind::kRegression) == info.class_names.empty());
    if (info.layout == mlp::SampleLayout::kImage) {
      REQUIRE(info.sample_shape.size() == 2);
      CHECK(int64_t{info.sample_shape[0]} * info.sample_shape[1] == info.features);
      CHECK(info.pixel_scale > 1.0);
    }
    for (const std::string* field : {&info.datasheet.source, &info.datasheet.origin, &info.datasheet.licence,
                                     &info.datasheet.shape, &info.datasheet.columns, &info.datasheet.good_for}) {
      CHECK_FALSE(field->empty());
    }
    CHECK(mlp::FindBuiltinDataset(info.id) == &info);
  }
  CHECK(mlp::FindBuiltinDataset("cifar") == nullptr);
}

TEST_CASE("Built-in iris: 150 x 4, 50 per species, scikit-learn's numbers", "[builtin]") {
  const Dataset data = Load("iris");
  CheckAgainstReference(data, builtin_golden::k_iris);
  CHECK(ClassCounts(data) == std::vector<int>{50, 50, 50});
  CHECK(data.features.row(0) == Eigen::RowVector4d(5.1, 3.5, 1.4, 0.2));
  CHECK(data.class_names == std::vector<std::string>{"setosa", "versicolor", "virginica"});
  CHECK(data.task == mlp::TaskKind::kClassification);
  CHECK(data.layout == mlp::SampleLayout::kTabular);
}

TEST_CASE("Built-in wine: 178 x 13, cultivars 59/71/48", "[builtin]") {
  const Dataset data = Load("wine");
  CheckAgainstReference(data, builtin_golden::k_wine);
  CHECK(ClassCounts(data) == std::vector<int>{59, 71, 48});
  CHECK(data.features(0, 12) == 1065.0);  // proline of the first wine
}

TEST_CASE("Built-in breast cancer: 569 x 30, 212 malignant (0) and 357 benign (1)", "[builtin]") {
  const Dataset data = Load("breast_cancer");
  CheckAgainstReference(data, builtin_golden::k_breast_cancer);
  CHECK(ClassCounts(data) == std::vector<int>{212, 357});
  CHECK(data.class_names == std::vector<std::string>{"malignant", "benign"});
  CHECK(data.feature_names.front() == "mean radius");
  CHECK(data.feature_names.back() == "worst fractal dimension");
}

TEST_CASE("Built-in digits: 1797 8x8 images scaled by 1/16", "[builtin]") {
  const Dataset data = Load("digits");
  CheckAgainstReference(data, builtin_golden::k_digits);
  CheckImage(data, 8, 8);
  CHECK(data.num_classes() == 10);
  // Every pixel is a count 0..16 divided by 16.
  const Eigen::MatrixXd counts = data.features * 16.0;
  CHECK((counts.array() - counts.array().round()).abs().maxCoeff() == 0.0);
}

TEST_CASE("Built-in diabetes: 442 x 10 regression in original units", "[builtin]") {
  const Dataset data = Load("diabetes");
  CheckAgainstReference(data, builtin_golden::k_diabetes);
  CHECK(data.task == mlp::TaskKind::kRegression);
  CHECK(data.class_names.empty());
  CHECK(data.targets.minCoeff() == 25.0);
  CHECK(data.targets.maxCoeff() == 346.0);
}

TEST_CASE("Built-in MNIST: 10000 28x28 digits, per-class counts, interleaved order", "[builtin]") {
  const Dataset data = Load("mnist");
  CheckAgainstReference(data, builtin_golden::k_mnist);
  CheckImage(data, 28, 28);
  CHECK(ClassCounts(data) == std::vector<int>{1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978});
  // The seeded shuffle mixes the classes: the first 5,000 rows hold every digit near its share.
  std::vector<int> prefix(10, 0);
  for (int i = 0; i < 5000; ++i) ++prefix[static_cast<size_t>(data.targets[i])];
  for (int digit = 0; digit < 10; ++digit) {
    INFO("digit " << digit);
    CHECK(prefix[digit] > 400);
    CHECK(prefix[digit] < 600);
  }
}

TEST_CASE("Built-in Fashion-MNIST: 10000 28x28 articles, 1000 per class", "[builtin]") {
  const Dataset data = Load("fashion_mnist");
  CheckAgainstReference(data, builtin_golden::k_fashion_mnist);
  CheckImage(data, 28, 28);
  CHECK(ClassCounts(data) == std::vector<int>(10, 1000));
  CHECK(data.class_names.front() == "T-shirt/top");
  CHECK(data.class_names.back() == "Ankle boot");
}

TEST_CASE("Built-in decoding refuses wrong ids, damaged bytes and mismatched assets", "[builtin]") {
  const std::vector<uint8_t> iris = ReadAsset("iris.npz");
  REQUIRE(mlp::DecodeBuiltinDataset("iris", iris).ok());

  SECTION("unknown id lists the known ones") {
    const auto result = mlp::DecodeBuiltinDataset("cifar10", iris);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.status().message(), Catch::Contains("no built-in dataset called 'cifar10'"));
    CHECK_THAT(result.status().message(), Catch::Contains("iris, wine"));
  }
  SECTION("another dataset's bytes") {
    const auto result = mlp::DecodeBuiltinDataset("wine", iris);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.status().message(), Catch::Contains("does not match"));
    CHECK_THAT(result.status().message(), Catch::Contains("(150, 4)"));
  }
  SECTION("truncated file") {
    for (size_t keep : {size_t{0}, size_t{10}, iris.size() / 2, iris.size() - 1}) {
      INFO("kept " << keep << " of " << iris.size() << " bytes");
      const std::vector<uint8_t> cut(iris.begin(), iris.begin() + static_cast<std::ptrdiff_t>(keep));
      const auto result = mlp::DecodeBuiltinDataset("iris", cut);
      REQUIRE_FALSE(result.ok());
      CHECK_THAT(result.status().message(), Catch::Contains("damaged or incomplete"));
      CHECK_THAT(result.status().message(), Catch::Contains("scripts/setup.sh"));
    }
  }
  SECTION("a flipped byte inside the compressed data") {
    std::vector<uint8_t> damaged = iris;
    damaged[200] ^= 0x5A;
    const auto result = mlp::DecodeBuiltinDataset("iris", damaged);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.status().message(), Catch::Contains("damaged or incomplete"));
  }
  SECTION("bytes that are not an archive") {
    const std::vector<uint8_t> html = {'<', 'h', 't', 'm', 'l', '>', 'N', 'o', 't', ' ', 'f', 'o', 'u', 'n', 'd',
                                       '<', '/', 'h', 't', 'm', 'l', '>', '\n', ' ', ' ', ' ', ' '};
    const auto result = mlp::DecodeBuiltinDataset("iris", html);
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.status().message(), Catch::Contains("iris.npz"));
  }
}

TEST_CASE("Built-in loading from a folder without the assets says to run setup", "[builtin]") {
  const auto result = mlp::LoadBuiltinDatasetFile("iris", std::string(MLP_DATASETS_DIR) + "/no-such-folder");
  REQUIRE_FALSE(result.ok());
  CHECK_THAT(result.status().message(), Catch::Contains("missing"));
  CHECK_THAT(result.status().message(), Catch::Contains("run scripts/setup.sh"));
  const auto unknown = mlp::LoadBuiltinDatasetFile("cifar10", MLP_DATASETS_DIR);
  REQUIRE_FALSE(unknown.ok());
  CHECK_THAT(unknown.status().message(), Catch::Contains("no built-in dataset called 'cifar10'"));
}
