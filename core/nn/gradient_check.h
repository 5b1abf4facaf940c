// Finite-difference tools for checking analytic gradients (used by the tests of every layer,
// loss and model; double precision).
#pragma once

#include <algorithm>
#include <cmath>

#include "core/base/rng.h"
#include "core/nn/matrix.h"

namespace mlp::nn {

// Central differences: grad(i, j) = (f(x + h·e_ij) − f(x − h·e_ij)) / 2h for every entry of x.
// x is perturbed in place (it may be a view into a model's parameters) and restored exactly.
// Truncation error O(h²·f'''), rounding error O(ε·|f|/h): h = 1e-5 balances both near 1e-10.
template <typename Derived, typename Function>
MatrixD NumericalGradient(Function&& f, Eigen::MatrixBase<Derived>& x, double h = 1e-5) {
  MatrixD grad(x.rows(), x.cols());
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      const double saved = x(i, j);
      x(i, j) = saved + h;
      const double plus = f();
      x(i, j) = saved - h;
      const double minus = f();
      x(i, j) = saved;
      grad(i, j) = (plus - minus) / (2.0 * h);
    }
  }
  return grad;
}

// max over entries of |a − b| / max(|a|, |b|, floor): relative where gradients are large,
// absolute (scaled by 1/floor) where both are tiny and relative error means nothing.
inline double MaxRelativeError(const ConstRef<double>& analytic, const ConstRef<double>& numeric,
                               double floor = 1e-3) {
  double worst = 0.0;
  for (Eigen::Index j = 0; j < analytic.cols(); ++j) {
    for (Eigen::Index i = 0; i < analytic.rows(); ++i) {
      const double a = analytic(i, j), b = numeric(i, j);
      const double scale = std::max({std::abs(a), std::abs(b), floor});
      worst = std::max(worst, std::abs(a - b) / scale);
    }
  }
  return worst;
}

// rows×cols matrix with entries uniform in [low, high), filled column by column from rng.
template <typename S = double>
Matrix<S> UniformMatrix(Rng& rng, Eigen::Index rows, Eigen::Index cols, double low, double high) {
  Matrix<S> m(rows, cols);
  for (Eigen::Index j = 0; j < cols; ++j) {
    for (Eigen::Index i = 0; i < rows; ++i) m(i, j) = static_cast<S>(rng.Uniform(low, high));
  }
  return m;
}

}  // namespace mlp::nn
