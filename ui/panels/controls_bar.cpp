// The bar across the top: run controls, the epoch counter and the training hyperparameters.
#include <algorithm>
#include <cstdio>
#include <iterator>

#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"
#include "ui/playground_workspace.h"

namespace mlp::ui {
namespace {

constexpr double kLearningRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
constexpr double kRegularizationRates[] = {0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
constexpr double kSpeeds[] = {0, 100, 30, 10, 3, 1};
constexpr const char* kActivationLabels[] = {"ReLU", "Leaky ReLU", "Tanh", "Sigmoid", "Linear"};
constexpr nn::Activation kActivations[] = {nn::Activation::kReLU, nn::Activation::kLeakyReLU, nn::Activation::kTanh,
                                           nn::Activation::kSigmoid, nn::Activation::kLinear};

// Epoch counter in TensorFlow Playground's zero-padded style: 000,123.
void FormatEpoch(int64_t epoch, char* out, size_t size) {
  if (epoch < 1000000) {
    std::snprintf(out, size, "%03lld,%03lld", static_cast<long long>(epoch / 1000), static_cast<long long>(epoch % 1000));
  } else {
    std::snprintf(out, size, "%lld,%03lld,%03lld", static_cast<long long>(epoch / 1000000),
                  static_cast<long long>(epoch / 1000 % 1000), static_cast<long long>(epoch % 1000));
  }
}

constexpr int kFieldCount = 7;  // learning rate … speed

// Geometry of the bar: run controls and the epoch on the left, then the hyperparameter fields
// flowing into as many rows as the width needs (narrow windows and embedded lessons).
struct BarLayout {
  float scale, left_width, field_width, gap, row_height;
  int per_row, rows;
  float height;
};

BarLayout LayOut(float width) {
  BarLayout l;
  l.scale = ImGui::GetFontSize() / 15.0f;
  l.left_width = (34 + 52 + 34 + 22 + 120 + 26) * l.scale + 2 * ImGui::GetStyle().ItemSpacing.x;
  l.field_width = 118.0f * l.scale;
  l.gap = 8.0f * l.scale;
  l.row_height = ImGui::GetFontSize() + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y + 6.0f * l.scale;
  const float room = std::max(l.field_width, width - l.left_width);
  l.per_row = std::clamp(static_cast<int>((room + l.gap) / (l.field_width + l.gap)), 1, kFieldCount);
  l.rows = (kFieldCount + l.per_row - 1) / l.per_row;
  l.height = std::max(92.0f * l.scale, l.rows * l.row_height + 24.0f * l.scale);
  return l;
}

// Places field `index` of the flow and starts its group: caption above, control below.
void BeginField(const BarLayout& l, ImVec2 origin, int index, const char* caption) {
  const int row = index / l.per_row, column = index % l.per_row;
  ImGui::SetCursorPos(ImVec2(origin.x + column * (l.field_width + l.gap), origin.y + row * l.row_height));
  ImGui::BeginGroup();
  Caption(caption);
  ImGui::SetNextItemWidth(l.field_width);
}
// Ends the field's group and registers it as widget `name` (tests check it is on screen).
void EndField(WidgetRegistry& widgets, const char* name) {
  ImGui::EndGroup();
  widgets.RecordLastItem(name);
}

}  // namespace

float ControlsBarHeight(float width) { return LayOut(width).height; }

void DrawControlsBar(PanelContext& context) {
  PlaygroundSettings& s = context.settings;
  const TrainingSnapshot& snapshot = context.snapshot;
  const BarLayout layout = LayOut(ImGui::GetContentRegionAvail().x);
  const float scale = layout.scale;
  const float big = 52.0f * scale, small = 34.0f * scale;
  const float top = ImGui::GetCursorPosY();

  ImGui::SetCursorPosY(top + (big - small) * 0.5f + 8.0f * scale);
  if (IconButton("##reset", Icon::kReset, small, false, "Reset the network (epoch 0, same seed)")) context.workspace.Reset();
  context.widgets.RecordLastItem("reset");
  ImGui::SameLine();
  ImGui::SetCursorPosY(top + 8.0f * scale);
  const bool running = snapshot.running;
  if (IconButton("##play", running ? Icon::kPause : Icon::kPlay, big, true, running ? "Pause training" : "Start training")) {
    running ? context.workspace.Pause() : context.workspace.Play();
  }
  context.widgets.RecordLastItem("play");
  context.widgets.RecordLastItem("pause");
  ImGui::SameLine();
  ImGui::SetCursorPosY(top + (big - small) * 0.5f + 8.0f * scale);
  if (IconButton("##step", Icon::kStep, small, false, "Train one epoch")) context.workspace.Step();
  context.widgets.RecordLastItem("step");

  ImGui::SameLine(0, 22.0f * scale);
  ImGui::SetCursorPosY(top + 4.0f * scale);
  ImGui::BeginGroup();
  Caption("Epoch");
  char epoch[32];
  FormatEpoch(snapshot.epoch, epoch, sizeof epoch);
  ImGui::PushFont(context.fonts.large);
  ImGui::TextUnformatted(epoch);
  ImGui::PopFont();
  ImGui::EndGroup();

  const ImVec2 origin(ImGui::GetStyle().WindowPadding.x + layout.left_width, top + (layout.rows == 1 ? 12.0f * scale : 0.0f));
  int field = 0;
  BeginField(layout, origin, field++, "Learning rate");
  context.settings_changed |= NumberCombo("##lr", &s.learning_rate, kLearningRates, int(std::size(kLearningRates)), "%g");
  EndField(context.widgets, "field:lr");

  BeginField(layout, origin, field++, "Activation");
  int activation = 0;
  for (int i = 0; i < int(std::size(kActivations)); ++i) activation = kActivations[i] == s.activation ? i : activation;
  if (ImGui::Combo("##activation", &activation, kActivationLabels, int(std::size(kActivationLabels)))) {
    s.activation = kActivations[activation];
    context.settings_changed = true;
  }
  EndField(context.widgets, "field:activation");

  BeginField(layout, origin, field++, "Regularization");
  int regularization = static_cast<int>(s.regularization);
  const char* regularization_labels[] = {"None", "L1", "L2"};
  if (ImGui::Combo("##reg", &regularization, regularization_labels, 3)) {
    s.regularization = static_cast<nn::Regularization>(regularization);
    context.settings_changed = true;
  }
  EndField(context.widgets, "field:reg");

  BeginField(layout, origin, field++, "Regularization rate");
  ImGui::BeginDisabled(s.regularization == nn::Regularization::kNone);
  context.settings_changed |=
      NumberCombo("##regrate", &s.regularization_rate, kRegularizationRates, int(std::size(kRegularizationRates)), "%g");
  ImGui::EndDisabled();
  EndField(context.widgets, "field:regRate");

  BeginField(layout, origin, field++, "Problem type");
  int task = s.task() == TaskKind::kClassification ? 0 : 1;
  const char* task_labels[] = {"Classification", "Regression"};
  if (ImGui::Combo("##task", &task, task_labels, 2)) {
    s.problem = task == 0 ? Problem2D::kCircle : Problem2D::kPlane;
    context.settings_changed = true;
  }
  EndField(context.widgets, "field:task");

  BeginField(layout, origin, field++, "Optimizer");
  int optimizer = static_cast<int>(s.optimizer);
  const char* optimizer_labels[] = {"SGD", "Adam"};
  if (ImGui::Combo("##optimizer", &optimizer, optimizer_labels, 2)) {
    s.optimizer = static_cast<nn::OptimizerKind>(optimizer);
    context.settings_changed = true;
  }
  EndField(context.widgets, "field:optimizer");

  BeginField(layout, origin, field++, "Speed (epochs/s)");
  context.settings_changed |= NumberCombo("##speed", &s.epochs_per_second, kSpeeds, int(std::size(kSpeeds)), "%g", "max");
  EndField(context.widgets, "field:speed");
}

}  // namespace mlp::ui
