// Gaussian mixture fitted by expectation–maximisation, as scikit-learn 1.2.1's
// GaussianMixture(init_params='kmeans', n_init=1): the starting responsibilities are the one-hot
// labels of one k-means++ run (KMeans(k, n_init=1) with the same seed, core/models/classic/
// clustering/kmeans.h) unless the caller gives labels or responsibilities; weights, means and
// covariances (+ reg_covar on the diagonal) are estimated from them. One Step() is one EM iteration:
//   E: log p(x, k) = log w_k + log N(x | μ_k, Σ_k) through the Cholesky factor of each precision,
//      log p(x) = logsumexp_k, responsibilities r_ik = p(k | x_i); the lower bound is mean log p(x)
//      under the parameters before this iteration's M-step (sklearn's lower_bound_);
//   M: N_k = Σ_i r_ik + 10 ε, μ_k = Σ r_ik x_i / N_k, Σ_k = Σ r_ik (x_i − μ_k)(x_i − μ_k)ᵀ / N_k
//      (diagonal: only the variances), w_k = N_k / Σ N_k.
// The fit stops when the lower bound changes by less than `tolerance` or after max_iterations.
#pragma once

#include <vector>

#include "core/models/classic/model.h"

namespace mlp::classic {

enum class CovarianceType { kFull, kDiagonal };

struct GaussianMixtureSettings {
  int components = 2;  // 1 ≤ components ≤ rows
  CovarianceType covariance = CovarianceType::kFull;
  double regularisation = 1e-6;  // sklearn reg_covar, added to every variance
  double tolerance = 1e-3;       // on the change of the per-sample lower bound (sklearn tol)
  int max_iterations = 100;
};

class GaussianMixture : public Model {
public:
  explicit GaussianMixture(GaussianMixtureSettings settings = {}) : settings_(settings) {}

  GaussianMixtureSettings& settings() { return settings_; }  // takes effect at the next Reset
  const GaussianMixtureSettings& settings() const { return settings_; }
  // Start from these hard labels (one per training row, 0..components−1) or soft responsibilities
  // (rows × components) instead of k-means. Empty clears; responsibilities win if both are set.
  void SetInitialLabels(Eigen::VectorXi labels) { initial_labels_ = std::move(labels); }
  void SetInitialResponsibilities(Eigen::MatrixXd responsibilities) { initial_resp_ = std::move(responsibilities); }

  ModelKind kind() const override { return ModelKind::kClusterer; }
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;  // one EM iteration
  Progress progress() const override;
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;               // most probable component
  Eigen::MatrixXd PredictProbabilities(const Eigen::MatrixXd& x) const override;  // rows × components, p(k | x)
  // log p(x) per row under the mixture (sklearn score_samples): density contours are exp of it.
  Eigen::VectorXd ScoreSamples(const Eigen::MatrixXd& x) const;
  // The log density (ScoreSamples) and contour levels spread evenly between its 5th percentile and
  // maximum over the map, so the contours follow the bumps of the mixture.
  Eigen::VectorXd ContourField(const Eigen::MatrixXd& x) const override { return ScoreSamples(x); }
  std::vector<double> ContourLevels(const Eigen::VectorXd& field) const override;
  ModelInsight Insight() const override;  // means, weights, covariances

  // Fitted state (the parameters after the latest M-step; after Reset, the initial estimate).
  const Eigen::VectorXd& weights() const { return weights_; }  // components
  const Eigen::MatrixXd& means() const { return means_; }      // components × features
  // One features × features matrix per component (diagonal ones for kDiagonal), reg_covar included.
  const std::vector<Eigen::MatrixXd>& covariances() const { return covariances_; }
  const std::vector<double>& lower_bound_history() const { return lower_bounds_; }  // per EM iteration
  bool converged() const { return converged_; }
  int iterations() const { return static_cast<int>(lower_bounds_.size()); }

private:
  Status EstimateParameters(const Eigen::MatrixXd& resp, bool initial);
  // rows × components: log w_k + log N(x_i | μ_k, Σ_k).
  Eigen::MatrixXd WeightedLogProbabilities(const Eigen::MatrixXd& x) const;

  GaussianMixtureSettings settings_;
  Eigen::VectorXi initial_labels_;
  Eigen::MatrixXd initial_resp_;
  Eigen::MatrixXd x_;
  Eigen::VectorXd weights_;
  Eigen::MatrixXd means_;
  std::vector<Eigen::MatrixXd> covariances_;
  std::vector<Eigen::MatrixXd> precision_cholesky_;  // P_k = L_k⁻ᵀ (Σ_k = L_k L_kᵀ), Σ_k⁻¹ = P_k P_kᵀ
  Eigen::VectorXd log_det_;                          // Σ log diag(P_k) = −½ log det Σ_k
  std::vector<double> lower_bounds_;
  int64_t steps_ = 0;
  bool ready_ = false, converged_ = false, finished_ = false;
};

}  // namespace mlp::classic
