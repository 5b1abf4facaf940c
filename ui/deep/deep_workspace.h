// DeepWorkspace: the Deep models tab. It trains one network of the deep catalogue
// (core/deep/deep_catalog.h) on the data the Data tab prepared — same rows, split and chain, like
// the Classic models tab — and shows its summary, training curves, confusion matrix with the
// misclassified samples, and its filters and feature maps. When the data do not fit the model (a
// table for a CNN) there is no run: the catalogue's refusal is shown instead.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/deep/deep_catalog.h"
#include "core/deep/deep_run.h"
#include "ui/platform.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

enum class DeepView { kSummary, kTraining, kConfusion, kFilters, kLatent, kSegmentation, kFrames, kPredictions };
// "summary", "training", "confusion", "filters", "latent", "segmentation", "frames", "predictions";
// false otherwise. A view the current model has nothing for shows why.
bool ParseDeepView(std::string_view key, DeepView* view);
std::string_view DeepViewKey(DeepView view);

// A texture of texels composed on the CPU (galleries, filters, feature maps), re-created when its
// size changes.
struct AtlasTexture {
  ImTextureID id = nullptr;
  int width = 0, height = 0;
  uint64_t version = 0;  // what it shows (a snapshot version); 0: nothing yet
  void Upload(Platform& platform, int w, int h, const std::vector<uint32_t>& texels);
  void Release(Platform& platform);
};

class DeepWorkspace {
public:
  explicit DeepWorkspace(Platform& platform);
  ~DeepWorkspace();

  // Every frame: follows the Data tab's prepared data (a change rebuilds the run, paused), keeps
  // the feature-map sample in step with the view and, in caller-steps mode, trains for up to
  // `budget_ms`.
  void Update(std::shared_ptr<const PreparedData> data, double budget_ms);
  void Draw(const Fonts& fonts, WidgetRegistry& widgets);

  Status SelectModel(const std::string& id);
  // Sets one catalogue parameter ("epochs", "lr", "filters1", …) and rebuilds the run.
  Status SetParameter(std::string_view key, double value);
  Status ShowView(std::string_view key);
  // Before any data arrived, Play is remembered and starts the run built on the first data (so
  // "data:digits", "deep:play" given together at start-up train).
  void Play();
  // A lesson loads new data: start playing when they arrive (not on the data shown before).
  void PlayOnNextData() { play_when_data_arrive_ = true; }
  void SetLesson(std::string title, std::string text) { lesson_title_ = std::move(title), lesson_text_ = std::move(text); }
  const std::string& lesson_title() const { return lesson_title_; }
  const std::string& lesson_text() const { return lesson_text_; }
  void Pause() { if (run_) run_->Pause(); }
  void Step() { if (run_) run_->Step(); }
  void Reset() { if (run_) run_->Reset(); }
  // Asks the run for its weights; they are handed to the platform (download / file) when they
  // arrive, and `file_message` says what happened.
  Status SaveWeights();
  // Loads a weights file into the current model (the run reports a mismatch in its message).
  void LoadWeights(std::vector<uint8_t> bytes, const std::string& name);
  const std::string& file_message() const { return file_message_; }
  std::string StatusJson() const;

  // Read and edited by the panel and views.
  const deep::DeepModelEntry* entry() const { return deep::FindDeepModel(model_id_); }
  std::vector<double>& values() { return values_; }
  void Rebuild();  // after a hyperparameter change: a new run from fresh weights
  const std::shared_ptr<const PreparedData>& data() const { return data_; }
  std::shared_ptr<const deep::DeepSnapshot> snapshot() const { return run_ ? run_->Latest() : nullptr; }
  // Why the data do not fit the model (empty when they do, or without data).
  const std::string& refusal() const { return refusal_; }
  DeepView& view() { return view_; }
  bool& select_view() { return select_view_; }
  // The sample whose feature maps the filters view shows: an index into sample_rows().
  int& sample() { return sample_; }
  // Rows the feature-map slider walks: the split's test rows (the validation rows), else all rows.
  std::vector<int64_t> sample_rows() const;
  AtlasTexture& misclassified_texture() { return misclassified_texture_; }
  AtlasTexture& filter_texture() { return filter_texture_; }
  AtlasTexture& activation_texture() { return activation_texture_; }
  // The latent, segmentation and frame views share one texture (one of them shows at a time);
  // its version is the snapshot version times 8 plus the view, so switching views re-uploads.
  AtlasTexture& output_texture() { return output_texture_; }
  // Which published example (dense_rows index) the segmentation / frame views focus on, the
  // frame the player shows, and the series the forecast view draws.
  int& example() { return example_; }
  int& frame() { return frame_; }
  double& frame_clock() { return frame_clock_; }
  bool& playing_frames() { return playing_frames_; }
  int& series() { return series_; }
  Platform& platform() { return platform_; }

private:
  void DeliverSavedWeights();  // hands a finished save to the platform

  Platform& platform_;
  std::string model_id_;
  std::vector<double> values_;
  std::shared_ptr<const PreparedData> data_;
  std::unique_ptr<deep::DeepRun> run_;
  std::string refusal_;
  DeepView view_ = DeepView::kTraining;
  bool select_view_ = true;  // the tab bar opens on view_ (training) the first time it draws
  int sample_ = 0;
  int64_t shown_row_ = -1;
  bool play_when_data_arrive_ = false;  // the row last passed to ShowActivations (−1: none)
  AtlasTexture misclassified_texture_, filter_texture_, activation_texture_, output_texture_;
  int example_ = 0, frame_ = 0, series_ = 0;
  uint64_t delivered_saves_ = 0;  // saved_serial of the last file handed to the platform
  bool save_requested_ = false;
  std::string file_message_;
  double frame_clock_ = 0;
  bool playing_frames_ = true;
  std::string lesson_title_, lesson_text_;
};

void DrawDeepPanel(DeepWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);
void DrawDeepViews(DeepWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);

}  // namespace mlp::ui
