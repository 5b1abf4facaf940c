#include "core/models/classic/clustering/gaussian_mixture.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <Eigen/Cholesky>

#include "core/models/classic/clustering/kmeans.h"

namespace mlp::classic {

namespace {

constexpr double kLogTwoPi = 1.8378770664093453;  // log(2π)

// Row-wise log Σ_k exp(a_ik), shifted by the row maximum (scipy's logsumexp).
Eigen::VectorXd RowLogSumExp(const Eigen::MatrixXd& a) {
  Eigen::VectorXd out(a.rows());
  for (Eigen::Index i = 0; i < a.rows(); ++i) {
    const double top = a.row(i).maxCoeff();
    if (!std::isfinite(top)) {
      out(i) = top;
      continue;
    }
    out(i) = std::log((a.row(i).array() - top).exp().sum()) + top;
  }
  return out;
}

}  // namespace

std::string GaussianMixture::Describe() const {
  return "Gaussian mixture (" + std::to_string(settings_.components) + " components, " +
         (settings_.covariance == CovarianceType::kFull ? "full" : "diagonal") + " covariance)";
}

Status GaussianMixture::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd&, int, uint32_t seed) {
  ready_ = converged_ = finished_ = false;
  steps_ = 0;
  lower_bounds_.clear();
  const int k = settings_.components;
  if (x.rows() < 1 || x.cols() < 1) return Status::Error(Describe() + ": there are no training rows.");
  if (k < 1 || k > x.rows()) {
    return Status::Error(Describe() + ": choose between 1 and " + std::to_string(x.rows()) +
                         " components (one per training row at most).");
  }
  if (!(settings_.regularisation >= 0)) return Status::Error(Describe() + ": reg_covar must be 0 or positive.");
  if (!(settings_.tolerance >= 0)) return Status::Error(Describe() + ": the tolerance must be 0 or positive.");
  if (settings_.max_iterations < 1) return Status::Error(Describe() + ": needs at least 1 EM iteration.");
  if (!x.allFinite()) return Status::Error(Describe() + ": the data hold NaN or infinite values; impute or drop them first.");
  x_ = x;
  Eigen::MatrixXd resp;
  if (initial_resp_.size() > 0) {
    if (initial_resp_.rows() != x.rows() || initial_resp_.cols() != k)
      return Status::Error(Describe() + ": the given responsibilities must be rows × components.");
    resp = initial_resp_;
  } else {
    Eigen::VectorXi labels;
    if (initial_labels_.size() > 0) {
      if (initial_labels_.size() != x.rows() || initial_labels_.minCoeff() < 0 || initial_labels_.maxCoeff() >= k)
        return Status::Error(Describe() + ": the given labels must be one per row, between 0 and components − 1.");
      labels = initial_labels_;
    } else {
      // sklearn: KMeans(n_clusters=k, n_init=1, random_state=the mixture's RandomState).fit(X).labels_
      KMeansSettings kmeans_settings;
      kmeans_settings.clusters = k;
      kmeans_settings.runs = 1;
      KMeans kmeans(kmeans_settings);
      if (Status status = kmeans.Fit(x, {}, 0, seed); !status.ok()) return status;
      labels = kmeans.labels();
    }
    resp = Eigen::MatrixXd::Zero(x.rows(), k);
    for (Eigen::Index i = 0; i < x.rows(); ++i) resp(i, labels(i)) = 1.0;
  }
  if (Status status = EstimateParameters(resp, true); !status.ok()) return status;
  ready_ = true;
  return Status::Ok();
}

Status GaussianMixture::EstimateParameters(const Eigen::MatrixXd& resp, bool initial) {
  const int k = settings_.components;
  const Eigen::Index d = x_.cols();
  const double reg = settings_.regularisation;
  const Eigen::VectorXd nk = resp.colwise().sum().transpose().array() + 10.0 * std::numeric_limits<double>::epsilon();
  const Eigen::MatrixXd weighted_sums = resp.transpose() * x_;  // k × d
  means_ = weighted_sums.array().colwise() / nk.array();
  covariances_.assign(static_cast<size_t>(k), Eigen::MatrixXd());
  if (settings_.covariance == CovarianceType::kFull) {
    Eigen::MatrixXd diff(x_.rows(), d);
    for (int c = 0; c < k; ++c) {
      diff = x_.rowwise() - means_.row(c);
      Eigen::MatrixXd cov = (diff.array().colwise() * resp.col(c).array()).matrix().transpose() * diff / nk(c);
      cov.diagonal().array() += reg;
      covariances_[static_cast<size_t>(c)] = std::move(cov);
    }
  } else {
    // sklearn's diagonal estimate: E[x²] − 2 μ E[x] + μ² + reg.
    const Eigen::MatrixXd avg_x2 = (resp.transpose() * x_.cwiseAbs2()).array().colwise() / nk.array();
    const Eigen::MatrixXd avg_x_means = means_.array() * (weighted_sums.array().colwise() / nk.array());
    const Eigen::MatrixXd variances = avg_x2.array() - 2.0 * avg_x_means.array() + means_.array().square() + reg;
    for (int c = 0; c < k; ++c) covariances_[static_cast<size_t>(c)] = variances.row(c).transpose().asDiagonal();
  }
  weights_ = initial ? Eigen::VectorXd(nk / static_cast<double>(x_.rows())) : Eigen::VectorXd(nk / nk.sum());
  // Precision Cholesky factors P = L⁻ᵀ.
  precision_cholesky_.assign(static_cast<size_t>(k), Eigen::MatrixXd());
  log_det_.resize(k);
  for (int c = 0; c < k; ++c) {
    const Eigen::MatrixXd& cov = covariances_[static_cast<size_t>(c)];
    Eigen::MatrixXd p;
    if (settings_.covariance == CovarianceType::kDiagonal) {
      if ((cov.diagonal().array() <= 0).any()) p.resize(0, 0);
      else p = cov.diagonal().cwiseSqrt().cwiseInverse().asDiagonal();
    } else {
      const Eigen::LLT<Eigen::MatrixXd> llt(cov);
      if (llt.info() == Eigen::Success) {
        p = llt.matrixL().solve(Eigen::MatrixXd::Identity(d, d)).transpose();
      }
    }
    if (p.size() == 0 || !p.allFinite()) {
      return Status::Error(Describe() + ": component " + std::to_string(c + 1) +
                           " collapsed (its covariance is singular: too few distinct points or duplicated "
                           "features). Increase the regularisation reg_covar, use fewer components, or scale the data.");
    }
    log_det_(c) = p.diagonal().array().log().sum();
    precision_cholesky_[static_cast<size_t>(c)] = std::move(p);
  }
  return Status::Ok();
}

