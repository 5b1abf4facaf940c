// PlotContour: level lines of a sampled field by marching squares. Samples sit at cell centres of
// a rows × cols grid over x × y (row 0 at y.max, as PlotImage), so a contour drawn over the same
// grid's image lines up with its colours. Saddle cells are split by the cell's mean value.
#include "ui/plot/plot_internal.h"

namespace mlp::plot {
namespace {

// Where the level crosses between two samples, as a fraction of the way from a to b.
float Crossing(float a, float b, float level) { return (level - a) / (b - a); }

}  // namespace

void PlotContour(const char* label, const float* values, int rows, int cols, Range x, Range y,
                 const double* levels, int level_count, ImU32 color, float thickness) {
  char text[detail::kLabelSize];
  detail::PlotContext* p = detail::BeginItem(label, color, detail::ItemKind::kLine, text);
  if (!p || !values || rows < 2 || cols < 2 || !levels || level_count <= 0) return;
  const double dx = (x.max - x.min) / cols, dy = (y.max - y.min) / rows;
  // Screen position of a point `fx` columns and `fy` rows from sample (0, 0).
  const auto at = [&](float fx, float fy) { return p->ToScreen(x.min + (fx + 0.5) * dx, y.max - (fy + 0.5) * dy); };
  ImDrawList* dl = p->draw_list;
  dl->PushClipRect(p->plot.Min, p->plot.Max, true);
  const float width = detail::Px(thickness);
  for (int l = 0; l < level_count; ++l) {
    const float level = static_cast<float>(levels[l]);
    for (int r = 0; r + 1 < rows; ++r) {
      for (int c = 0; c + 1 < cols; ++c) {
        if (detail::VertexBudget(dl) < 64) break;
        // Corners: a top-left, b top-right, d bottom-left, e bottom-right (rows grow downward).
        const float a = values[r * cols + c], b = values[r * cols + c + 1];
        const float d = values[(r + 1) * cols + c], e = values[(r + 1) * cols + c + 1];
        if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(d) || !std::isfinite(e)) continue;
        const int code = (a > level) | (b > level) << 1 | (e > level) << 2 | (d > level) << 3;
        if (code == 0 || code == 15) continue;
        // Edge crossings: top (a-b), right (b-e), bottom (d-e), left (a-d).
        const ImVec2 top = at(c + Crossing(a, b, level), r), right = at(c + 1, r + Crossing(b, e, level));
        const ImVec2 bottom = at(c + Crossing(d, e, level), r + 1), left = at(c, r + Crossing(a, d, level));
        const auto segment = [&](ImVec2 u, ImVec2 v) { dl->AddLine(u, v, color, width); };
        switch (code) {
          case 1: case 14: segment(left, top); break;
          case 2: case 13: segment(top, right); break;
          case 3: case 12: segment(left, right); break;
          case 4: case 11: segment(right, bottom); break;
          case 6: case 9: segment(top, bottom); break;
          case 7: case 8: segment(left, bottom); break;
          case 5: case 10: {  // saddle: the centre decides which corners connect
            const bool centre_above = (a + b + d + e) / 4 > level;
            if ((code == 5) == centre_above) {
              segment(left, bottom), segment(top, right);
            } else {
              segment(left, top), segment(right, bottom);
            }
            break;
          }
          default: break;
        }
      }
    }
  }
  dl->PopClipRect();
}

}  // namespace mlp::plot
