// Losses and regularisation penalties: names, known values, clamping, and finite-difference checks
// in double (central differences, h = 1e-5, error |a − n| / max(|a|, |n|, 1e-3) below 1e-6).
#include <catch2/catch.hpp>

#include <cmath>

#include "core/nn/gradient_check.h"
#include "core/nn/loss.h"
#include "core/nn/regularization.h"

using namespace mlp::nn;

TEST_CASE("loss and regularization names round-trip", "[nn]") {
  for (Loss loss : {Loss::kMeanSquaredError, Loss::kBinaryCrossEntropy, Loss::kCategoricalCrossEntropy}) {
    Loss parsed = Loss::kMeanSquaredError;
    REQUIRE(ParseLoss(LossName(loss), &parsed));
    CHECK(parsed == loss);
  }
  CHECK(LossName(Loss::kCategoricalCrossEntropy) == "cce");
  Loss loss = Loss::kBinaryCrossEntropy;
  CHECK_FALSE(ParseLoss("hinge", &loss));
  CHECK(loss == Loss::kBinaryCrossEntropy);

  for (Regularization r : {Regularization::kNone, Regularization::kL1, Regularization::kL2}) {
    Regularization parsed = Regularization::kNone;
    REQUIRE(ParseRegularization(RegularizationName(r), &parsed));
    CHECK(parsed == r);
  }
  Regularization r = Regularization::kL1;
  CHECK_FALSE(ParseRegularization("elastic", &r));
  CHECK(r == Regularization::kL1);
}

TEST_CASE("loss values follow the sum-over-outputs, mean-over-samples convention", "[nn]") {
  MatrixD p(2, 2), t(2, 2);
  p << 1, 2,
       3, 4;
  t << 0, 2,
       3, 2;
  // ½(1² + 0 + 0 + 2²) summed, divided by 2 samples.
  CHECK(LossValue<double>(Loss::kMeanSquaredError, p, t) == Approx(1.25));

  MatrixD probability(2, 1), label(2, 1);
  probability << 0.8, 0.4;
  label << 1, 0;
  CHECK(LossValue<double>(Loss::kBinaryCrossEntropy, probability, label) ==
        Approx(-(std::log(0.8) + std::log(0.6)) / 2.0));

  MatrixD distribution(2, 3), one_hot(2, 3);
  distribution << 0.7, 0.2, 0.1,
                  0.1, 0.1, 0.8;
  one_hot << 1, 0, 0,
             0, 0, 1;
  CHECK(LossValue<double>(Loss::kCategoricalCrossEntropy, distribution, one_hot) ==
        Approx(-(std::log(0.7) + std::log(0.8)) / 2.0));
}

TEST_CASE("cross-entropies clamp saturated probabilities to a finite loss", "[nn]") {
  MatrixD p(1, 2), t(1, 2);
  p << 0.0, 1.0;
  t << 1.0, 0.0;
  const double bce = LossValue<double>(Loss::kBinaryCrossEntropy, p, t);
  CHECK(std::isfinite(bce));
  CHECK(bce == Approx(-2.0 * std::log(kProbabilityEpsilon)).epsilon(1e-6));
  MatrixD grad(1, 2);
  LossGradient<double>(Loss::kBinaryCrossEntropy, p, t, grad);
  CHECK(grad.allFinite());
  const MatrixF pf = p.cast<float>(), tf = t.cast<float>();
  CHECK(std::isfinite(LossValue<float>(Loss::kCategoricalCrossEntropy, pf, tf)));
}

TEST_CASE("loss gradients match central differences", "[nn]") {
  mlp::Rng rng(21);
  const int rows = 5, cols = 3;
  for (Loss loss : {Loss::kMeanSquaredError, Loss::kBinaryCrossEntropy, Loss::kCategoricalCrossEntropy}) {
    INFO(LossName(loss));
    // Probabilities inside [0.05, 0.95], far from the clamp at 1e-7, where the clamped loss is flat.
    MatrixD prediction = UniformMatrix(rng, rows, cols, 0.05, 0.95);
    MatrixD target = UniformMatrix(rng, rows, cols, 0.0, 1.0);  // soft targets exercise both BCE terms
    if (loss == Loss::kCategoricalCrossEntropy) {
      target.array().colwise() /= target.rowwise().sum().array();  // rows are distributions
    }
    MatrixD analytic(rows, cols);
    LossGradient<double>(loss, prediction, target, analytic);
    const MatrixD numeric = NumericalGradient([&] { return LossValue<double>(loss, prediction, target); }, prediction);
    CHECK(MaxRelativeError(analytic, numeric) < 1e-6);
  }
}

TEST_CASE("regularization penalties and gradients", "[nn]") {
  MatrixD w(2, 2);
  w << 0.5, -1.0,
       2.0, -0.25;
  CHECK(RegularizationPenalty<double>(Regularization::kNone, w, 0.1) == 0.0);
  CHECK(RegularizationPenalty<double>(Regularization::kL1, w, 0.1) == Approx(0.1 * 3.75));
  CHECK(RegularizationPenalty<double>(Regularization::kL2, w, 0.1) == Approx(0.1 * 0.5 * 5.3125));

  mlp::Rng rng(5);
  for (Regularization r : {Regularization::kL1, Regularization::kL2}) {
    INFO(RegularizationName(r));
    MatrixD weights = UniformMatrix(rng, 4, 3, -1.0, 1.0);
    // L1 has a kink at 0: keep every weight at least 0.05 away from it.
    weights = weights.unaryExpr([](double v) { return v < 0 ? std::min(v, -0.05) : std::max(v, 0.05); });
    MatrixD analytic = MatrixD::Constant(4, 3, 0.25);  // the gradient is ADDED to what is there
    AddRegularizationGradient<double>(r, weights, 0.3, analytic);
    analytic.array() -= 0.25;
    const MatrixD numeric =
        NumericalGradient([&] { return RegularizationPenalty<double>(r, weights, 0.3); }, weights);
    CHECK(MaxRelativeError(analytic, numeric) < 1e-6);
  }
}
