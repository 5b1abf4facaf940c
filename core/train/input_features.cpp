#include "core/train/input_features.h"

#include <bitset>
#include <cmath>

#include "core/train/playground_settings.h"

namespace mlp {

void BuildInputFeatures(uint32_t features, const Eigen::Ref<const Eigen::MatrixXd>& points, nn::MatrixF* out) {
  const auto columns = static_cast<Eigen::Index>(std::bitset<32>(features).count());
  out->resize(points.rows(), columns);
  Eigen::Index column = 0;
  for (uint32_t feature : kAllInputFeatures) {
    if (!(features & feature)) continue;
    for (Eigen::Index row = 0; row < points.rows(); ++row) {
      const double x1 = points(row, 0), x2 = points(row, 1);
      double value = 0.0;
      switch (feature) {
        case kFeatureX1: value = x1; break;
        case kFeatureX2: value = x2; break;
        case kFeatureX1Squared: value = x1 * x1; break;
        case kFeatureX2Squared: value = x2 * x2; break;
        case kFeatureX1TimesX2: value = x1 * x2; break;
        case kFeatureSinX1: value = std::sin(x1); break;
        case kFeatureSinX2: value = std::sin(x2); break;
        default: break;
      }
      (*out)(row, column) = static_cast<float>(value);
    }
    ++column;
  }
}

Eigen::MatrixXd PlaneGridPoints(int size) {
  Eigen::MatrixXd points(static_cast<Eigen::Index>(size) * size, 2);
  const double cell = 2.0 * kPlaneExtent / size;
  for (int row = 0; row < size; ++row) {
    for (int col = 0; col < size; ++col) {
      points(row * size + col, 0) = -kPlaneExtent + (col + 0.5) * cell;
      points(row * size + col, 1) = kPlaneExtent - (row + 0.5) * cell;
    }
  }
  return points;
}

}  // namespace mlp
