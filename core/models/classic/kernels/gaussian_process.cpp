// Gaussian-process regression: posterior, log marginal likelihood with gradient, and a projected
// BFGS on the log-hyperparameters (see gaussian_process.h).
#include "core/models/classic/kernels/gaussian_process.h"

#include <cmath>
#include <limits>

#include <Eigen/Cholesky>

#include "core/base/format.h"

namespace mlp::classic {
namespace {

constexpr double kLog2Pi = 1.8378770664093453;
constexpr double kGradientTolerance = 1e-5;     // scipy L-BFGS-B's pgtol
constexpr double kRelativeReduction = 2.22e-9;  // scipy's factr 1e7 × machine epsilon

// ‖a_i − b_j‖² by explicit differences (as scipy's cdist), so nearby points lose no digits.
Eigen::MatrixXd SquaredDistances(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  Eigen::MatrixXd d(a.rows(), b.rows());
  for (Eigen::Index j = 0; j < b.rows(); ++j)
    for (Eigen::Index i = 0; i < a.rows(); ++i) d(i, j) = (a.row(i) - b.row(j)).squaredNorm();
  return d;
}

}  // namespace

std::string GaussianProcessRegressor::Describe() const {
  std::string text = "Gaussian process (" + FormatNumber(constant()) + " * RBF(" + FormatNumber(length_scale()) + ")";
  if (settings_.white_noise) text += " + white(" + FormatNumber(noise_level()) + ")";
  text += ", alpha = " + FormatNumber(settings_.alpha);
  return text + (settings_.optimize ? ", fitted)" : ")");
}

double GaussianProcessRegressor::constant() const {
  return theta_.size() > 0 ? std::exp(theta_(0)) : settings_.constant;
}
double GaussianProcessRegressor::length_scale() const {
  return theta_.size() > 1 ? std::exp(theta_(1)) : settings_.length_scale;
}
double GaussianProcessRegressor::noise_level() const {
  if (!settings_.white_noise) return 0.0;
  return theta_.size() > 2 ? std::exp(theta_(2)) : settings_.noise_level;
}

Status GaussianProcessRegressor::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int /*num_classes*/,
                                       uint32_t /*seed: deterministic, no restarts*/) {
  progress_ = Progress{};
  progress_.objective_name = "log marginal likelihood";
  progress_.objective = std::nan("");
  dual_coef_.resize(0);
  theta_.resize(0);
  const GaussianProcessSettings& s = settings_;
  auto bad = [](double value, double low, double high) {
    return !(low > 0 && high >= low && value >= low && value <= high && std::isfinite(high));
  };
  if (bad(s.constant, s.constant_low, s.constant_high))
    return Status::Error("The constant (signal variance) must be positive and inside its bounds.");
  if (bad(s.length_scale, s.length_scale_low, s.length_scale_high))
    return Status::Error("The length scale must be positive and inside its bounds.");
  if (s.white_noise && bad(s.noise_level, s.noise_low, s.noise_high))
    return Status::Error("The white-noise level must be positive and inside its bounds.");
  if (!(s.alpha >= 0.0 && std::isfinite(s.alpha))) return Status::Error("alpha must be zero or positive.");
  if (x.rows() != y.size() || x.rows() < 1) return Status::Error("The Gaussian process needs at least one row with a target.");
  if (!x.allFinite() || !y.allFinite())
    return Status::Error("The data contain NaN or infinite values; impute or drop them first.");
  x_ = x;
  y_ = y;
  squared_distances_ = SquaredDistances(x, x);
  const int dims = s.white_noise ? 3 : 2;
  theta_.resize(dims);
  lower_.resize(dims);
  upper_.resize(dims);
  theta_ << std::log(s.constant), std::log(s.length_scale);
  lower_ << std::log(s.constant_low), std::log(s.length_scale_low);
  upper_ << std::log(s.constant_high), std::log(s.length_scale_high);
  if (s.white_noise) {
    theta_(2) = std::log(s.noise_level);
    lower_(2) = std::log(s.noise_low);
    upper_(2) = std::log(s.noise_high);
  }
  inverse_hessian_ = Eigen::MatrixXd::Identity(dims, dims);
  first_iteration_ = true;
  if (s.optimize) {
    Eigen::VectorXd gradient;
    log_marginal_likelihood_ = LogMarginalLikelihood(theta_, &gradient);
    if (!std::isfinite(log_marginal_likelihood_))
      return Status::Error("The kernel matrix is not positive definite at the initial hyperparameters: increase alpha or add white noise.");
    gradient_ = -gradient;
    progress_.objective = log_marginal_likelihood_;
  }
  return {};
}

