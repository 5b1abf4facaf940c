// The recipe: the visible preprocessing chain (fitted on the training rows only) and the split.
#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/data/data_workspace.h"
#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {

// "all columns" or "x1, x3" for a step's column list (indices into the columns entering the step).
std::string ColumnsLabel(const std::vector<int>& columns, const std::vector<std::string>& names) {
  if (columns.empty()) return "all columns";
  std::string label;
  for (int c : columns) {
    if (!label.empty()) label += ", ";
    label += c < static_cast<int>(names.size()) ? names[static_cast<size_t>(c)] : "#" + std::to_string(c);
  }
  return label;
}

// The step being composed before "Add".
struct NewStep {
  PreprocessKind kind = PreprocessKind::kStandardise;
  std::vector<bool> columns;  // empty or all false = all columns
  int parameter = 2;
};
NewStep& Draft() {
  static NewStep draft;
  return draft;
}

void DrawChain(DataWorkspace& workspace, WidgetRegistry& widgets) {
  std::vector<PreprocessSpec>& steps = workspace.steps();
  const auto& raw = workspace.raw();
  const std::vector<std::string> names = raw ? raw->feature_names : std::vector<std::string>{};
  int remove = -1;
  bool names_hold = true;  // no earlier step changed the columns: input names are still right
  for (size_t i = 0; i < steps.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    std::string label = std::to_string(i + 1) + ". " + std::string(PreprocessTitle(steps[i].kind));
    if (PreprocessHasParameter(steps[i].kind))
      label += (steps[i].kind == PreprocessKind::kPca ? " (" : " (degree ") + std::to_string(steps[i].parameter) +
               (steps[i].kind == PreprocessKind::kPca ? " components)" : ")");
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetContentRegionMax().x - ImGui::GetFrameHeight());
    if (ImGui::SmallButton("×")) remove = static_cast<int>(i);
    widgets.RecordLastItem("remove-step:" + std::to_string(i));
    HelpTooltip("Remove this step");
    // Column indices of later steps refer to the columns after earlier steps.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
    ImGui::TextWrapped("   on %s", ColumnsLabel(steps[i].columns, names_hold ? names : std::vector<std::string>{}).c_str());
    names_hold &= steps[i].kind != PreprocessKind::kOneHot && steps[i].kind != PreprocessKind::kPolynomial &&
                  steps[i].kind != PreprocessKind::kPca;
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  if (steps.empty()) Caption("No preprocessing: the model sees the columns as loaded.");
  if (remove >= 0) {
    steps.erase(steps.begin() + remove);
    workspace.RecipeChanged();
  }

  NewStep& draft = Draft();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##step-kind", std::string(PreprocessTitle(draft.kind)).c_str())) {
    for (PreprocessKind kind : kAllPreprocessKinds) {
      if (ImGui::Selectable(std::string(PreprocessTitle(kind)).c_str(), kind == draft.kind)) draft.kind = kind;
      widgets.RecordLastItem("step-kind:" + std::string(PreprocessKey(kind)));
    }
    ImGui::EndCombo();
  }
  widgets.RecordLastItem("step-kind");
  if (PreprocessHasParameter(draft.kind)) {
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##step-parameter", &draft.parameter, 1, draft.kind == PreprocessKind::kPca ? 50 : 5,
                     draft.kind == PreprocessKind::kPca ? "%d components" : "degree %d");
  }
  // Columns of the first step can be named; later ones apply to every column (the simple, safe default).
  const bool nameable = steps.empty() && !names.empty() && names.size() <= 64;
  if (nameable) {
    draft.columns.resize(names.size(), false);
    std::string preview;
    for (size_t c = 0; c < names.size(); ++c)
      if (draft.columns[c]) preview += (preview.empty() ? "" : ", ") + names[c];
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##step-columns", preview.empty() ? "all columns" : preview.c_str())) {
      for (size_t c = 0; c < names.size(); ++c) {
        bool on = draft.columns[c];
        if (ImGui::Checkbox(names[c].c_str(), &on)) draft.columns[c] = on;
      }
      ImGui::EndCombo();
    }
  }
  if (ImGui::Button("Add step", ImVec2(-1, 0))) {
    PreprocessSpec spec{draft.kind, {}, draft.parameter};
    if (nameable)
      for (size_t c = 0; c < draft.columns.size(); ++c)
        if (draft.columns[c]) spec.columns.push_back(static_cast<int>(c));
    steps.push_back(spec);
    draft.columns.assign(draft.columns.size(), false);
    workspace.RecipeChanged();
  }
  widgets.RecordLastItem("add-step");
}

