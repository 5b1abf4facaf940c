// Logistic regression, binary and multinomial, on the objective of scikit-learn's
// LogisticRegression(solver="lbfgs") (see logistic_loss.h): two ways to minimise it.
//
//  - LogisticRegression: Newton's method (iteratively reweighted least squares for two classes),
//    one Newton step with a backtracking (Armijo) line search per Step(), from zero weights (large
//    problems solve the Newton system by conjugate gradients instead of factorising it). It
//    converges in a handful of steps to the same minimiser lbfgs approaches; it stops when the
//    largest gradient component of the sample-averaged objective (sklearn's scaling) is ≤ tol.
//  - LogisticRegressionGD: plain full-batch gradient descent on the averaged objective, one update
//    θ ← θ − η·∇f/n per Step(), to watch the boundary move.
//
// Fitted state as sklearn: coef() is 1 × features for two classes (the weights of class 1) and
// classes × features otherwise; intercept() has one entry per row of coef().
#pragma once

#include <memory>
#include <string>

#include <Eigen/Core>

#include "core/models/classic/linear/logistic_loss.h"
#include "core/models/classic/model.h"

namespace mlp::classic {

// What the two solvers share: the loss, the fitted parameters, prediction.
class LogisticClassifier : public Model {
public:
  ModelKind kind() const override { return ModelKind::kClassifier; }
  Progress progress() const override { return progress_; }
  // Class index per row: the most probable class (binary: class 1 when w·x + b > 0).
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;
  // rows × classes.
  Eigen::MatrixXd PredictProbabilities(const Eigen::MatrixXd& x) const override;
  // Scores w·x + b: rows × 1 (binary) or rows × classes, like sklearn's decision_function.
  Eigen::MatrixXd DecisionFunction(const Eigen::MatrixXd& x) const;

  Eigen::MatrixXd coef() const;       // scores × features
  Eigen::VectorXd intercept() const;  // scores (zeros without an intercept)
  // Largest |component| of the gradient of the averaged objective at the current weights.
  double gradient_norm() const { return gradient_norm_; }

protected:
  // Checks data and settings, builds the loss, sets θ = 0 and evaluates it.
  Status Prepare(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, double C,
                 bool fit_intercept, int max_iter, double tol, const std::string& model);
  // After θ changed: objective, gradient and whether finished.
  Status Evaluate(const std::string& model);

  std::unique_ptr<LogisticLoss> loss_;
  Eigen::MatrixXd theta_;     // scores × (features [+ 1])
  Eigen::MatrixXd gradient_;  // same shape, of the summed objective
  Eigen::Index features_ = 0;
  int classes_ = 0;
  bool fit_intercept_ = true;
  int max_iter_ = 0;
  double tol_ = 0.0;
  double gradient_norm_ = 0.0;
  Progress progress_;
};

struct LogisticRegressionSettings {
  double C = 1.0;        // inverse penalty strength (> 0; infinity: no penalty)
  bool fit_intercept = true;
  int max_iter = 100;    // Newton steps
  double tol = 1e-4;     // on the largest gradient component of the averaged objective
  // Up to this many parameters (scores × (features + 1)) the Newton step solves the full Hessian;
  // above, it runs conjugate gradients on Hessian-vector products (truncated Newton, as sklearn's
  // newton-cg), which needs no parameters² memory.
  int direct_newton_limit = 600;
};

class LogisticRegression : public LogisticClassifier {
public:
  explicit LogisticRegression(LogisticRegressionSettings settings = {}) : settings_(settings) {}
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;  // one Newton step
  const LogisticRegressionSettings& settings() const { return settings_; }

private:
  Eigen::VectorXd DirectNewtonDirection(const Eigen::VectorXd& gradient) const;
  Eigen::MatrixXd ConjugateGradientDirection() const;

  LogisticRegressionSettings settings_;
};

struct LogisticRegressionGDSettings {
  double C = 1.0;
  bool fit_intercept = true;
  double learning_rate = 0.1;  // η > 0, on the averaged objective
  int max_iter = 1000;         // gradient steps
  double tol = 1e-4;
};

class LogisticRegressionGD : public LogisticClassifier {
public:
  explicit LogisticRegressionGD(LogisticRegressionGDSettings settings = {}) : settings_(settings) {}
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;  // one gradient step
  const LogisticRegressionGDSettings& settings() const { return settings_; }

private:
  LogisticRegressionGDSettings settings_;
};

}  // namespace mlp::classic
