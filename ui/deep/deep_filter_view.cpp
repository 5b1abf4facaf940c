// The filters view of the Deep models tab: the first convolution's filters as small images (lines
// for a 1-D convolution), then a chosen validation sample and the output of every stage of the
// network for it — feature maps as images, 1-D stages as lines, dense stages as bars.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/data/views/view_common.h"
#include "ui/deep/deep_views.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {

constexpr int kMaxMaps = 16;  // feature maps shown per stage (the first channels)

bool IsImageStage(const nn::Shape& shape) { return shape.height > 1 && shape.width > 1; }

// Small plot of lines, one per series (a 1-D filter or a 1-D stage's channels).
void SmallLines(const char* id, const std::vector<std::vector<float>>& series, float height) {
  plot::PlotOptions options;
  options.auto_fit_x = options.auto_fit_y = true;
  options.show_legend = false;
  options.allow_pan_zoom = false;
  if (!plot::BeginPlot(id, ImVec2(-1, height), options)) return;
  for (size_t k = 0; k < series.size(); ++k) {
    std::vector<float> xs(series[k].size());
    for (size_t i = 0; i < xs.size(); ++i) xs[i] = static_cast<float>(i);
    const std::string label = "channel " + std::to_string(k);
    plot::PlotLine(label.c_str(), xs.data(), series[k].data(), static_cast<int>(xs.size()), plot::PaletteColor(static_cast<int>(k)), 1.5f);
  }
  plot::EndPlot();
}

void DrawFilters(DeepWorkspace& workspace, const deep::DeepSnapshot& s) {
  const deep::FilterBank& f = s.filters;
  if (f.filters == 0) {
    ImGui::TextDisabled("This network has no convolution: it has no filters to show (its stages are below).");
    return;
  }
  ImGui::Text("First convolution: %d filters of %d×%d%s", f.filters, f.height, f.width,
              f.channels > 1 ? (" × " + std::to_string(f.channels) + " channels (channel 0 shown)").c_str() : "");
  const size_t per_filter = static_cast<size_t>(f.height) * f.width * f.channels;
  if (f.height == 1) {  // a 1-D convolution: each filter is a short curve
    std::vector<std::vector<float>> series;
    for (int k = 0; k < f.filters && k < kMaxMaps; ++k) {
      std::vector<float> line(static_cast<size_t>(f.width));
      for (int x = 0; x < f.width; ++x) line[static_cast<size_t>(x)] = f.weights[k * per_filter + static_cast<size_t>(x) * f.channels];
      series.push_back(std::move(line));
    }
    SmallLines("##deep-filters-1d", series, ImGui::GetFontSize() * 8);
    return;
  }
  // Orange negative, blue positive, grey-white zero (the playground's weight colours), on one scale
  // for the whole bank.
  float scale = 1e-6f;
  for (float w : f.weights) scale = std::max(scale, std::abs(w));
  AtlasTexture& texture = workspace.filter_texture();
  AtlasBuilder atlas(f.filters * (f.width + 1), f.height, texture.version != s.version);
  std::vector<AtlasCell> cells;
  for (int k = 0; k < f.filters; ++k)
    cells.push_back(atlas.PutColormap(k * (f.width + 1), 0, f.height, f.width, f.weights.data() + k * per_filter, f.channels,
                                      plot::Colormap::kDiverging, -scale, scale));
  if (texture.version != s.version) {
    texture.Upload(workspace.platform(), atlas.width(), atlas.height(), atlas.texels());
    texture.version = s.version;
  }
  DrawAtlasGrid(texture, cells, ImGui::GetFontSize() * 2.5f);
  Caption("Weights on one scale: orange negative, blue positive.");
}

// Picks the sample (a validation row) whose stage outputs are shown; its image and prediction.
void DrawSample(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets) {
  const std::vector<int64_t> rows = workspace.sample_rows();
  if (rows.empty()) return;
  const int count = static_cast<int>(rows.size());
  int& sample = workspace.sample();
  sample = std::clamp(sample, 0, count - 1);
  int shown = sample + 1;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (ImGui::InputInt("validation sample", &shown, 1, 10)) sample = std::clamp(shown - 1, 0, count - 1);
  widgets.RecordLastItem("deep-sample");
  const int64_t row = rows[static_cast<size_t>(sample)];
  ImGui::SameLine();
  const Dataset& d = *workspace.data()->data;
  std::string line = "of " + std::to_string(count) + " · row " + std::to_string(row) + " · true " + TargetText(d, row);
  if (s.activation_row == row && !s.activation_output.empty()) {
    const auto best = std::max_element(s.activation_output.begin(), s.activation_output.end());
    const int k = static_cast<int>(best - s.activation_output.begin());
    char text[96];
    if (s.classification && s.activation_output.size() > 1)
      std::snprintf(text, sizeof text, " · predicted %s (%.2f)",
                    k < static_cast<int>(s.class_names.size()) ? s.class_names[static_cast<size_t>(k)].c_str() : std::to_string(k).c_str(), *best);
    else
      std::snprintf(text, sizeof text, " · output %.4g", s.activation_output.front());
    line += text;
  }
  ImGui::TextUnformatted(line.c_str());
}

