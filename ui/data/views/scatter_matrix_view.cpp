// Scatter matrix: every pair of up to five chosen features, coloured by class or target; the
// diagonal shows each feature's histogram. At most 3000 rows are drawn (every k-th row).
#include <algorithm>
#include <cmath>

#include "ui/data/views/view_common.h"

namespace mlp::ui {
namespace {
constexpr int kMaxColumns = 5;
constexpr Eigen::Index kMaxPoints = 3000;
constexpr int kBins = 20;
}  // namespace

void DrawScatterMatrixView(DataWorkspace& workspace) {
  const Dataset* data = ViewedData(workspace);
  std::vector<int>& chosen = workspace.view().matrix_columns;
  const int columns = static_cast<int>(data->features.cols());
  chosen.erase(std::remove_if(chosen.begin(), chosen.end(), [columns](int c) { return c >= columns; }), chosen.end());

  if (ImGui::BeginCombo("##matrix-columns", "columns…")) {
    for (int c = 0; c < std::min(columns, 200); ++c) {
      bool on = std::find(chosen.begin(), chosen.end(), c) != chosen.end();
      ImGui::BeginDisabled(!on && static_cast<int>(chosen.size()) >= kMaxColumns);
      if (ImGui::Checkbox(data->feature_names[static_cast<size_t>(c)].c_str(), &on)) {
        if (on) chosen.push_back(c);
        else chosen.erase(std::find(chosen.begin(), chosen.end(), c));
      }
      ImGui::EndDisabled();
    }
    ImGui::EndCombo();
  }
  const int k = static_cast<int>(chosen.size());
  if (k == 0) {
    ImGui::TextDisabled("Choose up to %d columns.", kMaxColumns);
    return;
  }
  const std::vector<Eigen::Index> rows = SampleRows(data->size(), kMaxPoints);
  const RowColors color(*data);
  std::vector<ImU32> colors;
  for (Eigen::Index r : rows) colors.push_back(color(r));
  std::vector<std::vector<float>> values(static_cast<size_t>(k));
  for (int i = 0; i < k; ++i)
    for (Eigen::Index r : rows) values[static_cast<size_t>(i)].push_back(static_cast<float>(data->features(r, chosen[static_cast<size_t>(i)])));

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float cell = std::max(ImGui::GetFontSize() * 5, std::min(avail.x, avail.y) / k - ImGui::GetStyle().ItemSpacing.x);
  std::vector<float> edges(kBins + 1), heights(kBins);
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) {
      if (j > 0) ImGui::SameLine();
      plot::PlotOptions options;
      options.auto_fit_x = options.auto_fit_y = true;
      options.show_legend = false;
      options.allow_pan_zoom = false;
      options.show_grid = false;
      options.x_label = i == k - 1 ? data->feature_names[static_cast<size_t>(chosen[static_cast<size_t>(j)])].c_str() : nullptr;
      options.y_label = j == 0 ? data->feature_names[static_cast<size_t>(chosen[static_cast<size_t>(i)])].c_str() : nullptr;
      const std::string id = "##sm" + std::to_string(i) + "_" + std::to_string(j);
      if (!plot::BeginPlot(id.c_str(), ImVec2(cell, cell), options)) continue;
      const auto& xs = values[static_cast<size_t>(j)];
      if (i == j) {
        float lo = INFINITY, hi = -INFINITY;
        for (float v : xs) if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
        if (lo <= hi) {
          if (hi == lo) hi = lo + 1;
          std::fill(heights.begin(), heights.end(), 0.0f);
          for (int b = 0; b <= kBins; ++b) edges[static_cast<size_t>(b)] = lo + (hi - lo) * b / kBins;
          for (float v : xs)
            if (std::isfinite(v)) heights[static_cast<size_t>(std::clamp(static_cast<int>((v - lo) / (hi - lo) * kBins), 0, kBins - 1))] += 1;
          plot::PlotBars("count", edges.data(), heights.data(), kBins, IM_COL32(120, 120, 120, 200));
        }
      } else {
        plot::PlotScatter("rows", xs.data(), values[static_cast<size_t>(i)].data(), static_cast<int>(xs.size()),
                          colors.data(), plot::PaletteColor(0), 2.0f, IM_COL32(0, 0, 0, 0));
      }
      plot::EndPlot();
    }
  }
}

}  // namespace mlp::ui
