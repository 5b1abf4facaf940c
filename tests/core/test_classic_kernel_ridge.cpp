// KernelRidge against scikit-learn 1.2.1 (tests/golden/kernels_golden.h from
// tests/golden/make_kernels_golden.py) on the kernel lesson's noisy sinusoid (seed 1234, N = 200,
// sin(4πx) + 0.1·N + 5), and the lesson's printed R²: KRR 0.98, and — ridge in its dual form, a linear
// kernel on standardised [x … x⁵] with centred y — ridge(0.001) 0.55 and OLS 0.89. Closed form: 1e-6.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/base/rng.h"
#include "core/base/thread_pool.h"
#include "core/data/generators/classic.h"
#include "core/models/classic/kernels/kernel_ridge.h"
#include "tests/golden/kernels_golden.h"

namespace {

using mlp::classic::KernelRidge;
using mlp::classic::KernelRidgeSettings;
using mlp::classic::KernelType;

Eigen::MatrixXd Standardise(const Eigen::MatrixXd& x) {  // ddof = 0, as StandardScaler
  const Eigen::RowVectorXd mean = x.colwise().mean();
  const Eigen::MatrixXd centred = x.rowwise() - mean;
  const Eigen::RowVectorXd sd = (centred.array().square().colwise().sum() / double(x.rows())).sqrt();
  return centred.array().rowwise() / sd.array();
}

double R2(const Eigen::VectorXd& y, const Eigen::VectorXd& predicted) {
  return 1.0 - (y - predicted).squaredNorm() / (y.array() - y.mean()).square().sum();
}

Eigen::VectorXd EveryTenth(const Eigen::VectorXd& v) {
  Eigen::VectorXd out(v.size() / 10);
  for (Eigen::Index i = 0; i < out.size(); ++i) out(i) = v(10 * i);
  return out;
}

void CheckRelative(const Eigen::VectorXd& got, const std::vector<double>& want, double tolerance) {
  REQUIRE(got.size() == static_cast<Eigen::Index>(want.size()));
  for (Eigen::Index i = 0; i < got.size(); ++i)
    CHECK(got(i) == Approx(want[static_cast<size_t>(i)]).epsilon(tolerance));
}

}  // namespace

TEST_CASE("Kernel ridge RBF reproduces the course's R2 0.98 and sklearn's coefficients", "[classic-krr]") {
  const mlp::Dataset data = mlp::GenerateNoisySinusoid(mlp::NoisySinusoidSettings{});
  const Eigen::MatrixXd x = Standardise(data.features);
  KernelRidgeSettings settings;
  settings.alpha = 0.01;
  settings.kernel = {KernelType::kRbf, mlp::classic::RbfGammaFromSigma(1.0), 3, 1.0};  // the course's σ = 1
  KernelRidge model(settings);
  REQUIRE(model.Reset(x, data.targets, 0, 0).ok());
  REQUIRE(model.Step().ok());  // closed form: one Step finishes
  CHECK(model.progress().finished);
  CheckRelative(model.dual_coef(), kernels_golden::kKrrRbfDual, 1e-6);
  const Eigen::VectorXd predicted = model.Predict(x);
  CheckRelative(EveryTenth(predicted), kernels_golden::kKrrRbfPredict, 1e-6);
  CHECK(R2(data.targets, predicted) == Approx(kernels_golden::kKrrRbfR2).epsilon(1e-6));
  CHECK(R2(data.targets, predicted) == Approx(0.98).margin(0.005));  // as printed by the course
}

TEST_CASE("Kernel ridge polynomial and linear kernels match sklearn", "[classic-krr]") {
  const mlp::Dataset data = mlp::GenerateNoisySinusoid(mlp::NoisySinusoidSettings{});
  KernelRidge poly(KernelRidgeSettings{0.1, {KernelType::kPolynomial, 0.5, 3, 1.0}});
  REQUIRE(poly.Fit(data.features, data.targets, 0, 0).ok());
  CheckRelative(EveryTenth(poly.Predict(data.features)), kernels_golden::kKrrPolyPredict, 1e-6);
  KernelRidge linear(KernelRidgeSettings{2.0, {KernelType::kLinear, 1.0, 3, 1.0}});
  REQUIRE(linear.Fit(data.features, data.targets, 0, 0).ok());
  CheckRelative(EveryTenth(linear.Predict(data.features)), kernels_golden::kKrrLinearPredict, 1e-6);
}

