// G10: accept–reject sampler and the maximum-likelihood κ fit (formulas in muon_pairs.h).
#include "core/data/generators/muon_pairs.h"

#include <algorithm>
#include <cmath>

#include "core/base/rng.h"

namespace mlp {
namespace {

double LogLikelihood(const std::vector<double>& c, double kappa) {
  double sum = 0.0;
  for (double x : c) {
    const double g = 1.0 + x * x + kappa * x;
    if (!(g > 0.0)) return -INFINITY;
    sum += std::log(g);
  }
  return sum;
}

}  // namespace

double MuonPairDensity(double cos_theta, double kappa) {
  if (cos_theta < -1.0 || cos_theta > 1.0) return 0.0;
  return 0.375 * (1.0 + cos_theta * cos_theta + kappa * cos_theta);
}

Result<std::vector<double>> SampleMuonCosTheta(const MuonPairSettings& settings) {
  if (!(std::fabs(settings.kappa) <= 2.0)) {
    return Status::Error("κ must lie in [-2, 2]: beyond that the angular density 1 + cos²θ + κ cos θ turns negative.");
  }
  if (settings.events < 1) return Status::Error("The number of events must be at least 1.");
  Rng rng(settings.seed);
  const double envelope = 2.0 + std::fabs(settings.kappa);
  std::vector<double> sample;
  sample.reserve(static_cast<size_t>(settings.events));
  while (static_cast<int64_t>(sample.size()) < settings.events) {
    const double c = rng.Uniform(-1.0, 1.0);
    const double u = rng.Uniform(0.0, envelope);
    if (u < 1.0 + c * c + settings.kappa * c) sample.push_back(c);
  }
  return sample;
}

Result<Dataset> GenerateMuonPairs(const MuonPairSettings& settings) {
  Result<std::vector<double>> sample = SampleMuonCosTheta(settings);
  if (!sample.ok()) return sample.status();
  const std::vector<double>& c = sample.value();
  Dataset data;
  data.name = "e+e- -> mu+mu- angular Monte-Carlo (synthetic)";
  data.task = TaskKind::kClassification;
  data.feature_names = {"cos_theta"};
  data.class_names = {"backward", "forward"};
  data.features.resize(static_cast<Eigen::Index>(c.size()), 1);
  data.targets.resize(static_cast<Eigen::Index>(c.size()));
  for (size_t i = 0; i < c.size(); ++i) {
    data.features(static_cast<Eigen::Index>(i), 0) = c[i];
    data.targets(static_cast<Eigen::Index>(i)) = c[i] > 0.0 ? 1.0 : 0.0;
  }
  return data;
}

Result<KappaFit> FitKappaMaximumLikelihood(const std::vector<double>& cos_theta) {
  if (cos_theta.empty()) return Status::Error("The κ fit needs at least one event.");
  bool informative = false;
  for (double x : cos_theta) {
    if (!(x >= -1.0 && x <= 1.0)) return Status::Error("Every cos θ must lie in [-1, 1].");
    informative = informative || x != 0.0;
  }
  if (!informative) return Status::Error("All events have cos θ = 0, which carries no information on κ.");

  KappaFit fit;
  double log_likelihood = LogLikelihood(cos_theta, 0.0);
  double information = 0.0;
  for (int iteration = 1; iteration <= 100; ++iteration) {
    double score = 0.0;
    information = 0.0;
    for (double x : cos_theta) {
      const double g = 1.0 + x * x + fit.kappa * x;
      score += x / g;
      information += (x * x) / (g * g);
    }
    fit.iterations = iteration;
    double step = score / information;
    double candidate = std::clamp(fit.kappa + step, -2.0, 2.0);
    step = candidate - fit.kappa;
    double candidate_log_likelihood = LogLikelihood(cos_theta, candidate);
    for (int halving = 0; halving < 60 && !(candidate_log_likelihood >= log_likelihood); ++halving) {
      step *= 0.5;
      candidate = fit.kappa + step;
      candidate_log_likelihood = LogLikelihood(cos_theta, candidate);
    }
    if (!(candidate_log_likelihood >= log_likelihood)) break;  // no ascent left at double precision
    fit.kappa = candidate;
    log_likelihood = candidate_log_likelihood;
    if (std::fabs(step) < 1e-12 * (1.0 + std::fabs(fit.kappa))) break;
  }
  information = 0.0;
  for (double x : cos_theta) {
    const double g = 1.0 + x * x + fit.kappa * x;
    information += (x * x) / (g * g);
  }
  fit.sigma = 1.0 / std::sqrt(information);
  return fit;
}

}  // namespace mlp
