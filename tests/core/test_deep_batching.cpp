// BatchMaker (core/deep/batching.h): rows become channels-last columns (a multi-channel signal is
// transposed), one-hot targets, a seeded shuffle that visits every row once per epoch, a smaller
// last batch, and the input shapes and messages of InputShapeOf.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/deep/batching.h"

using namespace mlp;
using namespace mlp::deep;

namespace {

Dataset Signals() {  // 5 rows, 2 channels × length 3: row r, channel c, step t holds 100r + 10c + t
  Dataset d;
  d.name = "two-channel signals";
  d.layout = SampleLayout::kSignal;
  d.sample_shape = {2, 3};
  d.features.resize(5, 6);
  d.targets.resize(5);
  for (int r = 0; r < 5; ++r) {
    for (int c = 0; c < 2; ++c)
      for (int t = 0; t < 3; ++t) d.features(r, c * 3 + t) = 100 * r + 10 * c + t;
    d.targets(r) = r % 3;
  }
  d.class_names = {"a", "b", "c"};
  return d;
}

}  // namespace

TEST_CASE("InputShapeOf maps images, signals and tables to channels-last shapes, or explains a mismatch", "[deep]") {
  Dataset image;
  image.layout = SampleLayout::kImage;
  image.sample_shape = {4, 5};
  image.features = Eigen::MatrixXd::Zero(2, 20);
  REQUIRE(InputShapeOf(image).ok());
  CHECK(InputShapeOf(image).value() == nn::Shape{1, 4, 5, 1});
  CHECK(InputShapeOf(Signals()).value() == nn::Shape{1, 1, 3, 2});
  Dataset table;
  table.features = Eigen::MatrixXd::Zero(2, 7);
  CHECK(InputShapeOf(table).value() == nn::Shape{1, 1, 1, 7});
  image.sample_shape = {4, 4};
  REQUIRE_FALSE(InputShapeOf(image).ok());
  CHECK(InputShapeOf(image).status().message() ==
        "The sample shape (an image 4×4) does not match the 20 values per row.");
}

TEST_CASE("BatchMaker fills channels-last columns with one-hot targets, in a seeded order covering every row", "[deep]") {
  const Dataset d = Signals();
  BatchMaker maker(d, {0, 1, 2, 3, 4}, TargetEncoding::kOneHot, 3);
  REQUIRE(maker.BatchCount(2) == 3);
  REQUIRE(maker.Fill(0, 2) == 2);
  // Sample 1 = row 1: (t, c) order → 100, 110, 101, 111, 102, 112.
  const float expected[] = {100, 110, 101, 111, 102, 112};
  for (int k = 0; k < 6; ++k) CHECK(maker.x()(k, 1) == expected[k]);
  CHECK(maker.y().col(1) == Eigen::Vector3f(0, 1, 0));
  CHECK(maker.Fill(2, 2) == 1);  // the last, smaller batch
  CHECK(maker.x().cols() == 1);
  CHECK(maker.batch_row(0) == 4);

  Rng a(5), b(5);
  BatchMaker other(d, {0, 1, 2, 3, 4}, TargetEncoding::kValue, 0);
  maker.Shuffle(a);
  other.Shuffle(b);
  std::multiset<int64_t> seen;
  std::vector<int64_t> order;
  for (int k = 0; k < 3; ++k) {
    const int n = maker.Fill(k, 2);
    other.Fill(k, 2);
    for (int j = 0; j < n; ++j) {
      seen.insert(maker.batch_row(j));
      order.push_back(maker.batch_row(j));
      CHECK(maker.batch_row(j) == other.batch_row(j));  // same seed, same order
      CHECK(maker.x()(0, j) == 100.0f * maker.batch_row(j));
      CHECK(other.y()(0, j) == static_cast<float>(maker.batch_row(j) % 3));
    }
  }
  CHECK(seen == std::multiset<int64_t>{0, 1, 2, 3, 4});
  maker.Shuffle(a);  // the next epoch: another order from the same stream
  std::vector<int64_t> next;
  for (int k = 0; k < 3; ++k)
    for (int j = 0, n = maker.Fill(k, 2); j < n; ++j) next.push_back(maker.batch_row(j));
  CHECK(next != order);
  nn::MatrixF one(6, 1);
  maker.FillOne(3, one);
  CHECK(one(1, 0) == 310.0f);
}
