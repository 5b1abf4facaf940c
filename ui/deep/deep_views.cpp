// Right side of the Deep models tab: the view tabs, the model summary, the training curves with
// the current epoch's progress, and the confusion matrix with the misclassified samples. The
// filters and feature maps are in deep_filter_view.cpp.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/data/views/view_common.h"
#include "ui/deep/deep_views.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {

void DrawSummary(const deep::DeepSnapshot& s) {
  const deep::NetworkSummary& summary = s.summary;
  ImGui::Text("Input %s · loss: %s", deep::ShapeText(summary.input).c_str(), summary.loss.c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("##deep-summary", 3, flags)) {
    ImGui::TableSetupColumn("layer");
    ImGui::TableSetupColumn("output shape");
    ImGui::TableSetupColumn("parameters");
    ImGui::TableHeadersRow();
    for (const deep::SummaryRow& row : summary.rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.layer.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(deep::ShapeText(row.output).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%lld", static_cast<long long>(row.parameters));
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted("total");
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(summary.total_parameters));
    ImGui::EndTable();
  }
}

// One per-epoch series of the history: which field of EpochRecord, its legend name and colour.
struct EpochSeries {
  double deep::EpochRecord::*field;
  const char* name;
  ImU32 color;
};

// Two series against the epoch. `unit_range`: fixed 0–1 y axis (accuracy, Dice) instead of
// fitting; `always_mark`: dots on every epoch (otherwise only for a single epoch, which a line of
// one point does not draw).
void EpochCurves(const char* id, const deep::DeepSnapshot& s, const EpochSeries (&series)[2], const char* y_label,
                 bool unit_range, bool always_mark, ImVec2 size) {
  std::vector<float> epochs, values[2];
  for (size_t i = 0; i < s.history.size(); ++i) {
    epochs.push_back(static_cast<float>(i + 1));
    for (int k = 0; k < 2; ++k) values[k].push_back(static_cast<float>(s.history[i].*series[k].field));
  }
  plot::PlotOptions options;
  options.auto_fit_x = true;
  options.auto_fit_y = !unit_range;
  options.y = {0, 1};
  options.x_label = "epoch";
  options.y_label = y_label;
  if (!plot::BeginPlot(id, size, options)) return;
  const int n = static_cast<int>(epochs.size());
  for (int k = 0; k < 2; ++k) plot::PlotLine(series[k].name, epochs.data(), values[k].data(), n, series[k].color);
  if (always_mark || n == 1) {
    const char* dots[2] = {"##first", "##second"};
    for (int k = 0; k < 2; ++k)
      plot::PlotScatter(dots[k], epochs.data(), values[k].data(), always_mark ? n : 1, nullptr, series[k].color,
                        always_mark ? 2.5f : 3.5f);
  }
  plot::EndPlot();
}

// Train and validation curves of the loss, or of accuracy, per epoch.
void Curves(const char* id, const deep::DeepSnapshot& s, bool accuracy, ImVec2 size) {
  using R = deep::EpochRecord;
  const EpochSeries series[2] = {{accuracy ? &R::train_accuracy : &R::train_loss, "train", colors::kTrainCurve},
                                 {accuracy ? &R::validation_accuracy : &R::validation_loss, "validation", colors::kTestCurve}};
  EpochCurves(id, s, series, accuracy ? (s.dense_task ? "pixel accuracy" : "accuracy") : "loss", accuracy, false, size);
}

// Two validation series per epoch (Dice and IoU of masks; reconstruction and KL of a VAE).
void PairCurves(const char* id, const deep::DeepSnapshot& s, bool masks, ImVec2 size) {
  using R = deep::EpochRecord;
  const EpochSeries series[2] = {{masks ? &R::validation_dice : &R::validation_reconstruction, masks ? "Dice" : "reconstruction", colors::kTestCurve},
                                 {masks ? &R::validation_iou : &R::validation_kl, masks ? "IoU" : "KL to the prior", colors::kNegative}};
  EpochCurves(id, s, series, masks ? "validation Dice / IoU" : "validation loss parts", masks, true, size);
}

void DrawTraining(const deep::DeepSnapshot& s) {
  char overlay[160];
  const float fraction = s.batches_total > 0 ? static_cast<float>(s.batches_done) / s.batches_total : 0.0f;
  if (s.finished || s.epoch >= s.epochs)
    std::snprintf(overlay, sizeof overlay, "finished %d epochs", s.epoch);
  else if (std::isnan(s.running_loss))
    std::snprintf(overlay, sizeof overlay, "epoch %d of %d: not started", s.epoch + 1, s.epochs);
  else if (std::isnan(s.running_accuracy))
    std::snprintf(overlay, sizeof overlay, "epoch %d of %d · batch %d of %d · loss %.4f", s.epoch + 1, s.epochs,
                  s.batches_done, s.batches_total, s.running_loss);
  else
    std::snprintf(overlay, sizeof overlay, "epoch %d of %d · batch %d of %d · loss %.4f · accuracy %.3f", s.epoch + 1,
                  s.epochs, s.batches_done, s.batches_total, s.running_loss, s.running_accuracy);
  ImGui::ProgressBar(s.finished ? 1.0f : fraction, ImVec2(-1, 0), overlay);
  if (s.history.empty()) {
    ImGui::TextDisabled("Press Play to train, or Step for one epoch: the curves appear after the first epoch.");
    return;
  }
  const deep::EpochRecord& last = s.history.back();
  const bool latent = !std::isnan(last.validation_kl), masks = !std::isnan(last.validation_dice);
  if (latent)
    ImGui::Text("Last epoch: train loss %.4g · validation loss %.4g = reconstruction %.4g + β·KL (KL %.4g)", last.train_loss,
                last.validation_loss, last.validation_reconstruction, last.validation_kl);
  else if (masks)
    ImGui::Text("Last epoch: train loss %.4f · validation loss %.4f, Dice %.3f, IoU %.3f, pixel accuracy %.3f", last.train_loss,
                last.validation_loss, last.validation_dice, last.validation_iou, last.validation_accuracy);
  else if (s.classification)
    ImGui::Text("Last epoch: train loss %.4f, accuracy %.3f · validation loss %.4f, accuracy %.3f", last.train_loss,
                last.train_accuracy, last.validation_loss, last.validation_accuracy);
  else
    ImGui::Text("Last epoch: train loss %.4g · validation loss %.4g", last.train_loss, last.validation_loss);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool second = s.classification || latent || masks;
  const float width = second ? (avail.x - ImGui::GetStyle().ItemSpacing.x) / 2 : avail.x;
  Curves("##deep-loss", s, false, ImVec2(width, avail.y));
  if (!second) return;
  ImGui::SameLine();
  if (latent || masks) PairCurves("##deep-parts", s, masks, ImVec2(width, avail.y));
  else Curves("##deep-accuracy", s, true, ImVec2(width, avail.y));
}

std::string ClassName(const deep::DeepSnapshot& s, int k) {
  return k >= 0 && k < static_cast<int>(s.class_names.size()) ? s.class_names[static_cast<size_t>(k)] : std::to_string(k);
}

// Misclassified validation samples: images from the raw rows (as loaded, before the chain), or a
// list of rows for data that are not images.
void DrawMisclassified(DeepWorkspace& workspace, const deep::DeepSnapshot& s) {
  // The run lists at most DeepRunSettings::misclassified_count (16) of them.
  if (s.misclassified.size() >= 16) ImGui::Text("Misclassified validation samples (the first %zu)", s.misclassified.size());
  else ImGui::Text("Misclassified validation samples (all %zu)", s.misclassified.size());
  if (s.misclassified.empty()) {
    ImGui::TextDisabled(s.history.empty() ? "Scored after each epoch." : "None: every validation sample is right.");
    return;
  }
  const Dataset& raw = *workspace.data()->raw;
  std::vector<float> pixels;
  int h = 0, w = 0;
  if (!RowImage(raw, s.misclassified.front().row, &pixels, &h, &w)) {
    if (ImGui::BeginTable("##deep-wrong", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
      ImGui::TableSetupColumn("row");
      ImGui::TableSetupColumn("predicted");
      ImGui::TableSetupColumn("true");
      ImGui::TableSetupColumn("confidence");
      ImGui::TableHeadersRow();
      for (const deep::MisclassifiedSample& m : s.misclassified) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(m.row));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ClassName(s, m.predicted).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ClassName(s, m.truth).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.2f", m.confidence);
      }
      ImGui::EndTable();
    }
    return;
  }
  constexpr int kColumns = 8;
  const int count = static_cast<int>(s.misclassified.size());
  const int rows = (count + kColumns - 1) / kColumns;
  std::vector<AtlasCell> cells;
  std::vector<std::string> captions;
  std::vector<ImU32> caption_colors;
  AtlasTexture& texture = workspace.misclassified_texture();
  AtlasBuilder atlas(kColumns * (w + 1), rows * (h + 1), texture.version != s.version);
  for (int i = 0; i < count; ++i) {
    const deep::MisclassifiedSample& m = s.misclassified[static_cast<size_t>(i)];
    if (texture.version != s.version) RowImage(raw, m.row, &pixels, &h, &w);
    cells.push_back(atlas.PutGrey((i % kColumns) * (w + 1), (i / kColumns) * (h + 1), h, w, pixels.data()));
    captions.push_back(ClassName(s, m.predicted) + " (true " + ClassName(s, m.truth) + ")");
    caption_colors.push_back(colors::kWarning);
  }
  if (texture.version != s.version) {
    texture.Upload(workspace.platform(), atlas.width(), atlas.height(), atlas.texels());
    texture.version = s.version;
  }
  Caption("Each image: predicted class (true class).");
  const float caption = ImGui::CalcTextSize("0000 (true 0000)").x;
  DrawAtlasGrid(texture, cells, std::max(ImGui::GetFontSize() * 4.0f, caption), captions, caption_colors);
}

