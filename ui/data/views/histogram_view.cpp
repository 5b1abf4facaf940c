// Histograms: one small plot per feature (the first 24), bars per class so that overlap shows.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/data/views/view_common.h"

namespace mlp::ui {
namespace {
constexpr int kMaxFeatures = 24;
constexpr int kBins = 24;
}  // namespace

void DrawHistogramView(DataWorkspace& workspace) {
  const Dataset* data = ViewedData(workspace);
  const int features = static_cast<int>(std::min<Eigen::Index>(data->features.cols(), kMaxFeatures));
  const bool by_class = data->task == TaskKind::kClassification && data->num_classes() <= 10 && data->num_classes() > 1;
  const int groups = by_class ? data->num_classes() : 1;
  const float width = ImGui::GetContentRegionAvail().x;
  const int per_row = std::max(1, static_cast<int>(width / (ImGui::GetFontSize() * 16)));
  const float cell = width / per_row - ImGui::GetStyle().ItemSpacing.x;
  ImGui::BeginChild("##histograms");
  std::vector<float> edges(kBins + 1), heights(kBins);
  for (int f = 0; f < features; ++f) {
    const auto column = data->features.col(f);
    double lo = INFINITY, hi = -INFINITY;
    for (Eigen::Index r = 0; r < column.size(); ++r)
      if (std::isfinite(column(r))) lo = std::min(lo, column(r)), hi = std::max(hi, column(r));
    if (!(lo <= hi)) continue;
    if (hi == lo) hi = lo + 1;
    for (int b = 0; b <= kBins; ++b) edges[static_cast<size_t>(b)] = static_cast<float>(lo + (hi - lo) * b / kBins);
    if (f % per_row != 0) ImGui::SameLine();
    plot::PlotOptions options;
    options.x_label = data->feature_names[static_cast<size_t>(f)].c_str();
    options.auto_fit_x = options.auto_fit_y = true;
    options.show_legend = f == 0 && by_class;
    options.allow_pan_zoom = false;
    const std::string id = "##hist" + std::to_string(f);
    if (!plot::BeginPlot(id.c_str(), ImVec2(cell, cell * 0.7f), options)) continue;
    for (int g = 0; g < groups; ++g) {
      std::fill(heights.begin(), heights.end(), 0.0f);
      for (Eigen::Index r = 0; r < column.size(); ++r) {
        if (!std::isfinite(column(r)) || (by_class && static_cast<int>(data->targets(r)) != g)) continue;
        const int b = std::clamp(static_cast<int>((column(r) - lo) / (hi - lo) * kBins), 0, kBins - 1);
        heights[static_cast<size_t>(b)] += 1.0f;
      }
      const ImU32 color = (plot::PaletteColor(g) & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, by_class ? 140 : 220);
      const std::string label = by_class ? data->class_names[static_cast<size_t>(g)] : "count";
      plot::PlotBars(label.c_str(), edges.data(), heights.data(), kBins, color);
    }
    plot::EndPlot();
  }
  if (data->features.cols() > kMaxFeatures)
    ImGui::TextDisabled("Showing the first %d of %lld columns.", kMaxFeatures, static_cast<long long>(data->features.cols()));
  ImGui::EndChild();
}

}  // namespace mlp::ui
