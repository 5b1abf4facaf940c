// Kernel ridge regression (scikit-learn's KernelRidge): ridge regression in a kernel's feature
// space, solved in its dual. Dual coefficients a = (K + αI)⁻¹ y, prediction f(x) = K(x, X)·a.
// No intercept (as KernelRidge): centre y or use an RBF on standardised inputs. Closed form, so one
// Step() finishes; the solve is a Cholesky (LLT, LDLT when that fails) of the symmetric K + αI.
#pragma once

#include <string>

#include "core/models/classic/kernels/kernel.h"
#include "core/models/classic/model.h"

namespace mlp::classic {

struct KernelRidgeSettings {
  double alpha = 1.0;  // ridge penalty λ (> 0 keeps K + λI invertible)
  KernelSettings kernel{KernelType::kRbf, 1.0, 3, 1.0};
};

class KernelRidge : public Model {
public:
  explicit KernelRidge(KernelRidgeSettings settings = {}) : settings_(settings) {}

  ModelKind kind() const override { return ModelKind::kRegressor; }
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;
  Progress progress() const override { return progress_; }
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;

  const KernelRidgeSettings& settings() const { return settings_; }
  KernelRidgeSettings& settings() { return settings_; }  // takes effect at the next Reset
  const Eigen::VectorXd& dual_coef() const { return dual_coef_; }  // a, one per training row
  const Eigen::MatrixXd& training_x() const { return x_; }

private:
  KernelRidgeSettings settings_;
  Eigen::MatrixXd x_;
  Eigen::VectorXd y_, dual_coef_;
  Progress progress_;
};

}  // namespace mlp::classic
