// PlaygroundWorkspace: one dataset + network + training session + its panels — the neural-network
// playground. It owns the settings the controls edit and sends them to the session whenever they
// change; panels read the session's latest snapshot and keep only view state.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "core/train/session.h"
#include "ui/grid_texture.h"
#include "ui/platform.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

// View state of the panels (what to show, not what to compute).
// Points of one split prepared for the scatter plot (derived from the snapshot's data).
struct ScatterPoints {
  std::vector<float> xs, ys;
  std::vector<ImU32> colors;
};

struct PlaygroundViewState {
  bool show_test_data = false;
  bool discretize_output = false;
  bool log_scale_loss = false;
  int selected_layer = -1, selected_neuron = -1;  // neuron shown large in the output plot, or -1
  // Caches rebuilt from the snapshot when its data changes.
  uint64_t points_version = 0;
  ScatterPoints train_points, test_points;
  std::vector<float> epochs, train_loss, test_loss;  // loss-curve arrays, refilled every frame
};

class PlaygroundWorkspace {
public:
  PlaygroundWorkspace(Platform& platform, const PlaygroundSettings& settings);

  // Caller-steps mode: trains for up to `budget_ms` on the calling (UI) thread.
  void StepSession(double budget_ms);
  // Worker mode: the fraction of time the session's worker may train (see TrainingGovernor).
  void SetTrainingShare(double share) { session_->SetTrainingShare(share); }
  // Draws the whole workspace into the current window region.
  void Draw(const Fonts& fonts, WidgetRegistry& widgets);

  // Commands, shared by the controls and the page API.
  void Play() { session_->Play(); }
  void Pause() { session_->Pause(); }
  void Step() { session_->Step(); }
  void Reset() { session_->Reset(); }
  void Regenerate();
  // Applies a query string ("dataset=spiral&lr=0.01") on top of the current settings.
  Status ApplyQuery(std::string_view query);

  const PlaygroundSettings& settings() const { return settings_; }
  std::shared_ptr<const TrainingSnapshot> snapshot() const { return session_->Latest(); }
  const Session& session() const { return *session_; }

private:
  void SettingsChanged();
  void UpdateTextures(const TrainingSnapshot& snapshot);

  Platform& platform_;
  PlaygroundSettings settings_;  // what the controls show; the session follows it
  std::unique_ptr<Session> session_;
  PlaygroundViewState view_;
  uint64_t textures_version_ = 0;
  bool textures_discrete_ = false;
  GridTexture output_texture_;
  std::vector<std::vector<GridTexture>> neuron_textures_;  // [layer][neuron]
  std::vector<GridTexture> input_textures_;                // [feature, in kAllInputFeatures order]
  std::array<std::shared_ptr<const Dataset>, std::size(kAllProblems2D)> previews_;  // dataset buttons
};

}  // namespace mlp::ui
