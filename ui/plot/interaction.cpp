// View rules and mouse input: pan, zoom around the cursor, reset, legend toggles, equal aspect, fit.
#include <algorithm>
#include <cmath>

#include "ui/plot/plot_internal.h"

namespace mlp::plot::detail {
namespace {

constexpr double kZoomPerWheelStep = 0.85;   // one wheel notch keeps 85% of the span
constexpr double kMinRelativeSpan = 1e-11;   // zooming further would run out of double precision
constexpr double kMaxSpan = 1e300;           // and zooming out further would overflow
constexpr double kFitMargin = 0.05;          // points and curves get 5% of air on each side

// Range in axis units (log10 on log axes) and back.
Range ToAxis(Range r, bool log) {
  return log ? Range{std::log10(r.min), std::log10(r.max)} : r;
}
Range FromAxis(Range r, bool log) {
  return log ? Range{std::pow(10.0, r.min), std::pow(10.0, r.max)} : r;
}

bool SpanUsable(double lo, double hi) {
  const double span = hi - lo;
  const double magnitude = std::max(std::fabs(lo), std::fabs(hi));
  return std::isfinite(span) && span > magnitude * kMinRelativeSpan && span > 1e-300 && span < kMaxSpan;
}

// Which axes a press or wheel at `m` acts on, from the previous frame's layout.
int AxesAt(const ViewState& state, ImVec2 m) {
  const ImRect& plot = state.plot_rect;
  const ImRect& frame = state.frame_rect;
  if (plot.GetWidth() <= 0.0f || !frame.Contains(m)) return 0;
  if (plot.Contains(m)) return kAxisX | kAxisY;
  if (m.y >= plot.Max.y && m.x >= plot.Min.x && m.x <= plot.Max.x) return kAxisX;
  if (m.x <= plot.Min.x && m.y >= plot.Min.y && m.y <= plot.Max.y) return kAxisY;
  return 0;
}

int LegendEntryAt(const ViewState& state, ImVec2 m) {
  for (std::size_t i = 0; i < state.legend_rects.size(); ++i)
    if (state.legend_rects[i].second.Contains(m)) return static_cast<int>(i);
  return -1;
}

// Moves the axis by `pixels` (screen delta of the cursor): the data under the cursor follows it.
Range Pan(const AxisMap& map, Range r, double pixels) {
  const double shift = -pixels / map.scale;
  return FromAxis({map.lo + shift, map.hi + shift}, map.log);
}

// Scales the axis span by `factor` keeping the data under `pixel` in place.
Range Zoom(const AxisMap& map, Range r, double pixel, double factor) {
  const double anchor = map.lo + (pixel - map.pix_lo) / map.scale;
  const double lo = anchor - (anchor - map.lo) * factor;
  const double hi = anchor + (map.hi - anchor) * factor;
  if (!SpanUsable(lo, hi)) return r;
  return FromAxis({lo, hi}, map.log);
}

}  // namespace

Range SanitizeRange(Range r, bool log) {
  if (!std::isfinite(r.min) || !std::isfinite(r.max)) r = log ? Range{0.1, 10.0} : Range{0.0, 1.0};
  if (r.min > r.max) std::swap(r.min, r.max);
  if (log) {
    if (r.max <= 0.0) r = Range{0.1, 10.0};
    if (r.min <= 0.0) r.min = r.max * 1e-3;
  }
  Range a = ToAxis(r, log);
  if (!SpanUsable(a.min, a.max)) {
    const double centre = 0.5 * a.min + 0.5 * a.max;
    const double half = centre != 0.0 ? std::max(std::fabs(centre) * 0.1, 1e-290) : 0.5;
    a = {centre - half, centre + half};
  }
  return FromAxis(a, log);
}

void HandlePlotInput(PlotContext& p, bool hovered, bool held) {
  ViewState& st = *p.state;
  const PlotOptions& o = p.options;
  const ImGuiIO& io = ImGui::GetIO();
  if (!held) st.drag_axes = 0;
  if (!hovered && !held) return;

  const ImVec2 m = io.MousePos;
  const int legend_entry = o.show_legend ? LegendEntryAt(st, m) : -1;
  const int axes = AxesAt(st, m);
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (legend_entry >= 0) {
      const ImGuiID item = st.legend_rects[legend_entry].first;
      auto found = std::find(st.hidden.begin(), st.hidden.end(), item);
      if (found == st.hidden.end()) st.hidden.push_back(item);
      else st.hidden.erase(found);
      st.drag_axes = 0;
    } else {
      st.drag_axes = o.allow_pan_zoom ? axes : 0;
    }
  }
  if (!o.allow_pan_zoom || st.plot_rect.GetWidth() <= 0.0f) return;  // no layout before frame 1

