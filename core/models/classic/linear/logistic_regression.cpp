#include "core/models/classic/linear/logistic_regression.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Cholesky>

#include "core/base/format.h"
#include "core/models/classic/supervised_checks.h"

namespace mlp::classic {
namespace {

// theta (scores × q) flattened score by score, the order of LogisticLoss::Hessian.
Eigen::VectorXd Flatten(const Eigen::MatrixXd& m) {
  const Eigen::MatrixXd t = m.transpose();
  return Eigen::Map<const Eigen::VectorXd>(t.data(), t.size());
}

Eigen::MatrixXd Unflatten(const Eigen::VectorXd& v, Eigen::Index rows, Eigen::Index cols) {
  return Eigen::Map<const Eigen::MatrixXd>(v.data(), cols, rows).transpose();
}

std::string PenaltyText(double C) { return std::isinf(C) ? "no penalty" : "C = " + FormatNumber(C); }

}  // namespace

Eigen::MatrixXd LogisticClassifier::DecisionFunction(const Eigen::MatrixXd& x) const {
  if (!loss_ || x.cols() != features_) return {};
  return LogisticLoss::Scores(theta_, x, fit_intercept_);
}

Eigen::MatrixXd LogisticClassifier::PredictProbabilities(const Eigen::MatrixXd& x) const {
  if (!loss_ || x.cols() != features_) return {};
  return LogisticLoss::Probabilities(DecisionFunction(x));
}

Eigen::VectorXd LogisticClassifier::Predict(const Eigen::MatrixXd& x) const {
  if (!loss_ || x.cols() != features_) return {};
  const Eigen::MatrixXd scores = DecisionFunction(x);
  Eigen::VectorXd labels(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    if (scores.cols() == 1) {
      labels(i) = scores(i, 0) > 0.0 ? 1.0 : 0.0;
    } else {
      Eigen::Index best = 0;
      scores.row(i).maxCoeff(&best);  // first maximum: the smaller class wins a tie, as numpy's argmax
      labels(i) = static_cast<double>(best);
    }
  }
  return labels;
}

Eigen::MatrixXd LogisticClassifier::coef() const { return theta_.leftCols(features_); }

Eigen::VectorXd LogisticClassifier::intercept() const {
  if (!fit_intercept_ || theta_.size() == 0) return Eigen::VectorXd::Zero(theta_.rows());
  return theta_.col(features_);
}

Status LogisticClassifier::Prepare(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, double C,
                                   bool fit_intercept, int max_iter, double tol, const std::string& model) {
  loss_.reset();
  theta_.resize(0, 0);
  gradient_norm_ = 0.0;
  progress_ = Progress{};
  progress_.objective = std::numeric_limits<double>::quiet_NaN();
  progress_.objective_name = "penalised log-loss";
  if (!(C > 0.0)) return Status::Error(model + " needs C > 0 (larger C means weaker regularisation).");
  if (max_iter < 1) return Status::Error(model + " needs at least one iteration (max_iter ≥ 1).");
  if (!(tol >= 0.0)) return Status::Error(model + " needs a tolerance tol ≥ 0.");
  if (Status status = CheckClassificationData(x, y, num_classes, model); !status.ok()) return status;
  features_ = x.cols();
  classes_ = num_classes;
  fit_intercept_ = fit_intercept;
  max_iter_ = max_iter;
  tol_ = tol;
  loss_ = std::make_unique<LogisticLoss>(x, y, num_classes, C, fit_intercept);
  theta_ = Eigen::MatrixXd::Zero(loss_->scores(), loss_->parameters());
  gradient_.resizeLike(theta_);
  return Evaluate(model);
}

Status LogisticClassifier::Evaluate(const std::string& model) {
  progress_.objective = loss_->Evaluate(theta_, &gradient_);
  gradient_norm_ = gradient_.cwiseAbs().maxCoeff() / static_cast<double>(loss_->rows());
  if (!std::isfinite(progress_.objective) || !theta_.allFinite())
    return Status::Error(model + " diverged (non-finite weights): standardise the features, lower the "
                         "learning rate or lower C.");
  progress_.finished = gradient_norm_ <= tol_ || progress_.steps >= max_iter_;
  return {};
}

std::string LogisticRegression::Describe() const {
  return "logistic regression (" + PenaltyText(settings_.C) + ")";
}

Status LogisticRegression::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t) {
  return Prepare(x, y, num_classes, settings_.C, settings_.fit_intercept, settings_.max_iter, settings_.tol,
                 "Logistic regression");
}

