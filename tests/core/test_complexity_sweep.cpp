// Complexity sweeps draw the over-fitting curves: training error can only fall as nested models
// grow (more polynomial terms, deeper trees), while the test error of a high-degree polynomial
// fitted to 12 noisy points rises well above its best value.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/base/rng.h"
#include "core/train/complexity_sweep.h"

using namespace mlp;

namespace {

// y = sin(x) + noise on [0, 6]: `rows` points, a fixed random split.
std::shared_ptr<const Dataset> Sinusoid(int rows, uint32_t seed) {
  auto d = std::make_shared<Dataset>();
  d->task = TaskKind::kRegression;
  d->features.resize(rows, 1);
  d->targets.resize(rows);
  Rng rng(seed);
  for (int i = 0; i < rows; ++i) {
    d->features(i, 0) = 6.0 * rng.Uniform();
    d->targets(i) = std::sin(d->features(i, 0)) + 0.25 * rng.Normal();
  }
  d->feature_names = {"x"};
  d->target_name = "y";
  return d;
}

const SweepAxis& AxisCalled(const std::vector<SweepAxis>& axes, const std::string& label) {
  for (const SweepAxis& axis : axes)
    if (axis.label == label) return axis;
  FAIL("no axis " << label);
  return axes.front();
}

}  // namespace

TEST_CASE("a polynomial-degree sweep: training error never rises, test error turns up", "[sweep]") {
  SplitSpec split;
  split.test_fraction = 0.5;
  auto prepared = PrepareData(Sinusoid(24, 4), {{PreprocessKind::kStandardise, {}, 2}, {PreprocessKind::kPolynomial, {}, 3}}, split);
  REQUIRE(prepared.ok());
  const classic::ModelEntry* ols = classic::FindModel("linear_regression");
  REQUIRE(ols);
  const std::vector<SweepAxis> axes = SweepAxes(*ols, prepared.value());
  const SweepAxis& degree = AxisCalled(axes, "polynomial degree (data chain)");
  CHECK(degree.values.front() == 1);
  const SweepResult result = RunComplexitySweep(prepared.value(), *ols, DefaultValues(ols->parameters), 0, degree, nullptr);
  REQUIRE(result.points.size() == degree.values.size());
  CHECK(result.error_name == "mean squared error");
  double best_test = INFINITY;
  for (size_t i = 0; i < result.points.size(); ++i) {
    INFO("degree " << result.points[i].value << ": " << result.points[i].message);
    REQUIRE(std::isfinite(result.points[i].train_error));
    if (i > 0 && result.points[i].value <= 9) CHECK(result.points[i].train_error <= result.points[i - 1].train_error * (1 + 1e-9));
    best_test = std::min(best_test, result.points[i].test_error);
  }
  CHECK(result.points.front().train_error > 0.1);     // a line cannot follow a sine
  CHECK(result.points.back().train_error < 0.05);     // degree 12 nearly interpolates 12 points
  CHECK(result.points.back().test_error > 5 * best_test);  // ...and generalises badly
}

TEST_CASE("a depth sweep of a decision tree: training error falls to zero", "[sweep]") {
  auto d = std::make_shared<Dataset>();
  d->task = TaskKind::kClassification;
  d->features.resize(200, 2);
  d->targets.resize(200);
  Rng rng(9);
  for (int i = 0; i < 200; ++i) {
    d->features(i, 0) = rng.Uniform(-1, 1), d->features(i, 1) = rng.Uniform(-1, 1);
    d->targets(i) = (d->features(i, 0) * d->features(i, 1) > 0) != (rng.Uniform() < 0.1);  // XOR with 10% flips
  }
  d->feature_names = {"a", "b"};
  d->class_names = {"no", "yes"};
  auto prepared = PrepareData(d, {}, SplitSpec{});
  REQUIRE(prepared.ok());
  const classic::ModelEntry* tree = classic::FindModel("decision_tree");
  REQUIRE(tree);
  const std::vector<SweepAxis> axes = SweepAxes(*tree, prepared.value());
  const SweepAxis& depth = AxisCalled(axes, "Max depth (0 = unlimited)");
  SweepAxis shallow = depth;
  shallow.values = {1, 2, 3, 4, 6, 8, 12};
  const SweepResult result = RunComplexitySweep(prepared.value(), *tree, DefaultValues(tree->parameters), 0, shallow, nullptr);
  REQUIRE(result.points.size() == 7);
  CHECK(result.error_name == "error rate (1 - accuracy)");
  for (size_t i = 1; i < result.points.size(); ++i) CHECK(result.points[i].train_error <= result.points[i - 1].train_error);
  CHECK(result.points.front().train_error > 0.25);  // one split cannot express XOR
  CHECK(result.points.back().train_error == 0.0);
  CHECK(result.points.back().test_error >= 0.05);   // the flipped labels were memorised
}

TEST_CASE("sweeps offer numeric knobs only, nothing for clusterers, and stop when cancelled", "[sweep]") {
  auto prepared = PrepareData(Sinusoid(40, 1), {}, SplitSpec{});
  REQUIRE(prepared.ok());
  CHECK(SweepAxes(*classic::FindModel("kmeans"), prepared.value()).empty());
  const classic::ModelEntry* ridge = classic::FindModel("ridge");
  const std::vector<SweepAxis> axes = SweepAxes(*ridge, prepared.value());
  REQUIRE(axes.size() == 1);  // alpha; the intercept is a choice, and there is no polynomial step
  CHECK(axes[0].logarithmic);
  CHECK(axes[0].values.front() == Approx(ridge->parameters[0].min));
  CHECK(axes[0].values.back() == Approx(ridge->parameters[0].max));
  JobProgress progress;
  progress.cancelled = true;
  CHECK(RunComplexitySweep(prepared.value(), *ridge, DefaultValues(ridge->parameters), 0, axes[0], &progress).points.empty());
}
