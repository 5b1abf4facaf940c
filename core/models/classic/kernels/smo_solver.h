// Binary C-SVC dual solved by SMO exactly as libsvm does it (Fan, Chen & Lin 2005, "Working set
// selection using second order information for training SVM", JMLR 6): minimise ½αᵀQα − Σα subject
// to 0 ≤ α ≤ C, yᵀα = 0, with Q_ij = y_i y_j K_ij. Each iteration picks the maximal-violating i and
// the j with the largest second-order decrease (WSS2), solves the two-variable problem analytically
// and updates the gradient. Stops when the KKT gap m(α) − M(α) < tol (libsvm's eps, sklearn's tol).
// No shrinking: the solution agrees with libsvm's to the stopping tolerance.
//
// Kernel rows come from a precomputed Gram matrix when it fits (≤ kMaxCachedRows rows), otherwise
// they are computed on demand (two rows per iteration).
#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "core/models/classic/kernels/kernel.h"

namespace mlp::classic {

class SmoSolver {
public:
  static constexpr Eigen::Index kMaxCachedRows = 4000;  // 4000² doubles = 128 MB

  // x: rows × features; y: ±1 per row. Resets α = 0.
  void Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const KernelSettings& kernel, double c, double tol);
  // Up to `iterations` SMO updates; returns true once converged.
  bool Iterate(int64_t iterations);
  bool converged() const { return converged_; }
  int64_t iterations() const { return iterations_; }

  const Eigen::VectorXd& alpha() const { return alpha_; }
  // ρ of libsvm: f(x) = Σ α_i y_i K(x_i, x) − ρ. Valid at any time (computed from the current α).
  double Rho() const;
  // The dual objective ½αᵀQα − Σα (libsvm's "obj"), from the gradient: ½ Σ α_i (G_i − 1).
  double DualObjective() const;
  // The current KKT gap m(α) − M(α) (≤ tol at convergence).
  double gap() const { return gap_; }

private:
  // Row i of K (length n), valid until the next call with the same `slot`.
  const double* KernelRow(Eigen::Index i, int slot);
  bool SelectWorkingSet(Eigen::Index& out_i, Eigen::Index& out_j);
  bool IsUpper(Eigen::Index t) const { return alpha_(t) >= c_; }
  bool IsLower(Eigen::Index t) const { return alpha_(t) <= 0.0; }

  const Eigen::MatrixXd* x_ = nullptr;
  KernelSettings kernel_;
  Eigen::VectorXd y_, alpha_, gradient_, diagonal_;
  Eigen::MatrixXd gram_;       // full K when cached
  Eigen::VectorXd row_[2];     // on-demand rows otherwise
  double c_ = 1.0, tol_ = 1e-3, gap_ = 0.0;
  int64_t iterations_ = 0;
  bool converged_ = false;
};

}  // namespace mlp::classic
