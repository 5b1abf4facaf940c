// OdeWorkspace: the Neural ODE tab. A small MLP f(y) learns the vector field of the G13 spiral
// from short windows of its observed trajectory (gradients through the RK4 solver); the views show
// the learned field as arrows with the solved trajectory over the observations (the phase
// portrait), both coordinates over time, and the loss per step.
#pragma once

#include <memory>
#include <string>

#include "core/train/ode_run.h"
#include "ui/platform.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

class OdeWorkspace {
public:
  explicit OdeWorkspace(Platform& platform) : platform_(platform) {}

  void Update(double budget_ms) { if (run_) run_->StepFor(budget_ms); }
  void Draw(const Fonts& fonts, WidgetRegistry& widgets);

  void Play();   // starts (building the run on first use) or continues training
  void Pause() { if (run_) run_->Pause(); }
  void Reset();  // a new run with the current settings, paused
  void SetLesson(std::string title, std::string text) { lesson_title_ = std::move(title), lesson_text_ = std::move(text); }
  std::string StatusJson() const;

private:
  void DrawControls(const Fonts& fonts, WidgetRegistry& widgets);
  void DrawViews();

  Platform& platform_;
  int cubic_ = 0;             // 0: linear spiral, 1: cubic
  float noise_ = 0.0f;
  int hidden_ = 16;
  float learning_rate_ = 0.02f;
  int steps_ = 300;
  int seed_ = 1;
  std::unique_ptr<OdeRun> run_;
  std::string lesson_title_, lesson_text_;
};

}  // namespace mlp::ui
