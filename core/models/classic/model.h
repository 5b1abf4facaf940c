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

struct TreeNodes;  // core/models/classic/trees/tree_nodes.h

// What a model shows of its insides, for the model-specific views (tree diagram, importances,
// centroids, covariance ellipses, PCA axes, support vectors). Each model fills what it has; the
// rest stays empty. Shared pointers keep publishing cheap: a forest's grown trees never change.
struct ModelInsight {
  std::vector<std::shared_ptr<const TreeNodes>> trees;  // a tree: one; a forest: one per grown tree
  Eigen::VectorXd feature_importances;                 // impurity importances, summing to 1
  Eigen::VectorXd coefficients;                        // linear regressors: one weight per feature
  // Clusterers: k-means centres or mixture means (k × features); mixtures also weights and
  // covariances (features × features each; diagonal ones as full matrices).
  Eigen::MatrixXd centers;
  Eigen::VectorXd mixture_weights;
  std::vector<Eigen::MatrixXd> covariances;
  // k-means: the centres after each Lloyd update of the current run, starting centres first, so
  // the views can draw each centre's path.
  std::vector<Eigen::MatrixXd> center_path;
  Eigen::VectorXi training_labels;                     // cluster of each training row (k-means)
  // Projectors (PCA): mean (1 × features), kept axes (components × features), their share of the
  // variance, and the variance of every axis (for the scree bars).
  Eigen::RowVectorXd mean;
  Eigen::MatrixXd components;
  Eigen::VectorXd explained_variance_ratio, all_explained_variance;
  // Support-vector machines: training rows that are support vectors.
  std::vector<Eigen::Index> support_indices;
};

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
  // A real field over inputs whose level lines the map draws: a binary SVM's decision value (the
  // boundary at 0, the margins at ±1), a mixture's log density. Empty where none applies.
  virtual Eigen::VectorXd ContourField(const Eigen::MatrixXd& x) const { return {}; }
  // Levels of ContourField worth drawing, given the field's values over the map.
  virtual std::vector<double> ContourLevels(const Eigen::VectorXd& field) const { return {}; }
  // The insides the model-specific views draw (after Reset; empty parts where none applies).
  virtual ModelInsight Insight() const { return {}; }

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
