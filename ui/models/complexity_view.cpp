// The Complexity view: training and test error as one knob makes the model more flexible — the
// over-fitting curves. The sweep starts by itself the first time the view opens.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "ui/models/models_workspace.h"
#include "ui/plot/plot.h"
#include "ui/theme.h"

namespace mlp::ui {

void DrawComplexityView(ModelsWorkspace& workspace, WidgetRegistry& widgets) {
  const std::vector<SweepAxis>& axes = workspace.sweep_axes();
  if (axes.empty()) {
    ImGui::TextDisabled("This model has no knob to sweep (clusterers and projectors are not scored against labels).");
    return;
  }
  if (!workspace.sweep_busy() && !workspace.sweep_result()) workspace.StartSweep();
  int& axis = workspace.sweep_axis();
  axis = std::clamp(axis, 0, static_cast<int>(axes.size()) - 1);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (ImGui::BeginCombo("knob", axes[static_cast<size_t>(axis)].label.c_str())) {
    for (size_t i = 0; i < axes.size(); ++i)
      if (ImGui::Selectable(axes[i].label.c_str(), static_cast<int>(i) == axis)) {
        axis = static_cast<int>(i);
        workspace.StartSweep();
      }
    ImGui::EndCombo();
  }
  widgets.RecordLastItem("model:sweep-axis");
  ImGui::SameLine();
  if (ImGui::Button("Run again")) workspace.StartSweep();
  widgets.RecordLastItem("model:sweep");
  if (workspace.sweep_busy()) {
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(workspace.sweep_progress()), ImVec2(ImGui::GetFontSize() * 10, 0));
  }
  const SweepResult* result = workspace.sweep_result();
  if (!result) {
    ImGui::TextDisabled("Fitting the model once per value...");
    return;
  }
  const bool log_x = result->axis.logarithmic;
  std::vector<float> xs, train, test;
  int failures = 0;
  for (const SweepPoint& p : result->points) {
    xs.push_back(static_cast<float>(log_x ? std::log10(p.value) : p.value));
    train.push_back(static_cast<float>(p.train_error));
    test.push_back(static_cast<float>(p.test_error));
    failures += std::isnan(p.train_error) ? 1 : 0;
  }
  // The best test error, and where the current setting sits.
  size_t best = 0;
  for (size_t i = 0; i < test.size(); ++i)
    if (std::isfinite(test[i]) && (!std::isfinite(test[best]) || test[i] < test[best])) best = i;
  ImGui::TextDisabled("Each point is the model fitted again with only this knob changed. Lowest test error: %.4g at %.4g.%s",
                      test.empty() ? NAN : test[best], result->points.empty() ? NAN : result->points[best].value,
                      failures ? "  Some values could not be fitted (gaps)." : "");
  // A log y axis when the errors span decades (polynomial blow-ups), else linear from 0.
  float lo = INFINITY, hi = 0;
  for (float v : train) if (std::isfinite(v) && v > 0) lo = std::min(lo, v), hi = std::max(hi, v);
  for (float v : test) if (std::isfinite(v) && v > 0) lo = std::min(lo, v), hi = std::max(hi, v);
  plot::PlotOptions options;
  options.log_y = std::isfinite(lo) && hi > 30 * lo;
  // On a log axis an interpolating fit's training error (1e-25, rounding noise) would squash the
  // rest: errors below a millionth of the largest are drawn at that floor.
  bool floored = false;
  if (options.log_y) {
    const float floor = hi * 1e-6f;
    for (float& v : train) if (std::isfinite(v) && v < floor) v = floor, floored = true;
    for (float& v : test) if (std::isfinite(v) && v < floor) v = floor, floored = true;
  }
  if (floored) ImGui::TextDisabled("Errors below a millionth of the largest (a fit through every training point) are drawn at that floor.");
  options.auto_fit_x = options.auto_fit_y = true;
  char x_label[96];
  std::snprintf(x_label, sizeof x_label, log_x ? "log10 %s" : "%s", result->axis.label.c_str());
  options.x_label = x_label;
  options.y_label = result->error_name.c_str();
  if (plot::BeginPlot("##complexity", ImVec2(-1, -1), options)) {
    plot::PlotLine("training error", xs.data(), train.data(), static_cast<int>(xs.size()), colors::kTrainCurve, 2.0f);
    plot::PlotScatter("training error", xs.data(), train.data(), static_cast<int>(xs.size()), nullptr, colors::kTrainCurve, 3.5f);
    plot::PlotLine("test error", xs.data(), test.data(), static_cast<int>(xs.size()), colors::kTestCurve, 2.5f);
    plot::PlotScatter("test error", xs.data(), test.data(), static_cast<int>(xs.size()), nullptr, colors::kTestCurve, 3.5f);
    plot::EndPlot();
  }
}

}  // namespace mlp::ui