TEST_CASE("Kernel ridge with a linear kernel is the course's ridge and OLS (R2 0.55, 0.89)", "[classic-krr]") {
  const mlp::Dataset data = mlp::GenerateNoisySinusoid(mlp::NoisySinusoidSettings{});
  Eigen::MatrixXd powers(data.features.rows(), 5);
  for (int k = 0; k < 5; ++k) powers.col(k) = data.features.col(0).array().pow(k + 1);
  const Eigen::MatrixXd x = Standardise(powers);
  const double mean = data.targets.mean();
  const Eigen::VectorXd centred = data.targets.array() - mean;
  KernelRidge ridge(KernelRidgeSettings{0.001, {KernelType::kLinear, 1.0, 3, 1.0}});
  REQUIRE(ridge.Fit(x, centred, 0, 0).ok());
  const double r2_ridge = R2(data.targets, ridge.Predict(x).array() + mean);
  CHECK(r2_ridge == Approx(kernels_golden::kKrrPoly5RidgeR2).epsilon(1e-6));
  CHECK(r2_ridge == Approx(0.55).margin(0.005));
  // OLS as the α → 0 limit (α = 1e-9 on a rank-5 Gram matrix): both sides agree to ~1e-6.
  KernelRidge ols(KernelRidgeSettings{1e-9, {KernelType::kLinear, 1.0, 3, 1.0}});
  REQUIRE(ols.Fit(x, centred, 0, 0).ok());
  const double r2_ols = R2(data.targets, ols.Predict(x).array() + mean);
  CHECK(r2_ols == Approx(kernels_golden::kKrrPoly5OlsR2).epsilon(1e-6));
  CHECK(r2_ols == Approx(0.89).margin(0.005));
}

TEST_CASE("Kernel ridge reports a singular system and bad settings", "[classic-krr]") {
  Eigen::MatrixXd x(3, 1);
  x << 1, 1, 2;  // two equal rows: a linear Gram matrix of rank 1
  Eigen::VectorXd y(3);
  y << 1, 2, 3;
  KernelRidge model(KernelRidgeSettings{0.0, {KernelType::kLinear, 1.0, 3, 1.0}});
  CHECK(model.Describe() == "kernel ridge (alpha = 0, linear)");
  REQUIRE(model.Reset(x, y, 0, 0).ok());
  const mlp::Status status = model.Step();
  CHECK_FALSE(status.ok());
  CHECK(status.message().find("alpha") != std::string::npos);
  model.settings().alpha = -1.0;
  CHECK_FALSE(model.Reset(x, y, 0, 0).ok());
  model.settings().alpha = 1.0;
  model.settings().kernel = {KernelType::kPolynomial, 1.0, 0, 1.0};
  CHECK_FALSE(model.Reset(x, y, 0, 0).ok());
}

TEST_CASE("KernelTimesVector is KernelMatrix times v, whatever the thread count", "[classic-krr]") {
  // 300 rows against 150: blocks of 218 rows, so two blocks of different sizes.
  mlp::Rng rng(7);
  Eigen::MatrixXd a(300, 3), b(150, 3);
  Eigen::VectorXd v(150);
  for (Eigen::Index i = 0; i < a.size(); ++i) a(i) = rng.Normal();
  for (Eigen::Index i = 0; i < b.size(); ++i) b(i) = rng.Normal();
  for (Eigen::Index i = 0; i < v.size(); ++i) v(i) = rng.Normal();
  const int previous_threads = mlp::SharedPool().threads();
  for (const mlp::classic::KernelSettings kernel : {mlp::classic::KernelSettings{KernelType::kRbf, 0.3, 3, 1.0},
                                                    mlp::classic::KernelSettings{KernelType::kPolynomial, 0.5, 3, 1.0},
                                                    mlp::classic::KernelSettings{KernelType::kLinear, 1.0, 3, 1.0}}) {
    const Eigen::VectorXd want = mlp::classic::KernelMatrix(kernel, a, b) * v;
    mlp::SetSharedPoolThreads(1);
    const Eigen::VectorXd one = mlp::classic::KernelTimesVector(kernel, a, b, v);
    mlp::SetSharedPoolThreads(2);
    const Eigen::VectorXd two = mlp::classic::KernelTimesVector(kernel, a, b, v);
    REQUIRE(one.size() == want.size());
    CHECK((one - want).cwiseAbs().maxCoeff() <= 1e-12 * (1.0 + want.cwiseAbs().maxCoeff()));
    CHECK(one == two);  // blocks are cut by size only
  }
  mlp::SetSharedPoolThreads(previous_threads);
}
