// Plot layout (margins sized to the tick labels), background, grid, ticks, labels and axis titles.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "ui/plot/plot_internal.h"

namespace mlp::plot::detail {
namespace {

// Layout constants, in font heights.
constexpr float kTickLength = 0.3f;
constexpr float kLabelGap = 0.3f;       // between tick marks, tick labels and axis titles
constexpr float kOuterPad = 0.25f;      // between the widget edge and the outermost text
constexpr float kTopPad = 0.6f;         // room for half of the top y label
constexpr float kRightPad = 0.9f;       // room for half of the last x label
constexpr float kMinYLabelSpacing = 2.4f;
constexpr float kMinXLabelGap = 1.2f;   // free space between neighbouring x labels

float MaxLabelWidth(const std::vector<Tick>& ticks) {
  float w = 0.0f;
  for (const Tick& t : ticks)
    if (t.labelled) w = std::max(w, ImGui::CalcTextSize(t.label).x);
  return w;
}

void ComputeYTicks(PlotContext& p, float plot_height) {
  const int target = std::clamp(static_cast<int>(plot_height / Em(kMinYLabelSpacing)), 2, 12);
  if (p.options.log_y) LogTicks(p.state->y.min, p.state->y.max, target, &p.y_ticks);
  else LinearTicks(p.state->y.min, p.state->y.max, target, &p.y_ticks);
}

// Fewer ticks until neighbouring labels no longer overlap (labels widen as steps get finer).
void ComputeXTicks(PlotContext& p, float plot_width) {
  int target = std::clamp(static_cast<int>(plot_width / Em(4.5f)), 2, 12);
  for (int attempt = 0; attempt < 6; ++attempt) {
    LinearTicks(p.state->x.min, p.state->x.max, target, &p.x_ticks);
    if (p.x_ticks.size() < 2 || target <= 1) return;
    const double span = p.state->x.max - p.state->x.min;
    const double spacing = (p.x_ticks[1].value - p.x_ticks[0].value) / span * plot_width;
    if (MaxLabelWidth(p.x_ticks) + Em(kMinXLabelGap) <= spacing) return;
    --target;
  }
}

// 1-pixel-wide (at 1x) rectangle centred on `pos`, snapped to whole pixels so it stays crisp.
float SnapLine(double pos, float width) { return std::floor(static_cast<float>(pos) - 0.5f * width + 0.5f); }

struct PlacedLabel {
  ImRect rect;
  const char* text;
  int rank;
};

// Draws labels from the highest rank down, skipping any that would touch one already drawn
// (log axes can offer more 2s and 5s than fit).
void DrawLabels(ImDrawList* dl, std::vector<PlacedLabel>& labels, ImU32 color) {
  const float gap = Em(0.2f);
  std::vector<ImRect> taken;
  for (int rank = 2; rank >= 0; --rank) {
    for (const PlacedLabel& l : labels) {
      if (l.rank != rank) continue;
      ImRect padded = l.rect;
      padded.Expand(gap);
      bool collides = false;
      for (const ImRect& t : taken) collides = collides || t.Overlaps(padded);
      if (collides) continue;
      taken.push_back(l.rect);
      dl->AddText(l.rect.Min, color, l.text);
    }
  }
}

}  // namespace

ImRect LayoutPlot(PlotContext& p) {
  const PlotOptions& o = p.options;
  const ImRect& f = p.frame;
  const float font = ImGui::GetFontSize();
  const float bottom = Em(kTickLength + kLabelGap + kOuterPad) + font +
                       (o.x_label ? Em(kLabelGap) + font : 0.0f);
  const float top = Em(kTopPad);
  const float plot_height = std::max(font, f.GetHeight() - top - bottom);
  ComputeYTicks(p, plot_height);
  const float left = Em(kOuterPad + kLabelGap + kTickLength) + MaxLabelWidth(p.y_ticks) +
                     (o.y_label ? font + Em(kLabelGap) : 0.0f);
  const float right = Em(kRightPad);
  const float plot_width = std::max(font, f.GetWidth() - left - right);
  ComputeXTicks(p, plot_width);

  ImRect plot(ImFloor(ImVec2(f.Min.x + left, f.Min.y + top)),
              ImFloor(ImVec2(f.Min.x + left + plot_width, f.Min.y + top + plot_height)));
  p.x.Set(p.state->x, plot.Min.x, plot.Max.x, false);
  p.y.Set(p.state->y, plot.Max.y, plot.Min.y, o.log_y);
  return plot;
}

void DrawBackgroundAndGrid(const PlotContext& p) {
  ImDrawList* dl = p.draw_list;
  dl->AddRectFilled(p.plot.Min, p.plot.Max, StyleColor(ImGuiCol_FrameBg));
  if (!p.options.show_grid) return;
  const float w = Hairline();
  const ImU32 major = StyleColor(ImGuiCol_Text, 0.09f), minor = StyleColor(ImGuiCol_Text, 0.045f);
  for (const Tick& t : p.x_ticks) {
    const float x = SnapLine(p.x.ToPixel(t.value), w);
    if (x <= p.plot.Min.x || x + w >= p.plot.Max.x) continue;  // the border is already there
    dl->AddRectFilled(ImVec2(x, p.plot.Min.y), ImVec2(x + w, p.plot.Max.y), t.labelled ? major : minor);
  }
  for (const Tick& t : p.y_ticks) {
    const float y = SnapLine(p.y.ToPixel(t.value), w);
    if (y <= p.plot.Min.y || y + w >= p.plot.Max.y) continue;
    dl->AddRectFilled(ImVec2(p.plot.Min.x, y), ImVec2(p.plot.Max.x, y + w), t.labelled ? major : minor);
  }
}

void DrawAxes(const PlotContext& p) {
  ImDrawList* dl = p.draw_list;
  const PlotOptions& o = p.options;
  const ImRect& plot = p.plot;
  const float font = ImGui::GetFontSize();
  const float w = Hairline();
  const float tick = Em(kTickLength), gap = Em(kLabelGap);
  const ImU32 border = StyleColor(ImGuiCol_Border);
  const ImU32 tick_color = StyleColor(ImGuiCol_Text, 0.4f);
  const ImU32 label_color = StyleColor(ImGuiCol_Text, 0.8f);
  const ImU32 title_color = StyleColor(ImGuiCol_Text);

  dl->AddRect(plot.Min, plot.Max, border, 0.0f, 0, w);

  std::vector<PlacedLabel> labels;
  for (const Tick& t : p.x_ticks) {
    const double pos = p.x.ToPixel(t.value);
    if (pos < plot.Min.x - 0.5 || pos > plot.Max.x + 0.5) continue;
    const float x = SnapLine(pos, w);
    const float len = t.labelled ? tick : 0.5f * tick;
    dl->AddRectFilled(ImVec2(x, plot.Max.y), ImVec2(x + w, plot.Max.y + len), tick_color);
    if (!t.labelled) continue;
    const ImVec2 size = ImGui::CalcTextSize(t.label);
    // Centred under the tick, but kept inside the widget (the last label may hang past the plot).
    const float lx = std::round(std::clamp(static_cast<float>(pos) - 0.5f * size.x, p.frame.Min.x, p.frame.Max.x - size.x));
    const ImVec2 min(lx, std::round(plot.Max.y + tick + 0.5f * gap));
    labels.push_back({ImRect(min, min + size), t.label, t.rank});
  }
  DrawLabels(dl, labels, label_color);
  labels.clear();
  for (const Tick& t : p.y_ticks) {
    const double pos = p.y.ToPixel(t.value);
    if (pos < plot.Min.y - 0.5 || pos > plot.Max.y + 0.5) continue;
    const float y = SnapLine(pos, w);
    const float len = t.labelled ? tick : 0.5f * tick;
    dl->AddRectFilled(ImVec2(plot.Min.x - len, y), ImVec2(plot.Min.x, y + w), tick_color);
    if (!t.labelled) continue;
    const ImVec2 size = ImGui::CalcTextSize(t.label);
    const float ly = std::round(std::clamp(static_cast<float>(pos) - 0.5f * size.y, p.frame.Min.y, p.frame.Max.y - size.y));
    const ImVec2 min(std::round(plot.Min.x - tick - gap - size.x), ly);
    labels.push_back({ImRect(min, min + size), t.label, t.rank});
  }
  DrawLabels(dl, labels, label_color);

  if (o.x_label) {
    const ImVec2 size = ImGui::CalcTextSize(o.x_label);
    const float x = std::max(p.frame.Min.x, plot.GetCenter().x - 0.5f * size.x);
    dl->AddText(ImVec2(std::round(x), std::round(p.frame.Max.y - Em(kOuterPad) - font)), title_color, o.x_label);
  }
  if (o.y_label) {
    const float width = ImGui::CalcTextSize(o.y_label).x;
    const float y = std::min(p.frame.Max.y, plot.GetCenter().y + 0.5f * width);
    AddTextVertical(dl, ImVec2(std::round(p.frame.Min.x + Em(kOuterPad)), std::round(y)), title_color, o.y_label);
  }
}

void AddTextVertical(ImDrawList* list, ImVec2 pos, ImU32 color, const char* text) {
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const char* end = text + std::strlen(text);
  const int max_glyphs = static_cast<int>(end - text);
  list->PrimReserve(max_glyphs * 6, max_glyphs * 4);
  int drawn = 0;
  // Glyph quads rotated 90 degrees: glyph x runs up the screen, glyph y runs right.
  for (const char* s = text; s < end;) {
    unsigned int c = static_cast<unsigned char>(*s);
    if (c < 0x80) {
      s += 1;
    } else {
      s += ImTextCharFromUtf8(&c, s, end);
      if (c == 0) break;
    }
    const ImFontGlyph* g = font->FindGlyph(static_cast<ImWchar>(c));
    if (!g) continue;
    if (g->Visible) {
      list->PrimQuadUV(ImVec2(pos.x + g->Y0 * scale, pos.y - g->X0 * scale),
                       ImVec2(pos.x + g->Y0 * scale, pos.y - g->X1 * scale),
                       ImVec2(pos.x + g->Y1 * scale, pos.y - g->X1 * scale),
                       ImVec2(pos.x + g->Y1 * scale, pos.y - g->X0 * scale), ImVec2(g->U0, g->V0),
                       ImVec2(g->U1, g->V0), ImVec2(g->U1, g->V1), ImVec2(g->U0, g->V1), color);
      ++drawn;
    }
    pos.y -= g->AdvanceX * scale;
  }
  list->PrimUnreserve((max_glyphs - drawn) * 6, (max_glyphs - drawn) * 4);
}

}  // namespace mlp::plot::detail
