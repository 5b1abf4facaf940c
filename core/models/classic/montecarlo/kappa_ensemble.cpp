// Toy-ensemble runner for the κ asymmetry study (see kappa_ensemble.h).
#include "core/models/classic/montecarlo/kappa_ensemble.h"

#include <cmath>

namespace mlp::classic {

Status KappaEnsemble::Reset() {
  cases_.clear();
  done_ = 0;
  if (settings_.toys < 1) return Status::Error("Run at least one toy experiment per case.");
  for (size_t s = 0; s < kLuminosityScenarios.size(); ++s) {
    if (!settings_.scenarios[s]) continue;
    const LuminosityScenario& scenario = kLuminosityScenarios[s];
    for (double kappa : kCourseKappas) {
      KappaCase cell;
      cell.scenario = static_cast<int>(s);
      cell.kappa = kappa;
      cell.events = settings_.high_event_count ? scenario.EventsHigh() : scenario.EventsLow();
      cell.estimates.reserve(static_cast<size_t>(settings_.toys));
      cell.sigmas.reserve(static_cast<size_t>(settings_.toys));
      cases_.push_back(std::move(cell));
    }
  }
  if (cases_.empty()) return Status::Error("Choose at least one luminosity scenario.");
  return {};
}

Status KappaEnsemble::Step() {
  if (cases_.empty()) return Status::Error("Reset the toy ensemble before stepping it.");
  if (finished()) return {};
  const size_t index = static_cast<size_t>(done_ / settings_.toys);
  const uint32_t toy = static_cast<uint32_t>(done_ % settings_.toys);
  KappaCase& cell = cases_[index];
  MuonPairSettings sample_settings;
  sample_settings.kappa = cell.kappa;
  sample_settings.events = cell.events;
  sample_settings.seed = settings_.seed + 7919u * static_cast<uint32_t>(index) + toy;
  Result<std::vector<double>> sample = SampleMuonCosTheta(sample_settings);
  if (!sample.ok()) return sample.status();
  Result<KappaFit> fit = FitKappaMaximumLikelihood(sample.value());
  if (!fit.ok()) return fit.status();
  cell.estimates.push_back(fit.value().kappa);
  cell.sigmas.push_back(fit.value().sigma);
  // Summaries over the toys so far (two-pass, in toy order: deterministic).
  const double m = double(cell.estimates.size());
  double sum = 0.0, sigma_sum = 0.0;
  for (size_t t = 0; t < cell.estimates.size(); ++t) {
    sum += cell.estimates[t];
    sigma_sum += cell.sigmas[t];
  }
  cell.mean = sum / m;
  cell.mean_sigma = sigma_sum / m;
  double squares = 0.0;
  for (double estimate : cell.estimates) squares += (estimate - cell.mean) * (estimate - cell.mean);
  cell.sd = m > 1 ? std::sqrt(squares / (m - 1)) : std::nan("");
  ++done_;
  return {};
}

Status KappaEnsemble::Run() {
  if (Status status = Reset(); !status.ok()) return status;
  while (!finished())
    if (Status status = Step(); !status.ok()) return status;
  return {};
}

const KappaCase* KappaEnsemble::ZeroCase(size_t case_index) const {
  if (case_index >= cases_.size()) return nullptr;
  for (const KappaCase& cell : cases_)
    if (cell.scenario == cases_[case_index].scenario && cell.kappa == 0.0) return &cell;
  return nullptr;
}

double KappaEnsemble::Separation(size_t case_index) const {
  const KappaCase* zero = ZeroCase(case_index);
  if (!zero || zero->estimates.size() < 2 || cases_[case_index].estimates.empty()) return std::nan("");
  return std::fabs(cases_[case_index].mean - zero->mean) / zero->sd;
}

double KappaEnsemble::ExpectedSeparation(size_t case_index) const {
  const KappaCase* zero = ZeroCase(case_index);
  if (!zero || zero->estimates.empty()) return std::nan("");
  return std::fabs(cases_[case_index].kappa) / zero->mean_sigma;
}

}  // namespace mlp::classic
