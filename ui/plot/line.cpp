// PlotLine: culling, per-pixel decimation, exact clipping and chunked anti-aliased polylines.
//
// Why the care: ImGui 1.86 indexes vertices with 16 bits and WebGL2 renderers cannot offset
// vertices, so a window's draw list must stay under 65,536 vertices; AddPolyline also allocas
// temporaries per point. Data sorted by x (loss curves, ROC) is therefore reduced to the first,
// extreme and last points of each pixel column, which draws the same pixels; everything else skips
// points closer than half a pixel. Segments are clipped to the plot so far-off points cost nothing.
#include <algorithm>
#include <cmath>
#include <vector>

#include "ui/plot/plot_internal.h"

namespace mlp::plot {
namespace {

using detail::PlotContext;

constexpr int kChunkPoints = 1024;        // points per AddPolyline call
constexpr float kSharpTurnCos = -0.3f;    // turns sharper than ~107 degrees end the polyline,
                                          // since ImGui's miter joins would spike there
constexpr double kMinStepPixels2 = 0.25;  // unsorted data: skip points within 0.5 px

// Streams screen points into polylines clipped to a rectangle.
class PolylineWriter {
 public:
  PolylineWriter(ImDrawList* list, const ImRect& clip, ImU32 color, float thickness)
      : list_(list), clip_(clip), color_(color), thickness_(thickness) {
    run_.reserve(kChunkPoints);
  }
  ~PolylineWriter() { Flush(); }

  // Next vertex in pixels; a non-finite coordinate breaks the line.
  void Add(double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return Break();
    if (has_prev_) Segment(px_, py_, x, y);
    px_ = x;
    py_ = y;
    has_prev_ = true;
  }
  void Break() {
    Flush();
    has_prev_ = false;
  }

 private:
  // Liang-Barsky: clips (x0,y0)-(x1,y1) to clip_; false when nothing is left.
  bool Clip(double& x0, double& y0, double& x1, double& y1, bool* start_cut, bool* end_cut) const {
    const double dx = x1 - x0, dy = y1 - y0;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - clip_.Min.x, clip_.Max.x - x0, y0 - clip_.Min.y, clip_.Max.y - y0};
    double t0 = 0.0, t1 = 1.0;
    for (int i = 0; i < 4; ++i) {
      if (p[i] == 0.0) {
        if (q[i] < 0.0) return false;
        continue;
      }
      const double r = q[i] / p[i];
      if (p[i] < 0.0) t0 = std::max(t0, r);
      else t1 = std::min(t1, r);
      if (t0 > t1) return false;
    }
    *start_cut = t0 > 0.0;
    *end_cut = t1 < 1.0;
    const double sx = x0, sy = y0;
    x0 = sx + t0 * dx;
    y0 = sy + t0 * dy;
    x1 = sx + t1 * dx;
    y1 = sy + t1 * dy;
    return true;
  }

  void Segment(double x0, double y0, double x1, double y1) {
    bool start_cut = false, end_cut = false;
    if (!Clip(x0, y0, x1, y1, &start_cut, &end_cut)) return Flush();
    const ImVec2 a(static_cast<float>(x0), static_cast<float>(y0));
    const ImVec2 b(static_cast<float>(x1), static_cast<float>(y1));
    if (run_.empty() || start_cut) {
      Flush();
      run_.push_back(a);
    }
    const ImVec2 last = run_.back();
    const ImVec2 d1(b.x - last.x, b.y - last.y);
    const float len1 = std::sqrt(d1.x * d1.x + d1.y * d1.y);
    if (len1 < 1e-3f) {  // zero-length segments have no direction to join with
      if (end_cut) Flush();
      return;
    }
    if (run_.size() >= 2) {
      const ImVec2 prev = run_[run_.size() - 2];
      const ImVec2 d0(last.x - prev.x, last.y - prev.y);
      const float len0 = std::sqrt(d0.x * d0.x + d0.y * d0.y);
      if ((d0.x * d1.x + d0.y * d1.y) < kSharpTurnCos * len0 * len1) {
        Flush();
        run_.push_back(last);
        // Thick lines get a round joint so the broken corner does not show a notch.
        if (thickness_ > 2.5f) list_->AddCircleFilled(last, 0.5f * thickness_, color_, 12);
      }
    }
    run_.push_back(b);
    if (end_cut) {
      Flush();
    } else if (static_cast<int>(run_.size()) >= kChunkPoints) {
      Flush();
      run_.push_back(b);  // the next chunk starts where this one ended: no gap
    }
  }

