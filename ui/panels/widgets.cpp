#include "ui/panels/widgets.h"

#include <cmath>
#include <algorithm>
#include <cstdio>

#include "imgui_internal.h"
#include "ui/theme.h"

namespace mlp::ui {
namespace {

void DrawIcon(ImDrawList* draw, Icon icon, ImVec2 c, float r, ImU32 color) {
  const float t = std::max(1.5f, r * 0.16f);  // stroke thickness
  switch (icon) {
    case Icon::kPlay:
      draw->AddTriangleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.5f), ImVec2(c.x - r * 0.35f, c.y + r * 0.5f),
                              ImVec2(c.x + r * 0.55f, c.y), color);
      break;
    case Icon::kPause:
      draw->AddRectFilled(ImVec2(c.x - r * 0.42f, c.y - r * 0.45f), ImVec2(c.x - r * 0.12f, c.y + r * 0.45f), color);
      draw->AddRectFilled(ImVec2(c.x + r * 0.12f, c.y - r * 0.45f), ImVec2(c.x + r * 0.42f, c.y + r * 0.45f), color);
      break;
    case Icon::kStep:
      draw->AddTriangleFilled(ImVec2(c.x - r * 0.45f, c.y - r * 0.45f), ImVec2(c.x - r * 0.45f, c.y + r * 0.45f),
                              ImVec2(c.x + r * 0.25f, c.y), color);
      draw->AddRectFilled(ImVec2(c.x + r * 0.25f, c.y - r * 0.45f), ImVec2(c.x + r * 0.45f, c.y + r * 0.45f), color);
      break;
    case Icon::kReset:
    case Icon::kRegenerate: {
      const float a0 = -2.4f, a1 = 2.0f;  // open circle with an arrow head at its end
      draw->PathArcTo(c, r * 0.45f, a0, a1, 20);
      draw->PathStroke(color, 0, t);
      const ImVec2 tip(c.x + std::cos(a1) * r * 0.45f, c.y + std::sin(a1) * r * 0.45f);
      draw->AddTriangleFilled(ImVec2(tip.x - r * 0.25f, tip.y - r * 0.05f), ImVec2(tip.x + r * 0.2f, tip.y - r * 0.2f),
                              ImVec2(tip.x + r * 0.02f, tip.y + r * 0.28f), color);
      break;
    }
    case Icon::kPlus:
      draw->AddLine(ImVec2(c.x - r * 0.45f, c.y), ImVec2(c.x + r * 0.45f, c.y), color, t);
      draw->AddLine(ImVec2(c.x, c.y - r * 0.45f), ImVec2(c.x, c.y + r * 0.45f), color, t);
      break;
    case Icon::kMinus:
      draw->AddLine(ImVec2(c.x - r * 0.45f, c.y), ImVec2(c.x + r * 0.45f, c.y), color, t);
      break;
  }
}

}  // namespace

bool IconButton(const char* id, Icon icon, float diameter, bool primary, const char* tooltip) {
  const ImVec2 position = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(id, ImVec2(diameter, diameter));
  const bool hovered = ImGui::IsItemHovered();
  const bool held = ImGui::IsItemActive();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float r = diameter * 0.5f;
  const ImVec2 c(position.x + r, position.y + r);
  if (primary) {
    const ImU32 fill = held ? IM_COL32(4, 84, 135, 255) : hovered ? IM_COL32(6, 100, 160, 255) : colors::kPositive;
    draw->AddCircleFilled(c, r, fill, 40);
    DrawIcon(draw, icon, c, r, IM_COL32_WHITE);
  } else {
    const ImU32 fill = held ? IM_COL32(214, 229, 244, 255) : hovered ? IM_COL32(232, 240, 250, 255) : IM_COL32(246, 246, 246, 255);
    draw->AddCircleFilled(c, r, fill, 32);
    draw->AddCircle(c, r - 0.5f, IM_COL32(200, 200, 200, 255), 32, 1.0f);
    DrawIcon(draw, icon, c, r, IM_COL32(70, 70, 70, 255));
  }
  if (tooltip && hovered) ImGui::SetTooltip("%s", tooltip);
  return pressed;
}

bool NumberCombo(const char* id, double* value, const double* options, int count, const char* format,
                 const char* zero_label) {
  char preview[32];
  auto label = [&](double v, char* out, size_t size) {
    if (zero_label && v == 0.0) {
      std::snprintf(out, size, "%s", zero_label);
    } else {
      std::snprintf(out, size, format, v);
    }
  };
  label(*value, preview, sizeof preview);
  bool changed = false;
  if (ImGui::BeginCombo(id, preview)) {
    for (int i = 0; i < count; ++i) {
      char item[32];
      label(options[i], item, sizeof item);
      const bool selected = std::abs(options[i] - *value) <= 1e-12 * std::max(1.0, std::abs(*value));
      if (ImGui::Selectable(item, selected) && !selected) {
        *value = options[i];
        changed = true;
      }
      if (selected) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  return changed;
}

void Caption(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
  ImGui::PushTextWrapPos(0.0f);  // wrap at the panel's edge rather than be cut off
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

void HelpTooltip(const char* text) {
  if (ImGui::IsItemHovered() && GImGui->HoveredIdTimer > 0.5f) ImGui::SetTooltip("%s", text);
}

bool ParameterControl(const ParameterSpec& p, double* value, const char* id) {
  ImGui::SetNextItemWidth(-1);
  if (!p.choices.empty()) {
    const int index = static_cast<int>(*value - p.min);
    const char* current = index >= 0 && index < static_cast<int>(p.choices.size()) ? p.choices[index].c_str() : "";
    bool picked = false;
    if (ImGui::BeginCombo(id, current)) {
      for (int i = 0; i < static_cast<int>(p.choices.size()); ++i)
        if (ImGui::Selectable(p.choices[i].c_str(), i == index)) {
          *value = p.min + i;
          picked = true;
        }
      ImGui::EndCombo();
    }
    return picked;
  }
  const ImGuiSliderFlags flags = p.logarithmic ? ImGuiSliderFlags_Logarithmic : 0;
  if (p.integer) {
    int v = static_cast<int>(*value);
    if (ImGui::SliderInt(id, &v, static_cast<int>(p.min), static_cast<int>(p.max), "%d", flags)) *value = v;
  } else {
    float v = static_cast<float>(*value);
    if (ImGui::SliderFloat(id, &v, static_cast<float>(p.min), static_cast<float>(p.max), "%.4g", flags)) *value = v;
  }
  return ImGui::IsItemDeactivatedAfterEdit();
}

}  // namespace mlp::ui
