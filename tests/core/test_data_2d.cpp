// The 2-D generators and the random split: deterministic per seed, with the documented shapes.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "core/data/generators_2d.h"
#include "core/data/split.h"

namespace {
mlp::Dataset Make(mlp::Problem2D problem, double noise, uint32_t seed, int samples = 400) {
  mlp::Rng rng(seed);
  mlp::Generator2DSettings settings;
  settings.problem = problem;
  settings.noise = noise;
  settings.samples = samples;
  return mlp::Generate2D(settings, rng);
}
}  // namespace

TEST_CASE("Every generator is deterministic per seed and differs across seeds", "[data]") {
  for (mlp::Problem2D problem : mlp::kAllProblems2D) {
    INFO(mlp::ProblemKey(problem));
    const mlp::Dataset a = Make(problem, 0.2, 11), b = Make(problem, 0.2, 11), c = Make(problem, 0.2, 12);
    REQUIRE(a.size() == 400);
    REQUIRE(a.features.cols() == 2);
    CHECK(a.features == b.features);
    CHECK(a.targets == b.targets);
    CHECK(a.features != c.features);
    CHECK(a.features.allFinite());
    CHECK(a.task == mlp::ProblemTask(problem));
  }
}

TEST_CASE("Classification sets are balanced with 0/1 labels", "[data]") {
  for (mlp::Problem2D problem : {mlp::Problem2D::kCircle, mlp::Problem2D::kTwoGaussians, mlp::Problem2D::kSpiral,
                                 mlp::Problem2D::kMoons}) {
    const mlp::Dataset data = Make(problem, 0.0, 3);
    CHECK(data.targets.sum() == Approx(200));
    CHECK(data.num_classes() == 2);
  }
}

TEST_CASE("Noise-free problems have the shapes they promise", "[data]") {
  SECTION("circle: class 1 inside radius 2.5, class 0 in the ring 3.5..5") {
    const mlp::Dataset data = Make(mlp::Problem2D::kCircle, 0.0, 5);
    for (Eigen::Index i = 0; i < data.size(); ++i) {
      const double r = data.features.row(i).norm();
      if (data.targets(i) == 1.0) CHECK(r <= 2.5 + 1e-12);
      else CHECK((r >= 3.5 - 1e-12 && r <= 5.0 + 1e-12));
    }
  }
  SECTION("xor: the label is the sign agreement of the coordinates") {
    const mlp::Dataset data = Make(mlp::Problem2D::kXor, 0.0, 5);
    for (Eigen::Index i = 0; i < data.size(); ++i)
      CHECK(data.targets(i) == (data.features(i, 0) * data.features(i, 1) >= 0 ? 1.0 : 0.0));
  }
  SECTION("plane: target (x1 + x2) / 12") {
    const mlp::Dataset data = Make(mlp::Problem2D::kPlane, 0.0, 5);
    for (Eigen::Index i = 0; i < data.size(); ++i)
      CHECK(data.targets(i) == Approx((data.features(i, 0) + data.features(i, 1)) / 12.0));
  }
  SECTION("two gaussians: class means near (2, 2) and (-2, -2)") {
    const mlp::Dataset data = Make(mlp::Problem2D::kTwoGaussians, 0.0, 5, 4000);
    const Eigen::Vector2d positive = data.features.topRows(2000).colwise().mean();
    const Eigen::Vector2d negative = data.features.bottomRows(2000).colwise().mean();
    CHECK(positive.x() == Approx(2.0).margin(0.06));
    CHECK(negative.y() == Approx(-2.0).margin(0.06));
  }
}

TEST_CASE("Problem keys round-trip", "[data]") {
  for (mlp::Problem2D problem : mlp::kAllProblems2D) CHECK(mlp::ParseProblem(mlp::ProblemKey(problem)) == problem);
  CHECK_FALSE(mlp::ParseProblem("donut").has_value());
}

TEST_CASE("RandomSplit partitions the rows by a NumPy permutation", "[data]") {
  mlp::Rng rng(2024);
  const mlp::Split split = mlp::RandomSplit(10, 0.7, rng);
  // np.random.seed(2024); np.random.permutation(10) -> [2 7 5 6 1 4 3 9 0 8]
  CHECK(split.train == std::vector<int64_t>{2, 7, 5, 6, 1, 4, 3});
  CHECK(split.test == std::vector<int64_t>{9, 0, 8});
  mlp::Rng other(1);
  const mlp::Split extreme = mlp::RandomSplit(5, 1.0, other);
  CHECK(extreme.train.size() == 4);  // at least one test row
  std::set<int64_t> all(extreme.train.begin(), extreme.train.end());
  all.insert(extreme.test.begin(), extreme.test.end());
  CHECK(all.size() == 5);
}
