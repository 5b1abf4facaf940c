// Gaussian-process regression (scikit-learn's GaussianProcessRegressor with the kernel
// ConstantKernel(c) * RBF(ℓ) [+ WhiteKernel(σ²ₙ)] and normalize_y = False), after Rasmussen &
// Williams, "Gaussian Processes for Machine Learning" (2006), Algorithm 2.1:
//   K = c·exp(−‖x − x'‖²/(2ℓ²)) [+ σ²ₙI] + alpha·I,  L = chol(K),  a = K⁻¹y,
//   mean(x*) = k*ᵀa,  var(x*) = k(x*, x*) − ‖L⁻¹k*‖²,
//   log p(y|X) = −½yᵀa − Σ log L_ii − (n/2) log 2π.
// Optional hyperparameter fit: maximise log p(y|X) over θ = log(c, ℓ[, σ²ₙ]) inside box bounds with
// analytic gradients ½ tr((aaᵀ − K⁻¹) ∂K/∂θ) (R&W eq. 5.9) by a projected BFGS with backtracking — one
// optimiser iteration per Step(), from the initial values (no restarts). Without the fit one Step()
// computes the posterior and finishes.
#pragma once

#include <string>

#include "core/models/classic/model.h"

namespace mlp::classic {

struct GaussianProcessSettings {
  double constant = 1.0;  // signal variance c
  double constant_low = 1e-5, constant_high = 1e5;
  double length_scale = 1.0;  // ℓ, in the units of x
  double length_scale_low = 1e-5, length_scale_high = 1e5;
  bool white_noise = false;   // add WhiteKernel(noise_level), fitted with the rest
  double noise_level = 1.0;   // σ²ₙ
  double noise_low = 1e-5, noise_high = 1e5;
  double alpha = 1e-10;       // fixed jitter / known noise variance added to K's diagonal
  bool optimize = true;       // fit the hyperparameters by maximising the log marginal likelihood
  int max_iterations = 500;   // optimiser iterations
};

class GaussianProcessRegressor : public Model {
public:
  explicit GaussianProcessRegressor(GaussianProcessSettings settings = {}) : settings_(settings) {}

  ModelKind kind() const override { return ModelKind::kRegressor; }
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;
  Progress progress() const override { return progress_; }
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;
  // Posterior mean and standard deviation (std includes the white noise, as scikit-learn's).
  void PredictWithStd(const Eigen::MatrixXd& x, Eigen::VectorXd& mean, Eigen::VectorXd& std) const;
  Eigen::VectorXd PredictStd(const Eigen::MatrixXd& x) const override {
    Eigen::VectorXd mean, std;
    PredictWithStd(x, mean, std);
    return std;
  }

  const GaussianProcessSettings& settings() const { return settings_; }
  GaussianProcessSettings& settings() { return settings_; }  // takes effect at the next Reset
  // Current hyperparameters (fitted ones once finished).
  double constant() const;
  double length_scale() const;
  double noise_level() const;  // 0 without the white-noise term
  double log_marginal_likelihood() const { return log_marginal_likelihood_; }
  const Eigen::VectorXd& dual_coef() const { return dual_coef_; }  // K⁻¹y

  // log p(y|X) at log-hyperparameters theta = (log c, log ℓ[, log σ²ₙ]) on the training data, with its
  // gradient when asked. −∞ when K is not positive definite.
  double LogMarginalLikelihood(const Eigen::VectorXd& theta, Eigen::VectorXd* gradient) const;

private:
  Eigen::MatrixXd KernelFree(const Eigen::VectorXd& theta, const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) const;
  Status Posterior();  // L, K⁻¹y and the LML at theta_
  Eigen::VectorXd Project(const Eigen::VectorXd& theta) const;
  Eigen::VectorXd ProjectedGradient(const Eigen::VectorXd& theta, const Eigen::VectorXd& gradient) const;

  GaussianProcessSettings settings_;
  Eigen::MatrixXd x_, cholesky_;
  Eigen::VectorXd y_, dual_coef_;
  Eigen::MatrixXd squared_distances_;
  Eigen::VectorXd theta_, lower_, upper_;
  double log_marginal_likelihood_ = 0.0;
  // Optimiser state: minimises −LML.
  Eigen::VectorXd gradient_;      // of −LML at theta_
  Eigen::MatrixXd inverse_hessian_;
  bool first_iteration_ = true;
  Progress progress_;
};

}  // namespace mlp::classic
