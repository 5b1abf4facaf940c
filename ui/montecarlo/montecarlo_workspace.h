// MonteCarloWorkspace: the Monte-Carlo tab (seed 002's e⁺e⁻ → μ⁺μ⁻ project). One simulated
// experiment — cos θ drawn by accept–reject, κ fitted by maximum likelihood, the histogram with
// the fitted density — and the toy-ensemble study that asks how well κ = ±0.07 can be told from 0
// with the events of each LEP era.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/base/background_job.h"
#include "core/data/generators/muon_pairs.h"
#include "core/train/kappa_run.h"
#include "ui/platform.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

class MonteCarloWorkspace {
public:
  explicit MonteCarloWorkspace(Platform& platform);

  void Update(double budget_ms);
  void Draw(const Fonts& fonts, WidgetRegistry& widgets);

  void Simulate();         // one experiment with the current κ, events and seed
  void RunStudy();         // a fresh toy study with the current settings, playing
  void PauseStudy() { if (study_) study_->Pause(); }
  void ShowStudy() { view_ = View::kStudy, select_view_ = true; }
  std::string StatusJson() const;
  // A lesson opened this tab: its title above the controls (the tab explains itself).
  void SetLesson(std::string title, std::string text) { lesson_title_ = std::move(title), lesson_text_ = std::move(text); }

private:
  enum class View { kExperiment, kStudy };
  struct Experiment {  // one simulated sample and its fit
    double kappa = 0.0;
    uint32_t seed = 0;
    std::vector<double> cos_theta;
    KappaFit fit;
    std::string message;
  };
  void DrawControls(const Fonts& fonts, WidgetRegistry& widgets);
  void DrawExperiment();
  void DrawStudy();

  Platform& platform_;
  // One experiment
  float kappa_ = 0.07f;
  int events_ = 20000;
  int seed_ = 1;
  BackgroundJob job_;
  std::shared_ptr<Experiment> pending_;
  std::shared_ptr<const Experiment> experiment_;
  // Toy study
  classic::KappaEnsembleSettings study_settings_;
  std::unique_ptr<KappaRun> study_;
  View view_ = View::kExperiment;
  bool select_view_ = false;
  std::string lesson_title_, lesson_text_;
};

}  // namespace mlp::ui
