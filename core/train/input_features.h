// The network's inputs: the enabled InputFeature columns computed from raw (x1, x2) points.
#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "core/nn/matrix.h"

namespace mlp {

// points: samples × 2 (x1, x2). out: samples × popcount(features), columns in kAllInputFeatures order.
void BuildInputFeatures(uint32_t features, const Eigen::Ref<const Eigen::MatrixXd>& points, nn::MatrixF* out);

// Centres of a size×size grid over the input plane, row-major, row 0 at the top (x2 = +extent),
// column 0 on the left (x1 = −extent): the layout of every heatmap and thumbnail.
Eigen::MatrixXd PlaneGridPoints(int size);

}  // namespace mlp
