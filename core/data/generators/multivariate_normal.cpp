#include "core/data/generators/multivariate_normal.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include <Eigen/Eigenvalues>

namespace mlp {
namespace {

// Fortran SIGN(a, b): |a| with the sign of b.
double SignOf(double magnitude, double sign_source) { return std::copysign(std::abs(magnitude), sign_source); }

// LAPACK dlasv2: SVD of the upper triangular [[f, g], [0, h]]. Only the right rotation and the signed
// singular values are needed here; the order of operations follows the reference Fortran so the
// signs (which decide NumPy's singular vectors) agree.
struct TwoByTwoSvd {
  double ssmin, ssmax, sin_right, cos_right;
};

TwoByTwoSvd Dlasv2(double f, double g, double h) {
  const double eps = std::numeric_limits<double>::epsilon() / 2.0;  // LAPACK's dlamch('EPS')
  double ft = f, fa = std::abs(ft), ht = h, ha = std::abs(h);
  int pmax = 1;
  const bool swap = ha > fa;
  if (swap) {
    pmax = 3;
    std::swap(ft, ht);
    std::swap(fa, ha);
  }
  const double gt = g, ga = std::abs(gt);
  double ssmin, ssmax, clt, crt, slt, srt;
  if (ga == 0.0) {
    ssmin = ha;
    ssmax = fa;
    clt = 1.0, crt = 1.0, slt = 0.0, srt = 0.0;
  } else {
    bool ga_small = true;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < eps) {
        ga_small = false;
        ssmax = ga;
        ssmin = ha > 1.0 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1.0;
        slt = ht / gt;
        srt = 1.0;
        crt = ft / gt;
      }
    }
    if (ga_small) {
      const double d = fa - ha;
      double l = d == fa ? 1.0 : d / fa;
      const double m = gt / ft;
      double t = 2.0 - l;
      const double mm = m * m, tt = t * t;
      const double s = std::sqrt(tt + mm);
      const double r = l == 0.0 ? std::abs(m) : std::sqrt(l * l + mm);
      const double a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm == 0.0) {
        t = l == 0.0 ? SignOf(2.0, ft) * SignOf(1.0, gt) : gt / SignOf(d, ft) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1.0 + a);
      }
      l = std::sqrt(t * t + 4.0);
      crt = 2.0 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = (ht / ft) * srt / a;
    }
  }
  double csl, snl, csr, snr;
  if (swap) {
    csl = srt, snl = crt, csr = slt, snr = clt;
  } else {
    csl = clt, snl = slt, csr = crt, snr = srt;
  }
  double tsign = 1.0;
  if (pmax == 1) tsign = SignOf(1.0, csr) * SignOf(1.0, csl) * SignOf(1.0, f);
  if (pmax == 2) tsign = SignOf(1.0, snr) * SignOf(1.0, csl) * SignOf(1.0, g);
  if (pmax == 3) tsign = SignOf(1.0, snr) * SignOf(1.0, snl) * SignOf(1.0, h);
  ssmax = SignOf(ssmax, tsign);
  ssmin = SignOf(ssmin, tsign * SignOf(1.0, f) * SignOf(1.0, h));
  return {ssmin, ssmax, snr, csr};
}

// dgesdd's path for a 2×2 matrix: one Householder reflection (dlarfg/dlarf) makes it upper
// bidiagonal, dbdsqr solves the 2×2 block with dlasv2, then flips negative singular values by
// negating their row of vt. The reflection acts on the left only, so vt is the bidiagonal's.
CovarianceSvd TwoByTwoLikeLapack(const Eigen::MatrixXd& a) {
  double d1 = a(0, 0), e1 = a(0, 1), d2 = a(1, 1);
  const double below = a(1, 0);
  if (below != 0.0) {
    const double alpha = a(0, 0);
    const double beta = -SignOf(std::hypot(alpha, below), alpha);
    const double tau = (beta - alpha) / beta;
    const double v2 = below * (1.0 / (alpha - beta));
    const double w = a(0, 1) + v2 * a(1, 1);
    d1 = beta;
    e1 = a(0, 1) + (-tau * w);
    d2 = a(1, 1) + v2 * (-tau * w);
  }
  CovarianceSvd svd{Eigen::VectorXd(2), Eigen::MatrixXd::Identity(2, 2)};
  if (e1 == 0.0) {
    svd.singular_values << d1, d2;
  } else {
    const TwoByTwoSvd block = Dlasv2(d1, e1, d2);
    svd.singular_values << block.ssmax, block.ssmin;
    svd.vt << block.cos_right, block.sin_right, -block.sin_right, block.cos_right;
  }
  for (int i = 0; i < 2; ++i) {
    if (svd.singular_values(i) < 0.0) {
      svd.singular_values(i) = -svd.singular_values(i);
      svd.vt.row(i) *= -1.0;
    }
  }
  if (svd.singular_values(1) > svd.singular_values(0)) {  // only after a split with d1 < d2
    std::swap(svd.singular_values(0), svd.singular_values(1));
    svd.vt.row(0).swap(svd.vt.row(1));
  }
  return svd;
}

