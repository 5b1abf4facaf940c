// mlp::Rng against NumPy's legacy RandomState. Reference values: tests/golden/make_rng_golden.py
// (output committed in tests/golden/rng_golden.txt).
#include <catch2/catch.hpp>

#include <vector>

#include "core/base/rng.h"

using Catch::Matchers::WithinAbs;

TEST_CASE("Rng reproduces np.random.random for seed 123", "[rng]") {
  mlp::Rng rng(123);
  // The numbers, printed by NumPy to 8 digits, then the full doubles.
  CHECK_THAT(rng.Uniform(), WithinAbs(0.69646919, 5e-9));
  CHECK_THAT(rng.Uniform(), WithinAbs(0.28613933, 5e-9));
  CHECK_THAT(rng.Uniform(), WithinAbs(0.22685145, 5e-9));
  CHECK_THAT(rng.Uniform(), WithinAbs(0.55131477, 5e-9));
  rng.Seed(123);
  CHECK(rng.Uniform() == 0.6964691855978616);
  CHECK(rng.Uniform() == 0.28613933495037946);
  CHECK(rng.Uniform() == 0.2268514535642031);
  CHECK(rng.Uniform() == 0.5513147690828912);
}

TEST_CASE("Rng reproduces np.random.standard_normal (polar method, cached pair)", "[rng]") {
  mlp::Rng rng(7);
  const double expected[] = {1.690525703800356, -0.4659373705408328, 0.0328201636785844, 0.40751628299650783,
                             -0.7889230286257386};
  for (double value : expected) CHECK_THAT(rng.Normal(), WithinAbs(value, 1e-15));
}

TEST_CASE("Rng reproduces np.random.normal and keeps the stream aligned afterwards", "[rng]") {
  mlp::Rng rng(5);
  CHECK_THAT(rng.Normal(3.0, 2.0), WithinAbs(3.882454973770083, 1e-14));
  CHECK_THAT(rng.Normal(3.0, 2.0), WithinAbs(2.338259696211825, 1e-14));
  CHECK_THAT(rng.Normal(3.0, 2.0), WithinAbs(7.86154237401556, 1e-14));
  // NumPy keeps the cached normal across calls to random(): the uniform stream must match too.
  CHECK(rng.Uniform() == 0.7659078564803156);
  CHECK(rng.Uniform() == 0.5184179878729432);
}

TEST_CASE("Rng reproduces np.random.permutation", "[rng]") {
  mlp::Rng rng(2024);
  CHECK(rng.Permutation(10) == std::vector<int64_t>{2, 7, 5, 6, 1, 4, 3, 9, 0, 8});
  rng.Seed(99);
  const std::vector<int64_t> large = rng.Permutation(1000);
  CHECK(std::vector<int64_t>(large.begin(), large.begin() + 8) == std::vector<int64_t>{890, 983, 107, 609, 113, 350, 22, 136});
}

TEST_CASE("Seeding clears the cached normal", "[rng]") {
  mlp::Rng rng(7);
  const double first = rng.Normal();
  rng.Normal();  // leaves nothing cached
  rng.Normal();  // caches one
  rng.Seed(7);
  CHECK(rng.Normal() == first);
}

TEST_CASE("Interval stays within bounds and covers them", "[rng]") {
  mlp::Rng rng(1);
  std::vector<int> seen(6, 0);
  for (int i = 0; i < 6000; ++i) {
    const uint64_t value = rng.Interval(5);
    REQUIRE(value <= 5);
    ++seen[value];
  }
  for (int count : seen) CHECK(count > 800);
  CHECK(rng.Interval(0) == 0);
}
