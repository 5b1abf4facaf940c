// Legend of labelled items (top-right inside the plot); entries are click targets that hide items.
#include <algorithm>
#include <cmath>

#include "ui/plot/plot_internal.h"

namespace mlp::plot::detail {
namespace {

constexpr float kInset = 0.5f;        // from the plot border, in font heights
constexpr float kPad = 0.4f;          // inside the box
constexpr float kSwatchWidth = 1.3f;
constexpr float kSwatchGap = 0.4f;
constexpr float kRowGap = 0.25f;

void DrawSwatch(ImDrawList* dl, const LegendEntry& e, ImVec2 left_centre, ImU32 color) {
  const float width = Em(kSwatchWidth);
  if (e.kind == ItemKind::kScatter) {
    const float r = Em(0.28f);
    const ImVec2 c(left_centre.x + 0.5f * width, left_centre.y);
    dl->AddCircleFilled(c, r + Hairline(), StyleColor(ImGuiCol_FrameBg), 12);
    dl->AddCircleFilled(c, r, color, 12);
  } else {
    const float h = std::max(1.0f, std::round(Px(2.5f)));
    const float y = std::floor(left_centre.y - 0.5f * h + 0.5f);
    dl->AddRectFilled(ImVec2(left_centre.x, y), ImVec2(left_centre.x + width, y + h), color, 0.5f * h);
  }
}

}  // namespace

void DrawLegend(PlotContext& p) {
  if (p.legend.empty()) return;
  ImDrawList* dl = p.draw_list;
  const float font = ImGui::GetFontSize();
  float text_width = 0.0f;
  for (const LegendEntry& e : p.legend) text_width = std::max(text_width, ImGui::CalcTextSize(e.text).x);
  const int n = static_cast<int>(p.legend.size());
  const ImVec2 size(Em(2 * kPad + kSwatchWidth + kSwatchGap) + text_width,
                    Em(2 * kPad) + n * font + (n - 1) * Em(kRowGap));
  const ImVec2 max(std::round(p.plot.Max.x - Em(kInset)), std::round(p.plot.Min.y + Em(kInset) + size.y));
  const ImRect box(ImVec2(max.x - std::round(size.x), max.y - std::round(size.y)), max);

  const bool mouse_in_box = p.item_hovered && box.Contains(p.mouse);
  if (mouse_in_box) p.hovered = false;  // no read-out while pointing at the legend

  dl->PushClipRect(p.plot.Min, p.plot.Max, true);
  const float rounding = Em(0.25f);
  dl->AddRectFilled(box.Min, box.Max, StyleColor(ImGuiCol_FrameBg, 0.9f), rounding);
  dl->AddRect(box.Min, box.Max, StyleColor(ImGuiCol_Border, 0.7f), rounding, 0, Hairline());

  float y = box.Min.y + Em(kPad);
  for (const LegendEntry& e : p.legend) {
    const ImRect row(ImVec2(box.Min.x + Hairline(), y - 0.5f * Em(kRowGap)),
                     ImVec2(box.Max.x - Hairline(), y + font + 0.5f * Em(kRowGap)));
    if (mouse_in_box && row.Contains(p.mouse))
      dl->AddRectFilled(row.Min, row.Max, StyleColor(ImGuiCol_HeaderHovered, 0.5f));
    const float x = box.Min.x + Em(kPad);
    DrawSwatch(dl, e, ImVec2(x, y + 0.5f * font), e.hidden ? WithAlpha(e.color, 0.25f) : e.color);
    dl->AddText(ImVec2(x + Em(kSwatchWidth + kSwatchGap), y),
                StyleColor(e.hidden ? ImGuiCol_TextDisabled : ImGuiCol_Text), e.text);
    p.state->legend_rects.emplace_back(e.id, row);
    y += font + Em(kRowGap);
  }
  dl->PopClipRect();
}

}  // namespace mlp::plot::detail
