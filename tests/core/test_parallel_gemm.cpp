// Pooled GEMM: bit-identical results with 1 and 2 threads, agreement with Eigen's own product,
// views (blocks) as operands and result, and a training run whose loss sequence does not depend
// on the thread count.
#include <catch2/catch.hpp>

#include <vector>

#include "core/base/thread_pool.h"
#include "core/nn/gradient_check.h"
#include "core/nn/mlp.h"
#include "core/nn/optimizer.h"
#include "core/tensor/parallel_gemm.h"

using mlp::nn::Matrix;
using mlp::nn::UniformMatrix;

namespace {

enum class Variant { kPlain, kAdd, kTransA, kTransB };

struct Shape {
  int m, n, k;
};

// Tiny (coefficient-based), single-block, and multi-block products, tall and wide, with extents
// that are not multiples of the block alignment.
const Shape kShapes[] = {{3, 4, 5},      {17, 9, 33},   {64, 128, 784}, {784, 128, 64},
                         {64, 784, 128}, {301, 77, 129}, {50, 700, 90},  {1, 300, 2000}};

// Computes the product `variant` of random operands for shape s, with the pool at `threads`.
template <typename S>
Matrix<S> Run(Variant variant, const Shape& s, int threads, Matrix<S>* reference) {
  mlp::SetSharedPoolThreads(threads);
  mlp::Rng rng(static_cast<uint32_t>(s.m * 7 + s.n * 13 + s.k));
  const bool ta = variant == Variant::kTransA, tb = variant == Variant::kTransB;
  const Matrix<S> a = ta ? UniformMatrix<S>(rng, s.k, s.m, -1, 1) : UniformMatrix<S>(rng, s.m, s.k, -1, 1);
  const Matrix<S> b = tb ? UniformMatrix<S>(rng, s.n, s.k, -1, 1) : UniformMatrix<S>(rng, s.k, s.n, -1, 1);
  const Matrix<S> start = UniformMatrix<S>(rng, s.m, s.n, -1, 1);
  Matrix<S> c = start;
  switch (variant) {
    case Variant::kPlain: mlp::MatMul(a, b, c); *reference = a * b; break;
    case Variant::kAdd: mlp::MatMulAdd(a, b, c); *reference = start + a * b; break;
    case Variant::kTransA: mlp::MatMulTransA(a, b, c); *reference = a.transpose() * b; break;
    case Variant::kTransB: mlp::MatMulTransB(a, b, c); *reference = a * b.transpose(); break;
  }
  return c;
}

template <typename S>
void CheckAllShapes(double tolerance) {
  for (Variant variant : {Variant::kPlain, Variant::kAdd, Variant::kTransA, Variant::kTransB}) {
    for (const Shape& s : kShapes) {
      INFO("variant " << static_cast<int>(variant) << ", m " << s.m << " n " << s.n << " k " << s.k);
      Matrix<S> reference;
      const Matrix<S> one = Run<S>(variant, s, 1, &reference);
      const Matrix<S> two = Run<S>(variant, s, 2, &reference);
      CHECK((one.array() == two.array()).all());  // bit for bit
      const double error = (one - reference).norm() / reference.norm();
      CHECK(error < tolerance);
    }
  }
}

}  // namespace

TEST_CASE("parallel GEMM is bit-identical with 1 and 2 threads and matches Eigen", "[gemm]") {
  const int previous = mlp::SharedPool().threads();
  CheckAllShapes<float>(1e-5);
  CheckAllShapes<double>(1e-13);
  mlp::SetSharedPoolThreads(previous);
}

TEST_CASE("parallel GEMM takes blocks as operands and writes only its result block", "[gemm]") {
  mlp::Rng rng(77);
  const Matrix<float> big_a = UniformMatrix<float>(rng, 300, 200, -1, 1);
  const Matrix<float> big_b = UniformMatrix<float>(rng, 200, 150, -1, 1);
  Matrix<float> big_c = Matrix<float>::Constant(400, 300, 7.0f);
  auto a = big_a.block(10, 5, 250, 180);  // outer stride 300
  auto b = big_b.block(3, 20, 180, 100);  // outer stride 200
  mlp::MatMul(a, b, big_c.block(20, 30, 250, 100));
  const Matrix<float> expected = Matrix<float>(a) * Matrix<float>(b);
  CHECK((big_c.block(20, 30, 250, 100) - expected).norm() / expected.norm() < 1e-5);
  Matrix<float> outside = big_c;
  outside.block(20, 30, 250, 100).setConstant(7.0f);
  CHECK((outside.array() == 7.0f).all());
}

TEST_CASE("parallel GEMM with an empty inner dimension", "[gemm]") {
  const Matrix<double> a(4, 0), b(0, 3);
  Matrix<double> c = Matrix<double>::Constant(4, 3, 2.0);
  mlp::MatMulAdd(a, b, c);
  CHECK((c.array() == 2.0).all());
  mlp::MatMul(a, b, c);
  CHECK(c.isZero());
}

TEST_CASE("MLP training gives the same loss sequence with 1 and 2 threads", "[gemm][nn]") {
  using namespace mlp::nn;
  const int previous = mlp::SharedPool().threads();
  auto train = [](int threads) {
    mlp::SetSharedPoolThreads(threads);
    mlp::Rng rng(2024);
    const int samples = 256, batch = 64;
    const MatrixF x = UniformMatrix<float>(rng, samples, 784, 0.0, 1.0);
    MatrixF y = MatrixF::Zero(samples, 10);
    for (int i = 0; i < samples; ++i) y(i, static_cast<Eigen::Index>(rng.Interval(9))) = 1.0f;
    MlpSpec spec;
    spec.inputs = 784;
    spec.hidden = {128};
    spec.hidden_activation = Activation::kReLU;
    spec.outputs = 10;
    spec.output_activation = Activation::kSoftmax;
    Mlp<float> model(spec);
    model.Initialize(rng);
    OptimizerSettings settings;
    settings.momentum = 0.9;
    Optimizer<float> optimizer(settings, model.Parameters());
    std::vector<float> losses;
    for (int epoch = 0; epoch < 3; ++epoch) {
      for (int start = 0; start < samples; start += batch) {
        losses.push_back(model.ComputeGradients(x.middleRows(start, batch), y.middleRows(start, batch),
                                                Loss::kCategoricalCrossEntropy, Regularization::kNone, 0.0f));
        optimizer.Step(model.Parameters());
      }
    }
    return losses;
  };
  const std::vector<float> one = train(1);
  const std::vector<float> two = train(2);
  mlp::SetSharedPoolThreads(previous);
  REQUIRE(one.size() == 12);
  CHECK(one == two);
  CHECK(one.back() < one.front());  // it does train
}