void DrawStages(DeepWorkspace& workspace, const deep::DeepSnapshot& s) {
  if (s.activations.empty()) {
    ImGui::TextDisabled("Computing the stage outputs…");
    return;
  }
  // One atlas: the input image (when the raw data are images), then a band per image stage.
  std::vector<float> pixels;
  int ih = 0, iw = 0;
  const bool input_image = RowImage(*workspace.data()->raw, s.activation_row, &pixels, &ih, &iw);
  int atlas_w = input_image ? iw : 1, atlas_h = input_image ? ih + 1 : 0;
  for (const deep::StageActivation& a : s.activations)
    if (IsImageStage(a.shape)) {
      atlas_w = std::max(atlas_w, std::min(a.shape.channels, kMaxMaps) * (a.shape.width + 1));
      atlas_h += a.shape.height + 1;
    }
  AtlasTexture& texture = workspace.activation_texture();
  AtlasBuilder atlas(atlas_w, atlas_h, texture.version != s.version);
  AtlasCell input_cell;
  if (input_image) input_cell = atlas.PutGrey(0, 0, ih, iw, pixels.data());
  std::vector<std::vector<AtlasCell>> stage_cells(s.activations.size());
  int y = input_image ? ih + 1 : 0;
  for (size_t i = 0; i < s.activations.size(); ++i) {
    const deep::StageActivation& a = s.activations[i];
    if (!IsImageStage(a.shape) || a.values.size() < static_cast<size_t>(a.shape.size())) continue;
    for (int c = 0; c < std::min(a.shape.channels, kMaxMaps); ++c)
      stage_cells[i].push_back(atlas.PutGrey(c * (a.shape.width + 1), y, a.shape.height, a.shape.width, a.values.data() + c, a.shape.channels));
    y += a.shape.height + 1;
  }
  if (texture.version != s.version) {
    texture.Upload(workspace.platform(), atlas.width(), atlas.height(), atlas.texels());
    texture.version = s.version;
  }
  const float font = ImGui::GetFontSize();
  const Dataset& raw = *workspace.data()->raw;
  if (input_image) {
    Caption("input");
    DrawAtlasGrid(texture, {input_cell}, font * 5);
  } else if (raw.layout == SampleLayout::kSignal && s.activation_row >= 0 && s.activation_row < raw.size()) {
    // A signal row is channel-major: {length} or {channels, length}.
    const int channels = raw.sample_shape.size() == 2 ? std::max(1, raw.sample_shape[0]) : 1;
    const int length = static_cast<int>(raw.features.cols() / channels);
    std::vector<std::vector<float>> series(static_cast<size_t>(std::min(channels, 8)), std::vector<float>(static_cast<size_t>(length)));
    for (size_t c = 0; c < series.size(); ++c)
      for (int x = 0; x < length; ++x) series[c][static_cast<size_t>(x)] = static_cast<float>(raw.features(s.activation_row, static_cast<Eigen::Index>(c) * length + x));
    Caption("input");
    SmallLines("##stage-input", series, font * 6);
  }
  for (size_t i = 0; i < s.activations.size(); ++i) {
    const deep::StageActivation& a = s.activations[i];
    ImGui::Text("%zu. %s: %s", i + 1, a.name.c_str(), deep::ShapeText(a.shape).c_str());
    if (IsImageStage(a.shape)) {
      if (a.shape.channels > kMaxMaps) {
        ImGui::SameLine();
        ImGui::TextDisabled("(first %d of %d maps)", kMaxMaps, a.shape.channels);
      }
      DrawAtlasGrid(texture, stage_cells[i], std::clamp(a.shape.width * 4.0f, font * 2.5f, font * 5.0f));
    } else if (a.shape.width > 1) {  // a 1-D stage: one line per channel
      std::vector<std::vector<float>> series;
      for (int c = 0; c < std::min(a.shape.channels, 8); ++c) {
        std::vector<float> line(static_cast<size_t>(a.shape.width));
        for (int x = 0; x < a.shape.width; ++x) line[static_cast<size_t>(x)] = a.values[static_cast<size_t>(x) * a.shape.channels + c];
        series.push_back(std::move(line));
      }
      const std::string id = "##stage-lines" + std::to_string(i);
      SmallLines(id.c_str(), series, font * 6);
    } else {  // a vector (dense layer): one bar per unit
      const int n = static_cast<int>(a.values.size());
      std::vector<float> edges(static_cast<size_t>(n) + 1);
      for (int k = 0; k <= n; ++k) edges[static_cast<size_t>(k)] = static_cast<float>(k);
      plot::PlotOptions options;
      options.auto_fit_x = options.auto_fit_y = true;
      options.show_legend = false;
      options.allow_pan_zoom = false;
      const std::string id = "##stage-bars" + std::to_string(i);
      if (plot::BeginPlot(id.c_str(), ImVec2(-1, font * 5), options)) {
        plot::PlotBars("value", edges.data(), a.values.data(), n, colors::kTestCurve);
        plot::EndPlot();
      }
    }
  }
}

}  // namespace

void DrawDeepFilterView(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets) {
  ImGui::BeginChild("##deep-filters-scroll", ImVec2(0, 0), false);
  DrawFilters(workspace, s);
  ImGui::Separator();
  DrawSample(workspace, s, widgets);
  DrawStages(workspace, s);
  ImGui::EndChild();
}

}  // namespace mlp::ui
