// The penalised log-loss that scikit-learn's LogisticRegression (lbfgs) minimises, with its
// gradient and Hessian, for the Newton and gradient-descent logistic models:
//
//   f(W, b) = Σᵢ ℓ(yᵢ, W·xᵢ + b) + ||W||²/(2C)      (intercepts b not penalised)
//
// Binary problems (2 classes) use one score z = w·x + b and ℓ = log(1 + eᶻ) − y·z (y ∈ {0, 1}), as
// sklearn does for two classes; more classes use the multinomial (softmax) loss
// ℓ = log Σₖ e^{zₖ} − z_y with one row of W per class (the symmetric parametrisation sklearn uses).
// Parameters are packed as theta = [W | b], one row per score (1 for binary, K for multinomial).
#pragma once

#include <Eigen/Core>

namespace mlp::classic {

class LogisticLoss {
public:
  // `x` rows × features, labels 0..classes−1 (checked by the caller); C > 0 (infinity: no penalty).
  LogisticLoss(const Eigen::MatrixXd& x, const Eigen::VectorXd& labels, int classes, double C, bool fit_intercept);

  Eigen::Index scores() const { return scores_; }        // rows of theta: 1 (binary) or K
  Eigen::Index parameters() const { return x_.cols(); }  // columns of theta: features (+1 for b)
  Eigen::Index rows() const { return x_.rows(); }

  // f(theta); also fills `gradient` (same shape as theta) when given.
  double Evaluate(const Eigen::MatrixXd& theta, Eigen::MatrixXd* gradient);
  // ∇²f at the theta of the last Evaluate, for theta flattened score by score (row-major). For the
  // multinomial loss the directions that shift every class alike (the intercepts; every column
  // when C = ∞) are flat; they get curvature n so the Newton system is regular, which leaves the
  // step orthogonal to them (the gradient always is) — the same solution lbfgs reaches from 0.
  Eigen::MatrixXd Hessian() const;
  // ∇²f · v at the theta of the last Evaluate, without forming the Hessian (same shape as theta,
  // same treatment of the flat directions): O(rows·parameters·scores), for problems too large for
  // Hessian() (MNIST: 7,850 parameters would need a 490 MB matrix).
  Eigen::MatrixXd HessianProduct(const Eigen::MatrixXd& v) const;

  // Scores W·x + b for `features` (rows × features without the intercept column).
  static Eigen::MatrixXd Scores(const Eigen::MatrixXd& theta, const Eigen::MatrixXd& features, bool fit_intercept);
  // Class probabilities (rows × classes) from scores: sigmoid for one score column, softmax otherwise.
  static Eigen::MatrixXd Probabilities(const Eigen::MatrixXd& scores);

private:
  Eigen::MatrixXd x_;        // [X 1] (or X without an intercept)
  Eigen::MatrixXd targets_;  // rows × scores: y (binary) or one-hot
  Eigen::Index scores_;
  Eigen::Index features_;
  double inverse_c_;
  bool fit_intercept_;
  Eigen::MatrixXd probabilities_;  // rows × scores, from the last Evaluate
};

}  // namespace mlp::classic
