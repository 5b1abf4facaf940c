#include "ui/models/models_workspace.h"

#include <algorithm>
#include <cmath>

#include "core/base/json_writer.h"
#include "core/base/threads.h"

namespace mlp::ui {

bool ParseModelView(std::string_view key, ModelView* view) {
  static constexpr std::pair<std::string_view, ModelView> kKeys[] = {
      {"map", ModelView::kMap},           {"fit", ModelView::kFit},   {"metrics", ModelView::kMetrics},
      {"progress", ModelView::kProgress}, {"tree", ModelView::kTree}, {"importance", ModelView::kImportance},
      {"projection", ModelView::kProjection}, {"complexity", ModelView::kComplexity}};
  for (const auto& [name, value] : kKeys)
    if (name == key) return *view = value, true;
  return false;
}

Status ModelsWorkspace::ShowView(std::string_view key) {
  if (!ParseModelView(key, &view_)) return Status::Error("Unknown model view '" + std::string(key) + "'.");
  select_view_ = true;
  return {};
}

ModelsWorkspace::ModelsWorkspace(Platform& platform) : platform_(platform) {
  if (!classic::ModelCatalog().empty()) SelectModel(classic::ModelCatalog().front().id);
}

ModelsWorkspace::~ModelsWorkspace() {
  run_.reset();
  if (map_texture_) platform_.DestroyTexture(map_texture_);
}

Status ModelsWorkspace::SelectModel(const std::string& id) {
  const classic::ModelEntry* found = classic::FindModel(id);
  if (!found) return Status::Error("There is no model called '" + id + "'.");
  model_id_ = id;
  values_ = DefaultValues(found->parameters);
  Rebuild();
  return {};
}

Status ModelsWorkspace::LoadPreset(const std::string& id, const std::vector<std::pair<std::string, double>>& values,
                                   uint32_t seed, const std::string& view) {
  const classic::ModelEntry* found = classic::FindModel(id);
  if (!found) return Status::Error("There is no model called '" + id + "'.");
  model_id_ = id;
  values_ = DefaultValues(found->parameters);
  for (const auto& [key, value] : values) {
    bool known = false;
    for (size_t i = 0; i < found->parameters.size(); ++i)
      if (found->parameters[i].key == key) values_[i] = value, known = true;
    if (!known) return Status::Error("Model '" + id + "' has no parameter '" + key + "'.");
  }
  seed_ = seed;
  if (!ParseModelView(view, &view_)) view_ = ModelView::kFit;
  select_view_ = true;
  play_when_data_change_ = true;
  data_at_preset_ = data_.get();
  Rebuild();
  return {};
}

void ModelsWorkspace::Rebuild() {
  run_.reset();
  map_version_ = 0;
  tree_view_ = {};
  // A sweep belongs to one model, its settings and the data: any change makes it stale.
  sweep_job_.Cancel();
  sweep_result_ = {};
  const int previous_axis = sweep_axis_;
  const std::string previous_label = previous_axis < static_cast<int>(sweep_axes_.size()) ? sweep_axes_[static_cast<size_t>(previous_axis)].label : "";
  sweep_axes_ = entry() && data_ ? SweepAxes(*entry(), *data_) : std::vector<SweepAxis>();
  sweep_axis_ = 0;
  for (size_t i = 0; i < sweep_axes_.size(); ++i)
    if (sweep_axes_[i].label == previous_label) sweep_axis_ = static_cast<int>(i);
  const classic::ModelEntry* found = entry();
  if (!found || !data_) return;
  values_ = classic::ClampParameters(found->parameters, values_);
  ModelRunOptions options;
  options.seed = seed_;
  options.plane_x = plane_x_;
  options.plane_y = plane_y_;
  options.worker_thread = platform_.SupportsWorkerThreads();
  run_ = std::make_unique<ModelRun>(found->make(values_), data_, options);
}

void ModelsWorkspace::Update(std::shared_ptr<const PreparedData> data, double budget_ms) {
  if (data != data_) {
    data_ = std::move(data);
    const int columns = data_ ? static_cast<int>(data_->data->features.cols()) : 0;
    plane_x_ = std::clamp(plane_x_, 0, std::max(columns - 1, 0));
    plane_y_ = std::clamp(plane_y_, 0, std::max(columns - 1, 0));
    if (columns > 1 && plane_x_ == plane_y_) plane_y_ = plane_x_ == 0 ? 1 : 0;
    Rebuild();
    if (play_when_data_change_ && data_ && data_.get() != data_at_preset_ && run_) {
      play_when_data_change_ = false;
      run_->Play();
    }
  }
  if (run_ && !platform_.SupportsWorkerThreads()) run_->StepFor(budget_ms);
  if (sweep_job_.Poll() && sweep_output_) sweep_result_ = std::move(*sweep_output_);
}

bool ModelsWorkspace::StartSweep() {
  const classic::ModelEntry* found = entry();
  if (!found || !data_ || sweep_axis_ < 0 || sweep_axis_ >= static_cast<int>(sweep_axes_.size())) return false;
  sweep_output_ = std::make_shared<SweepResult>();
  sweep_job_.Start([output = sweep_output_, data = data_, found, values = values_, seed = seed_,
                    axis = sweep_axes_[static_cast<size_t>(sweep_axis_)]](JobProgress& progress) {
    *output = RunComplexitySweep(*data, *found, values, seed, axis, &progress);
  });
  return true;
}

void ModelsWorkspace::Draw(const Fonts& fonts, WidgetRegistry& widgets) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float left = std::clamp(available.x * 0.26f, 240.0f * scale, 380.0f * scale);
  ImGui::BeginChild("##model-panel", ImVec2(left, available.y), true);
  DrawModelPanel(*this, fonts, widgets);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##model-views", ImVec2(0, available.y), true);
  DrawModelViews(*this, fonts, widgets);
  ImGui::EndChild();
}

std::string ModelsWorkspace::StatusJson() const {
  const auto s = snapshot();
  JsonWriter json;
  json.Add("model", model_id_)
      .Add("hasData", data_ != nullptr)
      .Add("steps", s ? static_cast<long long>(s->progress.steps) : 0LL)
      .Add("finished", s && s->progress.finished)
      .Add("running", s && s->running)
      .Add("objective", s ? s->progress.objective : NAN)
      .Add("trainAccuracy", s && s->kind == classic::ModelKind::kClassifier ? s->train_report.accuracy : NAN)
      .Add("testAccuracy", s && s->kind == classic::ModelKind::kClassifier ? s->test_report.accuracy : NAN)
      .Add("testR2", s && s->kind == classic::ModelKind::kRegressor ? s->test_regression.r2 : NAN)
      .Add("message", s ? s->message : std::string())
      .Add("sweepBusy", sweep_job_.busy())
      .Add("sweepPoints", static_cast<long long>(sweep_result_.points.size()));
  return json.Finish();
}

}  // namespace mlp::ui