  void Flush() {
    const int n = static_cast<int>(run_.size());
    // Worst case of AddPolyline's anti-aliased path: 4 vertices per point.
    if (n >= 2 && 4 * n <= detail::VertexBudget(list_)) list_->AddPolyline(run_.data(), n, color_, 0, thickness_);
    run_.clear();
  }

  ImDrawList* list_;
  ImRect clip_;
  ImU32 color_;
  float thickness_;
  std::vector<ImVec2> run_;
  bool has_prev_ = false;
  double px_ = 0.0, py_ = 0.0;
};

bool SortedFinite(const float* xs, int count) {
  for (int i = 0; i < count; ++i) {
    if (!std::isfinite(xs[i])) return false;
    if (i > 0 && xs[i] < xs[i - 1]) return false;
  }
  return true;
}

bool Drawable(const PlotContext& p, float x, float y) {
  return std::isfinite(x) && std::isfinite(y) && (!p.options.log_y || y > 0.0f);
}

// Sorted data: visits only the visible index range and keeps at most the first, lowest, highest
// and last point of each pixel column, in their original order.
void DrawSorted(const PlotContext& p, const float* xs, const float* ys, int count, PolylineWriter& out) {
  const float* first = std::lower_bound(xs, xs + count, static_cast<float>(p.state->x.min));
  const float* last = std::upper_bound(xs, xs + count, static_cast<float>(p.state->x.max));
  const int begin = std::max(0, static_cast<int>(first - xs) - 1);
  const int end = std::min(count, static_cast<int>(last - xs) + 1);

  struct Column {
    double index = 0.0;       // pixel column
    int n = 0;
    int first = 0, low = 0, high = 0, last = 0;
    double low_y = 0.0, high_y = 0.0;
  } col;
  auto emit = [&](int i) { out.Add(p.x.ToPixel(xs[i]), p.y.ToPixel(ys[i])); };
  auto flush = [&]() {
    if (col.n == 0) return;
    int order[4] = {col.first, std::min(col.low, col.high), std::max(col.low, col.high), col.last};
    int previous = -1;
    for (int i : order)
      if (i != previous && i >= col.first) emit(previous = i);
    col.n = 0;
  };
  for (int i = begin; i < end; ++i) {
    if (!Drawable(p, xs[i], ys[i])) {
      flush();
      out.Break();
      continue;
    }
    const double sx = p.x.ToPixel(xs[i]), sy = p.y.ToPixel(ys[i]);
    const double column = std::floor(sx);
    if (col.n > 0 && column != col.index) flush();
    if (col.n == 0) {
      col.index = column;
      col.first = col.low = col.high = i;
      col.low_y = col.high_y = sy;
    }
    if (sy < col.low_y) col.low_y = sy, col.low = i;
    if (sy > col.high_y) col.high_y = sy, col.high = i;
    col.last = i;
    ++col.n;
  }
  flush();
}

// Unsorted data: every point in order, skipping those within half a pixel of the last one kept.
void DrawUnsorted(const PlotContext& p, const float* xs, const float* ys, int count, PolylineWriter& out) {
  double kept_x = 0.0, kept_y = 0.0, skipped_x = 0.0, skipped_y = 0.0;
  bool have_kept = false, have_skipped = false;
  for (int i = 0; i < count; ++i) {
    if (!Drawable(p, xs[i], ys[i])) {
      if (have_skipped) out.Add(skipped_x, skipped_y);  // a run always ends on its real last point
      out.Break();
      have_kept = have_skipped = false;
      continue;
    }
    const double sx = p.x.ToPixel(xs[i]), sy = p.y.ToPixel(ys[i]);
    if (have_kept && (sx - kept_x) * (sx - kept_x) + (sy - kept_y) * (sy - kept_y) < kMinStepPixels2) {
      skipped_x = sx, skipped_y = sy, have_skipped = true;
      continue;
    }
    out.Add(sx, sy);
    kept_x = sx, kept_y = sy, have_kept = true, have_skipped = false;
  }
  if (have_skipped) out.Add(skipped_x, skipped_y);
}

// Records the point of this series nearest to the cursor for the read-out.
void RecordHover(PlotContext& p, const char* text, ImU32 color, const float* xs, const float* ys, int count,
                 bool sorted) {
  int best = -1;
  if (sorted) {
    const double mx = p.x.FromPixel(p.mouse.x);
    const double reach = std::fabs(detail::Em(1.0f) / p.x.scale);
    if (mx < xs[0] - reach || mx > xs[count - 1] + reach) return;
    const int i = static_cast<int>(std::lower_bound(xs, xs + count, static_cast<float>(mx)) - xs);
    for (int j : {i - 1, i})
      if (j >= 0 && j < count && Drawable(p, xs[j], ys[j]) &&
          (best < 0 || std::fabs(xs[j] - mx) < std::fabs(xs[best] - mx)))
        best = j;
  } else {
    float best_d2 = detail::Em(1.5f) * detail::Em(1.5f);
    for (int i = 0; i < count; ++i) {
      if (!Drawable(p, xs[i], ys[i])) continue;
      const ImVec2 s = p.ToScreen(xs[i], ys[i]);
      const float d2 = ImLengthSqr(ImVec2(s.x - p.mouse.x, s.y - p.mouse.y));
      if (d2 < best_d2) best_d2 = d2, best = i;
    }
  }
  if (best < 0) return;
  const ImVec2 s = p.ToScreen(xs[best], ys[best]);
  if (!p.plot.Contains(s)) return;
  detail::HoverHit hit;
  std::copy(text, text + detail::kLabelSize, hit.text);
  hit.color = color;
  hit.kind = detail::ItemKind::kLine;
  hit.x = xs[best];
  hit.y = ys[best];
  hit.screen = s;
  p.line_hits.push_back(hit);
}

}  // namespace

void PlotLine(const char* label, const float* xs, const float* ys, int count, ImU32 color, float thickness) {
  char text[detail::kLabelSize];
  PlotContext* p = detail::BeginItem(label, color, detail::ItemKind::kLine, text);
  if (!p || !xs || !ys || count <= 0) return;
  if (p->options.auto_fit_x || p->options.auto_fit_y) {
    for (int i = 0; i < count; ++i) {
      if (!Drawable(*p, xs[i], ys[i])) continue;
      p->fit_x_tight.Add(xs[i]);  // curves run edge to edge in x, with air above and below
      p->fit_y_padded.Add(ys[i]);
    }
  }
  const bool sorted = SortedFinite(xs, count);
  const float width = std::max(1.0f, detail::Px(thickness));
  const float margin = width + 2.0f;
  const ImRect clip(p->plot.Min - ImVec2(margin, margin), p->plot.Max + ImVec2(margin, margin));
  {
    PolylineWriter writer(p->draw_list, clip, color, width);
    if (sorted) DrawSorted(*p, xs, ys, count, writer);
    else DrawUnsorted(*p, xs, ys, count, writer);
  }
  if (p->hovered) RecordHover(*p, text, color, xs, ys, count, sorted);
}

}  // namespace mlp::plot
