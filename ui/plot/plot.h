// mlp::plot — the product's own plotting widgets on ImDrawList (ImPlot is not available to us).
//
// Immediate mode like ImGui: submit items between BeginPlot() and EndPlot(); call EndPlot() only if
// BeginPlot() returned true. The plot owns no data: items read the caller's arrays during the call.
//
//   mlp::plot::PlotOptions opt; opt.x_label = "epoch"; opt.y_label = "loss"; opt.log_y = true;
//   opt.auto_fit_x = opt.auto_fit_y = true;
//   if (mlp::plot::BeginPlot("##loss", ImVec2(-1, 0), opt)) {
//     mlp::plot::PlotLine("train", epochs, train_loss, n, mlp::plot::PaletteColor(0));
//     mlp::plot::PlotLine("test", epochs, test_loss, n, mlp::plot::PaletteColor(1));
//     mlp::plot::EndPlot();
//   }
//
// Interaction: drag pans, the wheel zooms around the cursor, double-click resets the view; dragging
// or wheeling over an axis (outside the plot area) acts on that axis only; clicking a legend entry
// hides/shows its item. Hovering shows a read-out of the cursor coordinates and the nearest values.
//
// Sizes: every length scales with ImGui::GetFontSize(). Line thickness and marker radius are given
// in pixels at a 15 px font (the app's 1x body size) and scale with the font like everything else.
// Grids: `values` for PlotImage/PlotHeatmap are row-major, rows x cols, and row 0 is the TOP row
// (y = y.max), the same order as image rows and as texels uploaded from FillColormapRGBA, so one
// buffer serves both the texture and the hover read-out.
#pragma once

#include <cstdint>
#include <vector>

#include "imgui.h"

