// Output views of the Deep models tab for tasks whose answer is not a class: masks (segmentation
// triptych with overlay and Dice/IoU), frame sequences (a player with the generated frames marked)
// and numbers (predicted against true; a forecast along each held-out series). They read the
// predictions DeepRun publishes in DeepSnapshot::views (core/deep/output_views.h) and the raw rows.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <array>

#include "imgui.h"
#include "ui/deep/deep_views.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {

constexpr int kSegmentationSlot = 2, kFrameSlot = 3;  // output_texture version = snapshot · 8 + slot
constexpr double kSecondsPerFrame = 0.45;

// Share of lesion pixels over the validation rows: the pixel accuracy of "never a lesion".
double BackgroundShare(const PreparedData& data, const std::vector<int64_t>& rows) {
  double on = 0, all = 0;
  for (int64_t r : rows) {
    on += (data.data->dense_targets.row(r).array() > 0.5).count();
    all += static_cast<double>(data.data->dense_targets.cols());
  }
  return all > 0 ? 1.0 - on / all : 1.0;
}

// "1 of 6" stepper over the published examples; returns the chosen index.
int ExampleStepper(DeepWorkspace& workspace, int count, WidgetRegistry& widgets, const char* id) {
  int& k = workspace.example();
  k = std::clamp(k, 0, std::max(count - 1, 0));
  int shown = k + 1;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
  if (ImGui::SliderInt(id, &shown, 1, std::max(count, 1), "example %d")) k = shown - 1;
  widgets.RecordLastItem(id + 2);
  return k;
}

// One held-out series: its true values by step, the model's one-step forecasts and the
// persistence forecast (the window's last value: the raw row's last feature).
void DrawForecast(DeepWorkspace& workspace, const deep::DeepSnapshot& s, const Dataset& raw, ImVec2 size,
                  WidgetRegistry& widgets) {
  const deep::OutputViews& v = *s.views;
  std::vector<int> groups;  // held-out series in order of appearance
  for (int64_t row : v.value_rows)
    if (groups.empty() || groups.back() != raw.groups[static_cast<size_t>(row)]) groups.push_back(raw.groups[static_cast<size_t>(row)]);
  int& pick = workspace.series();
  pick = std::clamp(pick, 0, static_cast<int>(groups.size()) - 1);
  int shown = pick + 1;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
  if (ImGui::SliderInt("##deep-series", &shown, 1, static_cast<int>(groups.size()), "held-out series %d")) pick = shown - 1;
  widgets.RecordLastItem("deep-series");
  const int group = groups[static_cast<size_t>(pick)];
  std::vector<float> steps, truth, forecast, persistence;
  double model_error = 0, persistence_error = 0;
  for (size_t i = 0; i < v.value_rows.size(); ++i) {
    const int64_t row = v.value_rows[i];
    if (raw.groups[static_cast<size_t>(row)] != group) continue;
    steps.push_back(static_cast<float>(raw.steps[static_cast<size_t>(row)]));
    truth.push_back(v.true_values[i]);
    forecast.push_back(v.predicted_values[i]);
    persistence.push_back(static_cast<float>(raw.features(row, raw.features.cols() - 1)));
    model_error += std::pow(forecast.back() - truth.back(), 2);
    persistence_error += std::pow(persistence.back() - truth.back(), 2);
  }
  const int n = static_cast<int>(steps.size());
  ImGui::SameLine();
  ImGui::Text("RMSE on this series: model %.3g · \"next = last\" %.3g", std::sqrt(model_error / std::max(n, 1)),
              std::sqrt(persistence_error / std::max(n, 1)));
  plot::PlotOptions options;
  options.auto_fit_x = options.auto_fit_y = true;
  options.x_label = "step";
  options.y_label = raw.target_name.c_str();
  if (!plot::BeginPlot("##deep-forecast", ImVec2(size.x, size.y - ImGui::GetFrameHeightWithSpacing()), options)) return;
  plot::PlotLine("true", steps.data(), truth.data(), n, colors::kTrainCurve, 2.0f);
  plot::PlotLine("next = last", steps.data(), persistence.data(), n, colors::kMutedText, 1.0f);
  plot::PlotLine("model forecast", steps.data(), forecast.data(), n, colors::kTestCurve, 2.0f);
  plot::EndPlot();
}

}  // namespace

