// Gaussian samples with a full covariance, drawn the way NumPy's legacy
// `RandomState.multivariate_normal` draws them, so seeded course data sets match NumPy's numbers.
#pragma once

#include <Eigen/Core>

#include "core/base/rng.h"
#include "core/base/status.h"

namespace mlp {

// Singular values (descending) and right singular vectors (rows of `vt`) of a covariance matrix:
// cov = U · diag(singular_values) · vt.
struct CovarianceSvd {
  Eigen::VectorXd singular_values;
  Eigen::MatrixXd vt;
};

// The SVD of a symmetric positive semi-definite matrix with the signs LAPACK's dgesdd (NumPy's
// `np.linalg.svd`) gives. Bit-compatible signs for every 2×2 matrix and for diagonal matrices whose
// diagonal is either all equal or all distinct; otherwise (e.g. a dense 3×3) an eigen-decomposition
// whose vectors may differ from NumPy's by sign, which changes samples but not their distribution.
// Fails on a non-square, non-symmetric, non-finite or clearly indefinite matrix.
Result<CovarianceSvd> CovarianceSvdLikeNumpy(const Eigen::MatrixXd& covariance);

// `samples` × d draws from N(mean, covariance), consuming samples·d standard normals row by row as
// NumPy does: x = z · (sqrt(s)[:, None] · vt) + mean.
Result<Eigen::MatrixXd> MultivariateNormal(Rng& rng, const Eigen::VectorXd& mean, const Eigen::MatrixXd& covariance,
                                           int samples);

}  // namespace mlp
