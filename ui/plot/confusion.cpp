// A confusion matrix: counts as a blue heatmap with the numbers in the cells (where they fit),
// true classes on the y axis, predicted on x. Shared by the Classic and Deep models tabs.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "ui/plot/plot.h"

namespace mlp::plot {

void PlotConfusionMatrix(const char* id, const int64_t* counts, int k, float side) {
  // Heatmap row 0 is the top of the plot, where the y axis shows k − 1: true class t goes in row
  // k − 1 − t so that each row sits at its own tick.
  std::vector<float> cells(static_cast<size_t>(k) * k);
  float max_count = 1.0f;
  for (int t = 0; t < k; ++t)
    for (int p = 0; p < k; ++p)
      max_count = std::max(max_count, cells[static_cast<size_t>(k - 1 - t) * k + p] = static_cast<float>(counts[static_cast<size_t>(t) * k + p]));
  PlotOptions options;
  options.x = options.y = {-0.5, k - 0.5};
  options.x_label = "predicted class";
  options.y_label = "true class";
  options.show_legend = false;
  options.allow_pan_zoom = false;
  if (!BeginPlot(id, ImVec2(side, side), options)) return;
  PlotHeatmap("count", cells.data(), k, k, {-0.5, k - 0.5}, {-0.5, k - 0.5}, Colormap::kBlues, 0.0f, max_count);
  const PlotView view = GetPlotView();
  const float cell = (view.plot_max.x - view.plot_min.x) / static_cast<float>(view.x.max - view.x.min);
  if (k <= 12 && cell > ImGui::CalcTextSize("0000").x) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int t = 0; t < k; ++t)
      for (int p = 0; p < k; ++p) {
        const int64_t count = counts[static_cast<size_t>(t) * k + p];
        char text[24];
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(count));
        const ImVec2 size = ImGui::CalcTextSize(text);
        const float x = view.plot_min.x + static_cast<float>((p - view.x.min) / (view.x.max - view.x.min)) * (view.plot_max.x - view.plot_min.x);
        const float y = view.plot_min.y + static_cast<float>((view.y.max - t) / (view.y.max - view.y.min)) * (view.plot_max.y - view.plot_min.y);
        const ImU32 ink = static_cast<float>(count) > 0.55f * max_count ? IM_COL32(255, 255, 255, 255) : IM_COL32(40, 40, 40, 255);
        draw->AddText(ImVec2(x - size.x / 2, y - size.y / 2), ink, text);
      }
  }
  EndPlot();
}

}  // namespace mlp::plot