void DrawDeepSegmentationView(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets) {
  (void)widgets;
  const Dataset& raw = *workspace.data()->raw;
  std::vector<float> image;
  int h = 0, w = 0;
  if (!s.dense_task || !s.views || s.views->dense_rows.empty() ||
      !RowImage(raw, s.views->dense_rows.front(), &image, &h, &w) || s.views->dense_outputs.front().size() != static_cast<size_t>(h) * w) {
    ImGui::TextDisabled("The segmentation view shows one predicted mask per image: it needs a model with a mask output "
                        "(unet) on images with masks (lung slices).");
    return;
  }
  static const PreparedData* share_of = nullptr;  // the data the background share was computed for
  static double background = 1.0;
  if (share_of != workspace.data().get()) {
    std::vector<int64_t> rows = workspace.data()->split.test.empty() ? workspace.sample_rows() : workspace.data()->split.test;
    background = BackgroundShare(*workspace.data(), rows);
    share_of = workspace.data().get();
  }
  if (!s.history.empty()) {
    const deep::EpochRecord& last = s.history.back();
    ImGui::Text("Validation after epoch %zu: Dice %.3f · IoU %.3f · pixel accuracy %.3f", s.history.size(),
                last.validation_dice, last.validation_iou, last.validation_accuracy);
  } else {
    ImGui::TextUnformatted("Untrained: press Play. Dice and IoU are scored after each epoch.");
  }
  char note[200];
  std::snprintf(note, sizeof note,
                "Predicting \"no lesion\" everywhere already scores pixel accuracy %.3f, but Dice 0: Dice and IoU only "
                "count the lesion pixels.", background);
  Caption(note);

  const std::vector<int64_t>& rows = s.views->dense_rows;
  const int n = static_cast<int>(rows.size());
  AtlasTexture& texture = workspace.output_texture();
  const uint64_t version = s.version * 8 + kSegmentationSlot;
  AtlasBuilder atlas(4 * (w + 1), n * (h + 1), texture.version != version);
  std::vector<std::array<AtlasCell, 4>> cells(static_cast<size_t>(n));
  std::vector<float> truth(static_cast<size_t>(h) * w);
  for (int i = 0; i < n; ++i) {
    RowImage(raw, rows[static_cast<size_t>(i)], &image, &h, &w);
    for (size_t k = 0; k < truth.size(); ++k) truth[k] = static_cast<float>(raw.dense_targets(rows[static_cast<size_t>(i)], static_cast<Eigen::Index>(k)));
    const float* predicted = s.views->dense_outputs[static_cast<size_t>(i)].data();
    const int y = i * (h + 1);
    cells[static_cast<size_t>(i)] = {atlas.PutGreyRange(0, y, h, w, image.data()), atlas.PutGreyRange(w + 1, y, h, w, truth.data()),
                                     atlas.PutColormap(2 * (w + 1), y, h, w, predicted, 1, plot::Colormap::kViridis, 0.0f, 1.0f),
                                     atlas.PutMaskOverlay(3 * (w + 1), y, h, w, image.data(), truth.data(), predicted)};
  }
  UploadIfNew(workspace, texture, atlas, version);

  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float avail_y = ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 2;
  const float per_row = std::max(ImGui::GetFontSize() * 3.0f, std::min(avail_y / std::min(n, 3), ImGui::GetContentRegionAvail().x / 4 - gap));
  const char* titles[] = {"image", "true mask", "predicted probability", "overlay: true green, predicted red"};
  const float start = ImGui::GetCursorPosX();
  for (int c = 0; c < 4; ++c) {  // each title over its column
    if (c) ImGui::SameLine(start + static_cast<float>(c) * (per_row + gap));
    ImGui::TextUnformatted(titles[c]);
  }
  ImGui::BeginChild("##deep-seg-rows", ImVec2(0, 0));
  for (int i = 0; i < n; ++i)
    for (int c = 0; c < 4; ++c) {
      if (c) ImGui::SameLine(0, gap);
      DrawAtlasCell(texture, cells[static_cast<size_t>(i)][static_cast<size_t>(c)], per_row);
    }
  ImGui::EndChild();
}