Eigen::MatrixXd GaussianProcessRegressor::KernelFree(const Eigen::VectorXd& theta, const Eigen::MatrixXd& a,
                                                     const Eigen::MatrixXd& b) const {
  const double c = std::exp(theta(0)), length = std::exp(theta(1));
  return c * (SquaredDistances(a, b).array() * (-0.5 / (length * length))).exp().matrix();
}

double GaussianProcessRegressor::LogMarginalLikelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* gradient) const {
  const Eigen::Index n = x_.rows();
  const double c = std::exp(theta(0)), length = std::exp(theta(1));
  const double noise = settings_.white_noise ? std::exp(theta(2)) : 0.0;
  const Eigen::MatrixXd scaled = squared_distances_ / (length * length);       // D²/ℓ²
  const Eigen::MatrixXd free = c * (-0.5 * scaled.array()).exp().matrix();      // c·RBF
  Eigen::MatrixXd k = free;
  k.diagonal().array() += noise + settings_.alpha;
  const Eigen::LLT<Eigen::MatrixXd> llt(k);
  if (llt.info() != Eigen::Success) {
    if (gradient) *gradient = Eigen::VectorXd::Zero(theta.size());
    return -std::numeric_limits<double>::infinity();
  }
  const Eigen::VectorXd a = llt.solve(y_);
  const Eigen::MatrixXd l = llt.matrixL();
  const double value = -0.5 * y_.dot(a) - l.diagonal().array().log().sum() - 0.5 * double(n) * kLog2Pi;
  if (gradient) {
    // ½ tr((aaᵀ − K⁻¹) ∂K/∂θ_k) with ∂K/∂log c = c·R, ∂K/∂log ℓ = c·R ∘ D²/ℓ², ∂K/∂log σ²ₙ = σ²ₙ I.
    const Eigen::MatrixXd inner = a * a.transpose() - llt.solve(Eigen::MatrixXd::Identity(n, n));
    gradient->resize(theta.size());
    (*gradient)(0) = 0.5 * (inner.array() * free.array()).sum();
    (*gradient)(1) = 0.5 * (inner.array() * free.array() * scaled.array()).sum();
    if (settings_.white_noise) (*gradient)(2) = 0.5 * noise * inner.trace();
  }
  return value;
}

Status GaussianProcessRegressor::Posterior() {
  Eigen::MatrixXd k = KernelFree(theta_, x_, x_);
  k.diagonal().array() += noise_level() + settings_.alpha;
  const Eigen::LLT<Eigen::MatrixXd> llt(k);
  if (llt.info() != Eigen::Success)
    return Status::Error("The kernel matrix is not positive definite: increase alpha (the noise) or the length-scale bounds.");
  cholesky_ = llt.matrixL();
  dual_coef_ = llt.solve(y_);
  log_marginal_likelihood_ = -0.5 * y_.dot(dual_coef_) - cholesky_.diagonal().array().log().sum() -
                             0.5 * double(x_.rows()) * kLog2Pi;
  progress_.objective = log_marginal_likelihood_;
  return {};
}

Eigen::VectorXd GaussianProcessRegressor::Project(const Eigen::VectorXd& theta) const {
  return theta.cwiseMax(lower_).cwiseMin(upper_);
}

Eigen::VectorXd GaussianProcessRegressor::ProjectedGradient(const Eigen::VectorXd& theta,
                                                            const Eigen::VectorXd& gradient) const {
  Eigen::VectorXd projected = gradient;
  for (Eigen::Index k = 0; k < theta.size(); ++k) {
    if ((theta(k) <= lower_(k) && gradient(k) > 0) || (theta(k) >= upper_(k) && gradient(k) < 0)) projected(k) = 0;
  }
  return projected;
}