namespace mlp::plot {

// A closed interval in data units.
struct Range {
  double min = 0.0, max = 1.0;
};

// Colour maps for scalar fields. kDiverging is TensorFlow Playground's orange -> light -> blue.
enum class Colormap { kDiverging, kViridis, kBlues };

// Colour at t in [0,1] (clamped); NaN gives a fully transparent colour.
ImU32 SampleColormap(Colormap map, float t);

// Fills `count` RGBA8 texels (IM_COL32 byte order: R,G,B,A in memory) from `values` mapped through
// [vmin, vmax]; values outside clamp, NaN becomes transparent. vmin == vmax maps everything to 0.5.
void FillColormapRGBA(Colormap map, const float* values, int count, float vmin, float vmax,
                      uint32_t* rgba_out);

// A qualitative colour for series `index` (cycles through 10 colours readable on a light theme).
ImU32 PaletteColor(int index);

struct PlotOptions {
  const char* x_label = nullptr;  // axis titles; nullptr draws none
  const char* y_label = nullptr;
  Range x{0, 1}, y{0, 1};          // initial view (used until the user pans/zooms; see reset)
  bool auto_fit_x = false;         // fit the view to the data each frame until the user pans/zooms
  bool auto_fit_y = false;
  bool equal_aspect = false;       // one data unit spans as many pixels on x as on y (not with log_y)
  bool log_y = false;              // logarithmic y axis; y <= 0 is not drawn
  bool show_legend = true;         // legend of labelled items, top-right inside the plot
  bool allow_pan_zoom = true;      // drag / wheel / double-click; hover read-out stays on either way
  bool show_grid = true;
};

// Starts a plot of `size` pixels (components <= 0 fill the available space). Returns false when the
// plot is clipped away; then submit nothing and do not call EndPlot().
bool BeginPlot(const char* id, ImVec2 size, const PlotOptions& options);

// Polyline through (xs[i], ys[i]); NaN/Inf points break the line. Thousands to millions of points
// are fine: data sorted by x is culled to the view and reduced to at most 4 points per pixel
// column (first, lowest, highest, last), which draws the same pixels.
void PlotLine(const char* label, const float* xs, const float* ys, int count, ImU32 color,
              float thickness = 2.0f);

// Filled circles with a thin outline (pass a transparent `outline` for none). `per_point_colors`
// (nullable, `count` entries) overrides `color` per point; `color` is the legend swatch.
void PlotScatter(const char* label, const float* xs, const float* ys, int count,
                 const ImU32* per_point_colors, ImU32 color, float radius = 3.5f,
                 ImU32 outline = IM_COL32(255, 255, 255, 255));

// Texture stretched over the data rectangle x × y (texel row 0 at y.max; on a log y axis the
// texture is stretched linearly between the mapped corners). Optional `values` (rows x cols,
// row-major, row 0 = y.max) let the hover read-out show the value under the cursor.
void PlotImage(const char* label, ImTextureID texture, Range x, Range y,
               const float* values = nullptr, int rows = 0, int cols = 0);

// Grid of rows x cols cells over x × y drawn as rectangles (row 0 = y.max), coloured by `map` over
// [vmin, vmax]; NaN cells are left empty. `values` is row-major, or column-major (Eigen's default
// storage: values[c * rows + r]) when `col_major`, so a matrix's data() plots without a copy.
// Meant for grids up to a few thousand cells (confusion matrices, weights); for dense fields
// upload FillColormapRGBA texels and use PlotImage.
void PlotHeatmap(const char* label, const float* values, int rows, int cols, Range x, Range y,
                 Colormap map, float vmin, float vmax, bool col_major = false);

// Bars over bins: bar i spans [edges[i], edges[i + 1]] from `base` to heights[i] (edges holds
// count + 1 values). Histograms, class counts; overlapping series should use translucent colours.
void PlotBars(const char* label, const float* edges, const float* heights, int count, ImU32 color,
              float base = 0.0f);

// Level lines of a field sampled at the cell centres of a rows x cols grid over x × y (row-major,
// row 0 = y.max, like PlotImage), one per entry of `levels`, by marching squares.
void PlotContour(const char* label, const float* values, int rows, int cols, Range x, Range y,
                 const double* levels, int level_count, ImU32 color, float thickness = 1.5f);

// Finishes the plot: axes, legend, hover read-out.
void EndPlot();

// A whole plot: the confusion matrix of k classes, counts[t·k + p] = rows of true class t predicted
// as p, as a side × side heatmap with the counts written in the cells (confusion.cpp).
void PlotConfusionMatrix(const char* id, const int64_t* counts, int k, float side);

// What a plot currently shows, for panels that sample a field at the visible resolution.
struct PlotView {
  Range x, y;                  // visible data ranges
  ImVec2 plot_min, plot_max;   // plot area on screen, pixels
  bool user_changed = false;   // the user panned or zoomed since the last reset
  bool hovered = false;        // the mouse is over the plot area
  double mouse_x = 0.0, mouse_y = 0.0;  // cursor in data units (meaningful when hovered)
};

// View of the current plot (between BeginPlot/EndPlot) or else of the last plot ended.
PlotView GetPlotView();

// Forces the view of the next BeginPlot (e.g. restored from a URL); counts as a user change.
void SetNextPlotView(Range x, Range y);

// Forgets every plot's remembered view (e.g. when a workspace closes). Views are also dropped
// automatically when plots start drawing into a different ImGui context.
void ForgetPlotViews();

// Vertical colour bar for `map` over [vmin, vmax] (vmax at the top) with ticks; `label` above it.
// size components <= 0: default width (bar + labels) / available height.
void ColorBar(const char* id, Colormap map, float vmin, float vmax, ImVec2 size,
              const char* label = nullptr);

// Small thumbnail of a texture (e.g. one neuron's output) with a 1px border, highlighted when
// `selected`. size components <= 0 default to 3 font heights. Returns true when clicked.
bool Thumbnail(const char* id, ImTextureID texture, ImVec2 size, bool selected = false);

// Ticks at 1-2-5 multiples of a power of ten inside [min, max] (either order), about
// `target_count` of them. Degenerate or non-finite ranges give at most one tick.
std::vector<double> NiceTicks(double min, double max, int target_count);

}  // namespace mlp::plot
