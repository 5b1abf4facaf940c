// Shared internals of the plot module: per-plot view state, the plot being built, axis mapping,
// DPI-scaled lengths and the vertex budget. Not for use outside ui/plot/.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#ifndef IMGUI_DEFINE_MATH_OPERATORS
#define IMGUI_DEFINE_MATH_OPERATORS  // ImVec2 arithmetic from imgui_internal.h
#endif
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/plot/plot.h"
#include "ui/plot/ticks.h"

namespace mlp::plot::detail {

// ---- Sizes: every length is a multiple of the font size (the app scales fonts for high DPI) ----

// Font size at which API pixel sizes (line thickness, marker radius) are taken literally.
constexpr float kReferenceFontSize = 15.0f;  // ui/theme.cpp body size at 1x

inline float Em(float multiple) { return ImGui::GetFontSize() * multiple; }
// A length given in pixels at the reference font size, scaled to the current font.
inline float Px(float pixels_at_1x) { return pixels_at_1x * ImGui::GetFontSize() / kReferenceFontSize; }
// Width of borders and grid lines: whole pixels so they stay crisp (1 px at 1x).
inline float Hairline() { return std::max(1.0f, std::round(Px(1.0f))); }

// Colour of the current style with its alpha multiplied by `alpha`.
inline ImU32 StyleColor(ImGuiCol idx, float alpha = 1.0f) {
  ImVec4 c = ImGui::GetStyleColorVec4(idx);
  c.w *= alpha;
  return ImGui::GetColorU32(c);
}

// `color` with its alpha multiplied by `alpha` (dimmed legend swatches, highlights).
inline ImU32 WithAlpha(ImU32 color, float alpha) {
  const float a = static_cast<float>((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha;
  return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::clamp(a, 0.0f, 255.0f) + 0.5f) << IM_COL32_A_SHIFT);
}

// ---- Vertex budget ------------------------------------------------------------------------------

// Vertices reserved for whatever the window draws after a plot item (text, legend, other widgets).
constexpr int kVertexReserve = 8192;

// Vertices an item may still add to `list` without overflowing 16-bit indices. Renderers with
// large-mesh support (ImGuiBackendFlags_RendererHasVtxOffset, desktop GL) start a new vertex
// window on demand, so only each single primitive must stay under 64k; WebGL2 renderers cannot.
inline int VertexBudget(const ImDrawList* list) {
  if (sizeof(ImDrawIdx) > 2 || (list->Flags & ImDrawListFlags_AllowVtxOffset)) return 1 << 30;
  return std::max(0, 65535 - static_cast<int>(list->_VtxCurrentIdx) - kVertexReserve);
}

// ---- Axes ---------------------------------------------------------------------------------------

// Affine map of one axis from data units to screen pixels, through log10 for log axes.
struct AxisMap {
  double lo = 0.0, hi = 1.0;          // visible range in axis units (log10 of data when `log`)
  double pix_lo = 0.0, pix_hi = 1.0;  // screen coordinate of lo and of hi
  bool log = false;
  double scale = 1.0;                 // pixels per axis unit (negative for y, which grows down)

  void Set(Range data, double pixel_at_min, double pixel_at_max, bool log_axis) {
    log = log_axis;
    lo = ToAxis(data.min);
    hi = ToAxis(data.max);
    pix_lo = pixel_at_min;
    pix_hi = pixel_at_max;
    scale = (pix_hi - pix_lo) / (hi - lo);
  }
  // NaN for values a log axis cannot show (<= 0).
  double ToAxis(double v) const {
    return log ? (v > 0.0 ? std::log10(v) : std::numeric_limits<double>::quiet_NaN()) : v;
  }
  double FromAxis(double a) const { return log ? std::pow(10.0, a) : a; }
  double ToPixel(double v) const { return pix_lo + (ToAxis(v) - lo) * scale; }
  double FromPixel(double p) const { return FromAxis(lo + (p - pix_lo) / scale); }
};

enum AxisBits { kAxisX = 1, kAxisY = 2 };

// ---- State --------------------------------------------------------------------------------------

// What a plot remembers between frames, keyed by its ImGui ID.
struct ViewState {
  Range x, y;                  // current view, data units
  bool user_changed = false;   // panned/zoomed since the last reset: auto-fit stays off
  bool fit_valid = false;      // fit_x/fit_y hold the previous frame's data extents
  Range fit_x, fit_y;
  ImRect frame_rect, plot_rect;  // previous frame's layout, for hit tests (empty before the first)
  int drag_axes = 0;           // AxisBits being dragged (0: none)
  std::vector<std::pair<ImGuiID, ImRect>> legend_rects;  // previous frame's legend entries
  std::vector<ImGuiID> hidden;                           // items switched off in the legend