void DrawConfusion(DeepWorkspace& workspace, const deep::DeepSnapshot& s) {
  if (!s.classification) {
    ImGui::TextDisabled("This model predicts a number: it has no classes to confuse.");
    return;
  }
  if (s.confusion.size() != static_cast<size_t>(s.classes) * s.classes || s.history.empty()) {
    ImGui::TextDisabled("The validation rows are scored after each epoch: press Play or Step.");
    return;
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::min(avail.x * 0.45f, avail.y);
  ImGui::BeginGroup();
  plot::PlotConfusionMatrix("##deep-confusion", s.confusion.data(), s.classes, side);
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  DrawMisclassified(workspace, s);
  ImGui::EndGroup();
}

}  // namespace

void DrawDeepViews(DeepWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets) {
  (void)fonts;
  const auto snapshot = workspace.snapshot();
  if (!workspace.data()) {
    ImGui::TextDisabled("Load data in the Data tab first: the 8×8 digits or MNIST for the image models.");
    return;
  }
  if (!snapshot) {
    if (workspace.refusal().empty()) {
      ImGui::TextDisabled("Choose a model on the left.");
      return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kWarning));
    ImGui::TextWrapped("This model cannot train on these data. %s", workspace.refusal().c_str());
    ImGui::PopStyleColor();
    return;
  }
  // The views this model has something for (the selected one is always listed).
  const bool images = workspace.data()->raw->layout == SampleLayout::kImage;
  const bool sequences = images && workspace.data()->raw->sample_shape.size() == 3;
  const struct {
    DeepView view;
    const char* title;
    const char* key;
    bool relevant;
  } tabs[] = {{DeepView::kSummary, "Summary", "summary", true},
              {DeepView::kTraining, "Training", "training", true},
              {DeepView::kConfusion, "Confusion", "confusion", snapshot->classification},
              {DeepView::kLatent, "Latent space", "latent", snapshot->autoencoder},
              {DeepView::kSegmentation, "Segmentation", "segmentation", snapshot->dense_task && images && !sequences},
              {DeepView::kFrames, "Frames", "frames", snapshot->dense_task && sequences},
              {DeepView::kPredictions, "Predictions", "predictions", snapshot->regression},
              {DeepView::kFilters, "Filters & feature maps", "filters", true}};
  if (ImGui::BeginTabBar("##deep-views")) {
    for (const auto& tab : tabs) {
      if (!tab.relevant && workspace.view() != tab.view) continue;
      const bool force = workspace.select_view() && workspace.view() == tab.view;
      const bool open = ImGui::BeginTabItem(tab.title, nullptr, force ? ImGuiTabItemFlags_SetSelected : 0);
      widgets.RecordLastItem(std::string("deep-view:") + tab.key);
      if (!open) continue;
      if (!workspace.select_view()) workspace.view() = tab.view;
      ImGui::EndTabItem();
    }
    workspace.select_view() = false;
    ImGui::EndTabBar();
  }
  switch (workspace.view()) {
    case DeepView::kSummary: DrawSummary(*snapshot); break;
    case DeepView::kTraining: DrawTraining(*snapshot); break;
    case DeepView::kConfusion: DrawConfusion(workspace, *snapshot); break;
    case DeepView::kFilters: DrawDeepFilterView(workspace, *snapshot, widgets); break;
    case DeepView::kLatent: DrawDeepLatentView(workspace, *snapshot); break;
    case DeepView::kSegmentation: DrawDeepSegmentationView(workspace, *snapshot, widgets); break;
    case DeepView::kFrames: DrawDeepFrameView(workspace, *snapshot, widgets); break;
    case DeepView::kPredictions: DrawDeepPredictionView(workspace, *snapshot, widgets); break;
  }
}

}  // namespace mlp::ui
