// Shared helpers of the neural-ODE tests: a linear field y' = A y with A as its parameters (a
// closed-form oracle with a trivially known Jacobian), and small matrix utilities.
#pragma once

#include <cmath>

#include <Eigen/Core>

#include "core/base/rng.h"
#include "core/deep/neural_ode_field.h"

namespace mlp::deep::testing {

// f(y) = A y per row, θ = A row-major (d² entries).
class LinearField final : public OdeRightHandSide {
public:
  explicit LinearField(Eigen::MatrixXd a) : a_(std::move(a)) {}
  int state_dim() const override { return static_cast<int>(a_.rows()); }
  Eigen::Index parameter_count() const override { return a_.size(); }
  void Evaluate(const Eigen::MatrixXd& y, double, Eigen::MatrixXd* dydt) const override { *dydt = y * a_.transpose(); }
  void VectorJacobianProduct(const Eigen::MatrixXd& y, double, const Eigen::MatrixXd& v, Eigen::MatrixXd* grad_y,
                             Eigen::VectorXd* grad_theta) const override {
    *grad_y = v * a_;  // row b: v_bᵀ A
    if (grad_theta) {
      const Eigen::MatrixXd outer = v.transpose() * y;  // Σ_b v_b y_bᵀ = ∂/∂A
      for (Eigen::Index i = 0; i < a_.rows(); ++i)
        for (Eigen::Index j = 0; j < a_.cols(); ++j) (*grad_theta)(i * a_.cols() + j) += outer(i, j);
    }
  }

private:
  Eigen::MatrixXd a_;
};

// rows × cols, entries uniform in [low, high), filled row by row.
inline Eigen::MatrixXd RandomMatrix(Rng& rng, Eigen::Index rows, Eigen::Index cols, double low, double high) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j) m(i, j) = rng.Uniform(low, high);
  return m;
}

}  // namespace mlp::deep::testing