  bool IsHidden(ImGuiID item) const {
    return std::find(hidden.begin(), hidden.end(), item) != hidden.end();
  }
};

// Data extents of this frame's items, for auto-fit.
struct Extent {
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  void Add(double v) {
    if (std::isfinite(v)) {
      min = std::min(min, v);
      max = std::max(max, v);
    }
  }
  bool Valid() const { return min <= max; }
};

enum class ItemKind { kLine, kScatter, kField };

constexpr int kLabelSize = 64;

// Display part of an ImGui-style label ("train##a" -> "train"), truncated to kLabelSize - 1 bytes.
void CopyDisplayLabel(const char* label, char (&out)[kLabelSize]);

struct LegendEntry {
  ImGuiID id = 0;
  char text[kLabelSize] = {};
  ImU32 color = 0;
  ItemKind kind = ItemKind::kLine;
  bool hidden = false;
};

// Hover candidates that items record while they draw (their data is gone by EndPlot).
struct HoverHit {
  char text[kLabelSize] = {};
  ImU32 color = 0;
  ItemKind kind = ItemKind::kLine;
  double x = 0.0, y = 0.0;   // data point (kField: x = value under the cursor)
  ImVec2 screen;             // where to draw the highlight (kLine, kScatter)
  float distance2 = 0.0f;    // squared pixel distance to the cursor (kScatter)
  float radius = 0.0f;       // marker radius in pixels (kScatter)
};

// The plot between BeginPlot and EndPlot.
struct PlotContext {
  ImGuiID id = 0;
  ViewState* state = nullptr;
  PlotOptions options;
  ImDrawList* draw_list = nullptr;
  ImRect frame, plot;               // whole widget; data area
  AxisMap x, y;
  std::vector<Tick> x_ticks, y_ticks;
  bool item_hovered = false;        // mouse over the widget (ImGui hover rules: no popup, no drag)
  bool hovered = false;             // ... and over the data area, not dragging: show a read-out
  ImVec2 mouse;
  Extent fit_x_tight, fit_y_tight;  // items fitted exactly (images)
  Extent fit_x_padded, fit_y_padded;  // items given a margin (points, line values)
  std::vector<LegendEntry> legend;
  std::vector<HoverHit> line_hits, field_hits;
  HoverHit point_hit;               // nearest scatter point within reach
  bool has_point_hit = false;

  ImVec2 ToScreen(double dx, double dy) const {
    return ImVec2(static_cast<float>(x.ToPixel(dx)), static_cast<float>(y.ToPixel(dy)));
  }
};

// The plot being built, or nullptr outside BeginPlot/EndPlot.
PlotContext* CurrentPlot();

// Registers an item with the legend and returns the plot to draw into, or nullptr when there is
// no plot or the user switched the item off (it still shows, dimmed, in the legend).
PlotContext* BeginItem(const char* label, ImU32 color, ItemKind kind, char (&display)[kLabelSize]);

// ---- Input and view rules (interaction.cpp) -----------------------------------------------------

// A usable view range: finite, ordered, wide enough for double precision, > 0 on log axes.
Range SanitizeRange(Range r, bool log);
// Pan (drag), zoom (wheel), reset (double-click) and legend clicks, from last frame's layout.
void HandlePlotInput(PlotContext& plot, bool hovered, bool held);
// Widens one axis so a data unit covers as many pixels on x as on y.
void ApplyEqualAspect(ViewState& state, const ImRect& plot_rect);
// Range that shows this frame's data, or false when no item reported any. Data without extent
// (a single value) gets `fallback` when that contains it, else a small range centred on it.
bool FitRange(const Extent& tight, const Extent& padded, bool log, Range fallback, Range* out);

// Row and column of the cell of a rows x cols grid over x × y (row 0 at y.max) containing
// (px, py); false outside the grid.
bool GridCellAt(Range x, Range y, int rows, int cols, double px, double py, int* row, int* col);

// ---- Drawing helpers (axes.cpp, legend.cpp, hover.cpp) ------------------------------------------

// Tick lists and margins for the current ranges; returns the data area inside `frame`.
ImRect LayoutPlot(PlotContext& plot);
void DrawBackgroundAndGrid(const PlotContext& plot);
void DrawAxes(const PlotContext& plot);
// Text rotated 90 degrees counter-clockwise, reading upwards from `pos` (its bottom-left corner).
void AddTextVertical(ImDrawList* list, ImVec2 pos, ImU32 color, const char* text);
void DrawLegend(PlotContext& plot);
void DrawHoverReadout(const PlotContext& plot);

}  // namespace mlp::plot::detail
