// libsvm's Solver (WSS2, no shrinking) for the binary C-SVC dual; see smo_solver.h.
#include "core/models/classic/kernels/smo_solver.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace mlp::classic {
namespace {
constexpr double kTau = 1e-12;  // libsvm's TAU: floor for a non-positive-definite pair's curvature
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

void SmoSolver::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const KernelSettings& kernel, double c,
                      double tol) {
  x_ = &x;
  kernel_ = kernel;
  y_ = y;
  c_ = c;
  tol_ = tol;
  const Eigen::Index n = x.rows();
  alpha_ = Eigen::VectorXd::Zero(n);
  gradient_ = Eigen::VectorXd::Constant(n, -1.0);  // ∇(½αᵀQα − Σα) at α = 0
  diagonal_ = KernelDiagonal(kernel, x);
  if (n <= kMaxCachedRows) {
    gram_ = KernelMatrix(kernel, x, x);
  } else {
    gram_.resize(0, 0);
    row_[0].resize(n);
    row_[1].resize(n);
  }
  iterations_ = 0;
  converged_ = false;
  gap_ = kInf;
}

const double* SmoSolver::KernelRow(Eigen::Index i, int slot) {
  if (gram_.size() > 0) return gram_.col(i).data();  // symmetric: column i = row i
  row_[slot] = KernelMatrix(kernel_, *x_, x_->row(i)).col(0);
  return row_[slot].data();
}

bool SmoSolver::SelectWorkingSet(Eigen::Index& out_i, Eigen::Index& out_j) {
  const Eigen::Index n = alpha_.size();
  double gmax = -kInf, gmax2 = -kInf;
  Eigen::Index i = -1;
  for (Eigen::Index t = 0; t < n; ++t) {
    if (y_(t) > 0) {
      if (!IsUpper(t) && -gradient_(t) >= gmax) { gmax = -gradient_(t); i = t; }
    } else {
      if (!IsLower(t) && gradient_(t) >= gmax) { gmax = gradient_(t); i = t; }
    }
  }
  Eigen::Index j = -1;
  double best = kInf;
  if (i >= 0) {
    const double* k_i = KernelRow(i, 0);
    for (Eigen::Index t = 0; t < n; ++t) {
      double grad_diff;
      if (y_(t) > 0) {
        if (IsLower(t)) continue;
        grad_diff = gmax + gradient_(t);
        gmax2 = std::max(gmax2, gradient_(t));
      } else {
        if (IsUpper(t)) continue;
        grad_diff = gmax - gradient_(t);
        gmax2 = std::max(gmax2, -gradient_(t));
      }
      if (grad_diff > 0) {
        const double quad = diagonal_(i) + diagonal_(t) - 2.0 * k_i[t];
        const double decrease = -(grad_diff * grad_diff) / (quad > 0 ? quad : kTau);
        if (decrease <= best) { best = decrease; j = t; }
      }
    }
  }
  gap_ = gmax + gmax2;
  if (gap_ < tol_ || j < 0) return false;
  out_i = i;
  out_j = j;
  return true;
}

bool SmoSolver::Iterate(int64_t iterations) {
  for (int64_t step = 0; step < iterations && !converged_; ++step) {
    Eigen::Index i, j;
    if (!SelectWorkingSet(i, j)) { converged_ = true; break; }
    ++iterations_;
    const double* k_i = KernelRow(i, 0);
    const double* k_j = KernelRow(j, 1);
    const double old_i = alpha_(i), old_j = alpha_(j);
    double quad = diagonal_(i) + diagonal_(j) - 2.0 * k_i[j];
    if (quad <= 0) quad = kTau;
    double& a_i = alpha_(i);
    double& a_j = alpha_(j);
    // The analytic two-variable step with clipping to the box, in libsvm's case order.
    if (y_(i) != y_(j)) {
      const double delta = (-gradient_(i) - gradient_(j)) / quad;
      const double diff = a_i - a_j;
      a_i += delta;
      a_j += delta;
      if (diff > 0) { if (a_j < 0) { a_j = 0; a_i = diff; } }
      else if (a_i < 0) { a_i = 0; a_j = -diff; }
      if (diff > 0) { if (a_i > c_) { a_i = c_; a_j = c_ - diff; } }  // C_i − C_j = 0
      else if (a_j > c_) { a_j = c_; a_i = c_ + diff; }
    } else {
      const double delta = (gradient_(i) - gradient_(j)) / quad;
      const double sum = a_i + a_j;
      a_i -= delta;
      a_j += delta;
      if (sum > c_) { if (a_i > c_) { a_i = c_; a_j = sum - c_; } }
      else if (a_j < 0) { a_j = 0; a_i = sum; }
      if (sum > c_) { if (a_j > c_) { a_j = c_; a_i = sum - c_; } }
      else if (a_i < 0) { a_i = 0; a_j = sum; }
    }
    // G_k += Q_ki Δα_i + Q_kj Δα_j with Q_kt = y_k y_t K_kt.
    const double d_i = (a_i - old_i) * y_(i), d_j = (a_j - old_j) * y_(j);
    const Eigen::Index n = alpha_.size();
    for (Eigen::Index k = 0; k < n; ++k) gradient_(k) += y_(k) * (k_i[k] * d_i + k_j[k] * d_j);
  }
  return converged_;
}

double SmoSolver::Rho() const {
  double upper = kInf, lower = -kInf, sum_free = 0.0;
  int64_t free = 0;
  for (Eigen::Index t = 0; t < alpha_.size(); ++t) {
    const double yg = y_(t) * gradient_(t);
    if (IsUpper(t)) {
      if (y_(t) < 0) upper = std::min(upper, yg); else lower = std::max(lower, yg);
    } else if (IsLower(t)) {
      if (y_(t) > 0) upper = std::min(upper, yg); else lower = std::max(lower, yg);
    } else {
      ++free;
      sum_free += yg;
    }
  }
  return free > 0 ? sum_free / double(free) : 0.5 * (upper + lower);
}

double SmoSolver::DualObjective() const {
  return 0.5 * alpha_.dot(gradient_ - Eigen::VectorXd::Ones(alpha_.size()));
}

}  // namespace mlp::classic
