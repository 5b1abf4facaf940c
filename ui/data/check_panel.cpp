// "Does it learn?": a small network trained on the prepared data, to check the recipe before any
// model workspace uses it. Loss curves for train and test, and the latest test score.
#include <algorithm>
#include <cstdio>

#include "ui/data/data_workspace.h"
#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"
#include "ui/plot/plot.h"

namespace mlp::ui {

void DrawCheckPanel(DataWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets) {
  CheckRun& check = workspace.check();
  SectionTitle(fonts, "CHECK: A SMALL NETWORK");
  Caption("Hidden neurons");
  ImGui::SetNextItemWidth(-1);
  int neurons = check.settings.hidden.empty() ? 0 : check.settings.hidden[0];
  if (ImGui::SliderInt("##check-neurons", &neurons, 0, 128, neurons == 0 ? "none (linear)" : "%d")) {
    check.settings.hidden = neurons > 0 ? std::vector<int>{neurons} : std::vector<int>{};
  }
  Caption("Learning rate (Adam)");
  ImGui::SetNextItemWidth(-1);
  float lr = static_cast<float>(check.settings.learning_rate);
  if (ImGui::SliderFloat("##check-lr", &lr, 1e-4f, 1.0f, "%.4f", ImGuiSliderFlags_Logarithmic)) check.settings.learning_rate = lr;

  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ImGui::Button(check.running ? "Pause" : "Train", ImVec2(half, 0))) {
    if (check.running) workspace.StopCheckRun();
    else if (check.trainer) check.running = true;
    else workspace.StartCheckRun();
  }
  widgets.RecordLastItem("check-train");
  ImGui::SameLine();
  if (ImGui::Button("Restart", ImVec2(-1, 0))) workspace.StartCheckRun();
  widgets.RecordLastItem("check-restart");

  if (!check.message.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kWarning));
    ImGui::TextWrapped("%s", check.message.c_str());
    ImGui::PopStyleColor();
  }
  if (!check.trainer) return;
  const EpochRecord& latest = check.trainer->latest();
  char line[160];
  if (check.trainer->classification())
    std::snprintf(line, sizeof line, "epoch %lld · accuracy train %.1f%%, test %.1f%%", static_cast<long long>(latest.epoch),
                  100.0 * latest.train_accuracy, 100.0 * latest.test_accuracy);
  else
    std::snprintf(line, sizeof line, "epoch %lld · RMSE train %.4g, test %.4g", static_cast<long long>(latest.epoch),
                  check.trainer->train_rmse(), check.trainer->test_rmse());
  ImGui::TextUnformatted(line);
  plot::PlotOptions options;
  options.x_label = "epoch";
  options.y_label = "loss";
  options.log_y = true;
  options.auto_fit_x = options.auto_fit_y = true;
  const float height = std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().y);
  if (plot::BeginPlot("##check-loss", ImVec2(-1, height), options)) {
    const int n = static_cast<int>(check.epochs.size());
    plot::PlotLine("train", check.epochs.data(), check.train_loss.data(), n, colors::kTrainCurve);
    plot::PlotLine("test", check.epochs.data(), check.test_loss.data(), n, colors::kTestCurve);
    plot::EndPlot();
  }
}

}  // namespace mlp::ui
