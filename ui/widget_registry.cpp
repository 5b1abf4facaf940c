#include "ui/widget_registry.h"

namespace mlp::ui {

void WidgetRegistry::RecordLastItem(std::string_view name) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  entries_[std::string(name)] = {ImVec4(min.x, min.y, max.x - min.x, max.y - min.y), frame_};
}

std::optional<ImVec4> WidgetRegistry::Find(std::string_view name) const {
  const auto it = entries_.find(name);
  if (it == entries_.end() || frame_ - it->second.frame > 1) return std::nullopt;
  return it->second.rect;
}

}  // namespace mlp::ui
