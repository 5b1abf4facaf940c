// Left column of the Models tab: which model, its hyperparameters, the run controls, and which
// two features span the prediction map.
#include <algorithm>
#include <cstdio>

#include "ui/models/models_workspace.h"
#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {

bool FeatureCombo(const char* id, const Dataset& data, int* column) {
  bool changed = false;
  ImGui::SetNextItemWidth(-1);
  const int columns = static_cast<int>(data.features.cols());
  if (ImGui::BeginCombo(id, *column < columns ? data.feature_names[static_cast<size_t>(*column)].c_str() : "")) {
    for (int c = 0; c < std::min(columns, 500); ++c)
      if (ImGui::Selectable(data.feature_names[static_cast<size_t>(c)].c_str(), c == *column)) {
        *column = c;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

void DrawModelPanel(ModelsWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets) {
  if (!workspace.lesson_title().empty()) {
    SectionTitle(fonts, "LESSON");
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", workspace.lesson_title().c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", workspace.lesson_text().c_str());
    ImGui::Spacing();
  }
  SectionTitle(fonts, "MODEL");
  const classic::ModelEntry* current = workspace.entry();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##model", current ? current->title.c_str() : "Choose a model…", ImGuiComboFlags_HeightLarge)) {
    std::string group;
    for (const classic::ModelEntry& entry : classic::ModelCatalog()) {
      if (entry.group != group) {
        group = entry.group;
        ImGui::TextDisabled("%s", group.c_str());
      }
      if (ImGui::Selectable(("   " + entry.title + "##" + entry.id).c_str(), current == &entry)) workspace.SelectModel(entry.id);
      widgets.RecordLastItem("model:" + entry.id);
    }
    ImGui::EndCombo();
  }
  widgets.RecordLastItem("model-combo");
  if (!current) {
    ImGui::TextWrapped("No model is available in this build.");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
  ImGui::TextWrapped("%s", current->summary.c_str());
  ImGui::PopStyleColor();

  bool changed = false;
  std::vector<double>& values = workspace.values();
  for (size_t i = 0; i < current->parameters.size() && i < values.size(); ++i) {
    const ParameterSpec& p = current->parameters[i];
    Caption(p.label.c_str());
    const std::string id = "##mparam-" + p.key;
    changed |= ParameterControl(p, &values[i], id.c_str());
    widgets.RecordLastItem("model-param:" + p.key);
    if (!p.help.empty()) HelpTooltip(p.help.c_str());
  }
  Caption("Seed");
  ImGui::SetNextItemWidth(-1);
  int seed = static_cast<int>(workspace.seed());
  if (ImGui::InputInt("##model-seed", &seed, 1, 10)) {
    workspace.seed() = static_cast<uint32_t>(std::max(0, seed));
    changed = true;
  }

  ImGui::Spacing();
  const auto snapshot = workspace.snapshot();
  const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  const bool running = snapshot && snapshot->running;
  if (ImGui::Button(running ? "Pause" : "Play", ImVec2(third, 0))) running ? workspace.Pause() : workspace.Play();
  widgets.RecordLastItem("model-play");
  ImGui::SameLine();
  if (ImGui::Button("Step", ImVec2(third, 0))) workspace.Step();
  widgets.RecordLastItem("model-step");
  ImGui::SameLine();
  if (ImGui::Button("Reset", ImVec2(-1, 0))) workspace.Reset();
  widgets.RecordLastItem("model-reset");

  if (snapshot) {
    char line[200];
    std::snprintf(line, sizeof line, "step %lld%s", static_cast<long long>(snapshot->progress.steps),
                  snapshot->progress.finished ? " · finished" : "");
    Caption(line);
    if (!snapshot->progress.objective_name.empty() && snapshot->progress.steps > 0) {
      std::snprintf(line, sizeof line, "%s: %.6g", snapshot->progress.objective_name.c_str(), snapshot->progress.objective);
      Caption(line);
    }
    if (!snapshot->message.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kWarning));
      ImGui::TextWrapped("%s", snapshot->message.c_str());
      ImGui::PopStyleColor();
    }
  }

  ImGui::Spacing();
  SectionTitle(fonts, "DATA");
  const auto& data = workspace.data();
  if (!data) {
    ImGui::TextWrapped("No data yet: choose a dataset in the Data tab.");
  } else {
    ImGui::TextWrapped("%s", data->data->name.c_str());
    char line[160];
    std::snprintf(line, sizeof line, "%zu train · %zu test rows · %lld inputs", data->split.train.size(),
                  data->split.test.size(), static_cast<long long>(data->data->features.cols()));
    Caption(line);
    Caption("Change the data, split or preprocessing in the Data tab.");
    Caption("Map axes (other features at their mean)");
    changed |= FeatureCombo("##plane-x", *data->data, &workspace.plane_x());
    changed |= FeatureCombo("##plane-y", *data->data, &workspace.plane_y());
  }
  if (changed) workspace.Rebuild();
}

}  // namespace mlp::ui
