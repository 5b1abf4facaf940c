// BeginPlot/EndPlot, the per-plot view state map and item registration.
//
// [SECTION] State: view states keyed by ImGui ID, the plot being built
// [SECTION] Items: label handling, legend registration
// [SECTION] BeginPlot / EndPlot
// [SECTION] Views: GetPlotView, SetNextPlotView, ForgetPlotViews
#include <cstring>
#include <unordered_map>

#include "ui/plot/plot.h"
#include "ui/plot/plot_internal.h"

namespace mlp::plot {
namespace detail {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] State
//-------------------------------------------------------------------------------------------------

// Like ImGui's own storage: one small record per plot ID, alive until ForgetPlotViews().
std::unordered_map<ImGuiID, ViewState>& ViewStates() {
  static std::unordered_map<ImGuiID, ViewState> states;
  return states;
}

PlotContext g_plot;          // reused every frame so its vectors keep their capacity
bool g_in_plot = false;
PlotView g_last_view;

struct NextView {
  bool set = false;
  Range x, y;
};
NextView g_next_view;

// Views belong to one ImGui context: a new context (a new app instance, the next test) starts
// clean instead of inheriting zooms from the one before it, whose IDs hash the same.
void DropStatesOfOldContexts() {
  static ImGuiContext* last_context = nullptr;
  static int last_frame = 0;
  ImGuiContext* context = ImGui::GetCurrentContext();
  const int frame = ImGui::GetFrameCount();
  if (context != last_context || frame < last_frame) ViewStates().clear();
  last_context = context;
  last_frame = frame;
}

void ResetContext(PlotContext& p) {
  p.x_ticks.clear();
  p.y_ticks.clear();
  p.legend.clear();
  p.line_hits.clear();
  p.field_hits.clear();
  p.fit_x_tight = p.fit_y_tight = p.fit_x_padded = p.fit_y_padded = Extent{};
  p.has_point_hit = false;
  p.item_hovered = p.hovered = false;
}

PlotView MakeView(const PlotContext& p) {
  PlotView view;
  view.x = p.state->x;
  view.y = p.state->y;
  view.plot_min = p.plot.Min;
  view.plot_max = p.plot.Max;
  view.user_changed = p.state->user_changed;
  view.hovered = p.item_hovered && p.plot.Contains(p.mouse);
  view.mouse_x = p.x.FromPixel(p.mouse.x);
  view.mouse_y = p.y.FromPixel(p.mouse.y);
  return view;
}

}  // namespace

PlotContext* CurrentPlot() { return g_in_plot ? &g_plot : nullptr; }

//-------------------------------------------------------------------------------------------------
// [SECTION] Items
//-------------------------------------------------------------------------------------------------

void CopyDisplayLabel(const char* label, char (&out)[kLabelSize]) {
  out[0] = '\0';
  if (!label) return;
  const char* end = std::strstr(label, "##");
  std::size_t n = end ? static_cast<std::size_t>(end - label) : std::strlen(label);
  n = std::min(n, static_cast<std::size_t>(kLabelSize - 1));
  std::memcpy(out, label, n);
  out[n] = '\0';
}

PlotContext* BeginItem(const char* label, ImU32 color, ItemKind kind, char (&display)[kLabelSize]) {
  PlotContext* plot = CurrentPlot();
  IM_ASSERT(plot && "Plot items go between BeginPlot() (when it returned true) and EndPlot().");
  if (!plot) return nullptr;
  CopyDisplayLabel(label, display);
  const ImGuiID id = ImGui::GetID(label ? label : "##unnamed");  // inside the plot's ID scope
  const bool hidden = plot->state->IsHidden(id);
  if (display[0] != '\0' && kind != ItemKind::kField) {
    LegendEntry entry;
    entry.id = id;
    std::memcpy(entry.text, display, sizeof(entry.text));
    entry.color = color;
    entry.kind = kind;
    entry.hidden = hidden;
    plot->legend.push_back(entry);
  }
  return hidden ? nullptr : plot;
}

}  // namespace detail

//-------------------------------------------------------------------------------------------------
// [SECTION] BeginPlot / EndPlot
//-------------------------------------------------------------------------------------------------

