// The right column: losses and accuracy, the loss curves, and the network's output over the input
// plane with the training (and optionally test) points on top.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"
#include "ui/playground_workspace.h"
#include "ui/plot/plot.h"

namespace mlp::ui {
namespace {

void BuildPoints(const Dataset& data, const std::vector<int64_t>& rows, ScatterPoints* layer) {
  layer->xs.clear();
  layer->ys.clear();
  layer->colors.clear();
  for (int64_t row : rows) {
    layer->xs.push_back(static_cast<float>(data.features(row, 0)));
    layer->ys.push_back(static_cast<float>(data.features(row, 1)));
    const double value = data.targets(row);
    const double t = data.task == TaskKind::kClassification ? value : 0.5 * (value + 1.0);
    layer->colors.push_back(plot::SampleColormap(plot::Colormap::kDiverging, static_cast<float>(std::clamp(t, 0.0, 1.0))));
  }
}

void Metric(const char* label, float value, const char* format) {
  ImGui::BeginGroup();
  Caption(label);
  if (std::isfinite(value)) {
    ImGui::Text(format, value);
  } else {
    ImGui::TextDisabled("—");
  }
  ImGui::EndGroup();
}

}  // namespace

void DrawOutputPanel(PanelContext& context) {
  const TrainingSnapshot& snapshot = context.snapshot;
  PlaygroundViewState& view = context.view;
  const float scale = ImGui::GetFontSize() / 15.0f;
  SectionTitle(context.fonts, "OUTPUT");

  if (!snapshot.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kWarning));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(snapshot.message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }

  // Headline numbers.
  const EpochRecord& latest = snapshot.latest;
  const bool classification = snapshot.settings.task() == TaskKind::kClassification;
  // Four numbers under their captions in one row; on a narrow panel, two compact lines.
  const float width = ImGui::GetContentRegionAvail().x;
  const bool wide = width >= 4 * 92.0f * scale;
  if (wide) {
    const float column = width / 4;
    const float row_x = ImGui::GetCursorPosX();
    Metric("Test loss", latest.test_loss, "%.3f");
    ImGui::SameLine(row_x + column);
    Metric("Training loss", latest.train_loss, "%.3f");
    if (classification) {
      ImGui::SameLine(row_x + column * 2);
      Metric("Test accuracy", latest.test_accuracy * 100.0f, "%.1f%%");
      ImGui::SameLine(row_x + column * 3);
      Metric("Train accuracy", latest.train_accuracy * 100.0f, "%.1f%%");
    }
  } else {
    ImGui::Text("Loss  test %.3f  ·  train %.3f", latest.test_loss, latest.train_loss);
    if (classification)
      ImGui::Text("Accuracy  test %.1f%%  ·  train %.1f%%", latest.test_accuracy * 100.0f, latest.train_accuracy * 100.0f);
  }

  // Loss curves.
  std::vector<float>& epochs = view.epochs;
  std::vector<float>& train_loss = view.train_loss;
  std::vector<float>& test_loss = view.test_loss;
  epochs.clear();
  train_loss.clear();
  test_loss.clear();
  for (const EpochRecord& record : snapshot.history) {
    epochs.push_back(static_cast<float>(record.epoch));
    train_loss.push_back(record.train_loss);
    test_loss.push_back(record.test_loss);
  }
  plot::PlotOptions loss_options;
  loss_options.x_label = "epoch";
  loss_options.auto_fit_x = loss_options.auto_fit_y = true;
  loss_options.log_y = view.log_scale_loss;
  loss_options.y = {0, 1};
  // The decision surface matters most: the loss curves give up height first on short screens.
  const float loss_height = std::clamp(ImGui::GetContentRegionAvail().y * 0.25f, 70.0f * scale, 130.0f * scale);
  if (plot::BeginPlot("##loss", ImVec2(-1, loss_height), loss_options)) {
    plot::PlotLine("training", epochs.data(), train_loss.data(), static_cast<int>(epochs.size()), colors::kTrainCurve);
    plot::PlotLine("test", epochs.data(), test_loss.data(), static_cast<int>(epochs.size()), colors::kTestCurve);
    plot::EndPlot();
  }

  // The decision surface (or a hovered neuron's output) with the data on top.
  const ScatterPoints& train_points = view.train_points;
  const ScatterPoints& test_points = view.test_points;
  if (view.points_version != snapshot.data_version) {
    BuildPoints(*snapshot.dataset, snapshot.split->train, &view.train_points);
    BuildPoints(*snapshot.dataset, snapshot.split->test, &view.test_points);
    view.points_version = snapshot.data_version;
  }
  const bool showing_neuron = view.selected_layer >= 0;
  const ImTextureID texture = showing_neuron
                                  ? context.neuron_textures[view.selected_layer][view.selected_neuron].id()
                                  : context.output_texture.id();
  const std::vector<float>* values =
      showing_neuron ? &snapshot.grids.neurons[view.selected_layer][view.selected_neuron] : &snapshot.grids.output;

  const float colorbar_width = 56.0f * scale;
  const float controls_height = ImGui::GetFrameHeightWithSpacing() * 2.5f + 4 * scale;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float side = std::max(120.0f * scale, std::min(available.x - colorbar_width - 8 * scale, available.y - controls_height));
  plot::PlotOptions map_options;
  map_options.x = {-kPlaneExtent, kPlaneExtent};
  map_options.y = {-kPlaneExtent, kPlaneExtent};
  map_options.x_label = "x\xe2\x82\x81";
  map_options.y_label = "x\xe2\x82\x82";
  map_options.equal_aspect = true;
  map_options.show_grid = false;
  map_options.show_legend = false;  // the colour bar explains the colours
  if (plot::BeginPlot("##surface", ImVec2(side, side), map_options)) {
    const plot::Range extent{-kPlaneExtent, kPlaneExtent};
    plot::PlotImage(showing_neuron ? "neuron" : "output", texture, extent, extent, values->data(), snapshot.grids.size,
                    snapshot.grids.size);
    plot::PlotScatter("training", train_points.xs.data(), train_points.ys.data(), static_cast<int>(train_points.xs.size()),
                      train_points.colors.data(), IM_COL32(120, 120, 120, 255), 3.5f);
    if (view.show_test_data) {
      plot::PlotScatter("test", test_points.xs.data(), test_points.ys.data(), static_cast<int>(test_points.xs.size()),
                        test_points.colors.data(), IM_COL32(40, 40, 40, 255), 3.5f, IM_COL32(30, 30, 30, 255));
    }
    plot::EndPlot();
  }
  ImGui::SameLine();
  const bool unit_range = classification && !showing_neuron;
  plot::ColorBar("##colorbar", plot::Colormap::kDiverging, unit_range ? 0.0f : -1.0f, 1.0f, ImVec2(colorbar_width, side),
                 showing_neuron ? "neuron" : classification ? "P(1)" : "value");

  if (showing_neuron) {
    ImGui::Text("Showing layer %d, neuron %d", view.selected_layer + 1, view.selected_neuron + 1);
  } else {
    // Checkboxes flow onto a second line when the panel is narrow.
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    auto checkbox = [&](const char* label, bool* value, bool first) {
      const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
      if (!first) {
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
      }
      ImGui::Checkbox(label, value);
    };
    checkbox("Show test data", &view.show_test_data, true);
    checkbox("Discretize output", &view.discretize_output, false);
    checkbox("Log loss", &view.log_scale_loss, false);
  }
}

}  // namespace mlp::ui
