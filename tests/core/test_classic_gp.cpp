// GaussianProcessRegressor against scikit-learn 1.2.1 (tests/golden/kernels_golden.h from
// tests/golden/make_kernels_golden.py). Fixed hyperparameters (optimizer=None): mean, std and log
// marginal likelihood to 1e-6 relative (std to 1e-6 absolute where it is ~0). Fitted (L-BFGS-B in
// sklearn, projected BFGS here, both from the initial values with no restarts): the optimised log
// marginal likelihood within 1e-4, the hyperparameters within 1e-2 relative (the LML is flat near its
// maximum, so the optimisers may stop at slightly different points).
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/data/generators/classic.h"
#include "core/models/classic/kernels/gaussian_process.h"
#include "tests/golden/kernels_golden.h"

namespace {

using mlp::classic::GaussianProcessRegressor;
using mlp::classic::GaussianProcessSettings;

Eigen::MatrixXd Linspace(double low, double high, int count, int every = 1) {
  Eigen::MatrixXd x((count + every - 1) / every, 1);
  for (int i = 0, row = 0; i < count; i += every, ++row) x(row, 0) = low + (high - low) * i / double(count - 1);
  return x;
}

void CheckClose(const Eigen::VectorXd& got, const std::vector<double>& want, double relative, double absolute) {
  REQUIRE(got.size() == static_cast<Eigen::Index>(want.size()));
  for (Eigen::Index i = 0; i < got.size(); ++i)
    CHECK(got(i) == Approx(want[static_cast<size_t>(i)]).epsilon(relative).margin(absolute));
}

GaussianProcessSettings CourseSettings() {  // C(1, (1e-3, 1e3)) * RBF(0.5, (1e-2, 1e2)), alpha 0.1
  GaussianProcessSettings settings;
  settings.constant = 1.0;
  settings.constant_low = 1e-3;
  settings.constant_high = 1e3;
  settings.length_scale = 0.5;
  settings.length_scale_low = 1e-2;
  settings.length_scale_high = 1e2;
  settings.alpha = 0.1;
  return settings;
}

}  // namespace

TEST_CASE("GP with fixed hyperparameters matches sklearn on the course's toy set", "[classic-gp]") {
  const mlp::Dataset data = mlp::GenerateNoisySinusoid(mlp::GaussianProcessToySettings());
  CheckClose(data.targets, kernels_golden::kGpToyY, 1e-12, 0.0);
  GaussianProcessSettings settings = CourseSettings();
  settings.optimize = false;
  GaussianProcessRegressor gp(settings);
  REQUIRE(gp.Reset(data.features, data.targets, 0, 0).ok());
  REQUIRE(gp.Step().ok());
  CHECK(gp.progress().finished);
  Eigen::VectorXd mean, std;
  gp.PredictWithStd(Linspace(-2, 2, 100), mean, std);
  CheckClose(mean, kernels_golden::kGpFixedMean, 1e-6, 1e-9);
  CheckClose(std, kernels_golden::kGpFixedStd, 1e-6, 1e-9);
  CHECK(gp.log_marginal_likelihood() == Approx(kernels_golden::kGpFixedLml).epsilon(1e-9));
  Eigen::VectorXd gradient;
  const Eigen::Vector2d theta(std::log(1.0), std::log(0.5));
  CHECK(gp.LogMarginalLikelihood(theta, &gradient) == Approx(kernels_golden::kGpFixedLml).epsilon(1e-9));
  CheckClose(gradient, kernels_golden::kGpFixedLmlGradient, 1e-6, 1e-9);
}

