#include "ui/deep/deep_workspace.h"

#include <algorithm>
#include <cmath>

#include "core/base/json_writer.h"
#include "core/models/classic/model_catalog.h"

namespace mlp::ui {

bool ParseDeepView(std::string_view key, DeepView* view) {
  static constexpr std::pair<std::string_view, DeepView> kKeys[] = {{"summary", DeepView::kSummary},
                                                                    {"training", DeepView::kTraining},
                                                                    {"confusion", DeepView::kConfusion},
                                                                    {"filters", DeepView::kFilters},
                                                                    {"latent", DeepView::kLatent},
                                                                    {"segmentation", DeepView::kSegmentation},
                                                                    {"frames", DeepView::kFrames},
                                                                    {"predictions", DeepView::kPredictions}};
  for (const auto& [name, value] : kKeys)
    if (name == key) return *view = value, true;
  return false;
}

std::string_view DeepViewKey(DeepView view) {
  switch (view) {
    case DeepView::kSummary: return "summary";
    case DeepView::kTraining: return "training";
    case DeepView::kConfusion: return "confusion";
    case DeepView::kFilters: return "filters";
    case DeepView::kLatent: return "latent";
    case DeepView::kSegmentation: return "segmentation";
    case DeepView::kFrames: return "frames";
    case DeepView::kPredictions: return "predictions";
  }
  return "training";
}

void AtlasTexture::Upload(Platform& platform, int w, int h, const std::vector<uint32_t>& texels) {
  if (id && (width != w || height != h)) Release(platform);
  if (!id) id = platform.CreateTexture(w, h, /*pixelated=*/true), width = w, height = h;
  platform.UpdateTexture(id, w, h, texels.data());
}

void AtlasTexture::Release(Platform& platform) {
  if (id) platform.DestroyTexture(id);
  id = nullptr;
  width = height = 0;
  version = 0;
}

DeepWorkspace::DeepWorkspace(Platform& platform) : platform_(platform) {
  if (!deep::DeepModelCatalog().empty()) SelectModel(deep::DeepModelCatalog().front().id);
}

DeepWorkspace::~DeepWorkspace() {
  run_.reset();
  misclassified_texture_.Release(platform_);
  filter_texture_.Release(platform_);
  activation_texture_.Release(platform_);
  output_texture_.Release(platform_);
}

Status DeepWorkspace::SelectModel(const std::string& id) {
  const deep::DeepModelEntry* found = deep::FindDeepModel(id);
  if (!found) return Status::Error("There is no deep model called '" + id + "'.");
  model_id_ = id;
  values_ = DefaultValues(found->parameters);
  Rebuild();
  return {};
}

Status DeepWorkspace::SetParameter(std::string_view key, double value) {
  const deep::DeepModelEntry* found = entry();
  if (!found) return Status::Error("Choose a deep model first.");
  for (size_t i = 0; i < found->parameters.size() && i < values_.size(); ++i)
    if (found->parameters[i].key == key) {
      values_[i] = value;
      Rebuild();
      return {};
    }
  return Status::Error("Deep model '" + model_id_ + "' has no parameter '" + std::string(key) + "'.");
}

Status DeepWorkspace::ShowView(std::string_view key) {
  if (!ParseDeepView(key, &view_)) return Status::Error("Unknown deep-model view '" + std::string(key) + "'.");
  select_view_ = true;
  return {};
}

void DeepWorkspace::Rebuild() {
  run_.reset();
  refusal_.clear();
  shown_row_ = -1;
  delivered_saves_ = 0, save_requested_ = false;
  misclassified_texture_.version = filter_texture_.version = activation_texture_.version = output_texture_.version = 0;
  const deep::DeepModelEntry* found = entry();
  if (!found || !data_) return;
  values_ = classic::ClampParameters(found->parameters, values_);
  Result<deep::DeepModelBuild> built = deep::BuildDeepModel(model_id_, *data_->data, values_);
  if (!built.ok()) {
    refusal_ = built.status().message();
    // Point at data that do fit: the built-in images for the image models.
    if (found->needs.find("images") != std::string::npos)
      refusal_ += " Load the 8×8 digits or MNIST in the Data tab to train it.";
    return;
  }
  deep::DeepModelBuild build = std::move(built).value();
  build.settings.worker_thread = platform_.SupportsWorkerThreads();
  run_ = std::make_unique<deep::DeepRun>(std::move(build.network), data_, build.settings);
}

void DeepWorkspace::Play() {
  if (run_) run_->Play();
  else if (!data_) play_when_data_arrive_ = true;
}

std::vector<int64_t> DeepWorkspace::sample_rows() const {
  if (!data_) return {};
  if (!data_->split.test.empty()) return data_->split.test;
  std::vector<int64_t> rows(static_cast<size_t>(data_->data->size()));
  for (size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<int64_t>(i);
  return rows;
}

void DeepWorkspace::Update(std::shared_ptr<const PreparedData> data, double budget_ms) {
  if (data != data_) {
    data_ = std::move(data);
    sample_ = 0;
    Rebuild();
    if (play_when_data_arrive_ && run_) run_->Play();
    play_when_data_arrive_ = false;
  }
  if (run_) {
    // Feature maps cost a forward pass per snapshot: ask for them only while the view shows them.
    int64_t wanted = -1;
    if (view_ == DeepView::kFilters) {
      const std::vector<int64_t> rows = sample_rows();
      if (!rows.empty()) wanted = rows[static_cast<size_t>(std::clamp(sample_, 0, static_cast<int>(rows.size()) - 1))];
    }
    if (wanted != shown_row_) {
      shown_row_ = wanted;
      run_->ShowActivations(wanted);
    }
    if (!platform_.SupportsWorkerThreads()) run_->StepFor(budget_ms);
    DeliverSavedWeights();
  }
}

Status DeepWorkspace::SaveWeights() {
  if (!run_) return Status::Error("There is no model to save: choose a model and data first.");
  run_->SaveWeights();
  save_requested_ = true;
  file_message_ = "Saving the weights…";
  return {};
}

void DeepWorkspace::DeliverSavedWeights() {
  const auto s = run_->Latest();
  if (!save_requested_ || !s->saved_weights || s->saved_serial == delivered_saves_) return;
  delivered_saves_ = s->saved_serial;
  save_requested_ = false;
  Result<std::string> saved = platform_.SaveFile(model_id_ + ".mlpw", *s->saved_weights);
  file_message_ = saved.ok() ? saved.value() : "Could not save the weights: " + saved.status().message();
}

void DeepWorkspace::LoadWeights(std::vector<uint8_t> bytes, const std::string& name) {
  if (bytes.empty()) {
    file_message_ = "Cannot read " + name + ": the file is missing or empty.";
    return;
  }
  if (!run_) {
    file_message_ = "Choose a model and data before loading " + name + ": weights fit one architecture.";
    return;
  }
  run_->LoadWeights(std::make_shared<const std::vector<uint8_t>>(std::move(bytes)));
  file_message_ = "Loaded " + name + " into " + model_id_ + " (see the note below for its validation score).";
}

void DeepWorkspace::Draw(const Fonts& fonts, WidgetRegistry& widgets) {
  const float scale = ImGui::GetFontSize() / 15.0f;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float left = std::clamp(available.x * 0.26f, 240.0f * scale, 380.0f * scale);
  ImGui::BeginChild("##deep-panel", ImVec2(left, available.y), true);
  DrawDeepPanel(*this, fonts, widgets);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##deep-views", ImVec2(0, available.y), true);
  DrawDeepViews(*this, fonts, widgets);
  ImGui::EndChild();
}

std::string DeepWorkspace::StatusJson() const {
  const auto s = snapshot();
  const deep::EpochRecord* last = s && !s->history.empty() ? &s->history.back() : nullptr;
  JsonWriter json;
  json.Add("model", model_id_)
      .Add("hasData", data_ != nullptr)
      .Add("epoch", s ? s->epoch : 0)
      .Add("epochs", s ? s->epochs : 0)
      .Add("running", s && s->running)
      .Add("finished", s && s->finished)
      .Add("trainLoss", last ? last->train_loss : NAN)
      .Add("validationLoss", last ? last->validation_loss : NAN)
      .Add("firstValidationLoss", last ? s->history.front().validation_loss : NAN)
      .Add("validationAccuracy", last ? last->validation_accuracy : NAN)
      .Add("validationDice", last ? last->validation_dice : NAN)
      .Add("validationIou", last ? last->validation_iou : NAN)
      .Add("validationReconstruction", last ? last->validation_reconstruction : NAN)
      .Add("validationKl", last ? last->validation_kl : NAN)
      .Add("latentPoints", s && s->views && s->views->has_latent ? static_cast<long long>(s->views->latent.points_x.size()) : 0LL)
      .Add("view", std::string(DeepViewKey(view_)))
      .Add("savedFiles", static_cast<long long>(delivered_saves_))
      .Add("fileMessage", file_message_)
      .Add("note", s ? s->note : std::string())
      .Add("message", !refusal_.empty() ? refusal_ : s ? s->message : std::string());
  return json.Finish();
}

}  // namespace mlp::ui
