#include "ui/models/tree_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>

#include "imgui.h"
#include "ui/plot/plot.h"
#include "ui/theme.h"

namespace mlp::ui {
namespace {

// Layout units: a node box is box_width × kBoxHeight, leaves kSlotGap × box_width apart, levels
// kLevel apart. The box width follows the longest label so that, at the zoom where four lines of
// text fit the height, the widest line fits too.
constexpr float kBoxHeight = 0.62f, kSlotGap = 1.06f, kLevel = 1.0f;
constexpr float kLinesPerBox = 4.4f;

struct Placed {
  float x = 0, y = 0;  // centre of the box's top edge
};

// Leaves take consecutive slots from left to right; a split sits above the middle of its children.
std::vector<Placed> Layout(const classic::TreeNodes& tree, float slot) {
  std::vector<Placed> placed(static_cast<size_t>(tree.size()));
  float next_leaf = 0;
  // Iterative post-order so deep trees cannot overflow the stack.
  std::vector<std::pair<int, bool>> stack = {{0, false}};
  while (!stack.empty()) {
    auto [node, children_done] = stack.back();
    stack.pop_back();
    Placed& p = placed[static_cast<size_t>(node)];
    p.y = static_cast<float>(tree.depth[static_cast<size_t>(node)]) * kLevel;
    if (tree.IsLeaf(node)) {
      p.x = next_leaf++ * slot;
    } else if (children_done) {
      p.x = (placed[static_cast<size_t>(tree.left[static_cast<size_t>(node)])].x +
             placed[static_cast<size_t>(tree.right[static_cast<size_t>(node)])].x) / 2;
    } else {
      stack.push_back({node, true});
      stack.push_back({tree.right[static_cast<size_t>(node)], false});
      stack.push_back({tree.left[static_cast<size_t>(node)], false});
    }
  }
  return placed;
}

ImU32 Lighten(ImU32 color, float amount) {
  const auto mix = [&](int shift) {
    const float c = static_cast<float>((color >> shift) & 0xFF);
    return static_cast<ImU32>(c + (255.0f - c) * amount) << shift;
  };
  return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) | (255u << IM_COL32_A_SHIFT);
}

// The node's fill and the lines of its label.
struct NodeText {
  ImU32 fill = IM_COL32(240, 240, 240, 255);
  std::string lines[4];
};

NodeText Describe(const classic::TreeNodes& tree, int node, const Dataset& data, double value_lo, double value_hi) {
  NodeText t;
  const size_t n = static_cast<size_t>(node);
  const double* value = tree.Value(node);
  char buffer[96];
  if (!tree.IsLeaf(node)) {
    const int f = tree.feature[n];
    const std::string name = f >= 0 && f < static_cast<int>(data.feature_names.size()) ? data.feature_names[static_cast<size_t>(f)]
                                                                                         : "x" + std::to_string(f);
    std::snprintf(buffer, sizeof buffer, "%s <= %.4g", name.c_str(), tree.threshold[n]);
    t.lines[0] = buffer;
  } else {
    t.lines[0] = tree.open[n] ? "(not split yet)" : "leaf";
  }
  std::snprintf(buffer, sizeof buffer, "impurity %.3f", tree.impurity[n]);
  t.lines[1] = buffer;
  std::snprintf(buffer, sizeof buffer, "rows %lld", static_cast<long long>(tree.samples[n]));
  t.lines[2] = buffer;
  if (tree.outputs > 1) {  // classification: majority class, purity as colour strength
    int best = 0;
    double total = 0;
    for (int k = 0; k < tree.outputs; ++k) {
      total += value[k];
      if (value[k] > value[best]) best = k;
    }
    const double share = total > 0 ? value[best] / total : 0;
    const std::string name = best < static_cast<int>(data.class_names.size()) ? data.class_names[static_cast<size_t>(best)]
                                                                               : std::to_string(best);
    std::snprintf(buffer, sizeof buffer, "%s (%.0f%%)", name.c_str(), 100 * share);
    t.lines[3] = buffer;
    // Purity 1/k (a tie) is white, a pure node the full class colour.
    const float strength = tree.outputs > 1 ? static_cast<float>((share - 1.0 / tree.outputs) / (1 - 1.0 / tree.outputs)) : 1.0f;
    t.fill = Lighten(plot::PaletteColor(best), 1.0f - 0.75f * std::clamp(strength, 0.0f, 1.0f));
  } else {
    std::snprintf(buffer, sizeof buffer, "value %.4g", value[0]);
    t.lines[3] = buffer;
    const float u = value_hi > value_lo ? static_cast<float>((value[0] - value_lo) / (value_hi - value_lo)) : 0.5f;
    t.fill = Lighten(plot::SampleColormap(plot::Colormap::kViridis, u), 0.55f);
  }
  return t;
}

}  // namespace

