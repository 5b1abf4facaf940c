// ModelsWorkspace: the Classic models tab. It trains one classic model at a time on the data the
// Data tab prepared (same rows, split and chain), steps or plays it so iterative algorithms
// animate, and shows the generic views: prediction map over two features, 1-D fit, metrics and
// the objective per step.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/models/classic/model_catalog.h"
#include "core/base/background_job.h"
#include "core/train/complexity_sweep.h"
#include "core/train/model_run.h"
#include "ui/models/tree_view.h"
#include "ui/platform.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

enum class ModelView { kMap, kFit, kMetrics, kProgress, kTree, kImportance, kProjection, kComplexity };
// "map", "fit", "metrics", "progress", "tree", "importance", "projection", "complexity"; false otherwise.
bool ParseModelView(std::string_view key, ModelView* view);

class ModelsWorkspace {
public:
  explicit ModelsWorkspace(Platform& platform);
  ~ModelsWorkspace();

  // Every frame: follows the Data tab's prepared data (a change rebuilds the run, paused) and,
  // in caller-steps mode, steps the model for up to `budget_ms`.
  void Update(std::shared_ptr<const PreparedData> data, double budget_ms);
  void Draw(const Fonts& fonts, WidgetRegistry& widgets);

  Status SelectModel(const std::string& id);
  // Lessons: a model with parameter values by key, a seed and the view to open ("map", "fit", …).
  Status LoadPreset(const std::string& id, const std::vector<std::pair<std::string, double>>& values, uint32_t seed,
                    const std::string& view);
  // Opens a view by its key (see ParseModelView); the view shows if the model has it.
  Status ShowView(std::string_view key);
  void Play() { if (run_) run_->Play(); }
  void Pause() { if (run_) run_->Pause(); }
  void Step() { if (run_) run_->Step(); }
  void Reset() { if (run_) run_->Reset(); }
  std::string StatusJson() const;

  // Read and edited by the panels.
  const classic::ModelEntry* entry() const { return classic::FindModel(model_id_); }
  std::vector<double>& values() { return values_; }
  uint32_t& seed() { return seed_; }
  int& plane_x() { return plane_x_; }
  int& plane_y() { return plane_y_; }
  void Rebuild();  // after a hyperparameter, seed or plane change: a new unfitted run
  const std::shared_ptr<const PreparedData>& data() const { return data_; }
  std::shared_ptr<const ModelSnapshot> snapshot() const { return run_ ? run_->Latest() : nullptr; }
  ModelView& view() { return view_; }
  bool& select_view() { return select_view_; }
  // The lesson shown above the model controls (empty: none).
  void SetLesson(std::string id, std::string title, std::string text) {
    lesson_id_ = std::move(id), lesson_title_ = std::move(title), lesson_text_ = std::move(text);
  }
  const std::string& lesson_id() const { return lesson_id_; }
  const std::string& lesson_title() const { return lesson_title_; }
  const std::string& lesson_text() const { return lesson_text_; }
  // The prediction map's texture (owned here, drawn by the map view), and the snapshot it shows.
  ImTextureID& map_texture() { return map_texture_; }
  uint64_t& map_version() { return map_version_; }
  TreeViewState& tree_view() { return tree_view_; }

  // Complexity sweep (over-fitting curves) of the current model and data, run as a background job.
  const std::vector<SweepAxis>& sweep_axes() const { return sweep_axes_; }
  int& sweep_axis() { return sweep_axis_; }
  // Starts (or restarts) the sweep along sweep_axis(); false when the model offers none.
  bool StartSweep();
  bool sweep_busy() const { return sweep_job_.busy(); }
  double sweep_progress() const { return sweep_job_.progress(); }
  const SweepResult* sweep_result() const { return sweep_result_.points.empty() ? nullptr : &sweep_result_; }
  Platform& platform() { return platform_; }

private:
  Platform& platform_;
  std::string model_id_;
  std::vector<double> values_;
  uint32_t seed_ = 0;
  int plane_x_ = 0, plane_y_ = 1;
  std::shared_ptr<const PreparedData> data_;
  std::unique_ptr<ModelRun> run_;
  ModelView view_ = ModelView::kMap;
  bool select_view_ = false;
  // A preset plays as soon as its own data arrive (not on the data shown before it was opened).
  bool play_when_data_change_ = false;
  const PreparedData* data_at_preset_ = nullptr;
  std::string lesson_id_, lesson_title_, lesson_text_;  // a preset chose the view: select its tab once
  ImTextureID map_texture_ = nullptr;
  uint64_t map_version_ = 0;
  TreeViewState tree_view_;
  std::vector<SweepAxis> sweep_axes_;
  int sweep_axis_ = 0;
  BackgroundJob sweep_job_;
  std::shared_ptr<SweepResult> sweep_output_;  // written by the job
  SweepResult sweep_result_;                   // the last finished sweep
};

void DrawModelPanel(ModelsWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);
void DrawModelViews(ModelsWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);
void DrawComplexityView(ModelsWorkspace& workspace, WidgetRegistry& widgets);

}  // namespace mlp::ui
