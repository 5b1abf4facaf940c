// ExpInPlace against std::exp: a few ulp over the range a kernel produces and beyond.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include "core/tensor/exp_in_place.h"

TEST_CASE("ExpInPlace is std::exp to a few ulp, with 0 far below and inf far above", "[exp-in-place]") {
  std::vector<double> x;
  for (int i = 0; i <= 20001; ++i) x.push_back(-745.0 + 1454.0 * i / 20001.0);  // odd count: a scalar tail
  x.push_back(0.0);
  x.push_back(-1e300);
  x.push_back(1e300);
  std::vector<double> y = x;
  mlp::ExpInPlace(y.data(), static_cast<int64_t>(y.size()));
  double worst_ulp = 0.0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double want = std::exp(x[i]);
    if (std::isinf(want)) {
      CHECK(std::isinf(y[i]));
      continue;
    }
    if (want < std::numeric_limits<double>::min()) {  // 0 or subnormal
      CHECK(std::fabs(y[i] - want) <= std::numeric_limits<double>::min());
      continue;
    }
    worst_ulp = std::fmax(worst_ulp, std::fabs(y[i] - want) / (want * std::numeric_limits<double>::epsilon()));
  }
  CHECK(worst_ulp <= 4.0);
  CHECK(y[x.size() - 3] == 1.0);
}