Eigen::VectorXd LogisticRegression::DirectNewtonDirection(const Eigen::VectorXd& gradient) const {
  const Eigen::LDLT<Eigen::MatrixXd> newton(loss_->Hessian());
  if (newton.info() != Eigen::Success) return {};
  return -newton.solve(gradient);
}

// Truncated Newton: conjugate gradients on H·d = −g, stopped when the residual is below
// min(0.5, √|g|)·|g| (sklearn's newton-cg rule) or after 200 products.
Eigen::MatrixXd LogisticRegression::ConjugateGradientDirection() const {
  Eigen::MatrixXd d = Eigen::MatrixXd::Zero(theta_.rows(), theta_.cols());
  Eigen::MatrixXd r = -gradient_;
  Eigen::MatrixXd p = r;
  const double g_norm = gradient_.norm();
  const double stop = std::min(0.5, std::sqrt(g_norm)) * g_norm;
  double rr = r.squaredNorm();
  for (int i = 0; i < 200 && std::sqrt(rr) > stop; ++i) {
    const Eigen::MatrixXd hp = loss_->HessianProduct(p);
    const double curvature = (p.array() * hp.array()).sum();
    if (!(curvature > 0.0)) break;  // flat or negative curvature: keep what we have
    const double a = rr / curvature;
    d += a * p;
    r -= a * hp;
    const double rr_next = r.squaredNorm();
    p = r + (rr_next / rr) * p;
    rr = rr_next;
  }
  return d;
}

Status LogisticRegression::Step() {
  if (progress_.finished) return {};
  if (!loss_) return Status::Error("Logistic regression has no training data: call Reset first.");
  const Eigen::VectorXd gradient = Flatten(gradient_);
  Eigen::VectorXd direction = gradient.size() <= settings_.direct_newton_limit
                                  ? DirectNewtonDirection(gradient)
                                  : Flatten(ConjugateGradientDirection());
  double slope = direction.size() == gradient.size() ? gradient.dot(direction) : 0.0;
  // A singular or indefinite Hessian (separable data without a penalty) gives no descent
  // direction; fall back to the gradient so the step still lowers the objective.
  if (direction.size() != gradient.size() || !direction.allFinite() || !(slope < 0.0)) {
    direction = -gradient;
    slope = -gradient.squaredNorm();
  }
  const Eigen::MatrixXd start = theta_;
  const Eigen::MatrixXd step = Unflatten(direction, theta_.rows(), theta_.cols());
  const double f0 = progress_.objective;
  double t = 1.0;
  for (int halving = 0; halving < 60; ++halving, t *= 0.5) {
    theta_ = start + t * step;
    const double f = loss_->Evaluate(theta_, nullptr);
    // Armijo, with slack for rounding: near the minimum the predicted decrease is below the
    // objective's last digits, and a full Newton step must still be taken.
    if (std::isfinite(f) && f <= f0 + 1e-4 * t * slope + 1e-14 * std::abs(f0)) break;
  }
  ++progress_.steps;
  return Evaluate("Logistic regression");
}

std::string LogisticRegressionGD::Describe() const {
  return "logistic regression by gradient descent (" + PenaltyText(settings_.C) + ", learning rate " +
         FormatNumber(settings_.learning_rate) + ")";
}

Status LogisticRegressionGD::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t) {
  if (!(settings_.learning_rate > 0.0) || !std::isfinite(settings_.learning_rate)) {
    loss_.reset();
    return Status::Error("Gradient descent needs a learning rate > 0.");
  }
  return Prepare(x, y, num_classes, settings_.C, settings_.fit_intercept, settings_.max_iter, settings_.tol,
                 "Logistic regression (gradient descent)");
}

Status LogisticRegressionGD::Step() {
  if (progress_.finished) return {};
  if (!loss_) return Status::Error("Logistic regression has no training data: call Reset first.");
  theta_ -= (settings_.learning_rate / static_cast<double>(loss_->rows())) * gradient_;
  ++progress_.steps;
  return Evaluate("Logistic regression (gradient descent)");
}

}  // namespace mlp::classic