bool BeginPlot(const char* id, ImVec2 size, const PlotOptions& options) {
  using namespace detail;
  IM_ASSERT(!g_in_plot && "BeginPlot() inside another plot: call EndPlot() first.");
  if (g_in_plot) return false;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return false;

  const ImGuiID gid = window->GetID(id);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImVec2 extent(std::max(size.x > 0 ? size.x : avail.x, Em(8.0f)),
                      std::max(size.y > 0 ? size.y : avail.y, Em(6.0f)));
  const ImRect frame(window->DC.CursorPos, window->DC.CursorPos + extent);
  ImGui::ItemSize(frame);
  if (!ImGui::ItemAdd(frame, gid)) return false;

  DropStatesOfOldContexts();
  auto [it, created] = ViewStates().try_emplace(gid);
  ViewState& state = it->second;
  if (created) {
    state.x = options.x;
    state.y = options.y;
  }
  if (g_next_view.set) {
    state.x = g_next_view.x;
    state.y = g_next_view.y;
    state.user_changed = true;
    g_next_view.set = false;
  } else if (!state.user_changed && state.fit_valid) {
    if (options.auto_fit_x) state.x = state.fit_x;
    if (options.auto_fit_y) state.y = state.fit_y;
  }

  PlotContext& p = g_plot;
  ResetContext(p);
  p.id = gid;
  p.state = &state;
  p.options = options;
  p.draw_list = window->DrawList;
  p.frame = frame;
  p.mouse = ImGui::GetIO().MousePos;

  bool hovered = false, held = false;
  ImGui::ButtonBehavior(frame, gid, &hovered, &held);  // owns clicks, so drags never move the window
  if (options.allow_pan_zoom) ImGui::SetItemUsingMouseWheel();  // the wheel zooms, not scrolls
  HandlePlotInput(p, hovered, held);

  state.x = SanitizeRange(state.x, false);
  state.y = SanitizeRange(state.y, options.log_y);
  p.plot = LayoutPlot(p);
  if (options.equal_aspect && !options.log_y) {
    ApplyEqualAspect(state, p.plot);
    p.plot = LayoutPlot(p);  // tick labels (and so margins) may change with the widened range
    ApplyEqualAspect(state, p.plot);
    p.x.Set(state.x, p.plot.Min.x, p.plot.Max.x, false);
    p.y.Set(state.y, p.plot.Max.y, p.plot.Min.y, false);
  }
  p.item_hovered = hovered;
  p.hovered = hovered && !held && p.plot.Contains(p.mouse);

  DrawBackgroundAndGrid(p);
  p.draw_list->PushClipRect(p.plot.Min, p.plot.Max, true);
  ImGui::PushOverrideID(gid);
  g_in_plot = true;
  return true;
}

void EndPlot() {
  using namespace detail;
  IM_ASSERT(g_in_plot && "EndPlot() without a BeginPlot() that returned true.");
  if (!g_in_plot) return;
  PlotContext& p = g_plot;
  ViewState& state = *p.state;
  ImGui::PopID();
  p.draw_list->PopClipRect();

  DrawAxes(p);
  state.legend_rects.clear();
  if (p.options.show_legend) DrawLegend(p);
  if (p.hovered) DrawHoverReadout(p);

  Range fit;
  state.fit_valid = false;
  if (FitRange(p.fit_x_tight, p.fit_x_padded, false, p.options.x, &fit)) {
    state.fit_x = fit;
    state.fit_valid = true;
  } else {
    state.fit_x = state.x;
  }
  if (FitRange(p.fit_y_tight, p.fit_y_padded, p.options.log_y, p.options.y, &fit)) {
    state.fit_y = fit;
    state.fit_valid = true;
  } else {
    state.fit_y = state.y;
  }
  state.frame_rect = p.frame;
  state.plot_rect = p.plot;
  g_last_view = MakeView(p);
  g_in_plot = false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Views
//-------------------------------------------------------------------------------------------------

PlotView GetPlotView() {
  return detail::g_in_plot ? detail::MakeView(detail::g_plot) : detail::g_last_view;
}

void SetNextPlotView(Range x, Range y) {
  detail::g_next_view.set = true;
  detail::g_next_view.x = x;
  detail::g_next_view.y = y;
}

void ForgetPlotViews() {
  IM_ASSERT(!detail::g_in_plot && "ForgetPlotViews() between BeginPlot() and EndPlot().");
  detail::ViewStates().clear();
  detail::g_last_view = PlotView{};
  detail::g_next_view = detail::NextView{};
}

}  // namespace mlp::plot
