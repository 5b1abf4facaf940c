// WidgetRegistry: where named widgets were drawn last frame, in framebuffer pixels. The page API
// exposes it so browser tests can click real buttons rather than call functions behind the UI.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "imgui.h"

namespace mlp::ui {

class WidgetRegistry {
public:
  void BeginFrame() { ++frame_; }
  // Records the rectangle of the last ImGui item under `name`.
  void RecordLastItem(std::string_view name);
  // x, y, width, height of a widget drawn in the last two frames.
  std::optional<ImVec4> Find(std::string_view name) const;

private:
  struct Entry {
    ImVec4 rect;
    long frame;
  };
  std::map<std::string, Entry, std::less<>> entries_;
  long frame_ = 0;
};

}  // namespace mlp::ui
