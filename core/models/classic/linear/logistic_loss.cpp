#include "core/models/classic/linear/logistic_loss.h"

#include <cmath>

namespace mlp::classic {
namespace {

// log(1 + e^z) without overflow.
double Softplus(double z) { return z > 0.0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }

}  // namespace

LogisticLoss::LogisticLoss(const Eigen::MatrixXd& x, const Eigen::VectorXd& labels, int classes, double C,
                           bool fit_intercept)
    : scores_(classes == 2 ? 1 : classes),
      features_(x.cols()),
      inverse_c_(std::isinf(C) ? 0.0 : 1.0 / C),
      fit_intercept_(fit_intercept) {
  x_.resize(x.rows(), x.cols() + (fit_intercept ? 1 : 0));
  x_.leftCols(x.cols()) = x;
  if (fit_intercept) x_.col(x.cols()).setOnes();
  targets_ = Eigen::MatrixXd::Zero(x.rows(), scores_);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const int label = static_cast<int>(labels(i));
    if (scores_ == 1) targets_(i, 0) = label == 1 ? 1.0 : 0.0;
    else targets_(i, label) = 1.0;
  }
}

Eigen::MatrixXd LogisticLoss::Scores(const Eigen::MatrixXd& theta, const Eigen::MatrixXd& features, bool fit_intercept) {
  Eigen::MatrixXd z = features * theta.leftCols(features.cols()).transpose();
  if (fit_intercept) z.rowwise() += theta.col(features.cols()).transpose();
  return z;
}

Eigen::MatrixXd LogisticLoss::Probabilities(const Eigen::MatrixXd& scores) {
  if (scores.cols() == 1) {
    Eigen::MatrixXd p(scores.rows(), 2);
    for (Eigen::Index i = 0; i < scores.rows(); ++i) {
      const double z = scores(i, 0);
      const double positive = z >= 0.0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
      p(i, 0) = 1.0 - positive;
      p(i, 1) = positive;
    }
    return p;
  }
  Eigen::MatrixXd p = scores;
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    p.row(i).array() = (p.row(i).array() - p.row(i).maxCoeff()).exp();
    p.row(i) /= p.row(i).sum();
  }
  return p;
}

double LogisticLoss::Evaluate(const Eigen::MatrixXd& theta, Eigen::MatrixXd* gradient) {
  const Eigen::MatrixXd z = x_ * theta.transpose();  // rows × scores (the intercept column is in x_)
  double loss = 0.0;
  probabilities_.resize(z.rows(), scores_);
  if (scores_ == 1) {
    for (Eigen::Index i = 0; i < z.rows(); ++i) {
      const double zi = z(i, 0);
      loss += Softplus(zi) - targets_(i, 0) * zi;
      probabilities_(i, 0) = zi >= 0.0 ? 1.0 / (1.0 + std::exp(-zi)) : std::exp(zi) / (1.0 + std::exp(zi));
    }
  } else {
    for (Eigen::Index i = 0; i < z.rows(); ++i) {
      const double top = z.row(i).maxCoeff();
      probabilities_.row(i).array() = (z.row(i).array() - top).exp();
      const double total = probabilities_.row(i).sum();
      probabilities_.row(i) /= total;
      loss += top + std::log(total) - z.row(i).dot(targets_.row(i));
    }
  }
  const auto weights = theta.leftCols(features_);
  loss += 0.5 * inverse_c_ * weights.squaredNorm();
  if (gradient) {
    gradient->noalias() = (probabilities_ - targets_).transpose() * x_;
    gradient->leftCols(features_) += inverse_c_ * weights;
  }
  return loss;
}

Eigen::MatrixXd LogisticLoss::Hessian() const {
  const Eigen::Index q = x_.cols(), k = scores_;
  Eigen::MatrixXd hessian = Eigen::MatrixXd::Zero(k * q, k * q);
  Eigen::MatrixXd weighted(x_.rows(), q);
  for (Eigen::Index a = 0; a < k; ++a) {
    for (Eigen::Index b = a; b < k; ++b) {
      // Σᵢ pₐ(δₐb − p_b) x̃ᵢ x̃ᵢᵀ
      Eigen::ArrayXd s = -probabilities_.col(a).array() * probabilities_.col(b).array();
      if (a == b) s += probabilities_.col(a).array();
      weighted = x_.array().colwise() * s;
      hessian.block(a * q, b * q, q, q).noalias() = weighted.transpose() * x_;
      if (b != a) hessian.block(b * q, a * q, q, q) = hessian.block(a * q, b * q, q, q).transpose();
    }
    for (Eigen::Index j = 0; j < features_; ++j) hessian(a * q + j, a * q + j) += inverse_c_;
  }
  if (k > 1) {
    const double curvature = static_cast<double>(x_.rows()) / static_cast<double>(k);
    for (Eigen::Index j = 0; j < q; ++j) {
      const bool flat = j == features_ || inverse_c_ == 0.0;
      if (!flat) continue;
      for (Eigen::Index a = 0; a < k; ++a)
        for (Eigen::Index b = 0; b < k; ++b) hessian(a * q + j, b * q + j) += curvature;
    }
  }
  return hessian;
}

Eigen::MatrixXd LogisticLoss::HessianProduct(const Eigen::MatrixXd& v) const {
  const Eigen::MatrixXd zv = x_ * v.transpose();  // rows × scores: how each score moves along v
  Eigen::MatrixXd weighted(zv.rows(), zv.cols());
  if (scores_ == 1) {
    weighted = (probabilities_.array() * (1.0 - probabilities_.array()) * zv.array()).matrix();
  } else {
    const Eigen::VectorXd mean = (probabilities_.array() * zv.array()).rowwise().sum();
    weighted = (probabilities_.array() * (zv.colwise() - mean).array()).matrix();
  }
  Eigen::MatrixXd product = weighted.transpose() * x_;
  product.leftCols(features_) += inverse_c_ * v.leftCols(features_);
  if (scores_ > 1) {
    const double curvature = static_cast<double>(x_.rows()) / static_cast<double>(scores_);
    for (Eigen::Index j = 0; j < x_.cols(); ++j)
      if (j == features_ || inverse_c_ == 0.0) product.col(j).array() += curvature * v.col(j).sum();
  }
  return product;
}

}  // namespace mlp::classic
