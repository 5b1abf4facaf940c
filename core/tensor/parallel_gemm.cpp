// Blocked, pooled GEMM on top of Eigen's kernel (Goto's algorithm: pack a panel of the left
// operand and a block of the right one, then run the register-blocked micro-kernel).
//
// [SECTION] Workspace: packing buffers with fixed capacities, one set per pool thread
// [SECTION] Plan: how a product is cut into blocks (shape only) and run by up to one task per thread
// [SECTION] Kernel call for one block
// [SECTION] Public entry points
#include "core/tensor/parallel_gemm.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <vector>

#include "core/base/thread_pool.h"

namespace mlp {
namespace {

using Eigen::Index;

// ---- [SECTION] Workspace ------------------------------------------------------------------------

// Caps on Eigen's cache-blocking sizes. Eigen sizes them from the CPU caches and lets mc grow with
// the rows of the product; capping them bounds the packing buffers (1 MB per slot in float), so
// each buffer is allocated once at full capacity and never again. kc stays at what Eigen picks
// for our layers (400 for k = 784 on AVX-512); capping mc and nc measured no slower.
constexpr Index kMaxKc = 512;  // depth of a packed panel
constexpr Index kMaxMc = 256;  // rows of a packed lhs panel
constexpr Index kMaxNc = 256;  // columns of a packed rhs block

template <typename S>
struct PackingBuffers {
  Eigen::Matrix<S, Eigen::Dynamic, 1> lhs;  // kMaxKc × kMaxMc, aligned as Eigen's kernel expects
  Eigen::Matrix<S, Eigen::Dynamic, 1> rhs;  // kMaxKc × kMaxNc
};

// The packing buffers of one calling thread: slot i serves chunk i of that thread's products.
// Chunks of one product run at the same time but never share a slot, and the caller waits for all
// of them, so two sessions stepping on two threads never share buffers either.
template <typename S>
class Workspace {
public:
  PackingBuffers<S>* Reserve(int slots) {
    if (static_cast<int>(slots_.size()) < slots) slots_.resize(static_cast<size_t>(slots));
    for (int i = 0; i < slots; ++i) {
      auto& slot = slots_[static_cast<size_t>(i)];
      if (slot.lhs.size() == 0) {
        slot.lhs.resize(kMaxKc * kMaxMc);
        slot.rhs.resize(kMaxKc * kMaxNc);
      }
    }
    return slots_.data();
  }

private:
  std::vector<PackingBuffers<S>> slots_;
};

template <typename S>
Workspace<S>& CallerWorkspace() {
  thread_local Workspace<S> workspace;
  return workspace;
}

// ---- [SECTION] Plan -----------------------------------------------------------------------------

// Below this many multiply-adds (~10 µs of one core) a product is one block: handing work to
// another thread costs more than it saves.
constexpr double kMinParallelMacs = 1 << 20;
// A block carries at least this much work, so re-packing the shared operand per block stays a
// small fraction of the arithmetic. Measured (CPU time, one thread) on a 784-128-10 training step
// at batch 64, whose two large products have 6.4M multiply-adds each: cutting each into 2 blocks
// costs 3-5% of the step, 4 blocks 9%, 8 blocks 18%; a second thread wins back up to 2x.
constexpr double kMacsPerBlock = 1 << 21;
constexpr Index kMaxBlocks = 8;
constexpr Index kBlockAlign = 16;  // block extents are multiples of this (SIMD/micro-kernel width)

// A logical operand: (i, j) lives at data[i + j*stride], or at data[j + i*stride] when it is the
// transpose of the column-major matrix that was passed in.
template <typename S>
struct Operand {
  const S* data;
  Index stride;
  bool transposed;
  const S* At(Index i, Index j) const {
    return transposed ? data + j + i * stride : data + i + j * stride;
  }
};

template <typename S>
struct GemmPlan {
  Operand<S> a;  // m×k
  Operand<S> b;  // k×n
  S* c;          // m×n, column-major with stride ldc
  Index ldc;
  Index m, n, k;
  bool accumulate;      // c += a·b instead of c = a·b
  bool split_rows;      // blocks are row ranges (else column ranges) of c
  Index block_extent;   // rows (or columns) per block; the last block may be shorter
  Index blocks;
  int chunks;           // tasks handed to the pool, one per participating thread
  PackingBuffers<S>* slots;
  std::atomic<Index> next_block;  // blocks are claimed dynamically: a late-waking thread takes fewer
};

// Cuts c along its longer side: every block re-packs the operand that is shared by all blocks
// (b when splitting rows, a when splitting columns), and cutting the longer side re-packs the
// smaller one. Depends on (m, n, k) only.
template <typename S>
void PlanBlocks(GemmPlan<S>* p) {
  p->split_rows = p->m >= p->n;
  const Index extent = p->split_rows ? p->m : p->n;
  const double macs =
      static_cast<double>(p->m) * static_cast<double>(p->n) * static_cast<double>(p->k);
  Index target = 1;
  if (macs >= kMinParallelMacs) {
    while (target * 2 <= kMaxBlocks && macs >= kMacsPerBlock * static_cast<double>(target * 2)) target *= 2;
    target = std::max<Index>(target, 2);
  }
  Index block = (extent + target - 1) / target;
  block = std::min(extent, (block + kBlockAlign - 1) / kBlockAlign * kBlockAlign);
  p->block_extent = std::max<Index>(block, 1);
  p->blocks = (extent + p->block_extent - 1) / p->block_extent;
}

// ---- [SECTION] Kernel call for one block --------------------------------------------------------

// Hands Eigen's kernel our packing buffers, so it neither allocates nor uses the stack for them.
template <typename S>
class SlotBlocking : public Eigen::internal::level3_blocking<S, S> {
public:
  SlotBlocking(Index kc, Index mc, Index nc, PackingBuffers<S>* buffers) {
    this->m_kc = kc;
    this->m_mc = mc;
    this->m_nc = nc;
    this->m_blockA = buffers->lhs.data();
    this->m_blockB = buffers->rhs.data();
  }
};

template <typename S, int LhsOrder, int RhsOrder>
void RunKernel(Index rows, Index cols, Index depth, const S* lhs, Index lhs_stride, const S* rhs,
               Index rhs_stride, S* res, Index res_stride, SlotBlocking<S>& blocking) {
  Eigen::internal::general_matrix_matrix_product<Index, S, LhsOrder, false, S, RhsOrder, false,
                                                 Eigen::ColMajor, 1>::run(
      rows, cols, depth, lhs, lhs_stride, rhs, rhs_stride, res, 1, res_stride, S(1), blocking,
      nullptr);
}

template <typename S>
void ComputeBlock(const GemmPlan<S>& p, Index block, PackingBuffers<S>* buffers) {
  Index row0 = 0, rows = p.m, col0 = 0, cols = p.n;
  if (p.split_rows) {
    row0 = block * p.block_extent;
    rows = std::min(p.block_extent, p.m - row0);
  } else {
    col0 = block * p.block_extent;
    cols = std::min(p.block_extent, p.n - col0);
  }
  S* res = p.c + row0 + col0 * p.ldc;
  if (!p.accumulate) {
    Eigen::Map<Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>, 0, Eigen::OuterStride<>>(
        res, rows, cols, Eigen::OuterStride<>(p.ldc))
        .setZero();
  }
  Index kc = p.k, mc = rows, nc = cols;
  Eigen::internal::computeProductBlockingSizes<S, S, 1>(kc, mc, nc, Index(1));
  SlotBlocking<S> blocking(std::min(kc, kMaxKc), std::min(mc, kMaxMc), std::min(nc, kMaxNc),
                           buffers);
  const S* lhs = p.a.At(row0, 0);
  const S* rhs = p.b.At(0, col0);
  // A transposed operand is the same memory read as row-major: no copy. (aᵀ·bᵀ is not offered.)
  if (p.a.transposed) {
    RunKernel<S, Eigen::RowMajor, Eigen::ColMajor>(rows, cols, p.k, lhs, p.a.stride, rhs,
                                                   p.b.stride, res, p.ldc, blocking);
  } else if (p.b.transposed) {
    RunKernel<S, Eigen::ColMajor, Eigen::RowMajor>(rows, cols, p.k, lhs, p.a.stride, rhs,
                                                   p.b.stride, res, p.ldc, blocking);
  } else {
    RunKernel<S, Eigen::ColMajor, Eigen::ColMajor>(rows, cols, p.k, lhs, p.a.stride, rhs,
                                                   p.b.stride, res, p.ldc, blocking);
  }
}

// A chunk (one per participating thread) computes blocks until none are left, always with its own
// packing slot. Which thread computes a block never changes the block's result.
template <typename S>
void RunChunk(GemmPlan<S>& p, int chunk) {
  for (Index block = p.next_block.fetch_add(1); block < p.blocks; block = p.next_block.fetch_add(1)) {
    ComputeBlock(p, block, &p.slots[chunk]);
  }
}

// Eigen's own rule for products small enough that packing does not pay
// (EIGEN_GEMM_TO_COEFFBASED_THRESHOLD).
bool IsTiny(Index m, Index n, Index k) { return m + n + k < 20; }

template <typename S>
void Gemm(Operand<S> a, Operand<S> b, S* c, Index ldc, Index m, Index n, Index k, bool accumulate) {
  GemmPlan<S> p{a, b, c, ldc, m, n, k, accumulate, true, 0, 0, 1, nullptr, {0}};
  PlanBlocks(&p);
  ThreadPool& pool = SharedPool();
  p.chunks = static_cast<int>(std::min<Index>(p.blocks, pool.threads()));
  p.slots = CallerWorkspace<S>().Reserve(p.chunks);
  GemmPlan<S>* shared = &p;  // one pointer: fits std::function's inline storage, no allocation
  pool.Run(p.chunks, [shared](int chunk) { RunChunk(*shared, chunk); });
}

// ---- [SECTION] Public entry points --------------------------------------------------------------

template <typename S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;

template <typename S>
bool HandleEmpty(Index m, Index n, Index k, bool accumulate, Eigen::Ref<Mat<S>>& c) {
  if (m == 0 || n == 0) return true;
  if (k == 0) {
    if (!accumulate) c.setZero();
    return true;
  }
  return false;
}

template <typename S>
void MultiplyInto(const Eigen::Ref<const Mat<S>>& a, bool transpose_a,
                  const Eigen::Ref<const Mat<S>>& b, bool transpose_b, Eigen::Ref<Mat<S>> c,
                  bool accumulate) {
  const Index m = transpose_a ? a.cols() : a.rows();
  const Index k = transpose_a ? a.rows() : a.cols();
  const Index n = transpose_b ? b.rows() : b.cols();
  assert((transpose_b ? b.cols() : b.rows()) == k && "inner dimensions of the product differ");
  assert(c.rows() == m && c.cols() == n && "c has the wrong shape for this product");
  if (HandleEmpty<S>(m, n, k, accumulate, c)) return;
  if (IsTiny(m, n, k)) {
    if (transpose_a) {
      if (accumulate) c.noalias() += a.transpose().lazyProduct(b);
      else c.noalias() = a.transpose().lazyProduct(b);
    } else if (transpose_b) {
      if (accumulate) c.noalias() += a.lazyProduct(b.transpose());
      else c.noalias() = a.lazyProduct(b.transpose());
    } else {
      if (accumulate) c.noalias() += a.lazyProduct(b);
      else c.noalias() = a.lazyProduct(b);
    }
    return;
  }
  Gemm<S>(Operand<S>{a.data(), a.outerStride(), transpose_a},
          Operand<S>{b.data(), b.outerStride(), transpose_b}, c.data(), c.outerStride(), m, n, k,
          accumulate);
}

}  // namespace

void MatMul(const Eigen::Ref<const Eigen::MatrixXf>& a, const Eigen::Ref<const Eigen::MatrixXf>& b,
            Eigen::Ref<Eigen::MatrixXf> c) {
  MultiplyInto<float>(a, false, b, false, c, false);
}
void MatMul(const Eigen::Ref<const Eigen::MatrixXd>& a, const Eigen::Ref<const Eigen::MatrixXd>& b,
            Eigen::Ref<Eigen::MatrixXd> c) {
  MultiplyInto<double>(a, false, b, false, c, false);
}
void MatMulAdd(const Eigen::Ref<const Eigen::MatrixXf>& a,
               const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Ref<Eigen::MatrixXf> c) {
  MultiplyInto<float>(a, false, b, false, c, true);
}
void MatMulAdd(const Eigen::Ref<const Eigen::MatrixXd>& a,
               const Eigen::Ref<const Eigen::MatrixXd>& b, Eigen::Ref<Eigen::MatrixXd> c) {
  MultiplyInto<double>(a, false, b, false, c, true);
}
void MatMulTransA(const Eigen::Ref<const Eigen::MatrixXf>& a,
                  const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Ref<Eigen::MatrixXf> c) {
  MultiplyInto<float>(a, true, b, false, c, false);
}
void MatMulTransA(const Eigen::Ref<const Eigen::MatrixXd>& a,
                  const Eigen::Ref<const Eigen::MatrixXd>& b, Eigen::Ref<Eigen::MatrixXd> c) {
  MultiplyInto<double>(a, true, b, false, c, false);
}
void MatMulTransB(const Eigen::Ref<const Eigen::MatrixXf>& a,
                  const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Ref<Eigen::MatrixXf> c) {
  MultiplyInto<float>(a, false, b, true, c, false);
}
void MatMulTransB(const Eigen::Ref<const Eigen::MatrixXd>& a,
                  const Eigen::Ref<const Eigen::MatrixXd>& b, Eigen::Ref<Eigen::MatrixXd> c) {
  MultiplyInto<double>(a, false, b, true, c, false);
}
void MatMulTransBAdd(const Eigen::Ref<const Eigen::MatrixXf>& a,
                     const Eigen::Ref<const Eigen::MatrixXf>& b, Eigen::Ref<Eigen::MatrixXf> c) {
  MultiplyInto<float>(a, false, b, true, c, true);
}
void MatMulTransBAdd(const Eigen::Ref<const Eigen::MatrixXd>& a,
                     const Eigen::Ref<const Eigen::MatrixXd>& b, Eigen::Ref<Eigen::MatrixXd> c) {
  MultiplyInto<double>(a, false, b, true, c, true);
}

}  // namespace mlp
