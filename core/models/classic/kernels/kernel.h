// Kernels of the kernel-methods lesson (SVM, kernel ridge): linear ⟨x, x'⟩, polynomial
// (γ⟨x, x'⟩ + c₀)^d and RBF exp(−γ‖x − x'‖²), with scikit-learn's parameter names so settings carry
// over. The course writes the RBF as exp(−‖x − x'‖²/(2σ²)), i.e. γ = 1/(2σ²).
// Gram matrices are built from one Eigen product (A·Bᵀ); the RBF uses ‖a‖² + ‖b‖² − 2a·b, clamped at
// zero against round-off, so the cost is one GEMM plus an element-wise exp.
#pragma once

#include <string>

#include <Eigen/Core>

#include "core/base/status.h"

namespace mlp::classic {

enum class KernelType { kLinear, kPolynomial, kRbf };

struct KernelSettings {
  KernelType type = KernelType::kRbf;
  double gamma = 1.0;  // polynomial and RBF scale (> 0)
  int degree = 3;      // polynomial degree (≥ 1)
  double coef0 = 1.0;  // polynomial offset c₀ (sklearn's KernelRidge default; SVC's is 0)
};

// "linear", "polynomial (degree 3, gamma 0.5, coef0 1)", "RBF (gamma 0.5)".
std::string DescribeKernel(const KernelSettings& kernel);
// A clear message for gamma ≤ 0 or degree < 1.
Status CheckKernel(const KernelSettings& kernel);
// γ that matches the course's σ: 1/(2σ²).
inline double RbfGammaFromSigma(double sigma) { return 0.5 / (sigma * sigma); }

// K(a, b): rows(a) × rows(b); a and b have the same number of columns.
Eigen::MatrixXd KernelMatrix(const KernelSettings& kernel, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b);
// k(x_i, x_i) for every row.
Eigen::VectorXd KernelDiagonal(const KernelSettings& kernel, const Eigen::MatrixXd& a);

}  // namespace mlp::classic
