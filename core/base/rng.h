// Rng: the one seeded random source of the project. It reproduces NumPy's legacy
// `np.random.RandomState` bit for bit (MT19937 `seed`, `random`, polar `standard_normal` with its
// cached second value, `permutation`), so classic lessons can match the course's printed numbers.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace mlp {

class Rng {
public:
  explicit Rng(uint32_t seed = 0) { Seed(seed); }

  // np.random.seed(seed) for an integer seed: MT19937 init_genrand, and the Gaussian cache cleared.
  void Seed(uint32_t seed);

  uint32_t NextU32() { return static_cast<uint32_t>(engine_()); }
  // np.random.random(): 53-bit double in [0, 1).
  double Uniform();
  // np.random.uniform(low, high).
  double Uniform(double low, double high) { return low + (high - low) * Uniform(); }
  // np.random.standard_normal(): polar Box-Muller; every second call returns the cached value.
  double Normal();
  // np.random.normal(loc, scale).
  double Normal(double mean, double stddev) { return mean + stddev * Normal(); }
  // NumPy's random_interval: uniform integer in [0, max] by bit-mask rejection.
  uint64_t Interval(uint64_t max);
  // np.random.permutation(n).
  std::vector<int64_t> Permutation(int64_t n);
  // np.random.shuffle on a vector (Fisher-Yates from the back, as NumPy's legacy shuffle).
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (int64_t i = static_cast<int64_t>(items.size()) - 1; i > 0; --i) {
      std::swap(items[static_cast<size_t>(i)], items[static_cast<size_t>(Interval(static_cast<uint64_t>(i)))]);
    }
  }

private:
  std::mt19937 engine_;
  bool has_cached_normal_ = false;
  double cached_normal_ = 0.0;
};

}  // namespace mlp
