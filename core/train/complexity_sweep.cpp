#include "core/train/complexity_sweep.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/metrics/classification_metrics.h"

namespace mlp {
namespace {

constexpr int kMaxPoints = 16;
constexpr int kMaxDegree = 12;

Eigen::MatrixXd Rows(const Eigen::MatrixXd& x, const std::vector<int64_t>& rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), x.cols());
  for (size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = x.row(rows[i]);
  return out;
}

Eigen::VectorXd Rows(const Eigen::VectorXd& y, const std::vector<int64_t>& rows) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) out(static_cast<Eigen::Index>(i)) = y(rows[i]);
  return out;
}

// The values a parameter's range offers: every integer when there are few, else kMaxPoints
// spread evenly (geometrically on a log scale), without repeats.
std::vector<double> AxisValues(const ParameterSpec& p) {
  std::vector<double> values;
  if (p.integer && p.max - p.min + 1 <= kMaxPoints) {
    for (double v = p.min; v <= p.max; v += 1) values.push_back(v);
    return values;
  }
  for (int i = 0; i < kMaxPoints; ++i) {
    const double t = static_cast<double>(i) / (kMaxPoints - 1);
    double v = p.logarithmic && p.min > 0 ? p.min * std::pow(p.max / p.min, t) : p.min + (p.max - p.min) * t;
    if (p.integer) v = std::round(v);
    if (values.empty() || v != values.back()) values.push_back(v);
  }
  return values;
}

double Error(classic::ModelKind kind, const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted, int classes) {
  if (truth.size() == 0 || predicted.size() != truth.size()) return std::numeric_limits<double>::quiet_NaN();
  if (kind == classic::ModelKind::kClassifier) return 1.0 - ScoreClassification(truth, predicted, classes).accuracy;
  return ScoreRegression(truth, predicted).mse;
}

}  // namespace

std::vector<SweepAxis> SweepAxes(const classic::ModelEntry& entry, const PreparedData& data) {
  std::vector<SweepAxis> axes;
  if (entry.kind != classic::ModelKind::kClassifier && entry.kind != classic::ModelKind::kRegressor) return axes;
  for (size_t i = 0; i < data.steps.size(); ++i) {
    if (data.steps[i].kind != PreprocessKind::kPolynomial) continue;
    SweepAxis axis;
    axis.kind = SweepAxis::Kind::kPolynomialDegree;
    axis.step = static_cast<int>(i);
    axis.label = "polynomial degree (data chain)";
    for (int d = 1; d <= kMaxDegree; ++d) axis.values.push_back(d);
    axes.push_back(std::move(axis));
  }
  for (size_t i = 0; i < entry.parameters.size(); ++i) {
    const ParameterSpec& p = entry.parameters[i];
    if (!p.choices.empty() || p.max <= p.min) continue;  // options, not a knob
    SweepAxis axis;
    axis.parameter = static_cast<int>(i);
    axis.label = p.label;
    axis.logarithmic = p.logarithmic;
    axis.values = AxisValues(p);
    axes.push_back(std::move(axis));
  }
  return axes;
}

SweepResult RunComplexitySweep(const PreparedData& data, const classic::ModelEntry& entry, const std::vector<double>& values,
                               uint32_t seed, const SweepAxis& axis, JobProgress* progress) {
  SweepResult result;
  result.axis = axis;
  result.error_name = entry.kind == classic::ModelKind::kClassifier ? "error rate (1 - accuracy)" : "mean squared error";
  const Dataset& raw = *data.raw;
  const int classes = raw.task == TaskKind::kClassification ? raw.num_classes() : 0;
  for (size_t i = 0; i < axis.values.size(); ++i) {
    if (progress && progress->cancelled.load()) break;
    SweepPoint point;
    point.value = axis.values[i];
    point.train_error = point.test_error = std::numeric_limits<double>::quiet_NaN();
    // The data for this point: the same, or prepared again with another polynomial degree.
    PreparedData variant;
    const PreparedData* prepared = &data;
    if (axis.kind == SweepAxis::Kind::kPolynomialDegree) {
      std::vector<PreprocessSpec> steps = data.steps;
      steps[static_cast<size_t>(axis.step)].parameter = static_cast<int>(point.value);
      auto again = PrepareData(data.raw, steps, data.split_spec);
      if (!again.ok()) {
        point.message = again.status().message();
        result.points.push_back(point);
        continue;
      }
      variant = std::move(again).value();
      prepared = &variant;
    }
    std::vector<double> model_values = values;
    if (axis.kind == SweepAxis::Kind::kModelParameter) model_values[static_cast<size_t>(axis.parameter)] = point.value;
    model_values = classic::ClampParameters(entry.parameters, model_values);
    std::unique_ptr<classic::Model> model = entry.make(model_values);
    const Dataset& d = *prepared->data;
    const Eigen::MatrixXd train_x = Rows(d.features, prepared->split.train), test_x = Rows(d.features, prepared->split.test);
    const Eigen::VectorXd train_y = Rows(d.targets, prepared->split.train), test_y = Rows(d.targets, prepared->split.test);
    // Reset and Step by hand rather than Fit, so a cancel does not wait for a slow fit to end.
    Status status = model->Reset(train_x, train_y, classes, seed);
    for (int64_t steps = 0; status.ok() && !model->progress().finished && steps < 200'000; ++steps) {
      if (progress && progress->cancelled.load()) return result;
      status = model->Step();
    }
    if (!status.ok()) {
      point.message = status.message();
    } else {
      point.train_error = Error(entry.kind, train_y, model->Predict(train_x), classes);
      if (test_x.rows() > 0) point.test_error = Error(entry.kind, test_y, model->Predict(test_x), classes);
    }
    result.points.push_back(point);
    if (progress) progress->fraction.store(static_cast<double>(i + 1) / static_cast<double>(axis.values.size()));
  }
  return result;
}

}  // namespace mlp
