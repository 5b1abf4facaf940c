// Class balance: rows per class in the training and the test part, side by side, so that an
// imbalanced set (and a split that changes the balance) is visible before any model is trained.
#include <algorithm>
#include <cstdio>

#include "ui/data/views/view_common.h"

namespace mlp::ui {

void DrawClassBalanceView(DataWorkspace& workspace) {
  const Dataset* data = ViewedData(workspace);
  if (data->task != TaskKind::kClassification || data->num_classes() < 1) {
    ImGui::TextDisabled("This is a regression set: there are no classes to count. The histograms show the features.");
    return;
  }
  const int k = data->num_classes();
  std::vector<float> train(static_cast<size_t>(k), 0.0f), test(static_cast<size_t>(k), 0.0f);
  if (const auto& prepared = workspace.prepared()) {
    for (int64_t r : prepared->split.train) train[static_cast<size_t>(data->targets(r))] += 1;
    for (int64_t r : prepared->split.test) test[static_cast<size_t>(data->targets(r))] += 1;
  } else {
    for (Eigen::Index r = 0; r < data->size(); ++r) train[static_cast<size_t>(data->targets(r))] += 1;
  }
  // Each class c gets two adjacent bars, train on [c − 0.4, c] and test on [c, c + 0.4]; the gaps
  // between classes are zero-height bars (not drawn), so each part stays one legend entry.
  std::vector<float> train_edges, test_edges, train_bars, test_bars;
  for (int c = 0; c < k; ++c) {
    train_edges.insert(train_edges.end(), {c - 0.4f, static_cast<float>(c)});
    test_edges.insert(test_edges.end(), {static_cast<float>(c), c + 0.4f});
    train_bars.insert(train_bars.end(), {train[static_cast<size_t>(c)], 0.0f});
    test_bars.insert(test_bars.end(), {test[static_cast<size_t>(c)], 0.0f});
  }
  train_edges.push_back(k - 0.4f);
  test_edges.push_back(k + 0.0f);
  plot::PlotOptions options;
  options.x_label = "class";
  options.y_label = "rows";
  options.auto_fit_x = options.auto_fit_y = true;
  options.allow_pan_zoom = false;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (plot::BeginPlot("##balance", ImVec2(avail.x, avail.y * 0.7f), options)) {
    plot::PlotBars("train", train_edges.data(), train_bars.data(), 2 * k, colors::kTrainCurve);
    plot::PlotBars("test", test_edges.data(), test_bars.data(), 2 * k, colors::kTestCurve);
    plot::EndPlot();
  }
  if (ImGui::BeginTable("##balance-table", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("class");
    ImGui::TableSetupColumn("name");
    ImGui::TableSetupColumn("train");
    ImGui::TableSetupColumn("test");
    ImGui::TableHeadersRow();
    for (int c = 0; c < k; ++c) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", c);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(data->class_names[static_cast<size_t>(c)].c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", train[static_cast<size_t>(c)]);
      ImGui::TableNextColumn();
      ImGui::Text("%.0f", test[static_cast<size_t>(c)]);
    }
    ImGui::EndTable();
  }
}

}  // namespace mlp::ui
