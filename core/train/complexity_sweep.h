// Complexity sweep: the over-fitting picture. One model is fitted again for each value of one
// knob — a hyperparameter (tree depth, k, alpha, C) or the degree of the polynomial step in the
// data chain — and its training and test errors are recorded, so the views can draw the classic
// curves: training error falls as the model gets more flexible, test error falls, then rises.
// Errors are the mean squared error (regressors) or the error rate, 1 − accuracy (classifiers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/background_job.h"
#include "core/data/recipe/data_recipe.h"
#include "core/models/classic/model_catalog.h"

namespace mlp {

struct SweepAxis {
  enum class Kind { kModelParameter, kPolynomialDegree };
  Kind kind = Kind::kModelParameter;
  int parameter = -1;          // index into the model's parameters (kModelParameter)
  int step = -1;               // index into the data chain's steps (kPolynomialDegree)
  std::string label;           // "Max depth", "polynomial degree"
  bool logarithmic = false;    // draw on a log axis
  std::vector<double> values;  // what to try, ascending
};

struct SweepPoint {
  double value = 0.0;
  double train_error = 0.0, test_error = 0.0;  // NaN when the fit failed
  std::string message;                         // why a fit failed
};

struct SweepResult {
  std::string error_name;  // "mean squared error" or "error rate"
  SweepAxis axis;
  std::vector<SweepPoint> points;
};

// What can be swept for this model on this data: its numeric (non-choice) parameters, and the
// polynomial degree when the chain has a polynomial step. Empty for clusterers and projectors.
std::vector<SweepAxis> SweepAxes(const classic::ModelEntry& entry, const PreparedData& data);

// Fits entry's model (other parameters at `values`, seed `seed`) once per axis value, on the
// training rows, and scores training and test rows. Reports progress and stops early (returning
// the points so far) when progress->cancelled is set. `progress` may be null.
SweepResult RunComplexitySweep(const PreparedData& data, const classic::ModelEntry& entry, const std::vector<double>& values,
                               uint32_t seed, const SweepAxis& axis, JobProgress* progress);

}  // namespace mlp
