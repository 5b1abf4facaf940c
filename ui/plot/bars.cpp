// PlotBars: vertical bars between bin edges (histograms, class counts), clipped to the plot.
#include "ui/plot/plot_internal.h"

namespace mlp::plot {

void PlotBars(const char* label, const float* edges, const float* heights, int count, ImU32 color, float base) {
  char text[detail::kLabelSize];
  detail::PlotContext* p = detail::BeginItem(label, color, detail::ItemKind::kField, text);
  if (!p || !edges || !heights || count <= 0) return;
  if (p->options.auto_fit_x || p->options.auto_fit_y) {
    p->fit_x_tight.Add(edges[0]);
    p->fit_x_tight.Add(edges[count]);
    p->fit_y_tight.Add(base);
    for (int i = 0; i < count; ++i) p->fit_y_padded.Add(heights[i]);
  }
  ImDrawList* dl = p->draw_list;
  dl->PushClipRect(p->plot.Min, p->plot.Max, true);
  const float gap = detail::Hairline();
  for (int i = 0; i < count; ++i) {
    if (!std::isfinite(heights[i]) || heights[i] == base) continue;
    ImVec2 a = p->ToScreen(edges[i], base), b = p->ToScreen(edges[i + 1], heights[i]);
    if (a.x > b.x) std::swap(a.x, b.x);
    if (a.y > b.y) std::swap(a.y, b.y);
    if (b.x - a.x > 3 * gap) b.x -= gap;  // a hairline between neighbouring bars
    dl->AddRectFilled(a, b, color);
  }
  dl->PopClipRect();
}

}  // namespace mlp::plot
