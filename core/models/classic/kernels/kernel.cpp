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
      const Eigen::VectorXd a2 = a.rowwise().squaredNorm();
      const Eigen::VectorXd b2 = b.rowwise().squaredNorm();
      for (Eigen::Index j = 0; j < k.cols(); ++j)
        for (Eigen::Index i = 0; i < k.rows(); ++i) {
          const double d2 = std::max(0.0, a2(i) + b2(j) - 2.0 * k(i, j));
          k(i, j) = std::exp(-kernel.gamma * d2);
        }
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
