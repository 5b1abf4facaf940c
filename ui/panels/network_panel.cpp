// The middle column: the network drawn as TensorFlow Playground does — input features, hidden
// layers and output as thumbnails of what each node computes over the input plane, linked by
// curves whose colour is the weight's sign and whose width is its size. Features toggle on click;
// layers and neurons are added and removed with the +/− buttons.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"
#include "ui/playground_workspace.h"
#include "ui/plot/plot.h"

namespace mlp::ui {
namespace {

// `strength` is |w| relative to the largest weight drawn (0…1), so the diagram stays readable
// whether weights are 0.1 or 30.
ImU32 WeightColor(float weight, float strength) {
  const ImU32 base = plot::SampleColormap(plot::Colormap::kDiverging, weight < 0.0f ? 0.0f : 1.0f);
  const float alpha = 0.15f + 0.85f * std::sqrt(strength);
  return (base & 0x00FFFFFF) | (static_cast<ImU32>(255 * alpha) << IM_COL32_A_SHIFT);
}

void DrawNode(ImDrawList* draw, ImVec2 p, float side, ImTextureID texture, bool enabled, bool highlighted) {
  const ImVec2 q(p.x + side, p.y + side);
  if (texture && enabled) {
    draw->AddImage(texture, p, q);
  } else {
    draw->AddRectFilled(p, q, IM_COL32(240, 240, 240, 255));
  }
  draw->AddRect(p, q, highlighted ? IM_COL32(30, 30, 30, 255) : IM_COL32(190, 190, 190, 255), 0, 0,
                highlighted ? 2.0f : 1.0f);
}

void Link(ImDrawList* draw, ImVec2 from, ImVec2 to, float weight, float largest, float scale) {
  const float strength = std::min(1.0f, std::abs(weight) / largest);
  const float thickness = (0.6f + 3.4f * strength) * scale;
  const float bend = (to.x - from.x) * 0.45f;
  draw->AddBezierCubic(from, ImVec2(from.x + bend, from.y), ImVec2(to.x - bend, to.y), to,
                       WeightColor(weight, strength), thickness, 16);
}

}  // namespace

void DrawNetworkPanel(PanelContext& context) {
  PlaygroundSettings& s = context.settings;
  const TrainingSnapshot& snapshot = context.snapshot;
  const float scale = ImGui::GetFontSize() / 15.0f;
  const float button = 22.0f * scale;
  context.view.selected_layer = context.view.selected_neuron = -1;

  // Header: the layer count with its buttons, centred.
  const int layers = static_cast<int>(s.hidden.size());
  {
    char title[48];
    std::snprintf(title, sizeof title, "%d HIDDEN LAYER%s", layers, layers == 1 ? "" : "S");
    const float width = button * 2 + 8 * scale + ImGui::CalcTextSize(title).x + 16 * scale;
    ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetContentRegionAvail().x - width) * 0.5f));
    if (IconButton("##add-layer", Icon::kPlus, button, false, "Add a hidden layer") && layers < kMaxHiddenLayers) {
      s.hidden.push_back(2);
      context.settings_changed = true;
    }
    ImGui::SameLine(0, 4 * scale);
    if (IconButton("##remove-layer", Icon::kMinus, button, false, "Remove the last hidden layer") && layers > 0) {
      s.hidden.pop_back();
      context.settings_changed = true;
    }
    ImGui::SameLine(0, 12 * scale);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (button - ImGui::GetFontSize()) * 0.5f);
    SectionTitle(context.fonts, title);
  }
  ImGui::Spacing();

  // Geometry: columns for features, each hidden layer and the output.
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 area = ImGui::GetContentRegionAvail();
  const int columns = layers + 2;
  const float label_width = ImGui::CalcTextSize("sin(x\xe2\x82\x81)").x + 8 * scale;
  const float header = button + ImGui::GetFontSize() + 10 * scale;  // +/− and "n neurons" per layer
  const int max_rows = std::max<int>(std::size(kAllInputFeatures), kMaxNeuronsPerLayer);
  const float side = std::clamp((area.y - header - 30 * scale) / max_rows * 0.78f, 18.0f * scale, 40.0f * scale);
  const float row_step = side * 1.28f;
  const float left = origin.x + label_width;
  const float span = std::max(side, area.x - label_width - side - 4 * scale);
  auto column_x = [&](int column) { return left + span * column / std::max(1, columns - 1); };
  auto node_pos = [&](int column, int row) { return ImVec2(column_x(column), origin.y + header + row * row_step); };

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const bool classification = s.task() == TaskKind::kClassification;
  // Which drawn rows hold enabled features (links leave only from those).
  std::vector<int> enabled_rows;
  for (int f = 0; f < static_cast<int>(std::size(kAllInputFeatures)); ++f)
    if (s.features & kAllInputFeatures[f]) enabled_rows.push_back(f);

  float largest = 1e-3f;
  for (const nn::MatrixF& w : snapshot.weights)
    if (w.size() > 0) largest = std::max(largest, w.cwiseAbs().maxCoeff());

  // Links first, so nodes cover their ends. Weights come from the running network, which may lag
  // the controls by a frame; draw only where the shapes agree.
  for (int layer = 0; layer < static_cast<int>(snapshot.weights.size()); ++layer) {
    const nn::MatrixF& w = snapshot.weights[layer];
    const bool from_inputs = layer == 0;
    const int to_rows = layer < layers ? (layer < static_cast<int>(s.hidden.size()) ? s.hidden[layer] : 0) : 1;
    if (w.cols() != to_rows) continue;
    if (from_inputs && w.rows() != static_cast<Eigen::Index>(enabled_rows.size())) continue;
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      const int from_row = from_inputs ? enabled_rows[i] : static_cast<int>(i);
      const ImVec2 a = node_pos(layer, from_row);
      for (Eigen::Index j = 0; j < w.cols(); ++j) {
        const ImVec2 b = node_pos(layer + 1, static_cast<int>(j));
        Link(draw, ImVec2(a.x + side, a.y + side * 0.5f), ImVec2(b.x, b.y + side * 0.5f), w(i, j), largest, scale);
      }
    }
  }

  // Input features: all seven, enabled ones in colour; click toggles.
  for (int f = 0; f < static_cast<int>(std::size(kAllInputFeatures)); ++f) {
    const uint32_t feature = kAllInputFeatures[f];
    const bool enabled = (s.features & feature) != 0;
    const ImVec2 p = node_pos(0, f);
    const char* label = FeatureLabel(feature).data();
    const ImVec2 text = ImGui::CalcTextSize(label);
    draw->AddText(ImVec2(p.x - text.x - 6 * scale, p.y + (side - text.y) * 0.5f),
                  enabled ? ImGui::GetColorU32(ImGuiCol_Text) : ImGui::GetColorU32(ImGuiCol_TextDisabled), label);
    ImGui::SetCursorScreenPos(p);
    ImGui::PushID(f);
    if (ImGui::InvisibleButton("##feature", ImVec2(side, side))) {
      const uint32_t toggled = s.features ^ feature;
      if (toggled != 0) {
        s.features = toggled;
        context.settings_changed = true;
      }
    }
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetTooltip("%s: click to %s this input", label, enabled ? "remove" : "add");
    ImGui::PopID();
    context.widgets.RecordLastItem("feature:" + std::string(FeatureKey(feature)));
    DrawNode(draw, p, side, f < static_cast<int>(context.input_textures.size()) ? context.input_textures[f].id() : nullptr,
             enabled, hovered);
  }

  // Hidden layers: +/− and a count above each column, then one node per neuron.
  for (int layer = 0; layer < layers; ++layer) {
    const float x = column_x(layer + 1);
    ImGui::PushID(layer);
    ImGui::SetCursorScreenPos(ImVec2(x + side * 0.5f - button - 2 * scale, origin.y));
    if (IconButton("##add", Icon::kPlus, button) && s.hidden[layer] < kMaxNeuronsPerLayer) {
      ++s.hidden[layer];
      context.settings_changed = true;
    }
    ImGui::SameLine(0, 4 * scale);
    if (IconButton("##remove", Icon::kMinus, button) && s.hidden[layer] > 1) {
      --s.hidden[layer];
      context.settings_changed = true;
    }
    char count[24];
    std::snprintf(count, sizeof count, "%d neuron%s", s.hidden[layer], s.hidden[layer] == 1 ? "" : "s");
    const float count_width = ImGui::CalcTextSize(count).x;
    draw->AddText(ImVec2(x + (side - count_width) * 0.5f, origin.y + button + 3 * scale),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), count);

    const bool shapes_match = layer < static_cast<int>(context.neuron_textures.size()) &&
                              static_cast<int>(context.neuron_textures[layer].size()) == s.hidden[layer];
    for (int neuron = 0; neuron < s.hidden[layer]; ++neuron) {
      const ImVec2 p = node_pos(layer + 1, neuron);
      ImGui::SetCursorScreenPos(p);
      ImGui::PushID(neuron);
      ImGui::InvisibleButton("##neuron", ImVec2(side, side));
      const bool hovered = ImGui::IsItemHovered();
      ImGui::PopID();
      if (hovered && shapes_match) {
        context.view.selected_layer = layer;
        context.view.selected_neuron = neuron;
        ImGui::SetTooltip("Layer %d, neuron %d — its output is shown on the right", layer + 1, neuron + 1);
      }
      DrawNode(draw, p, side, shapes_match ? context.neuron_textures[layer][neuron].id() : nullptr, true, hovered);
    }
    ImGui::PopID();
  }

  // Output node, captioned in the header row like the hidden layers.
  {
    const ImVec2 p = node_pos(columns - 1, 0);
    DrawNode(draw, p, side, context.output_texture.id(), true, false);
    const char* label = classification ? "P(class 1)" : "output";
    const float label_width = ImGui::CalcTextSize(label).x;
    const float x = std::min(p.x + (side - label_width) * 0.5f, origin.x + area.x - label_width);
    draw->AddText(ImVec2(x, origin.y + button + 3 * scale), ImGui::GetColorU32(ImGuiCol_TextDisabled), label);
    draw->AddText(ImVec2(std::min(p.x + (side - ImGui::CalcTextSize("Output").x) * 0.5f, origin.x + area.x - ImGui::CalcTextSize("Output").x),
                         origin.y + (button - ImGui::GetFontSize()) * 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Text), "Output");
  }

  // Footer: size of the model, and a hint when there is room for it.
  char footer[96];
  std::snprintf(footer, sizeof footer, "%lld trainable parameters", static_cast<long long>(snapshot.parameter_count));
  std::string text = footer;
  const std::string hint = std::string(footer) + "   \xc2\xb7   hover a neuron to see its output";
  if (ImGui::CalcTextSize(hint.c_str()).x <= area.x) text = hint;
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + area.y - ImGui::GetFontSize() - 2 * scale));
  ImGui::TextDisabled("%s", text.c_str());
}

}  // namespace mlp::ui
