// Losses added for the deep-model engine: soft Dice and the Gaussian KL divergence (hand values,
// central-difference gradients in double including saturated predictions), the column-per-sample
// variants of every loss, and RMSprop's first two steps by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/nn/gaussian_kl.h"
#include "core/nn/gradient_check.h"
#include "core/nn/loss.h"
#include "core/nn/optimizer.h"

using namespace mlp::nn;

TEST_CASE("Dice: zero for a perfect mask, the hand value for a small case", "[nn-seq]") {
  REQUIRE(kDiceSmoothing == 1.0);
  MatrixD mask(2, 4);
  mask << 1, 0, 0, 1,
          0, 0, 0, 0;  // an empty mask predicted empty is perfect too, thanks to ε
  CHECK(LossValue<double>(Loss::kDice, mask, mask) == Approx(0.0).margin(1e-15));
  // Σpt = 1.5, Σp = 2, Σt = 2: 1 − (2·1.5 + 1)/(2 + 2 + 1) = 0.2.
  MatrixD p(1, 4), t(1, 4);
  p << 0.5, 0.5, 0.0, 1.0;
  t << 1, 0, 0, 1;
  CHECK(LossValue<double>(Loss::kDice, p, t) == Approx(0.2));
  // Two samples: the mean of 0.2 and 0 (the perfect one).
  MatrixD p2(2, 4), t2(2, 4);
  p2 << p, mask.row(0);
  t2 << t, mask.row(0);
  CHECK(LossValue<double>(Loss::kDice, p2, t2) == Approx(0.1));
  Loss parsed = Loss::kMeanSquaredError;
  REQUIRE(ParseLoss("dice", &parsed));
  CHECK(parsed == Loss::kDice);
}

TEST_CASE("Dice gradients match central differences, also at p = 0 and p = 1", "[nn-seq]") {
  mlp::Rng rng(11);
  MatrixD p = UniformMatrix(rng, 3, 6, 0.0, 1.0);
  MatrixD t = (UniformMatrix(rng, 3, 6, 0.0, 1.0).array() > 0.5).cast<double>();
  // Saturated predictions: Dice has no clamp and no kink there, so the check holds exactly.
  p(0, 0) = 0.0;
  p(0, 1) = 1.0;
  p(1, 2) = 1e-9;
  p(2, 5) = 1.0 - 1e-9;
  MatrixD grad(3, 6);
  LossGradient<double>(Loss::kDice, p, t, grad);
  auto value = [&] { return LossValue<double>(Loss::kDice, p, t); };
  CHECK(MaxRelativeError(grad, NumericalGradient(value, p)) < 1e-6);
  // Column layout on the transposes: same value, transposed gradient.
  MatrixD pc = p.transpose(), tc = t.transpose(), gc(6, 3);
  LossGradientColumns<double>(Loss::kDice, pc, tc, gc);
  CHECK(LossValueColumns<double>(Loss::kDice, pc, tc) == Approx(value()).epsilon(1e-14));
  CHECK((gc - grad.transpose()).cwiseAbs().maxCoeff() < 1e-15);
}

TEST_CASE("column-per-sample losses equal the row losses on the transposes", "[nn-seq]") {
  mlp::Rng rng(12);
  for (Loss loss : {Loss::kMeanSquaredError, Loss::kBinaryCrossEntropy, Loss::kCategoricalCrossEntropy,
                    Loss::kDice}) {
    INFO(LossName(loss));
    MatrixD p = UniformMatrix(rng, 4, 5, 0.05, 0.95);  // outputs × samples
    MatrixD t = UniformMatrix(rng, 4, 5, 0.0, 1.0);
    if (loss == Loss::kCategoricalCrossEntropy) {
      for (int j = 0; j < 5; ++j) p.col(j) /= p.col(j).sum();
    }
    const MatrixD pr = p.transpose(), tr = t.transpose();
    CHECK(LossValueColumns<double>(loss, p, t) == Approx(LossValue<double>(loss, pr, tr)).epsilon(1e-14));
    MatrixD grad(4, 5), grad_rows(5, 4);
    LossGradientColumns<double>(loss, p, t, grad);
    LossGradient<double>(loss, pr, tr, grad_rows);
    CHECK((grad - grad_rows.transpose()).cwiseAbs().maxCoeff() < 1e-14);
    auto value = [&] { return LossValueColumns<double>(loss, p, t); };
    CHECK(MaxRelativeError(grad, NumericalGradient(value, p)) < 1e-6);
  }
}

