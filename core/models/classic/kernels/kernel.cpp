// Kernel Gram matrices (formulas in kernel.h).
#include "core/models/classic/kernels/kernel.h"

#include <cmath>

#include "core/base/format.h"

namespace mlp::classic {

std::string DescribeKernel(const KernelSettings& kernel) {
  switch (kernel.type) {
    case KernelType::kLinear: return "linear";
    case KernelType::kPolynomial:
      return "polynomial (degree " + std::to_string(kernel.degree) + ", gamma " + FormatNumber(kernel.gamma) +
             ", coef0 " + FormatNumber(kernel.coef0) + ")";
    case KernelType::kRbf: return "RBF (gamma " + FormatNumber(kernel.gamma) + ")";
  }
  return "kernel";
}

Status CheckKernel(const KernelSettings& kernel) {
  if (kernel.type != KernelType::kLinear && !(kernel.gamma > 0.0 && std::isfinite(kernel.gamma)))
    return Status::Error("The kernel's gamma must be a positive number (for the RBF, gamma = 1/(2 sigma^2)).");
  if (kernel.type == KernelType::kPolynomial && kernel.degree < 1)
    return Status::Error("The polynomial kernel's degree must be at least 1.");
  return {};
}

double ScaleGamma(const Eigen::MatrixXd& x) {
  if (x.size() == 0) return 1.0;
  const double mean = x.mean();
  const double variance = (x.array() - mean).square().mean();
  return variance > 0.0 ? 1.0 / (double(x.cols()) * variance) : 1.0;
}

Eigen::MatrixXd KernelMatrix(const KernelSettings& kernel, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd k = a * b.transpose();
  switch (kernel.type) {
    case KernelType::kLinear: break;
    case KernelType::kPolynomial: {
      const double degree = kernel.degree;
      k = (kernel.gamma * k.array() + kernel.coef0).pow(degree).matrix();
      break;
    }
    case KernelType::kRbf: {
      // Whole-array expressions so Eigen vectorises the exponential (a scalar std::exp loop made
      // predictions 2× slower than scikit-learn's).
      const Eigen::ArrayXd a2 = a.rowwise().squaredNorm().array();
      const Eigen::ArrayXd b2 = b.rowwise().squaredNorm().array();
      Eigen::ArrayXXd d2 = -2.0 * k.array();
      d2.colwise() += a2;
      d2.rowwise() += b2.transpose();
      k = (-kernel.gamma * d2.max(0.0)).exp().matrix();
      break;
    }
  }
  return k;
}

Eigen::VectorXd KernelDiagonal(const KernelSettings& kernel, const Eigen::MatrixXd& a) {
  const Eigen::VectorXd a2 = a.rowwise().squaredNorm();
  switch (kernel.type) {
    case KernelType::kLinear: return a2;
    case KernelType::kPolynomial: return (kernel.gamma * a2.array() + kernel.coef0).pow(double(kernel.degree)).matrix();
    case KernelType::kRbf: return Eigen::VectorXd::Ones(a.rows());
  }
  return a2;
}

}  // namespace mlp::classic
