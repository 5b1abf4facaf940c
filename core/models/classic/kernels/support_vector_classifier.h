// Support-vector classifier (scikit-learn's SVC, libsvm's C-SVC): soft-margin maximum-margin
// classifier in the feature space of a kernel. Each pair of classes gets its own binary machine
// (one-vs-one, as libsvm), trained by SMO (smo_solver.h); prediction is by majority vote, ties to the
// lower class index. Step() runs `iterations_per_step` SMO iterations of the pair in training, so the
// UI can watch the margins and support vectors settle.
//
// Sign conventions follow scikit-learn: with two classes decision > 0 means class 1; with more, the
// column for pair (a, b), a < b, is > 0 for class a (decision_function_shape = "ovo").
#pragma once

#include <string>
#include <vector>

#include "core/models/classic/kernels/kernel.h"
#include "core/models/classic/kernels/smo_solver.h"
#include "core/models/classic/model.h"

namespace mlp::classic {

struct SupportVectorSettings {
  double c = 1.0;  // box constraint C: large C = hard margin
  KernelSettings kernel{KernelType::kRbf, 1.0, 3, 0.0};  // SVC's coef0 default is 0
  double tol = 1e-3;                 // KKT-gap stopping tolerance (libsvm eps)
  int iterations_per_step = 50;      // SMO iterations per Step()
  int64_t max_iterations = 10'000'000;  // per pair; libsvm's own safety cap
  int64_t max_cached_rows = 4000;    // pairs with more rows compute kernel rows on demand
};

// One binary machine: f(x) = Σ_s coef_s K(x_s, x) + intercept, > 0 for `positive_class`.
struct PairMachine {
  int positive_class = 0, negative_class = 1;
  std::vector<Eigen::Index> support;  // training-row indices, ascending
  Eigen::VectorXd dual_coef;          // y_s α_s in the sign above, one per support vector
  double intercept = 0.0;
  int64_t iterations = 0;
  bool converged = false;
};

class SupportVectorClassifier : public Model {
public:
  explicit SupportVectorClassifier(SupportVectorSettings settings = {}) : settings_(settings) {}

  ModelKind kind() const override { return ModelKind::kClassifier; }
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;
  Progress progress() const override { return progress_; }
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;

  // Binary: rows × 1. More classes: rows × pairs in the order (0,1), (0,2) … (1,2) ….
  Eigen::MatrixXd DecisionFunction(const Eigen::MatrixXd& x) const;
  // Two classes: the decision value, drawn at levels −1, 0, +1 (margin, boundary, margin).
  Eigen::VectorXd ContourField(const Eigen::MatrixXd& x) const override;
  std::vector<double> ContourLevels(const Eigen::VectorXd&) const override { return {-1.0, 0.0, 1.0}; }
  ModelInsight Insight() const override;  // support vectors

  const SupportVectorSettings& settings() const { return settings_; }
  SupportVectorSettings& settings() { return settings_; }  // takes effect at the next Reset
  const std::vector<PairMachine>& machines() const { return machines_; }
  // Union of every machine's support vectors (training-row indices, ascending) and their rows.
  std::vector<Eigen::Index> SupportIndices() const;
  Eigen::MatrixXd SupportVectors() const;
  // The pair now being trained (== machines().size() once finished).
  size_t current_pair() const { return current_; }

private:
  void Extract(size_t pair);
  void StartPair(size_t pair);  // hands the pair's rows and ±1 labels to the solver

  SupportVectorSettings settings_;
  Eigen::MatrixXd x_;
  Eigen::VectorXd y_;
  int classes_ = 0;
  std::vector<std::vector<Eigen::Index>> pair_rows_;  // training rows of each pair, libsvm order
  std::vector<PairMachine> machines_;
  SmoSolver solver_;
  size_t current_ = 0;
  Progress progress_;
};

}  // namespace mlp::classic
