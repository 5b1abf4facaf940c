// Toy ensembles for the Monte-Carlo lesson (G10, seed 002): for each LEP luminosity scenario and each
// κ ∈ {−0.07, 0, +0.07}, draw M pseudo-experiments of N events (SampleMuonCosTheta), fit κ̂ ± σ by
// maximum likelihood (FitKappaMaximumLikelihood), and summarise the κ̂ distributions: mean, spread,
// and how many standard deviations separate κ = ±0.07 from κ = 0. Expected: σ_κ ≈ 2.49/√N, so
// ≈ 1.3–1.5σ with thousands of events, 4–5σ with tens of thousands, 13–15σ with hundreds of thousands.
// Not a Model (it learns nothing from a data set); it has the same Reset / Step / progress verbs so the
// UI can fill the histograms one toy per Step().
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/base/status.h"
#include "core/data/generators/muon_pairs.h"

namespace mlp::classic {

struct KappaEnsembleSettings {
  int toys = 100;                                   // M pseudo-experiments per (scenario, κ)
  bool high_event_count = false;                    // N at the scenario's upper end (30/300/3000 per day)
  std::array<bool, 3> scenarios = {true, true, true};  // which of kLuminosityScenarios to run
  uint32_t seed = 0;                                // toy t of case c uses seed + 7919·c + t (wrapping)
};

// One (scenario, κ) cell of the study.
struct KappaCase {
  int scenario = 0;              // index into kLuminosityScenarios
  double kappa = 0.0;            // true κ
  int64_t events = 0;            // N per toy
  std::vector<double> estimates; // κ̂ per toy
  std::vector<double> sigmas;    // fitted σ per toy (1/√Fisher information)
  double mean = 0.0, sd = 0.0;   // of the κ̂ distribution (sd with ddof = 1)
  double mean_sigma = 0.0;       // mean fitted σ
};

class KappaEnsemble {
public:
  explicit KappaEnsemble(KappaEnsembleSettings settings = {}) : settings_(settings) {}

  // Checks the settings and lays out the cases (scenario-major, κ in kCourseKappas order); no toys yet.
  Status Reset();
  // One toy of the current case; a failed Status only if sampling or the fit fails.
  Status Step();
  // Reset then Step until finished.
  Status Run();
  int64_t toys_done() const { return done_; }
  int64_t toys_total() const { return static_cast<int64_t>(cases_.size()) * settings_.toys; }
  bool finished() const { return !cases_.empty() && done_ == toys_total(); }

  const std::vector<KappaCase>& cases() const { return cases_; }
  // |mean κ̂(κ) − mean κ̂(0)| / sd κ̂(0) for the case, within its scenario (NaN before 2 toys at κ = 0).
  double Separation(size_t case_index) const;
  // |κ| / (mean fitted σ at κ = 0): the separation the Fisher information predicts.
  double ExpectedSeparation(size_t case_index) const;

  const KappaEnsembleSettings& settings() const { return settings_; }
  KappaEnsembleSettings& settings() { return settings_; }  // takes effect at the next Reset

private:
  const KappaCase* ZeroCase(size_t case_index) const;

  KappaEnsembleSettings settings_;
  std::vector<KappaCase> cases_;
  int64_t done_ = 0;
};

}  // namespace mlp::classic
