// Kernels of the kernel-methods lesson (SVM, kernel ridge): linear ⟨x, x'⟩, polynomial
// (γ⟨x, x'⟩ + c₀)^d and RBF exp(−γ‖x − x'‖²), with scikit-learn's parameter names so settings carry
// over. The course writes the RBF as exp(−‖x − x'‖²/(2σ²)), i.e. γ = 1/(2σ²).
// Gram matrices are built from one Eigen product (A·Bᵀ); the RBF uses ‖a‖² + ‖b‖² − 2a·b, clamped at
// zero against round-off, so the cost is one GEMM plus an element-wise exp. Predictions that only
// need K(a, b)·v (kernel ridge) use KernelTimesVector, which never stores K.
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
// scikit-learn SVC's gamma = "scale": 1/(features · Var(x)), the variance over every entry of x
// (ddof = 0); 1 when x is constant.
double ScaleGamma(const Eigen::MatrixXd& x);

// K(a, b): rows(a) × rows(b); a and b have the same number of columns.
Eigen::MatrixXd KernelMatrix(const KernelSettings& kernel, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b);
// K(a, b)·v (v: rows(b)) without storing K: blocks of rows of a, each a cache-sized piece of K
// computed, transformed and multiplied by v, on the shared pool. Blocks are cut by size only, so
// the result does not depend on the thread count. Equals KernelMatrix(kernel, a, b) * v up to
// round-off.
Eigen::VectorXd KernelTimesVector(const KernelSettings& kernel, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b,
                                  const Eigen::VectorXd& v);
// k(x_i, x_i) for every row.
Eigen::VectorXd KernelDiagonal(const KernelSettings& kernel, const Eigen::MatrixXd& a);

}  // namespace mlp::classic
