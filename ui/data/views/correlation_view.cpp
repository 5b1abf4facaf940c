// Correlation heatmap: Pearson r between every pair of features (the first 40), on a diverging
// scale from −1 to +1; hovering reads a cell out.
#include <algorithm>
#include <cmath>

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
  std::vector<float> cells(static_cast<size_t>(n) * n);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const double d = norms(i) * norms(j);
      cells[static_cast<size_t>(i) * n + j] = d > 0 ? static_cast<float>(r(i, j) / d) : NAN;  // row 0 at the top
    }

  const float side = std::min(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 6, ImGui::GetContentRegionAvail().y);
  plot::PlotOptions options;
  options.x = {0, static_cast<double>(n)};
  options.y = {0, static_cast<double>(n)};
  options.equal_aspect = true;
  options.show_legend = false;
  options.x_label = "feature index (left to right = top to bottom)";
  if (plot::BeginPlot("##correlation", ImVec2(side, side), options)) {
    plot::PlotHeatmap("r", cells.data(), n, n, {0, static_cast<double>(n)}, {0, static_cast<double>(n)},
                      plot::Colormap::kDiverging, -1.0f, 1.0f);
    const plot::PlotView view = plot::GetPlotView();
    if (view.hovered) {
      const int col = static_cast<int>(std::floor(view.mouse_x)), row = n - 1 - static_cast<int>(std::floor(view.mouse_y));
      if (col >= 0 && col < n && row >= 0 && row < n)
        ImGui::SetTooltip("%s × %s: r = %.3f", data->feature_names[static_cast<size_t>(row)].c_str(),
                          data->feature_names[static_cast<size_t>(col)].c_str(), cells[static_cast<size_t>(row) * n + col]);
    }
    plot::EndPlot();
  }
  ImGui::SameLine();
  plot::ColorBar("##r-bar", plot::Colormap::kDiverging, -1.0f, 1.0f, ImVec2(0, side), "r");
}

}  // namespace mlp::ui
