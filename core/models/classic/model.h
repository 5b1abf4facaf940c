// Model: the verbs every classic model shares, so one workspace, one session and one set of views
// serve them all (DESIGN §2). Iterative algorithms advance one unit per Step() — a gradient step,
// a coordinate sweep, a Lloyd or EM iteration, one tree, one SMO pass — so the UI can animate them;
// closed-form models finish in their first Step().
//
// Data arrive prepared (split, preprocessed) from the data layer: x is rows × features in double,
// y holds class indices 0..classes−1 (classification), values (regression) or is empty
// (unsupervised). Models never see test rows during Reset/Step.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"

namespace mlp::classic {

enum class ModelKind { kClassifier, kRegressor, kClusterer, kProjector };

// A number the UI can show while a model trains ("inertia", "log-likelihood", "loss").
struct Progress {
  int64_t steps = 0;        // Step() calls since Reset
  double objective = 0.0;   // the quantity the algorithm minimises or maximises, NaN if none
  std::string objective_name;
  bool finished = false;    // converged, or reached its iteration/tree limit
};

class Model {
public:
  virtual ~Model() = default;

  virtual ModelKind kind() const = 0;
  // One line for the UI and the logs: "ridge (alpha = 1)", "random forest (100 trees, depth 8)".
  virtual std::string Describe() const = 0;

  // Starts a new fit on training rows: checks the data (clear message for the user when it cannot
  // be used), forgets any previous fit, and seeds every random choice from `seed`.
  virtual Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) = 0;
  // One unit of progress. Returns a failed Status on numerical trouble (singular system, NaN).
  virtual Status Step() = 0;
  virtual Progress progress() const = 0;

  // Class index (classifiers), value (regressors), cluster index (clusterers) per row. Projectors
  // return the first component. Only after at least one Step().
  virtual Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const = 0;
  // Class probabilities (rows × classes) where the model has them; empty otherwise.
  virtual Eigen::MatrixXd PredictProbabilities(const Eigen::MatrixXd& x) const { return {}; }
  // Regressors with a predictive distribution (Gaussian processes): the standard deviation per
  // row. Others: empty.
  virtual Eigen::VectorXd PredictStd(const Eigen::MatrixXd& x) const { return {}; }
  // Projectors: rows × components. Others: empty.
  virtual Eigen::MatrixXd Transform(const Eigen::MatrixXd& x) const { return {}; }

  // Reset then Step until finished (at most `max_steps`).
  Status Fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed,
             int64_t max_steps = 1'000'000) {
    if (Status status = Reset(x, y, num_classes, seed); !status.ok()) return status;
    while (!progress().finished && progress().steps < max_steps)
      if (Status status = Step(); !status.ok()) return status;
    return {};
  }
};

}  // namespace mlp::classic
