#include "core/base/rng.h"

#include <cmath>
#include <numeric>

namespace mlp {

void Rng::Seed(uint32_t seed) {
  engine_.seed(seed);  // std::mt19937's seeding is MT19937's init_genrand, as NumPy's.
  has_cached_normal_ = false;
  cached_normal_ = 0.0;
}

double Rng::Uniform() {
  // NumPy: (a >> 5) * 2^26 + (b >> 6), divided by 2^53.
  const uint32_t a = NextU32() >> 5;
  const uint32_t b = NextU32() >> 6;
  return (a * 67108864.0 + b) / 9007199254740992.0;
}

double Rng::Normal() {
  if (has_cached_normal_) {
    has_cached_normal_ = false;
    return cached_normal_;
  }
  double x1, x2, r2;
  do {
    x1 = 2.0 * Uniform() - 1.0;
    x2 = 2.0 * Uniform() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * std::log(r2) / r2);
  cached_normal_ = f * x1;
  has_cached_normal_ = true;
  return f * x2;
}

uint64_t Rng::Interval(uint64_t max) {
  if (max == 0) return 0;
  uint64_t mask = max;  // smallest all-ones bit mask >= max
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  uint64_t value;
  if (max <= 0xffffffffULL) {
    while ((value = (NextU32() & mask)) > max) {}
  } else {
    while ((value = ((static_cast<uint64_t>(NextU32()) << 32 | NextU32()) & mask)) > max) {}
  }
  return value;
}

std::vector<int64_t> Rng::Permutation(int64_t n) {
  std::vector<int64_t> items(static_cast<size_t>(n));
  std::iota(items.begin(), items.end(), int64_t{0});
  Shuffle(items);
  return items;
}

}  // namespace mlp
