// ModelsWorkspace: the Classic models tab. It trains one classic model at a time on the data the
// Data tab prepared (same rows, split and chain), steps or plays it so iterative algorithms
// animate, and shows the generic views: prediction map over two features, 1-D fit, metrics and
// the objective per step.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/models/classic/model_catalog.h"
#include "core/train/model_run.h"
#include "ui/platform.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

enum class ModelView { kMap, kFit, kMetrics, kProgress };

class ModelsWorkspace {
public:
  explicit ModelsWorkspace(Platform& platform);
  ~ModelsWorkspace();

  // Every frame: follows the Data tab's prepared data (a change rebuilds the run, paused) and,
  // in caller-steps mode, steps the model for up to `budget_ms`.
  void Update(std::shared_ptr<const PreparedData> data, double budget_ms);
  void Draw(const Fonts& fonts, WidgetRegistry& widgets);

  Status SelectModel(const std::string& id);
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
  // The prediction map's texture (owned here, drawn by the map view), and the snapshot it shows.
  ImTextureID& map_texture() { return map_texture_; }
  uint64_t& map_version() { return map_version_; }
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
  ImTextureID map_texture_ = nullptr;
  uint64_t map_version_ = 0;
};

void DrawModelPanel(ModelsWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);
void DrawModelViews(ModelsWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);

}  // namespace mlp::ui
