// ExpInPlace (see exp_in_place.h): Eigen's vectorised exp natively, a scalar loop in WebAssembly.
#include "core/tensor/exp_in_place.h"

#include <cmath>

#include <Eigen/Core>

namespace mlp {

void ExpInPlace(double* values, int64_t count) {
#if defined(__EMSCRIPTEN__)
  for (int64_t i = 0; i < count; ++i) values[i] = std::exp(values[i]);
#else
  Eigen::Map<Eigen::ArrayXd> array(values, static_cast<Eigen::Index>(count));
  array = array.exp();
#endif
}

}  // namespace mlp
