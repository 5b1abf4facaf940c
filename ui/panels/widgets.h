// Small widgets shared by the panels: round icon buttons, labelled combos over fixed values.
#pragma once

#include "core/base/parameter_spec.h"
#include "imgui.h"

namespace mlp::ui {

enum class Icon { kPlay, kPause, kStep, kReset, kPlus, kMinus, kRegenerate };

// A round button with a drawn icon (no font glyph needed). `primary` fills it with the accent.
bool IconButton(const char* id, Icon icon, float diameter, bool primary = false, const char* tooltip = nullptr);

// A combo over a fixed list of numbers; returns true when the user picked another one. The
// current value is shown even if it is not in the list (e.g. set through the URL).
bool NumberCombo(const char* id, double* value, const double* options, int count, const char* format,
                 const char* zero_label = nullptr);

// A slider (or, for a parameter with named choices, a drop-down) for one ParameterSpec. Returns
// true when the value was committed: slider released, or a choice picked.
bool ParameterControl(const ParameterSpec& spec, double* value, const char* id);

// A small upper-case caption above a control.
void Caption(const char* text);

// Shows `text` as a tooltip when the last item is hovered.
void HelpTooltip(const char* text);

}  // namespace mlp::ui