void DrawDeepFrameView(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets) {
  const Dataset& raw = *workspace.data()->raw;
  const bool sequences = raw.layout == SampleLayout::kImage && raw.sample_shape.size() == 3;
  const int k = sequences ? raw.sample_shape[0] : 0, h = sequences ? raw.sample_shape[1] : 0, w = sequences ? raw.sample_shape[2] : 0;
  const int p = sequences && h * w > 0 ? static_cast<int>(raw.dense_targets.cols() / (h * w)) : 0;
  if (!sequences || p < 1 || !s.views || s.views->dense_rows.empty() ||
      s.views->dense_outputs.front().size() != static_cast<size_t>(p) * h * w) {
    ImGui::TextDisabled("The frame player needs a model that predicts the next frames of frame sequences "
                        "(convlstm_frames on storm frame sequences).");
    return;
  }
  const int n = static_cast<int>(s.views->dense_rows.size());
  const int example = ExampleStepper(workspace, n, widgets, "##deep-frame-example");
  ImGui::SameLine();
  if (ImGui::Button(workspace.playing_frames() ? "Pause playback" : "Play frames")) workspace.playing_frames() = !workspace.playing_frames();
  const int total = k + p;
  if (workspace.playing_frames()) {
    workspace.frame_clock() += ImGui::GetIO().DeltaTime;
    if (workspace.frame_clock() >= kSecondsPerFrame) workspace.frame_clock() = 0, workspace.frame() = (workspace.frame() + 1) % total;
  }
  ImGui::SameLine();
  int frame = std::clamp(workspace.frame(), 0, total - 1) + 1;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
  if (ImGui::SliderInt("##deep-frame", &frame, 1, total, "frame %d")) workspace.frame() = frame - 1, workspace.playing_frames() = false;
  const int64_t row = s.views->dense_rows[static_cast<size_t>(example)];
  const std::vector<float>& generated = s.views->dense_outputs[static_cast<size_t>(example)];
  // Atlas: row 0 the k input frames then the p true frames; row 1 the p generated frames (under the true ones).
  AtlasTexture& texture = workspace.output_texture();
  const uint64_t version = ((s.version << 6) + static_cast<uint64_t>(example)) * 8 + kFrameSlot;  // the example changes it too
  AtlasBuilder atlas(total * (w + 1), 2 * (h + 1), texture.version != version);
  std::vector<AtlasCell> truth_cells, model_cells;
  std::vector<float> pixels(static_cast<size_t>(h) * w);
  const size_t frame_size = pixels.size();
  for (int t = 0; t < total; ++t) {
    for (size_t i = 0; i < frame_size; ++i)
      pixels[i] = static_cast<float>(t < k ? raw.features(row, static_cast<Eigen::Index>(t * frame_size + i))
                                           : raw.dense_targets(row, static_cast<Eigen::Index>((t - k) * frame_size + i)));
    truth_cells.push_back(atlas.PutGreyRange(t * (w + 1), 0, h, w, pixels.data()));
    if (t >= k) model_cells.push_back(atlas.PutGreyRange(t * (w + 1), h + 1, h, w, generated.data() + (t - k) * frame_size));
  }
  UploadIfNew(workspace, texture, atlas, version);

  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float big = std::min((ImGui::GetContentRegionAvail().x - gap) / 2, ImGui::GetContentRegionAvail().y * 0.55f);
  const int t = workspace.frame();
  const bool generated_frame = t >= k;
  ImGui::BeginGroup();
  ImGui::Text("True frame %d%s", t + 1, t < k ? " (input)" : " (what happened)");
  DrawAtlasCell(texture, truth_cells[static_cast<size_t>(t)], big);
  ImGui::EndGroup();
  ImGui::SameLine(0, gap);
  ImGui::BeginGroup();
  if (generated_frame) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kWarning));
    ImGui::Text("Model frame %d: GENERATED", t + 1);
    ImGui::PopStyleColor();
    DrawAtlasCell(texture, model_cells[static_cast<size_t>(t - k)], big, colors::kWarning);
  } else {
    ImGui::Text("Model frame %d: input (given)", t + 1);
    DrawAtlasCell(texture, truth_cells[static_cast<size_t>(t)], big);
  }
  ImGui::EndGroup();
  Caption("Top strip: the true sequence. Bottom: the frames the model generated from the first ones (red frames).");
  const float small = std::min(ImGui::GetFontSize() * 4.0f, (ImGui::GetContentRegionAvail().x - gap * total) / total);
  for (int i = 0; i < total; ++i) {
    if (i) ImGui::SameLine(0, gap);
    DrawAtlasCell(texture, truth_cells[static_cast<size_t>(i)], small, i == t ? colors::kTestCurve : 0);
  }
  for (int i = 0; i < total; ++i) {
    if (i) ImGui::SameLine(0, gap);
    if (i < k) ImGui::Dummy(ImVec2(small, small * h / std::max(w, 1)));
    else DrawAtlasCell(texture, model_cells[static_cast<size_t>(i - k)], small, colors::kWarning);
  }
}