Status GaussianProcessRegressor::Step() {
  if (progress_.finished) return {};
  if (theta_.size() == 0) return Status::Error("Reset the Gaussian process on training data before stepping it.");
  ++progress_.steps;
  if (!settings_.optimize) {
    progress_.finished = true;
    return Posterior();
  }
  // One projected-BFGS iteration on f = −LML.
  const Eigen::VectorXd free_gradient = ProjectedGradient(theta_, gradient_);
  if (free_gradient.lpNorm<Eigen::Infinity>() <= kGradientTolerance) {
    progress_.finished = true;
    return Posterior();
  }
  Eigen::VectorXd direction = -(inverse_hessian_ * free_gradient);
  for (Eigen::Index k = 0; k < direction.size(); ++k)
    if (free_gradient(k) == 0) direction(k) = 0;
  if (!(direction.dot(gradient_) < 0)) {  // not a descent direction: restart from steepest descent
    inverse_hessian_.setIdentity();
    direction = -free_gradient;
  }
  double step = 1.0;
  if (first_iteration_) step = std::min(1.0, 1.0 / direction.norm());  // as L-BFGS-B's first step
  const double value = -log_marginal_likelihood_;
  Eigen::VectorXd candidate, candidate_gradient;
  double candidate_value = std::numeric_limits<double>::infinity();
  bool accepted = false;
  for (int halving = 0; halving < 50 && !accepted; ++halving, step *= 0.5) {
    candidate = Project(theta_ + step * direction);
    candidate_value = -LogMarginalLikelihood(candidate, &candidate_gradient);
    accepted = std::isfinite(candidate_value) && candidate_value <= value + 1e-4 * gradient_.dot(candidate - theta_);
  }
  if (!accepted) {  // no further decrease at double precision
    progress_.finished = true;
    return Posterior();
  }
  candidate_gradient = -candidate_gradient;
  const Eigen::VectorXd s = candidate - theta_, change = candidate_gradient - gradient_;
  const double sy = s.dot(change);
  if (sy > 1e-10) {
    if (first_iteration_) inverse_hessian_ *= sy / change.squaredNorm();
    const double rho = 1.0 / sy;
    const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(s.size(), s.size());
    inverse_hessian_ = (identity - rho * s * change.transpose()) * inverse_hessian_ *
                           (identity - rho * change * s.transpose()) +
                       rho * s * s.transpose();
  }
  first_iteration_ = false;
  theta_ = candidate;
  gradient_ = candidate_gradient;
  const double reduction = (value - candidate_value) / std::max({std::fabs(value), std::fabs(candidate_value), 1.0});
  if (Status status = Posterior(); !status.ok()) return status;
  if (reduction <= kRelativeReduction ||
      ProjectedGradient(theta_, gradient_).lpNorm<Eigen::Infinity>() <= kGradientTolerance ||
      progress_.steps >= settings_.max_iterations)
    progress_.finished = true;
  return {};
}

void GaussianProcessRegressor::PredictWithStd(const Eigen::MatrixXd& x, Eigen::VectorXd& mean,
                                              Eigen::VectorXd& std) const {
  if (dual_coef_.size() == 0) {
    mean = Eigen::VectorXd::Zero(x.rows());
    std = Eigen::VectorXd::Constant(x.rows(), std::sqrt(constant() + noise_level()));
    return;
  }
  const Eigen::MatrixXd cross = KernelFree(theta_, x, x_);  // the white term is 0 between distinct sets
  mean = cross * dual_coef_;
  const Eigen::MatrixXd v = cholesky_.triangularView<Eigen::Lower>().solve(cross.transpose());
  const Eigen::VectorXd variance =
      (Eigen::VectorXd::Constant(x.rows(), constant() + noise_level()) - v.colwise().squaredNorm().transpose())
          .cwiseMax(0.0);
  std = variance.cwiseSqrt();
}

Eigen::VectorXd GaussianProcessRegressor::Predict(const Eigen::MatrixXd& x) const {
  if (dual_coef_.size() == 0) return Eigen::VectorXd::Zero(x.rows());
  return KernelFree(theta_, x, x_) * dual_coef_;
}

}  // namespace mlp::classic