TEST_CASE("BCE near its clamp: finite differences agree inside, the clamp flattens outside", "[nn-seq]") {
  // 1e-5 and 1 − 1e-5 are 100 × the clamp's 1e-7 from the edges: the check still holds (h = 1e-9
  // keeps the difference inside the smooth region). Below 1e-7 the value is constant.
  MatrixD p(1, 2), t(1, 2);
  p << 1e-5, 1.0 - 1e-5;
  t << 1.0, 0.0;
  MatrixD grad(1, 2);
  LossGradient<double>(Loss::kBinaryCrossEntropy, p, t, grad);
  auto value = [&] { return LossValue<double>(Loss::kBinaryCrossEntropy, p, t); };
  CHECK(MaxRelativeError(grad, NumericalGradient(value, p, 1e-9)) < 1e-6);
  MatrixD saturated(1, 2);
  saturated << 1e-9, 1e-8;
  MatrixD one(1, 2);
  one << 1.0, 1.0;
  CHECK(LossValue<double>(Loss::kBinaryCrossEntropy, saturated.leftCols(1), one.leftCols(1)) ==
        LossValue<double>(Loss::kBinaryCrossEntropy, saturated.rightCols(1), one.rightCols(1)));
}

TEST_CASE("Gaussian KL: zero at the prior, the closed form for known μ and σ", "[nn-seq]") {
  MatrixD mean = MatrixD::Zero(3, 2), log_variance = MatrixD::Zero(3, 2);
  CHECK(GaussianKlDivergence<double>(mean, log_variance) == 0.0);
  MatrixD dmean(3, 2), dlog(3, 2);
  GaussianKlGradient<double>(mean, log_variance, dmean, dlog);
  CHECK(dmean.cwiseAbs().maxCoeff() == 0.0);
  CHECK(dlog.cwiseAbs().maxCoeff() == 0.0);
  // One latent dimension, μ = 1, σ = 2: ½(1 + 4 − ln 4 − 1) = 2 − ln 2. Two samples, same value.
  MatrixD mu(1, 2), lv(1, 2);
  mu << 1.0, -1.0;
  lv << std::log(4.0), std::log(4.0);
  CHECK(GaussianKlDivergence<double>(mu, lv) == Approx(2.0 - std::log(2.0)).epsilon(1e-14));
}

TEST_CASE("Gaussian KL gradients match central differences, also for extreme variances", "[nn-seq]") {
  mlp::Rng rng(13);
  MatrixD mean = UniformMatrix(rng, 4, 3, -3.0, 3.0);
  MatrixD log_variance = UniformMatrix(rng, 4, 3, -2.0, 2.0);
  log_variance(0, 0) = -12.0;  // σ² ≈ 6e-6
  log_variance(1, 1) = 8.0;    // σ² ≈ 3000
  MatrixD dmean(4, 3), dlog(4, 3);
  GaussianKlGradient<double>(mean, log_variance, dmean, dlog);
  auto value = [&] { return GaussianKlDivergence<double>(mean, log_variance); };
  CHECK(MaxRelativeError(dmean, NumericalGradient(value, mean)) < 1e-6);
  CHECK(MaxRelativeError(dlog, NumericalGradient(value, log_variance)) < 1e-6);
  const MatrixF mf = mean.cast<float>(), lf = log_variance.cast<float>();
  CHECK(GaussianKlDivergence<float>(mf, lf) == Approx(value()).epsilon(1e-5));
}

TEST_CASE("RMSprop: two steps of v = a*v + (1-a)*g^2, w -= lr*g/(sqrt(v)+eps)", "[nn-seq]") {
  MatrixD w(1, 2), g(1, 2);
  w << 1.0, 2.0;
  std::vector<Parameter<double>> parameters;
  parameters.push_back({"w", Eigen::Map<MatrixD>(w.data(), 1, 2), Eigen::Map<MatrixD>(g.data(), 1, 2), false});
  OptimizerSettings settings;
  settings.kind = OptimizerKind::kRmsprop;
  settings.learning_rate = 0.1;
  REQUIRE(settings.rmsprop_alpha == 0.99);
  REQUIRE(settings.epsilon == 1e-8);
  Optimizer<double> optimizer(settings, parameters);
  CHECK(OptimizerKindName(OptimizerKind::kRmsprop) == "rmsprop");
  // Step 1, g = (0.5, −1): v = 0.01·g² = (0.0025, 0.01), √v = (0.05, 0.1):
  //   w = (1 − 0.1·0.5/0.05, 2 + 0.1·1/0.1) = (0, 3)   (ε shifts the 8th decimal)
  g << 0.5, -1.0;
  optimizer.Step(parameters);
  CHECK(w(0, 0) == Approx(0.0).margin(1e-6));
  CHECK(w(0, 1) == Approx(3.0).epsilon(1e-7));
  // Step 2, g = (0.5, 2): v = (0.99·0.0025 + 0.0025, 0.99·0.01 + 0.04) = (0.004975, 0.0499),
  //   w = (0 − 0.05/0.0705337, 3 − 0.2/0.2233831) = (−0.7088812, 2.1046770)
  g << 0.5, 2.0;
  optimizer.Step(parameters);
  CHECK(w(0, 0) == Approx(-0.05 / std::sqrt(0.004975)).epsilon(1e-6));
  CHECK(w(0, 0) == Approx(-0.7088812).epsilon(1e-6));
  CHECK(w(0, 1) == Approx(3.0 - 0.2 / std::sqrt(0.0499)).epsilon(1e-6));
  CHECK(w(0, 1) == Approx(2.1046770).epsilon(1e-6));
}