void DrawDeepPredictionView(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets) {
  if (!s.regression) {
    ImGui::TextDisabled("This view is for models that predict a number (regressors and forecasters).");
    return;
  }
  if (!s.views || s.views->value_rows.empty()) {
    ImGui::TextDisabled("The validation rows are predicted after each epoch: press Play or Step.");
    return;
  }
  const deep::OutputViews& v = *s.views;
  const int n = static_cast<int>(v.value_rows.size());
  double mean = 0, residual = 0, total = 0, absolute = 0;
  for (float t : v.true_values) mean += t;
  mean /= n;
  for (int i = 0; i < n; ++i) {
    const double e = v.predicted_values[static_cast<size_t>(i)] - v.true_values[static_cast<size_t>(i)];
    residual += e * e, absolute += std::abs(e);
    total += (v.true_values[static_cast<size_t>(i)] - mean) * (v.true_values[static_cast<size_t>(i)] - mean);
  }
  const std::string& target = workspace.data()->data->target_name;
  ImGui::Text("%d validation rows after epoch %llu: R² %.3f · RMSE %.4g · MAE %.4g (%s)", n,
              static_cast<unsigned long long>(v.epoch), total > 0 ? 1.0 - residual / total : NAN, std::sqrt(residual / n),
              absolute / n, target.c_str());
  const Dataset& raw = *workspace.data()->raw;
  const bool series = raw.groups.size() == static_cast<size_t>(raw.size()) && raw.steps.size() == raw.groups.size();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  if (series) {
    const float width = std::floor(avail.x * 0.62f);
    ImGui::BeginGroup();
    DrawForecast(workspace, s, raw, ImVec2(width, avail.y), widgets);
    ImGui::EndGroup();
    ImGui::SameLine();
    avail = ImGui::GetContentRegionAvail();
  }
  plot::PlotOptions options;
  options.auto_fit_x = options.auto_fit_y = true;
  options.x_label = "true value";
  options.y_label = "predicted value";
  if (!plot::BeginPlot("##deep-predicted", ImVec2(std::min(avail.x, avail.y * 1.2f), avail.y), options)) return;
  float lo = INFINITY, hi = -INFINITY;
  for (float t : v.true_values) lo = std::min(lo, t), hi = std::max(hi, t);
  const float diagonal[] = {lo, hi};
  plot::PlotLine("perfect prediction", diagonal, diagonal, 2, colors::kMutedText, 1.0f);
  plot::PlotScatter("validation rows", v.true_values.data(), v.predicted_values.data(), n, nullptr, colors::kTestCurve, 3.0f);
  plot::EndPlot();
}

}  // namespace mlp::ui
