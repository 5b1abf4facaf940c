// The left column: which dataset, how it is split and perturbed, and the batch settings.
#include <algorithm>
#include <cstdio>

#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"
#include "ui/playground_workspace.h"
#include "ui/plot/marker_sprite.h"

namespace mlp::ui {
namespace {

ImU32 PointColor(const Dataset& data, Eigen::Index row) {
  const double t = data.task == TaskKind::kClassification ? data.targets(row) : 0.5 * (data.targets(row) + 1.0);
  return plot::SampleColormap(plot::Colormap::kDiverging, static_cast<float>(std::clamp(t, 0.0, 1.0)));
}

// A square button showing a miniature of the dataset; returns true when clicked.
bool DatasetButton(const char* id, const Dataset& preview, float side, bool selected) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(id, ImVec2(side, side));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(p, ImVec2(p.x + side, p.y + side), IM_COL32_WHITE, 3.0f);
  const float inner = side - 6.0f;
  const float dot = std::max(1.2f, side / 48.0f);
  for (Eigen::Index i = 0; i < preview.size(); ++i) {
    const float x = static_cast<float>((preview.features(i, 0) / kPlaneExtent + 1.0) * 0.5);
    const float y = static_cast<float>((1.0 - preview.features(i, 1) / kPlaneExtent) * 0.5);
    if (x < 0 || x > 1 || y < 0 || y > 1) continue;
    plot::AddMarker(draw, ImVec2(p.x + 3 + x * inner, p.y + 3 + y * inner), dot, PointColor(preview, i));
  }
  const bool hovered = ImGui::IsItemHovered();
  const ImU32 border = selected ? IM_COL32(40, 40, 40, 255) : hovered ? IM_COL32(120, 120, 120, 255) : IM_COL32(210, 210, 210, 255);
  draw->AddRect(p, ImVec2(p.x + side, p.y + side), border, 3.0f, 0, selected ? 2.5f : 1.0f);
  if (hovered) ImGui::SetTooltip("%s", preview.name.c_str());
  return pressed;
}

// A slider that hands its value to the session only when released (dragging would otherwise
// rebuild the data every frame).
void CommitOnRelease(PanelContext& context) {
  if (ImGui::IsItemDeactivatedAfterEdit()) context.settings_changed = true;
}

}  // namespace

void DrawDataPanel(PanelContext& context) {
  PlaygroundSettings& s = context.settings;
  const float scale = ImGui::GetFontSize() / 15.0f;
  SectionTitle(context.fonts, "DATA");
  Caption("Which dataset do you want to use?");

  const float width = ImGui::GetContentRegionAvail().x;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float side = std::min(64.0f * scale, (width - 2 * gap) / 3.0f);
  int column = 0;
  for (size_t i = 0; i < std::size(kAllProblems2D); ++i) {
    const Problem2D problem = kAllProblems2D[i];
    if (ProblemTask(problem) != s.task()) continue;
    if (column % 3 != 0) ImGui::SameLine();
    const std::string id = "##dataset-" + std::string(ProblemKey(problem));
    if (DatasetButton(id.c_str(), *context.previews[i], side, s.problem == problem) && s.problem != problem) {
      s.problem = problem;
      context.settings_changed = true;
    }
    context.widgets.RecordLastItem("dataset:" + std::string(ProblemKey(problem)));
    ++column;
  }

  ImGui::Spacing();
  Caption("Ratio of training to test data");
  ImGui::SetNextItemWidth(-1);
  int ratio = static_cast<int>(s.train_fraction * 100 + 0.5);
  if (ImGui::SliderInt("##ratio", &ratio, 10, 90, "%d%%")) s.train_fraction = ratio / 100.0;
  CommitOnRelease(context);
  HelpTooltip("Share of the points used for training; the rest is the test set.");

  Caption("Noise");
  ImGui::SetNextItemWidth(-1);
  int noise = static_cast<int>(s.noise * 100 + 0.5);
  if (ImGui::SliderInt("##noise", &noise, 0, 50, "%d")) s.noise = noise / 100.0;
  CommitOnRelease(context);

  Caption("Number of points");
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderInt("##samples", &s.samples, 50, 2000, "%d");
  CommitOnRelease(context);

  if (ImGui::Button("Regenerate", ImVec2(-1, 0))) context.workspace.Regenerate();
  HelpTooltip("Draw new points with the next data seed.");
  context.widgets.RecordLastItem("regenerate");

  ImGui::Dummy(ImVec2(0, 8.0f * scale));
  SectionTitle(context.fonts, "TRAINING");
  Caption("Batch size");
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderInt("##batch", &s.batch_size, 1, 100, "%d");
  CommitOnRelease(context);

  ImGui::BeginDisabled(s.optimizer != nn::OptimizerKind::kSgd);
  Caption("Momentum (SGD)");
  ImGui::SetNextItemWidth(-1);
  float momentum = static_cast<float>(s.momentum);
  if (ImGui::SliderFloat("##momentum", &momentum, 0.0f, 0.99f, "%.2f")) s.momentum = momentum;
  CommitOnRelease(context);
  ImGui::EndDisabled();

  Caption("Seed (weights and batch order)");
  ImGui::SetNextItemWidth(-1);
  int seed = static_cast<int>(s.seed);
  if (ImGui::InputInt("##seed", &seed, 1, 10)) {
    s.seed = static_cast<uint32_t>(std::max(0, seed));
    context.settings_changed = true;
  }
  HelpTooltip("Same seed and settings give the same run, on every build.");

  const TrainingSnapshot& snapshot = context.snapshot;
  ImGui::Dummy(ImVec2(0, 6.0f * scale));
  char summary[160];
  std::snprintf(summary, sizeof summary, "%zu training and %zu test points", snapshot.split->train.size(),
                snapshot.split->test.size());
  Caption(summary);
}

}  // namespace mlp::ui