TEST_CASE("GP marginal-likelihood fit reaches sklearn's optimum (C ~ 20, l ~ 0.47, LML ~ -10.30)", "[classic-gp]") {
  const mlp::Dataset data = mlp::GenerateNoisySinusoid(mlp::GaussianProcessToySettings());
  GaussianProcessRegressor gp(CourseSettings());
  REQUIRE(gp.Reset(data.features, data.targets, 0, 0).ok());
  const double initial = gp.progress().objective;
  REQUIRE(gp.Step().ok());  // one optimiser iteration
  CHECK(gp.progress().objective > initial);
  CHECK_FALSE(gp.progress().finished);
  while (!gp.progress().finished) REQUIRE(gp.Step().ok());
  CHECK(gp.log_marginal_likelihood() == Approx(kernels_golden::kGpFitLml).margin(1e-4));
  CHECK(gp.constant() == Approx(kernels_golden::kGpFitTheta[0]).epsilon(1e-2));
  CHECK(gp.length_scale() == Approx(kernels_golden::kGpFitTheta[1]).epsilon(1e-2));
  Eigen::VectorXd mean, std;
  gp.PredictWithStd(Linspace(-2, 2, 100), mean, std);
  CheckClose(mean, kernels_golden::kGpFitMean, 1e-3, 1e-3);
  CheckClose(std, kernels_golden::kGpFitStd, 1e-2, 1e-3);
}

TEST_CASE("GP with a white-noise kernel matches sklearn, fixed and fitted", "[classic-gp]") {
  mlp::NoisySinusoidSettings sinusoid;
  sinusoid.samples = 30;
  sinusoid.cycles_per_unit = 1.0;
  sinusoid.sort_x = false;
  const mlp::Dataset data = mlp::GenerateNoisySinusoid(sinusoid);
  GaussianProcessSettings settings;
  settings.constant = 2.0;
  settings.constant_low = 1e-3;
  settings.constant_high = 1e3;
  settings.length_scale = 0.3;
  settings.length_scale_low = 1e-2;
  settings.length_scale_high = 1e2;
  settings.white_noise = true;
  settings.noise_level = 0.05;
  settings.noise_low = 1e-6;
  settings.noise_high = 1e1;
  settings.alpha = 1e-10;
  settings.optimize = false;
  GaussianProcessRegressor fixed(settings);
  REQUIRE(fixed.Fit(data.features, data.targets, 0, 0).ok());
  Eigen::VectorXd mean, std;
  fixed.PredictWithStd(Linspace(-2, 2, 100, 5), mean, std);
  CheckClose(mean, kernels_golden::kGpWhiteFixedMean, 1e-6, 1e-9);
  CheckClose(std, kernels_golden::kGpWhiteFixedStd, 1e-6, 1e-9);
  CHECK(fixed.log_marginal_likelihood() == Approx(kernels_golden::kGpWhiteFixedLml).epsilon(1e-9));
  Eigen::VectorXd gradient;
  const Eigen::Vector3d theta(std::log(2.0), std::log(0.3), std::log(0.05));
  fixed.LogMarginalLikelihood(theta, &gradient);
  CheckClose(gradient, kernels_golden::kGpWhiteFixedLmlGradient, 1e-6, 1e-9);

  settings.optimize = true;
  GaussianProcessRegressor fitted(settings);
  REQUIRE(fitted.Fit(data.features, data.targets, 0, 0).ok());
  CHECK(fitted.log_marginal_likelihood() == Approx(kernels_golden::kGpWhiteFitLml).margin(1e-4));
  CHECK(fitted.noise_level() == Approx(kernels_golden::kGpWhiteFitTheta[2]).epsilon(1e-2));
}

TEST_CASE("GP rejects bad settings", "[classic-gp]") {
  Eigen::MatrixXd x(2, 1);
  x << 0, 1;
  Eigen::VectorXd y(2);
  y << 0, 1;
  GaussianProcessSettings settings;
  settings.length_scale = -1.0;
  CHECK_FALSE(GaussianProcessRegressor(settings).Reset(x, y, 0, 0).ok());
  settings.length_scale = 1.0;
  settings.constant = 1e9;  // outside its bounds
  CHECK_FALSE(GaussianProcessRegressor(settings).Reset(x, y, 0, 0).ok());
  CHECK_FALSE(GaussianProcessRegressor().Step().ok());
}
