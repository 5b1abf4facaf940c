// Left column of the Deep models tab: which network, its hyperparameters and training settings
// (epochs, batch size, learning rate, optimiser, seed: all catalogue parameters), the run
// controls, and why the data do not fit when they do not.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "ui/deep/deep_workspace.h"
#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {

// The desktop's way to pick a weights file: a path (the browser opens its own file picker).
void DrawLoadWeightsPopup(DeepWorkspace& workspace) {
  static char path[1024] = "";
  if (!ImGui::BeginPopup("Load weights")) return;
  ImGui::TextUnformatted("Path of a .mlpw file saved from this model:");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 24.0f);
  const bool enter = ImGui::InputText("##weights-path", path, sizeof path, ImGuiInputTextFlags_EnterReturnsTrue);
  if (ImGui::Button("Load") || enter) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      workspace.LoadWeights({}, path);  // says that the file cannot be read
    } else {
      std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      workspace.LoadWeights(std::move(bytes), path);
    }
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace
namespace {

void WarningText(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kWarning));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

void DrawDeepPanel(DeepWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets) {
  if (!workspace.lesson_title().empty()) {
    SectionTitle(fonts, "LESSON");
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", workspace.lesson_title().c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", workspace.lesson_text().c_str());
    ImGui::Spacing();
  }
  SectionTitle(fonts, "MODEL");
  const deep::DeepModelEntry* current = workspace.entry();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##deep-model", current ? current->title.c_str() : "Choose a model…", ImGuiComboFlags_HeightLarge)) {
    for (const deep::DeepModelEntry& entry : deep::DeepModelCatalog()) {
      if (ImGui::Selectable((entry.title + "##" + entry.id).c_str(), current == &entry)) workspace.SelectModel(entry.id);
      widgets.RecordLastItem("deep:" + entry.id);
      ImGui::SameLine();
      ImGui::TextDisabled("%s", entry.needs.c_str());
    }
    ImGui::EndCombo();
  }
  widgets.RecordLastItem("deep-combo");
  if (!current) {
    ImGui::TextWrapped("No deep model is available in this build.");
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
  ImGui::TextWrapped("%s", current->summary.c_str());
  ImGui::TextWrapped("Needs %s.", current->needs.c_str());
  ImGui::PopStyleColor();

  // The catalogue lists the model's own sliders first, then the training ones from "epochs" on.
  bool changed = false;
  std::vector<double>& values = workspace.values();
  for (size_t i = 0; i < current->parameters.size() && i < values.size(); ++i) {
    const ParameterSpec& p = current->parameters[i];
    if (p.key == "epochs") {
      ImGui::Spacing();
      SectionTitle(fonts, "TRAINING");
    }
    Caption(p.label.c_str());
    const std::string id = "##dparam-" + p.key;
    changed |= ParameterControl(p, &values[i], id.c_str());
    widgets.RecordLastItem("deep-param:" + p.key);
    if (!p.help.empty()) HelpTooltip(p.help.c_str());
  }

  ImGui::Spacing();
  const auto snapshot = workspace.snapshot();
  const float third = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  const bool running = snapshot && snapshot->running;
  ImGui::BeginDisabled(!snapshot);
  if (ImGui::Button(running ? "Pause" : "Play", ImVec2(third, 0))) running ? workspace.Pause() : workspace.Play();
  widgets.RecordLastItem("deep-play");
  ImGui::SameLine();
  if (ImGui::Button("Step", ImVec2(third, 0))) workspace.Step();
  widgets.RecordLastItem("deep-step");
  HelpTooltip("Train one epoch, then pause.");
  ImGui::SameLine();
  if (ImGui::Button("Reset", ImVec2(-1, 0))) workspace.Reset();
  widgets.RecordLastItem("deep-reset");
  HelpTooltip("Fresh weights from the seed; the history starts again.");
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ImGui::Button("Save weights", ImVec2(half, 0))) (void)workspace.SaveWeights();
  widgets.RecordLastItem("deep-save");
  HelpTooltip("Keep the trained weights in a .mlpw file (a download in the browser).");
  ImGui::SameLine();
  if (ImGui::Button("Load weights…", ImVec2(-1, 0)) && !workspace.platform().RequestOpenFiles())
    ImGui::OpenPopup("Load weights");
  widgets.RecordLastItem("deep-load");
  HelpTooltip("Continue from a .mlpw file saved from this same model (dropping the file on the page works too).");
  ImGui::EndDisabled();
  DrawLoadWeightsPopup(workspace);
  if (!workspace.file_message().empty()) Caption(workspace.file_message().c_str());

  if (!workspace.refusal().empty()) WarningText(workspace.refusal());
  if (snapshot) {
    char line[200];
    std::snprintf(line, sizeof line, "epoch %d of %d%s", snapshot->epoch, snapshot->epochs,
                  snapshot->finished ? " · finished" : snapshot->running ? " · training" : "");
    Caption(line);
    if (snapshot->samples_per_second > 0) {
      std::snprintf(line, sizeof line, "%.0f samples/s · learning rate %.3g", snapshot->samples_per_second,
                    snapshot->learning_rate);
      Caption(line);
    }
    if (!snapshot->message.empty()) WarningText(snapshot->message);
    if (!snapshot->note.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
      ImGui::TextWrapped("%s", snapshot->note.c_str());
      ImGui::PopStyleColor();
    }
  }

  ImGui::Spacing();
  SectionTitle(fonts, "DATA");
  const auto& data = workspace.data();
  if (!data) {
    ImGui::TextWrapped("No data yet: choose a dataset in the Data tab (the 8×8 digits or MNIST for the image models).");
  } else {
    ImGui::TextWrapped("%s", data->data->name.c_str());
    char line[200];
    std::snprintf(line, sizeof line, "%zu train · %zu test rows · %s", data->split.train.size(), data->split.test.size(),
                  deep::DescribeInput(*data->data).c_str());
    Caption(line);
    if (snapshot && snapshot->validation_rows > 0) {
      std::snprintf(line, sizeof line, "trains on %lld rows, validates on %lld", static_cast<long long>(snapshot->training_rows),
                    static_cast<long long>(snapshot->validation_rows));
      Caption(line);
    }
    Caption("Change the data, split or preprocessing in the Data tab.");
  }
  if (changed) workspace.Rebuild();
}

}  // namespace mlp::ui
