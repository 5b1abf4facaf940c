// Hover read-out: highlights on the nearest points and a tooltip with cursor coordinates and values.
#include <algorithm>
#include <cstring>

#include "ui/plot/plot_internal.h"

namespace mlp::plot::detail {
namespace {

constexpr int kMaxLinesListed = 16;

// Small colour square in front of the next text item of a tooltip.
void Swatch(ImU32 color) {
  const float s = Em(0.6f);
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float y = std::round(pos.y + 0.5f * (line - s));
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + s, y + s), color, 0.2f * s);
  ImGui::Dummy(ImVec2(s, line));
  ImGui::SameLine();
}

}  // namespace

void DrawHoverReadout(const PlotContext& p) {
  const PlotOptions& o = p.options;
  ImDrawList* dl = p.draw_list;
  dl->PushClipRect(p.plot.Min, p.plot.Max, true);
  const ImU32 halo = StyleColor(ImGuiCol_FrameBg);
  for (const HoverHit& h : p.line_hits) {
    dl->AddCircleFilled(h.screen, Px(5.0f), halo, 16);
    dl->AddCircleFilled(h.screen, Px(3.5f), h.color, 16);
  }
  if (p.has_point_hit)
    dl->AddCircle(p.point_hit.screen, p.point_hit.radius + Px(3.0f), StyleColor(ImGuiCol_Text, 0.75f), 24,
                  Px(1.5f));
  dl->PopClipRect();

  char a[32], b[32], cursor_x[32];
  ImGui::BeginTooltip();
  FormatValue(p.x.FromPixel(p.mouse.x), a, sizeof(a));
  std::memcpy(cursor_x, a, sizeof(a));
  FormatValue(p.y.FromPixel(p.mouse.y), b, sizeof(b));
  ImGui::TextDisabled("%s", o.x_label ? o.x_label : "x");
  ImGui::SameLine();
  ImGui::TextUnformatted(a);
  ImGui::SameLine(0.0f, Em(1.0f));
  ImGui::TextDisabled("%s", o.y_label ? o.y_label : "y");
  ImGui::SameLine();
  ImGui::TextUnformatted(b);

  const bool any = !p.line_hits.empty() || p.has_point_hit || !p.field_hits.empty();
  if (any) ImGui::Separator();
  int listed = 0;
  for (const HoverHit& h : p.line_hits) {
    if (++listed > kMaxLinesListed) break;
    FormatValue(h.y, a, sizeof(a));
    FormatValue(h.x, b, sizeof(b));
    Swatch(h.color);
    ImGui::Text("%s%s%s", h.text, h.text[0] ? "  " : "", a);
    if (std::strcmp(b, cursor_x) != 0) {  // the point's own x, when it differs from the cursor's
      ImGui::SameLine();
      ImGui::TextDisabled("@ %s", b);
    }
  }
  if (p.has_point_hit) {
    FormatValue(p.point_hit.x, a, sizeof(a));
    FormatValue(p.point_hit.y, b, sizeof(b));
    Swatch(p.point_hit.color);
    ImGui::Text("%s%s(%s, %s)", p.point_hit.text, p.point_hit.text[0] ? "  " : "", a, b);
  }
  for (const HoverHit& h : p.field_hits) {
    FormatValue(h.x, a, sizeof(a));
    ImGui::Text("%s%s%s", h.text, h.text[0] ? "  " : "", a);
  }
  ImGui::EndTooltip();
}

}  // namespace mlp::plot::detail
