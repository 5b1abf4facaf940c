// Correlation heatmap: Pearson r between every pair of features (the first 40), on a diverging
// scale from −1 to +1; hovering reads a cell out.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/data/views/view_common.h"

namespace mlp::ui {
namespace {
constexpr int kMaxFeatures = 40;
}  // namespace

void DrawCorrelationView(DataWorkspace& workspace) {
  const Dataset* data = ViewedData(workspace);
  const int n = static_cast<int>(std::min<Eigen::Index>(data->features.cols(), kMaxFeatures));
  if (n < 2) {
    ImGui::TextDisabled("Correlations need at least two feature columns.");
    return;
  }
  // Rows with a missing value in any shown column are left out (pairwise deletion would mix sets).
  Eigen::MatrixXd x = data->features.leftCols(n);
  std::vector<Eigen::Index> complete;
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    if (x.row(r).allFinite()) complete.push_back(r);
  if (complete.size() < 3) {
    ImGui::TextDisabled("Too few complete rows: impute missing values first.");
    return;
  }
  Eigen::MatrixXd c(static_cast<Eigen::Index>(complete.size()), n);
  for (size_t i = 0; i < complete.size(); ++i) c.row(static_cast<Eigen::Index>(i)) = x.row(complete[i]);
  c.rowwise() -= c.colwise().mean();
  const Eigen::VectorXd norms = c.colwise().norm();
  Eigen::MatrixXd r = c.transpose() * c;
  // Feature i sits at x = i and y = i (cell centres on the integer ticks): row i of the grid,
  // counted from the top, holds feature n − 1 − i.
  std::vector<float> cells(static_cast<size_t>(n) * n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const double d = norms(i) * norms(j);
      cells[static_cast<size_t>(n - 1 - i) * n + j] = d > 0 ? static_cast<float>(r(i, j) / d) : NAN;
    }
  auto value = [&](int i, int j) { return cells[static_cast<size_t>(n - 1 - i) * n + j]; };

  std::string legend;
  for (int i = 0; i < n; ++i)
    legend += (i ? "   " : "") + std::to_string(i) + " = " + data->feature_names[static_cast<size_t>(i)];
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", legend.c_str());
  ImGui::PopTextWrapPos();

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::max(ImGui::GetFontSize() * 8, std::min(avail.x - ImGui::GetFontSize() * 6, avail.y));
  const plot::Range range{-0.5, n - 0.5};
  plot::PlotOptions options;
  options.x = options.y = range;
  options.equal_aspect = true;
  options.show_legend = false;
  options.show_grid = false;
  options.x_label = "feature";
  options.y_label = "feature";
  if (plot::BeginPlot("##correlation", ImVec2(side, side), options)) {
    plot::PlotHeatmap("r", cells.data(), n, n, range, range, plot::Colormap::kDiverging, -1.0f, 1.0f);
    const plot::PlotView view = plot::GetPlotView();
    const float cell = (view.plot_max.x - view.plot_min.x) / static_cast<float>(view.x.max - view.x.min);
    if (n <= 12 && cell > ImGui::CalcTextSize("-0.00").x * 1.2f) {  // the numbers, where they fit
      ImDrawList* draw = ImGui::GetWindowDrawList();
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
          char text[16];
          std::snprintf(text, sizeof text, "%.2f", value(i, j));
          const ImVec2 size = ImGui::CalcTextSize(text);
          const float x = view.plot_min.x + static_cast<float>((j - view.x.min) / (view.x.max - view.x.min)) * (view.plot_max.x - view.plot_min.x);
          const float y = view.plot_max.y - static_cast<float>((i - view.y.min) / (view.y.max - view.y.min)) * (view.plot_max.y - view.plot_min.y);
          const ImU32 ink = std::fabs(value(i, j)) > 0.6f ? IM_COL32(255, 255, 255, 255) : IM_COL32(40, 40, 40, 255);
          draw->AddText(ImVec2(x - size.x / 2, y - size.y / 2), ink, text);
        }
    }
    if (view.hovered) {
      const int col = static_cast<int>(std::lround(view.mouse_x)), row = static_cast<int>(std::lround(view.mouse_y));
      if (col >= 0 && col < n && row >= 0 && row < n)
        ImGui::SetTooltip("%s × %s: r = %.3f", data->feature_names[static_cast<size_t>(row)].c_str(),
                          data->feature_names[static_cast<size_t>(col)].c_str(), value(row, col));
    }
    plot::EndPlot();
  }
  ImGui::SameLine();
  plot::ColorBar("##r-bar", plot::Colormap::kDiverging, -1.0f, 1.0f, ImVec2(0, side), "r");
}

}  // namespace mlp::ui
