// ColorBar: a vertical gradient of a colour map with ticks and an optional title above it.
#include <algorithm>
#include <cmath>

#include "ui/plot/plot_internal.h"

namespace mlp::plot {
namespace {

constexpr int kStrips = 64;          // gradient strips: smooth for every map's stop count
constexpr float kBarWidth = 1.0f;    // in font heights
constexpr float kTickLength = 0.25f;
constexpr float kLabelGap = 0.3f;

}  // namespace

void ColorBar(const char* id, Colormap map, float vmin, float vmax, ImVec2 size, const char* label) {
  using namespace detail;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  const ImGuiID gid = window->GetID(id);
  const float font = ImGui::GetFontSize();
  const float title_h = label ? font + Em(kLabelGap) : 0.0f;
  const float height = std::max(size.y > 0 ? size.y : ImGui::GetContentRegionAvail().y, Em(4.0f));
  // Half a line of room above and below the bar, so the end labels are not cut.
  const float bar_h = std::max(font, height - title_h - font);

  std::vector<Tick> ticks;
  const int target = std::clamp(static_cast<int>(bar_h / Em(2.4f)), 2, 10);
  LinearTicks(std::min(vmin, vmax), std::max(vmin, vmax), target, &ticks);
  float label_w = 0.0f;
  for (const Tick& t : ticks) label_w = std::max(label_w, ImGui::CalcTextSize(t.label).x);
  const float natural_w = Em(kBarWidth + kTickLength + kLabelGap) + label_w;
  const float width = size.x > 0 ? size.x : std::max(natural_w, label ? ImGui::CalcTextSize(label).x : 0.0f);

  const ImVec2 pos = window->DC.CursorPos;
  const ImRect bb(pos, ImVec2(pos.x + width, pos.y + height));
  ImGui::ItemSize(bb);
  if (!ImGui::ItemAdd(bb, gid)) return;

  ImDrawList* dl = window->DrawList;
  const ImRect bar(ImFloor(ImVec2(bb.Min.x, bb.Min.y + title_h + 0.5f * font)),
                   ImFloor(ImVec2(bb.Min.x + Em(kBarWidth), bb.Min.y + title_h + 0.5f * font + bar_h)));
  if (label) dl->AddText(bb.Min, StyleColor(ImGuiCol_Text), label);
  for (int i = 0; i < kStrips; ++i) {  // top strip = vmax
    const float t_top = 1.0f - static_cast<float>(i) / kStrips, t_bottom = 1.0f - static_cast<float>(i + 1) / kStrips;
    const float y0 = bar.Min.y + bar.GetHeight() * i / kStrips, y1 = bar.Min.y + bar.GetHeight() * (i + 1) / kStrips;
    const ImU32 top = SampleColormap(map, t_top), bottom = SampleColormap(map, t_bottom);
    dl->AddRectFilledMultiColor(ImVec2(bar.Min.x, y0), ImVec2(bar.Max.x, y1), top, top, bottom, bottom);
  }
  dl->AddRect(bar.Min, bar.Max, StyleColor(ImGuiCol_Border), 0.0f, 0, Hairline());

  const double span = static_cast<double>(vmax) - vmin;
  const float w = Hairline();
  for (const Tick& t : ticks) {
    const double f = span != 0.0 ? (t.value - vmin) / span : 0.5;
    const float y = std::floor(static_cast<float>(bar.Max.y - f * bar.GetHeight()) - 0.5f * w + 0.5f);
    dl->AddRectFilled(ImVec2(bar.Max.x, y), ImVec2(bar.Max.x + Em(kTickLength), y + w), StyleColor(ImGuiCol_Text, 0.4f));
    dl->AddText(ImVec2(bar.Max.x + Em(kTickLength + kLabelGap), std::round(y - 0.5f * font)),
                StyleColor(ImGuiCol_Text, 0.8f), t.label);
  }

  if (ImGui::ItemHoverable(bar, gid)) {  // value under the cursor
    const double f = (bar.Max.y - ImGui::GetIO().MousePos.y) / bar.GetHeight();
    char buf[32];
    FormatValue(vmin + std::clamp(f, 0.0, 1.0) * span, buf, sizeof(buf));
    ImGui::SetTooltip("%s", buf);
  }
}

}  // namespace mlp::plot
