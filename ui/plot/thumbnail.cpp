// Thumbnail: a clickable texture tile (one neuron's output, one sample) with a hairline border.
#include "ui/plot/plot_internal.h"

namespace mlp::plot {

bool Thumbnail(const char* id, ImTextureID texture, ImVec2 size, bool selected) {
  using namespace detail;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return false;
  const ImGuiID gid = window->GetID(id);
  const ImVec2 extent(size.x > 0 ? size.x : Em(3.0f), size.y > 0 ? size.y : Em(3.0f));
  const ImRect bb(window->DC.CursorPos, window->DC.CursorPos + extent);
  ImGui::ItemSize(bb);
  if (!ImGui::ItemAdd(bb, gid)) return false;
  bool hovered = false, held = false;
  const bool pressed = ImGui::ButtonBehavior(bb, gid, &hovered, &held);

  ImDrawList* dl = window->DrawList;
  dl->AddImage(texture, bb.Min, bb.Max);
  const float w = Hairline();
  dl->AddRect(bb.Min, bb.Max, StyleColor(ImGuiCol_Border), 0.0f, 0, w);
  // Selection and hover rings sit just outside the tile, so they read on any image content.
  const ImVec2 out(2.0f * w, 2.0f * w);
  if (selected) dl->AddRect(bb.Min - out, bb.Max + out, StyleColor(ImGuiCol_CheckMark), 0.0f, 0, 2.0f * w);
  else if (hovered) dl->AddRect(bb.Min - out, bb.Max + out, StyleColor(ImGuiCol_CheckMark, 0.45f), 0.0f, 0, w);
  return pressed;
}

}  // namespace mlp::plot
