// Kernel Gram matrices (formulas in kernel.h).
#include "core/models/classic/kernels/kernel.h"

#include <algorithm>
#include <cmath>

#include "core/base/format.h"
#include "core/base/thread_pool.h"
#include "core/tensor/exp_in_place.h"

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

namespace {

// k ← kernel(k) in place, where k holds the products a·bᵀ of rows with squared norms a2 and b2.
void ApplyKernel(const KernelSettings& kernel, const Eigen::Ref<const Eigen::ArrayXd>& a2,
                 const Eigen::Ref<const Eigen::ArrayXd>& b2, Eigen::Ref<Eigen::MatrixXd> matrix) {
  auto k = matrix.array();
  switch (kernel.type) {
    case KernelType::kLinear: break;
    case KernelType::kPolynomial: k = (kernel.gamma * k + kernel.coef0).pow(double(kernel.degree)); break;
    case KernelType::kRbf:
      // Whole-array expressions so Eigen vectorises them; the exponential through ExpInPlace,
      // which is Eigen's vectorised exp natively and a faster scalar loop in WebAssembly.
      k = -2.0 * k;
      k.colwise() += a2;
      k.rowwise() += b2.transpose();
      k = -kernel.gamma * k.max(0.0);
      if (matrix.outerStride() == matrix.rows()) {  // contiguous: one call
        ExpInPlace(matrix.data(), matrix.size());
      } else {
        for (Eigen::Index col = 0; col < matrix.cols(); ++col) ExpInPlace(matrix.col(col).data(), matrix.rows());
      }
      break;
  }
}

}  // namespace

Eigen::MatrixXd KernelMatrix(const KernelSettings& kernel, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd k = a * b.transpose();
  const Eigen::ArrayXd a2 = a.rowwise().squaredNorm().array();
  const Eigen::ArrayXd b2 = b.rowwise().squaredNorm().array();
  ApplyKernel(kernel, a2, b2, k);
  return k;
}

Eigen::VectorXd KernelTimesVector(const KernelSettings& kernel, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b,
                                  const Eigen::VectorXd& v) {
  // ~256 KB of K per block (fits L2 next to b), at least 8 rows.
  const Eigen::Index rows_per_block = std::max<Eigen::Index>(8, (32 * 1024) / std::max<Eigen::Index>(1, b.rows()));
  const Eigen::ArrayXd a2 = a.rowwise().squaredNorm().array();
  const Eigen::ArrayXd b2 = b.rowwise().squaredNorm().array();
  Eigen::VectorXd out(a.rows());
  SharedPool().ParallelFor(a.rows(), rows_per_block, [&](int64_t begin, int64_t end) {
    const Eigen::Index n = end - begin;
    Eigen::MatrixXd k(n, b.rows());
    k.noalias() = a.middleRows(begin, n) * b.transpose();
    ApplyKernel(kernel, a2.segment(begin, n), b2, k);
    out.segment(begin, n).noalias() = k * v;
  });
  return out;
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