void DrawSplit(DataWorkspace& workspace, WidgetRegistry& widgets) {
  SplitSpec& split = workspace.split();
  const auto& raw = workspace.raw();
  bool changed = false;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##split-kind", std::string(SplitTitle(split.kind)).c_str())) {
    for (SplitKind kind : kAllSplitKinds) {
      if (ImGui::Selectable(std::string(SplitTitle(kind)).c_str(), kind == split.kind)) {
        split.kind = kind;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  widgets.RecordLastItem("split-kind");
  if (split.kind != SplitKind::kKFold) {
    Caption("Test share");
    ImGui::SetNextItemWidth(-1);
    int percent = static_cast<int>(split.test_fraction * 100 + 0.5);
    if (ImGui::SliderInt("##test-share", &percent, 5, 95, "%d%%")) split.test_fraction = percent / 100.0;
    changed |= ImGui::IsItemDeactivatedAfterEdit();
  }
  if (split.kind == SplitKind::kByCoordinate && raw) {
    Caption("Split by column");
    ImGui::SetNextItemWidth(-1);
    const int columns = static_cast<int>(raw->feature_names.size());
    const char* current = split.coordinate_column < columns ? raw->feature_names[static_cast<size_t>(split.coordinate_column)].c_str() : "";
    if (ImGui::BeginCombo("##coordinate", current)) {
      for (int c = 0; c < columns; ++c)
        if (ImGui::Selectable(raw->feature_names[static_cast<size_t>(c)].c_str(), c == split.coordinate_column)) {
          split.coordinate_column = c;
          changed = true;
        }
      ImGui::EndCombo();
    }
    changed |= ImGui::Checkbox("largest values are the test part", &split.largest_is_test);
  }
  if (split.kind == SplitKind::kKFold) {
    Caption("Folds, and which one is held out");
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
    ImGui::SliderInt("##folds", &split.folds, 2, 10, "k = %d");
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    int fold = split.fold + 1;
    if (ImGui::SliderInt("##fold", &fold, 1, split.folds, "fold %d")) split.fold = std::min(fold, split.folds) - 1;
    changed |= ImGui::IsItemDeactivatedAfterEdit();
    changed |= ImGui::Checkbox("shuffle before cutting folds", &split.shuffle_folds);
  }
  if (split.kind == SplitKind::kRandom || split.kind == SplitKind::kStratified ||
      (split.kind == SplitKind::kKFold && split.shuffle_folds)) {
    Caption("random_state");
    ImGui::SetNextItemWidth(-1);
    int seed = static_cast<int>(split.seed);
    if (ImGui::InputInt("##split-seed", &seed, 1, 10)) {
      split.seed = static_cast<uint32_t>(std::max(0, seed));
      changed = true;
    }
    HelpTooltip("Same rows as scikit-learn's train_test_split / KFold with this random_state.");
  }
  if (split.kind == SplitKind::kKFold) split.fold = std::clamp(split.fold, 0, split.folds - 1);
  if (changed) workspace.RecipeChanged();
}

}  // namespace

void DrawRecipePanel(DataWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets) {
  SectionTitle(fonts, "SPLIT");
  DrawSplit(workspace, widgets);
  ImGui::Spacing();
  SectionTitle(fonts, "PREPROCESSING");
  Caption("Fitted on the training rows only, then applied to all rows.");
  DrawChain(workspace, widgets);
  if (const auto& prepared = workspace.prepared()) {
    char summary[200];
    std::snprintf(summary, sizeof summary, "%zu train · %zu test rows · %lld model inputs",
                  prepared->split.train.size(), prepared->split.test.size(),
                  static_cast<long long>(prepared->data->features.cols()));
    ImGui::Spacing();
    Caption(summary);
  }
}

}  // namespace mlp::ui