  AxisMap mx, my;
  mx.Set(SanitizeRange(st.x, false), st.plot_rect.Min.x, st.plot_rect.Max.x, false);
  my.Set(SanitizeRange(st.y, o.log_y), st.plot_rect.Max.y, st.plot_rect.Min.y, o.log_y);

  if (held && st.drag_axes != 0 && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)) {
    if (st.drag_axes & kAxisX) st.x = Pan(mx, st.x, io.MouseDelta.x);
    if (st.drag_axes & kAxisY) st.y = Pan(my, st.y, io.MouseDelta.y);
    st.user_changed = true;
  }
  if (hovered && !held && io.MouseWheel != 0.0f && axes != 0 && legend_entry < 0) {
    const double factor = std::pow(kZoomPerWheelStep, static_cast<double>(io.MouseWheel));
    if (axes & kAxisX) st.x = Zoom(mx, st.x, m.x, factor);
    if (axes & kAxisY) st.y = Zoom(my, st.y, m.y, factor);
    st.user_changed = true;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && axes != 0 && legend_entry < 0) {
    st.user_changed = false;
    st.x = (o.auto_fit_x && st.fit_valid) ? st.fit_x : o.x;
    st.y = (o.auto_fit_y && st.fit_valid) ? st.fit_y : o.y;
    st.drag_axes = 0;
  }
}

void ApplyEqualAspect(ViewState& state, const ImRect& plot_rect) {
  const double w = plot_rect.GetWidth(), h = plot_rect.GetHeight();
  if (w <= 0.0 || h <= 0.0) return;
  const double units_per_pixel =
      std::max((state.x.max - state.x.min) / w, (state.y.max - state.y.min) / h);
  const double cx = 0.5 * (state.x.min + state.x.max), cy = 0.5 * (state.y.min + state.y.max);
  state.x = {cx - 0.5 * units_per_pixel * w, cx + 0.5 * units_per_pixel * w};
  state.y = {cy - 0.5 * units_per_pixel * h, cy + 0.5 * units_per_pixel * h};
}

bool FitRange(const Extent& tight, const Extent& padded, bool log, Range fallback, Range* out) {
  Extent axis;  // in axis units
  auto add = [&](double v) { axis.Add(log ? (v > 0.0 ? std::log10(v) : NAN) : v); };
  if (padded.Valid()) {
    Extent p;
    p.Add(log ? (padded.min > 0.0 ? std::log10(padded.min) : NAN) : padded.min);
    p.Add(log ? (padded.max > 0.0 ? std::log10(padded.max) : NAN) : padded.max);
    if (p.Valid()) {
      const double margin = (p.max - p.min) * kFitMargin;
      axis.Add(p.min - margin);
      axis.Add(p.max + margin);
    }
  }
  if (tight.Valid()) {
    add(tight.min);
    add(tight.max);
  }
  if (!axis.Valid()) return false;
  const Range data = FromAxis({axis.min, axis.max}, log);
  fallback = SanitizeRange(fallback, log);
  if (axis.min == axis.max && data.min >= fallback.min && data.max <= fallback.max) {
    *out = fallback;  // one point (epoch 0 of a loss curve): keep the caller's range around it
    return true;
  }
  *out = SanitizeRange(data, log);
  return true;
}

}  // namespace mlp::plot::detail