void DrawTreeDiagram(const classic::TreeNodes& tree, const Dataset& data, TreeViewState& state) {
  if (tree.size() == 0) {
    ImGui::TextDisabled("No tree yet: press Step or Play.");
    return;
  }
  // The widest line a box can need: a split on the longest feature name, or the longest class name.
  float text_width = ImGui::CalcTextSize("impurity 0.000").x;
  for (const std::string& name : data.feature_names)
    text_width = std::max(text_width, ImGui::CalcTextSize((name + " <= -0.0000").c_str()).x);
  for (const std::string& name : data.class_names)
    text_width = std::max(text_width, ImGui::CalcTextSize((name + " (100%)").c_str()).x);
  const float line_height = ImGui::GetTextLineHeight();
  const float text_zoom = kLinesPerBox * line_height / kBoxHeight;  // pixels per unit where text fits
  const float kBoxWidth = (text_width + line_height) / text_zoom;
  const std::vector<Placed> placed = Layout(tree, kSlotGap * kBoxWidth);
  float width = 0, height = 0;
  for (const Placed& p : placed) width = std::max(width, p.x), height = std::max(height, p.y);
  width += kBoxWidth, height += kBoxHeight;
  double value_lo = 0, value_hi = 0;
  if (tree.outputs == 1) {
    value_lo = value_hi = tree.Value(0)[0];
    for (int i = 0; i < tree.size(); ++i) value_lo = std::min(value_lo, tree.Value(i)[0]), value_hi = std::max(value_hi, tree.Value(i)[0]);
  }

  ImGui::TextDisabled("%d nodes, %d leaves, depth %d. Drag to pan, wheel to zoom (labels show when boxes are large "
                      "enough), double-click to fit.", tree.size(), tree.Leaves(), tree.MaxDepth());
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 50.0f), size.y = std::max(size.y, 50.0f);
  ImGui::InvisibleButton("##tree-canvas", size);
  const bool hovered = ImGui::IsItemHovered();
  // Fit the whole tree when asked, at first sight, and while it grows (until the user moves it).
  const float margin = ImGui::GetFontSize();
  const auto fit = [&] {
    state.zoom = std::min((size.x - 2 * margin) / width, (size.y - 2 * margin) / height);
    state.zoom = std::clamp(state.zoom, 4.0f, text_zoom * 1.25f);  // no larger than needed to read
    state.pan_x = (width - kBoxWidth) / 2 - (size.x / 2) / state.zoom;
    state.pan_y = -margin / state.zoom;
    state.fitted_nodes = tree.size();
  };
  if (state.zoom <= 0 || (state.fitted_nodes >= 0 && state.fitted_nodes != tree.size())) fit();
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) fit();
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
    const ImVec2 delta = ImGui::GetIO().MouseDelta;
    state.pan_x -= delta.x / state.zoom, state.pan_y -= delta.y / state.zoom;
    state.fitted_nodes = -1;  // the user took over: stop refitting as the tree grows
  }
  if (hovered && ImGui::GetIO().MouseWheel != 0.0f) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float wx = state.pan_x + (mouse.x - origin.x) / state.zoom, wy = state.pan_y + (mouse.y - origin.y) / state.zoom;
    state.zoom = std::clamp(state.zoom * std::pow(1.2f, ImGui::GetIO().MouseWheel), 2.0f, 600.0f);
    state.pan_x = wx - (mouse.x - origin.x) / state.zoom, state.pan_y = wy - (mouse.y - origin.y) / state.zoom;
    state.fitted_nodes = -1;
  }

  const auto screen = [&](float x, float y) {
    return ImVec2(origin.x + (x - state.pan_x) * state.zoom, origin.y + (y - state.pan_y) * state.zoom);
  };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  dl->AddRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), colors::kPanelBorder);
  const ImU32 edge = IM_COL32(150, 150, 150, 255);
  const float box_h = kBoxHeight * state.zoom;
  // Text only when it fits: four lines at the current font size inside the box.
  // Labels scale with the boxes (a drawn diagram, not a layout of widgets) while still legible.
  const float font_size = ImGui::GetFontSize() * std::min(1.0f, state.zoom / text_zoom);
  const bool show_text = font_size >= 8.5f;
  const float scaled_line = line_height * font_size / ImGui::GetFontSize();
  const ImVec2 clip_min = origin, clip_max(origin.x + size.x, origin.y + size.y);
  for (int i = 0; i < tree.size(); ++i) {
    const Placed& p = placed[static_cast<size_t>(i)];
    const ImVec2 top = screen(p.x, p.y);
    if (!tree.IsLeaf(i)) {
      for (int child : {tree.left[static_cast<size_t>(i)], tree.right[static_cast<size_t>(i)]}) {
        const ImVec2 to = screen(placed[static_cast<size_t>(child)].x, placed[static_cast<size_t>(child)].y);
        dl->AddLine(ImVec2(top.x, top.y + box_h), to, edge, 1.0f);
      }
    }
  }
  for (int i = 0; i < tree.size(); ++i) {
    const Placed& p = placed[static_cast<size_t>(i)];
    const ImVec2 a = screen(p.x - kBoxWidth / 2, p.y), b = screen(p.x + kBoxWidth / 2, p.y + kBoxHeight);
    if (b.x < clip_min.x || a.x > clip_max.x || b.y < clip_min.y || a.y > clip_max.y) continue;
    const NodeText text = Describe(tree, i, data, value_lo, value_hi);
    const bool open = tree.open[static_cast<size_t>(i)] != 0;
    dl->AddRectFilled(a, b, text.fill, 3.0f);
    dl->AddRect(a, b, open ? IM_COL32(120, 120, 120, 255) : IM_COL32(90, 90, 90, 255), 3.0f, 0, open ? 1.0f : 1.5f);
    if (show_text) {
      const float pad = (box_h - 4 * scaled_line) / 2;
      ImFont* font = ImGui::GetFont();
      dl->PushClipRect(a, b, true);
      for (int l = 0; l < 4; ++l) {
        const ImVec2 extent = font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, text.lines[l].c_str());
        dl->AddText(font, font_size, ImVec2((a.x + b.x - extent.x) / 2, a.y + pad + l * scaled_line),
                    IM_COL32(30, 30, 30, 255), text.lines[l].c_str());
      }
      dl->PopClipRect();
    }
    if (ImGui::IsMouseHoveringRect(a, b) && hovered) {
      ImGui::BeginTooltip();
      for (const std::string& line : text.lines) ImGui::TextUnformatted(line.c_str());
      if (tree.outputs > 1) {
        const double* value = tree.Value(i);
        for (int k = 0; k < tree.outputs; ++k)
          ImGui::Text("  %s: %.1f", k < static_cast<int>(data.class_names.size()) ? data.class_names[static_cast<size_t>(k)].c_str() : "?", value[k]);
      }
      ImGui::EndTooltip();
    }
  }
  dl->PopClipRect();
}

}  // namespace mlp::ui
