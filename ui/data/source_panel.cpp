// Left column of the Data tab: where the data comes from — the catalogue grouped by kind, the
// datasheet of the chosen set, a generator's parameters and seed, and the import button.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/data/data_workspace.h"
#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {

void SheetLine(const char* label, const std::string& text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
  ImGui::TextUnformatted(label);
  ImGui::PopStyleColor();
  ImGui::SameLine();
  ImGui::TextWrapped("%s", text.c_str());
}

void DrawDatasheet(const DataSource& source) {
  const Datasheet& sheet = source.sheet;
  SheetLine("Source", sheet.source);
  SheetLine("Licence", sheet.licence);
  SheetLine("Size", sheet.size);
  SheetLine("Columns", sheet.columns);
  SheetLine("Good for", sheet.good_for);
  if (source.kind == SourceKind::kBuiltin && source.asset_bytes > 0) {
    char size[64];
    const double bytes = static_cast<double>(source.asset_bytes);
    if (bytes < 1e6)
      std::snprintf(size, sizeof size, "%.0f KB, fetched when picked", std::max(1.0, bytes / 1e3));
    else
      std::snprintf(size, sizeof size, "%.1f MB, fetched when picked", bytes / 1e6);
    SheetLine("Download", size);
  }
}

// A generator's parameters as sliders; the data is regenerated when a slider is released.
void DrawParameters(DataWorkspace& workspace, WidgetRegistry& widgets) {
  const DataSource& source = *workspace.source();
  std::vector<double>& values = workspace.values();
  bool changed = false;
  for (size_t i = 0; i < source.parameters.size() && i < values.size(); ++i) {
    const SourceParameter& p = source.parameters[i];
    Caption(p.label.c_str());
    const std::string id = "##param-" + p.key;
    changed |= ParameterControl(p, &values[i], id.c_str());
    widgets.RecordLastItem("data-param:" + p.key);
    if (!p.help.empty()) HelpTooltip(p.help.c_str());
  }
  Caption("Seed");
  ImGui::SetNextItemWidth(-1);
  int seed = static_cast<int>(workspace.seed());
  if (ImGui::InputInt("##data-seed", &seed, 1, 10)) {
    workspace.seed() = static_cast<uint32_t>(std::max(0, seed));
    changed = true;
  }
  HelpTooltip("The generator's NumPy-compatible seed: the same seed gives the same data on every build.");
  if (changed) workspace.Regenerate();
}

}  // namespace

void DrawSourcePanel(DataWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets) {
  SectionTitle(fonts, "DATA SOURCE");
  const DataSource* current = workspace.source();
  ImGui::SetNextItemWidth(-1);
  const std::string preview = current ? current->title : (workspace.raw() ? workspace.raw()->name : "Choose…");
  if (ImGui::BeginCombo("##source", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    std::string group;
    for (const DataSource& source : DataCatalog()) {
      if (source.group != group) {
        group = source.group;
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
        ImGui::TextUnformatted(group.c_str());
        ImGui::PopStyleColor();
      }
      const std::string label = "   " + source.title + "##" + source.id;
      if (ImGui::Selectable(label.c_str(), current == &source)) workspace.SelectSource(source.id);
      widgets.RecordLastItem("source:" + source.id);
    }
    ImGui::EndCombo();
  }
  widgets.RecordLastItem("source-combo");

  if (ImGui::Button("Import your own file…", ImVec2(-1, 0))) {
    if (!workspace.platform().RequestOpenFiles()) workspace.show_file_browser() = true;
  }
  widgets.RecordLastItem("import");
  HelpTooltip("CSV/TSV, NPY, NPZ, IDX (MNIST format, also .gz) or PNG images. You can also drop files on the window.");

  if (workspace.busy()) {
    ImGui::TextUnformatted(workspace.busy_label().c_str());
    ImGui::ProgressBar(static_cast<float>(workspace.progress()), ImVec2(-1, 0));
  }
  if (!workspace.message().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kWarning));
    ImGui::TextWrapped("%s", workspace.message().c_str());
    ImGui::PopStyleColor();
  }

  if (workspace.staged()) {
    DrawColumnChooser(workspace, widgets);
    return;
  }
  if (const auto& raw = workspace.raw()) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", raw->name.c_str());
    ImGui::PopFont();
    if (raw->synthetic) {
      ImGui::SameLine();
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kNegative), "synthetic");
    }
    char shape[160];
    std::snprintf(shape, sizeof shape, "%lld rows × %lld columns · %s%s", static_cast<long long>(raw->size()),
                  static_cast<long long>(raw->features.cols()),
                  raw->task == TaskKind::kClassification ? "classification" : "regression",
                  raw->task == TaskKind::kClassification ? (", " + std::to_string(raw->num_classes()) + " classes").c_str() : "");
    Caption(shape);
    Caption(workspace.origin().c_str());
  }
  if (current) {
    ImGui::Spacing();
    DrawDatasheet(*current);
    if (current->kind == SourceKind::kGenerator) {
      ImGui::Spacing();
      DrawParameters(workspace, widgets);
    }
  }
}

void DrawColumnChooser(DataWorkspace& workspace, WidgetRegistry& widgets) {
  StagedTable& staged = *workspace.staged();
  ImGui::Spacing();
  ImGui::TextWrapped("%s", staged.description.c_str());
  Caption("Choose the features and the target");
  const int columns = static_cast<int>(staged.table.columns.size());
  const float height = std::min(ImGui::GetContentRegionAvail().y * 0.6f, ImGui::GetFrameHeightWithSpacing() * (columns + 1.5f));
  if (ImGui::BeginTable("##columns", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
                        ImVec2(-1, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("column");
    ImGui::TableSetupColumn("type");
    ImGui::TableSetupColumn("missing", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("feature", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("target", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (int c = 0; c < columns; ++c) {
      const io::Column& column = staged.table.columns[static_cast<size_t>(c)];
      ImGui::PushID(c);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(column.name.c_str());
      ImGui::TableNextColumn();
      char type[64];
      if (column.kind == io::ColumnKind::kNumeric)
        std::snprintf(type, sizeof type, "number");
      else
        std::snprintf(type, sizeof type, "text (%zu)", column.categories.size());
      ImGui::TextUnformatted(type);
      ImGui::TableNextColumn();
      if (column.missing > 0)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kWarning), "%lld", static_cast<long long>(column.missing));
      ImGui::TableNextColumn();
      bool feature = staged.feature[static_cast<size_t>(c)] && c != staged.target;
      ImGui::BeginDisabled(c == staged.target);
      if (ImGui::Checkbox("##f", &feature)) staged.feature[static_cast<size_t>(c)] = feature;
      ImGui::EndDisabled();
      widgets.RecordLastItem("column-feature:" + std::to_string(c));
      ImGui::TableNextColumn();
      if (ImGui::RadioButton("##t", staged.target == c)) staged.target = c;
      widgets.RecordLastItem("column-target:" + std::to_string(c));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  Caption("Task");
  int task = staged.task == TaskKind::kClassification ? 0 : 1;
  if (ImGui::RadioButton("classification", task == 0)) staged.task = TaskKind::kClassification;
  ImGui::SameLine();
  if (ImGui::RadioButton("regression", task == 1)) staged.task = TaskKind::kRegression;
  if (ImGui::Button("Use these columns", ImVec2(-1, 0))) workspace.UseStagedTable();
  widgets.RecordLastItem("use-columns");
  if (ImGui::Button("Cancel", ImVec2(-1, 0))) workspace.staged().reset();
}

}  // namespace mlp::ui