// A diagonal matrix needs no rotation: LAPACK returns unit rows, ordered by decreasing value.
CovarianceSvd DiagonalLikeLapack(const Eigen::MatrixXd& a) {
  const Eigen::Index n = a.rows();
  std::vector<Eigen::Index> order(static_cast<size_t>(n));
  std::iota(order.begin(), order.end(), Eigen::Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index i, Eigen::Index j) { return a(i, i) > a(j, j); });
  CovarianceSvd svd{Eigen::VectorXd(n), Eigen::MatrixXd::Zero(n, n)};
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::Index i = order[static_cast<size_t>(k)];
    svd.singular_values(k) = std::abs(a(i, i));
    svd.vt(k, i) = a(i, i) < 0.0 ? -1.0 : 1.0;
  }
  return svd;
}

// Any other size: eigenvectors sorted by decreasing eigenvalue, each signed so its largest
// component is negative (a fixed convention; NumPy's may differ by sign).
CovarianceSvd EigenFallback(const Eigen::MatrixXd& a) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(a);
  const Eigen::Index n = a.rows();
  CovarianceSvd svd{Eigen::VectorXd(n), Eigen::MatrixXd(n, n)};
  for (Eigen::Index k = 0; k < n; ++k) {
    const Eigen::Index source = n - 1 - k;  // Eigen sorts ascending
    Eigen::VectorXd vector = solver.eigenvectors().col(source);
    Eigen::Index largest = 0;
    vector.cwiseAbs().maxCoeff(&largest);
    if (vector(largest) > 0.0) vector = -vector;
    svd.singular_values(k) = std::max(solver.eigenvalues()(source), 0.0);
    svd.vt.row(k) = vector.transpose();
  }
  return svd;
}

}  // namespace

Result<CovarianceSvd> CovarianceSvdLikeNumpy(const Eigen::MatrixXd& covariance) {
  const Eigen::Index n = covariance.rows();
  if (n == 0 || covariance.cols() != n) return Status::Error("The covariance must be a non-empty square matrix.");
  if (!covariance.allFinite()) return Status::Error("The covariance contains a NaN or an infinite value.");
  const double scale = std::max(covariance.cwiseAbs().maxCoeff(), 1e-300);
  if ((covariance - covariance.transpose()).cwiseAbs().maxCoeff() > 1e-12 * scale) {
    return Status::Error("The covariance must be symmetric.");
  }
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> check(covariance, Eigen::EigenvaluesOnly);
  if (check.eigenvalues().minCoeff() < -1e-8 * scale) {
    return Status::Error("The covariance must be positive semi-definite (a variance cannot be negative).");
  }
  const bool diagonal = (covariance - Eigen::MatrixXd(covariance.diagonal().asDiagonal())).isZero(0.0);
  if (diagonal) return DiagonalLikeLapack(covariance);
  if (n == 2) return TwoByTwoLikeLapack(covariance);
  return EigenFallback(covariance);
}

Result<Eigen::MatrixXd> MultivariateNormal(Rng& rng, const Eigen::VectorXd& mean, const Eigen::MatrixXd& covariance,
                                           int samples) {
  if (samples < 0) return Status::Error("The number of samples cannot be negative.");
  if (mean.size() != covariance.rows()) return Status::Error("The mean and the covariance differ in dimension.");
  Result<CovarianceSvd> svd = CovarianceSvdLikeNumpy(covariance);
  if (!svd.ok()) return svd.status();
  const Eigen::Index d = mean.size();
  const Eigen::MatrixXd transform = svd.value().singular_values.cwiseSqrt().asDiagonal() * svd.value().vt;
  Eigen::MatrixXd z(samples, d);
  for (Eigen::Index row = 0; row < samples; ++row) {
    for (Eigen::Index col = 0; col < d; ++col) z(row, col) = rng.Normal();
  }
  Eigen::MatrixXd x = z * transform;
  x.rowwise() += mean.transpose();
  return x;
}

}  // namespace mlp