Eigen::MatrixXd GaussianMixture::WeightedLogProbabilities(const Eigen::MatrixXd& x) const {
  const int k = settings_.components;
  const double d = static_cast<double>(x.cols());
  Eigen::MatrixXd out(x.rows(), k);
  Eigen::MatrixXd y(x.rows(), x.cols());
  for (int c = 0; c < k; ++c) {
    const Eigen::MatrixXd& p = precision_cholesky_[static_cast<size_t>(c)];
    // sklearn: y = X P − μ P.
    y.noalias() = x * p;
    y.rowwise() -= means_.row(c) * p;
    out.col(c) = (-0.5 * (d * kLogTwoPi + y.rowwise().squaredNorm().array()) + log_det_(c) + std::log(weights_(c))).matrix();
  }
  return out;
}

Status GaussianMixture::Step() {
  if (!ready_) return Status::Error(Describe() + ": call Reset with training data first.");
  if (finished_) return Status::Ok();
  // E-step under the current parameters.
  Eigen::MatrixXd log_resp = WeightedLogProbabilities(x_);
  const Eigen::VectorXd log_norm = RowLogSumExp(log_resp);
  log_resp.colwise() -= log_norm;
  const double lower_bound = log_norm.mean();
  if (!std::isfinite(lower_bound)) {
    return Status::Error(Describe() + ": the likelihood is no longer finite. Increase reg_covar or scale the data.");
  }
  // M-step.
  if (Status status = EstimateParameters(log_resp.array().exp().matrix(), false); !status.ok()) return status;
  const double previous = lower_bounds_.empty() ? -std::numeric_limits<double>::infinity() : lower_bounds_.back();
  lower_bounds_.push_back(lower_bound);
  ++steps_;
  converged_ = std::abs(lower_bound - previous) < settings_.tolerance;
  finished_ = converged_ || static_cast<int>(lower_bounds_.size()) >= settings_.max_iterations;
  return Status::Ok();
}

Progress GaussianMixture::progress() const {
  Progress p;
  p.steps = steps_;
  p.finished = finished_;
  p.objective_name = "log-likelihood per sample";
  p.objective = lower_bounds_.empty() ? std::numeric_limits<double>::quiet_NaN() : lower_bounds_.back();
  return p;
}

Eigen::VectorXd GaussianMixture::ScoreSamples(const Eigen::MatrixXd& x) const {
  if (!ready_) return Eigen::VectorXd::Zero(x.rows());
  return RowLogSumExp(WeightedLogProbabilities(x));
}

Eigen::MatrixXd GaussianMixture::PredictProbabilities(const Eigen::MatrixXd& x) const {
  if (!ready_) return {};
  Eigen::MatrixXd log_resp = WeightedLogProbabilities(x);
  log_resp.colwise() -= RowLogSumExp(log_resp);
  return log_resp.array().exp().matrix();
}

Eigen::VectorXd GaussianMixture::Predict(const Eigen::MatrixXd& x) const {
  Eigen::VectorXd out = Eigen::VectorXd::Zero(x.rows());
  if (!ready_) return out;
  const Eigen::MatrixXd log_prob = WeightedLogProbabilities(x);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    Eigen::Index best = 0;
    log_prob.row(i).maxCoeff(&best);
    out(i) = static_cast<double>(best);
  }
  return out;
}


std::vector<double> GaussianMixture::ContourLevels(const Eigen::VectorXd& field) const {
  std::vector<double> values;
  for (Eigen::Index i = 0; i < field.size(); ++i)
    if (std::isfinite(field(i))) values.push_back(field(i));
  if (values.size() < 2) return {};
  std::sort(values.begin(), values.end());
  const double low = values[values.size() / 20], high = values.back();
  if (!(high > low)) return {};
  constexpr int kLevels = 8;
  std::vector<double> levels;
  for (int i = 1; i <= kLevels; ++i) levels.push_back(low + (high - low) * i / (kLevels + 1.0));
  return levels;
}

ModelInsight GaussianMixture::Insight() const {
  ModelInsight insight;
  if (means_.size() == 0) return insight;
  insight.centers = means_;
  insight.mixture_weights = weights_;
  insight.covariances = covariances_;
  return insight;
}

}  // namespace mlp::classic
