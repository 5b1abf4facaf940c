// The app's look: a light theme in the spirit of TensorFlow Playground (white panels, grey text,
// orange for negative/class 0, blue for positive/class 1), Roboto at a size scaled for the screen.
#pragma once

#include <string>

#include "imgui.h"

namespace mlp::ui {

namespace colors {
inline constexpr ImU32 kNegative = IM_COL32(245, 147, 34, 255);   // orange: class 0, negative weight
inline constexpr ImU32 kPositive = IM_COL32(8, 119, 189, 255);    // blue: class 1, positive weight
inline constexpr ImU32 kTrainCurve = IM_COL32(90, 90, 90, 255);
inline constexpr ImU32 kTestCurve = IM_COL32(8, 119, 189, 255);
inline constexpr ImU32 kMutedText = IM_COL32(110, 110, 110, 255);
inline constexpr ImU32 kPanelBorder = IM_COL32(222, 222, 222, 255);
inline constexpr ImU32 kWarning = IM_COL32(196, 64, 32, 255);
}  // namespace colors

// The colour shells clear the screen to: the page background behind every panel.
inline constexpr float kClearColor[4] = {1.0f, 1.0f, 1.0f, 1.0f};

struct Fonts {
  ImFont* body = nullptr;     // controls and text
  ImFont* heading = nullptr;  // section titles (medium weight, upper case)
  ImFont* large = nullptr;    // the epoch counter and headline numbers
};

// Loads the fonts into ImGui's atlas at `scale` × their design size. Falls back to ImGui's
// built-in font (with a message in *warning) if a file cannot be read.
Fonts LoadFonts(const std::string& regular_ttf, const std::string& medium_ttf, float scale, std::string* warning);
// Applies colours and sizes (sizes multiplied by `scale`).
void ApplyTheme(float scale);

}  // namespace mlp::ui
