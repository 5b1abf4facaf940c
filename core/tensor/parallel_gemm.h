// Matrix products for the neural-network engine: Eigen's GEMM kernel, split into blocks that run
// on the shared thread pool, with packing buffers that are allocated once and then reused.
//
// Determinism: a product is cut into blocks of whole rows (or, when the result is wider than
// tall, whole columns) of c. The cut depends only on the shapes (m, n, k), and each block is
// always computed by the same kernel call on the same data, so c is bit-identical whatever the
// thread count; threads only decide which blocks run where. Products too small to be worth it run
// as a single block (and tiny ones as Eigen's coefficient-based product), also by shape only.
//
// No allocation after warm-up: the packing buffers have fixed capacities and are kept per calling
// thread (one set per thread that works on the call), so a call allocates only the first time its
// calling thread needs that many sets (its first product, or the first after the pool grew).
//
// Shapes: a, b, c are column-major; c must not alias a or b (these are `.noalias()` products).
#pragma once

#include <Eigen/Core>

namespace mlp {

// c = a·b          a: m×k, b: k×n, c: m×n
void MatMul(const Eigen::Ref<const Eigen::MatrixXf>& a, const Eigen::Ref<const Eigen::MatrixXf>& b,
            Eigen::Ref<Eigen::MatrixXf> c);
void MatMul(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b,
            Eigen::Ref<Eigen::MatrixXd> c);
// c += a·b         (e.g. c pre-filled with a broadcast bias)
void MatMulAdd(const Eigen::Ref<const Eigen::MatrixXf>& a,
               const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Ref<Eigen::MatrixXf> c);
void MatMulAdd(const Eigen::Ref<const Eigen::MatrixXd>& a,
               const Eigen::Ref<const Eigen::MatrixXd>& b, Eigen::Ref<Eigen::MatrixXd> c);
// c = aᵀ·b         a: k×m, b: k×n, c: m×n   (no transposed copy of a is made)
void MatMulTransA(const Eigen::Ref<const Eigen::MatrixXf>& a,
                  const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Ref<Eigen::MatrixXf> c);
void MatMulTransA(const Eigen::Ref<const Eigen::MatrixXd>& a,
                  const Eigen::Ref<const Eigen::MatrixXd>& b, Eigen::Ref<Eigen::MatrixXd> c);
// c = a·bᵀ         a: m×k, b: n×k, c: m×n   (no transposed copy of b is made)
void MatMulTransB(const Eigen::Ref<const Eigen::MatrixXf>& a,
                  const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Ref<Eigen::MatrixXf> c);
void MatMulTransB(const Eigen::Ref<const Eigen::MatrixXd>& a,
                  const Eigen::Ref<const Eigen::MatrixXd>& b, Eigen::Ref<Eigen::MatrixXd> c);
// c += a·bᵀ        (e.g. a weight gradient summed over slices of the batch)
void MatMulTransBAdd(const Eigen::Ref<const Eigen::MatrixXf>& a,
                     const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Ref<Eigen::MatrixXf> c);
void MatMulTransBAdd(const Eigen::Ref<const Eigen::MatrixXd>& a,
                     const Eigen::Ref<const Eigen::MatrixXd>& b, Eigen::Ref<Eigen::MatrixXd> c);

namespace nn {
using mlp::MatMul;
using mlp::MatMulAdd;
using mlp::MatMulTransA;
using mlp::MatMulTransB;
using mlp::MatMulTransBAdd;
}  // namespace nn

}  // namespace mlp
