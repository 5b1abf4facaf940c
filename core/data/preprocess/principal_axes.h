// Principal axes of a data matrix, the exact ('full' solver) way scikit-learn's PCA finds them:
// centre on the column means, take the SVD of the centred matrix X − μ = U S Vᵀ, and fix each
// axis's sign with svd_flip(u_based_decision=True): the largest |U(i, k)| (first one on ties) is
// made positive. Shared by the PCA preprocessing step and the PCA model so both give sklearn's signs.
// Tall data with ≥ 64 columns take the eigen-decomposition of (X − μ)ᵀ(X − μ) instead of the SVD
// (same axes to ~1e-14 on the leading components, several times faster; see the .cpp).
#pragma once

#include <string>

#include <Eigen/Core>

#include "core/base/status.h"

namespace mlp {

struct PrincipalAxes {
  Eigen::RowVectorXd mean;             // column means of the fitted rows
  Eigen::MatrixXd components;          // kept × columns, orthonormal rows (sklearn's components_)
  Eigen::VectorXd singular_values;     // all min(rows, columns) singular values, decreasing
  Eigen::VectorXd explained_variance;  // all of them: s² / (rows − 1), sample variance along each axis (s² for 1 row)
};

// Keeps the first `kept` axes, 1 ≤ kept ≤ min(rows, columns) (checked; the message names `what`).
Result<PrincipalAxes> FitPrincipalAxes(const Eigen::MatrixXd& x, int kept, const std::string& what);

}  // namespace mlp
