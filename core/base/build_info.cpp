#include "core/base/build_info.h"

#include <Eigen/Core>

namespace mlp {

std::string SimdDescription() {
  std::string description = Eigen::SimdInstructionSetsInUse();
#if defined(__wasm_simd128__)
  description += " via wasm SIMD128";
#endif
  return description;
}

bool SimdEnabled() {
#ifdef EIGEN_VECTORIZE
  return true;
#else
  return false;
#endif
}

}  // namespace mlp
