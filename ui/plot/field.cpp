// Scalar fields over a data rectangle: PlotImage (a texture) and PlotHeatmap (rectangles).
// Both take grids row-major with row 0 at the top (y.max), like image rows.
#include <algorithm>
#include <cmath>
#include <vector>

#include "ui/plot/plot_internal.h"

namespace mlp::plot {
namespace detail {

bool GridCellAt(Range x, Range y, int rows, int cols, double px, double py, int* row, int* col) {
  if (rows <= 0 || cols <= 0 || !(x.max > x.min) || !(y.max > y.min)) return false;
  if (!(px >= x.min && px <= x.max && py >= y.min && py <= y.max)) return false;
  const double fx = (px - x.min) / (x.max - x.min), fy = (y.max - py) / (y.max - y.min);
  *col = std::min(cols - 1, static_cast<int>(fx * cols));
  *row = std::min(rows - 1, static_cast<int>(fy * rows));
  return true;
}

}  // namespace detail

namespace {

using detail::PlotContext;

bool ValidRect(Range x, Range y) {
  return std::isfinite(x.min) && std::isfinite(x.max) && std::isfinite(y.min) && std::isfinite(y.max) &&
         x.max > x.min && y.max > y.min;
}

// Index of cell (r, c) in a rows x cols grid stored row- or column-major.
long long CellIndex(int r, int c, int rows, int cols, bool col_major) {
  return col_major ? static_cast<long long>(c) * rows + r : static_cast<long long>(r) * cols + c;
}

void FitAndHover(PlotContext& p, const char* text, Range x, Range y, const float* values, int rows, int cols,
                 bool col_major) {
  if (p.options.auto_fit_x || p.options.auto_fit_y) {
    p.fit_x_tight.Add(x.min);
    p.fit_x_tight.Add(x.max);
    if (!p.options.log_y || y.min > 0.0) p.fit_y_tight.Add(y.min);
    p.fit_y_tight.Add(y.max);
  }
  int row = 0, col = 0;
  if (!p.hovered || !values ||
      !detail::GridCellAt(x, y, rows, cols, p.x.FromPixel(p.mouse.x), p.y.FromPixel(p.mouse.y), &row, &col))
    return;
  detail::HoverHit hit;
  std::copy(text, text + detail::kLabelSize, hit.text);
  hit.kind = detail::ItemKind::kField;
  hit.x = values[CellIndex(row, col, rows, cols, col_major)];
  p.field_hits.push_back(hit);
}

}  // namespace

void PlotImage(const char* label, ImTextureID texture, Range x, Range y, const float* values, int rows, int cols) {
  char text[detail::kLabelSize];
  PlotContext* p = detail::BeginItem(label, IM_COL32_WHITE, detail::ItemKind::kField, text);
  if (!p || !ValidRect(x, y)) return;
  FitAndHover(*p, text, x, y, values, rows, cols, false);

  // Draw only the visible part, with matching texture coordinates, so deep zooms never send
  // vertices millions of pixels away to the GPU.
  const Range& vx = p->state->x;
  const Range& vy = p->state->y;
  const double x0 = std::max(x.min, vx.min), x1 = std::min(x.max, vx.max);
  const double y0 = std::max(y.min, vy.min), y1 = std::min(y.max, vy.max);
  if (!(x0 < x1 && y0 < y1)) return;
  const ImVec2 uv0(static_cast<float>((x0 - x.min) / (x.max - x.min)),
                   static_cast<float>((y.max - y1) / (y.max - y.min)));
  const ImVec2 uv1(static_cast<float>((x1 - x.min) / (x.max - x.min)),
                   static_cast<float>((y.max - y0) / (y.max - y.min)));
  p->draw_list->AddImage(texture, p->ToScreen(x0, y1), p->ToScreen(x1, y0), uv0, uv1);
}

void PlotHeatmap(const char* label, const float* values, int rows, int cols, Range x, Range y, Colormap map,
                 float vmin, float vmax, bool col_major) {
  char text[detail::kLabelSize];
  PlotContext* p = detail::BeginItem(label, SampleColormap(map, 1.0f), detail::ItemKind::kField, text);
  if (!p || !values || rows <= 0 || cols <= 0 || !ValidRect(x, y)) return;
  FitAndHover(*p, text, x, y, values, rows, cols, col_major);

  // Visible cells only.
  const double cw = (x.max - x.min) / cols, ch = (y.max - y.min) / rows;
  const Range& vx = p->state->x;
  const Range& vy = p->state->y;
  const int c0 = std::clamp(static_cast<int>(std::floor((vx.min - x.min) / cw)), 0, cols);
  const int c1 = std::clamp(static_cast<int>(std::ceil((vx.max - x.min) / cw)), 0, cols);
  const int r0 = std::clamp(static_cast<int>(std::floor((y.max - vy.max) / ch)), 0, rows);
  const int r1 = std::clamp(static_cast<int>(std::ceil((y.max - vy.min) / ch)), 0, rows);
  if (c0 >= c1 || r0 >= r1) return;

  // Cells smaller than a pixel, or more than the vertex budget allows (4 per rectangle), are
  // sampled with a stride: each drawn block shows its first cell (nearest-neighbour).
  const double cell_w = std::fabs(cw * p->x.scale);
  const double cell_h = p->y.log ? 1.0 : std::fabs(ch * p->y.scale);
  int sc = std::max(1, static_cast<int>(1.0 / std::max(cell_w, 1e-9)));
  int sr = std::max(1, static_cast<int>(1.0 / std::max(cell_h, 1e-9)));
  const long long budget = std::max(4, detail::VertexBudget(p->draw_list)) / 4;
  auto blocks = [&]() { return static_cast<long long>((c1 - c0 + sc - 1) / sc) * ((r1 - r0 + sr - 1) / sr); };
  while (blocks() > budget) ++sc, ++sr;

  // Block edges in whole pixels: neighbours share edges exactly, so there are no seams.
  // On a log axis, edges at y <= 0 lie infinitely far down: put them just below the plot.
  const float below = p->plot.Max.y + 1.0f;
  auto pixel_x = [&](int c) { return std::round(static_cast<float>(p->x.ToPixel(x.min + c * cw))); };
  auto pixel_y = [&](int r) {
    const double py = p->y.ToPixel(y.max - r * ch);
    return std::isfinite(py) ? std::round(static_cast<float>(std::min<double>(py, below))) : below;
  };
  std::vector<float> xe, ye;
  for (int c = c0; c < c1; c += sc) xe.push_back(pixel_x(c));
  xe.push_back(pixel_x(c1));
  for (int r = r0; r < r1; r += sr) ye.push_back(pixel_y(r));
  ye.push_back(pixel_y(r1));

  const float span = vmax - vmin;
  ImDrawList* dl = p->draw_list;
  for (std::size_t j = 0; j + 1 < ye.size(); ++j) {
    const int r = r0 + static_cast<int>(j) * sr;
    for (std::size_t i = 0; i + 1 < xe.size(); ++i) {
      const int c = c0 + static_cast<int>(i) * sc;
      const float v = values[CellIndex(r, c, rows, cols, col_major)];
      if (std::isnan(v)) continue;
      const float t = span != 0.0f ? (v - vmin) / span : 0.5f;
      dl->AddRectFilled(ImVec2(xe[i], ye[j]), ImVec2(xe[i + 1], ye[j + 1]), SampleColormap(map, t));
    }
  }
}

}  // namespace mlp::plot
