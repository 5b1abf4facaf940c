// Right side of the Models tab: prediction map, 1-D fit, metrics and progress.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/data/views/view_common.h"
#include "ui/models/model_insight_views.h"
#include "ui/models/models_workspace.h"
#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {

ImU32 Wash(ImU32 color, float amount) {  // mix toward white so points stay readable on top
  const auto mix = [&](int shift) {
    const float c = static_cast<float>((color >> shift) & 0xFF);
    return static_cast<ImU32>(c + (255.0f - c) * amount) << shift;
  };
  return mix(IM_COL32_R_SHIFT) | mix(IM_COL32_G_SHIFT) | mix(IM_COL32_B_SHIFT) | (255u << IM_COL32_A_SHIFT);
}

// Uploads the snapshot's prediction map: classes and clusters in the palette, values in viridis.
void UploadMap(ModelsWorkspace& workspace, const ModelSnapshot& s) {
  if (s.grid.empty() || workspace.map_version() == s.version) return;
  workspace.map_version() = s.version;
  const int n = s.grid_size;
  if (!workspace.map_texture()) workspace.map_texture() = workspace.platform().CreateTexture(n, n);
  std::vector<uint32_t> texels(s.grid.size());
  if (s.kind == classic::ModelKind::kRegressor || s.kind == classic::ModelKind::kProjector) {
    const auto [lo, hi] = std::minmax_element(s.grid.begin(), s.grid.end());
    for (size_t i = 0; i < s.grid.size(); ++i)
      texels[i] = Wash(plot::SampleColormap(plot::Colormap::kViridis, *hi > *lo ? (s.grid[i] - *lo) / (*hi - *lo) : 0.5f), 0.35f);
  } else {
    for (size_t i = 0; i < s.grid.size(); ++i) texels[i] = Wash(plot::PaletteColor(static_cast<int>(s.grid[i])), 0.6f);
  }
  workspace.platform().UpdateTexture(workspace.map_texture(), n, n, texels.data());
}

void DrawMap(ModelsWorkspace& workspace, const ModelSnapshot& s) {
  const PreparedData& data = *workspace.data();
  const Dataset& d = *data.data;
  if (d.features.cols() < 2) {
    ImGui::TextDisabled("The map needs two features; this data has one. See the 1-D fit.");
    return;
  }
  UploadMap(workspace, s);
  const int fx = std::clamp(workspace.plane_x(), 0, static_cast<int>(d.features.cols() - 1));
  const int fy = std::clamp(workspace.plane_y(), 0, static_cast<int>(d.features.cols() - 1));
  const RowColors color(d);
  std::vector<float> xs, ys;
  std::vector<ImU32> colors;
  // Rows in their class colour; k-means rows in the colour of the centre they are assigned to, so
  // each step's assignment shows.
  const Eigen::VectorXi& clusters = s.insight.training_labels;
  const bool by_cluster = clusters.size() == static_cast<Eigen::Index>(data.split.train.size());
  for (size_t i = 0; i < data.split.train.size(); ++i) {
    const int64_t r = data.split.train[i];
    xs.push_back(static_cast<float>(d.features(r, fx)));
    ys.push_back(static_cast<float>(d.features(r, fy)));
    colors.push_back(by_cluster ? plot::PaletteColor(clusters(static_cast<Eigen::Index>(i))) : color(r));
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::min(avail.x, avail.y - ImGui::GetTextLineHeightWithSpacing());  // room for the legend line
  plot::PlotOptions options;
  options.x = {s.x_min, s.x_max};
  options.y = {s.y_min, s.y_max};
  options.x_label = d.feature_names[static_cast<size_t>(fx)].c_str();
  options.y_label = d.feature_names[static_cast<size_t>(fy)].c_str();
  options.show_legend = false;
  if (plot::BeginPlot("##model-map", ImVec2(side, side), options)) {
    if (workspace.map_texture() && !s.grid.empty())
      plot::PlotImage("prediction", workspace.map_texture(), {s.x_min, s.x_max}, {s.y_min, s.y_max}, s.grid.data(),
                      s.grid_size, s.grid_size);
    DrawMapOverlays(s, data, fx, fy);
    plot::PlotScatter("training rows", xs.data(), ys.data(), static_cast<int>(xs.size()), colors.data(),
                      plot::PaletteColor(0), 3.0f);
    DrawSupportVectors(s, data, fx, fy);
    plot::EndPlot();
  }
  if (s.grid.empty()) ImGui::TextDisabled("Press Play or Step to fit the model.");
  else DrawMapLegend(s);
}

void DrawFit(ModelsWorkspace& workspace, const ModelSnapshot& s) {
  const PreparedData& data = *workspace.data();
  // The curve runs along a raw input (through the chain) when it can, else along a model feature.
  const bool raw = s.curve_column >= 0;
  const Dataset& d = raw ? *data.raw : *data.data;
  const int fx = raw ? s.curve_column : std::clamp(workspace.plane_x(), 0, static_cast<int>(d.features.cols() - 1));
  std::vector<float> xs, ys, txs, tys;
  for (int64_t r : data.split.train) {
    xs.push_back(static_cast<float>(d.features(r, fx)));
    ys.push_back(static_cast<float>(d.targets(r)));
  }
  for (int64_t r : data.split.test) {
    txs.push_back(static_cast<float>(d.features(r, fx)));
    tys.push_back(static_cast<float>(d.targets(r)));
  }
  if (d.features.cols() > 1)
    ImGui::TextDisabled("Prediction along %s with the other inputs at their training mean.",
                        d.feature_names[static_cast<size_t>(fx)].c_str());
  else if (raw && data.fitted_chain)
    ImGui::TextDisabled("Prediction along %s, through the data's chain (%s).", d.feature_names[static_cast<size_t>(fx)].c_str(),
                        data.chain.c_str());
  plot::PlotOptions options;
  options.auto_fit_x = true;
  // The y range covers the data and the curve, but at most one data span beyond the data: an
  // over-fitted polynomial's swings run off the plot rather than flattening the points.
  float lo = 0, hi = 1;
  if (!ys.empty()) {
    lo = std::min(*std::min_element(ys.begin(), ys.end()), tys.empty() ? ys[0] : *std::min_element(tys.begin(), tys.end()));
    hi = std::max(*std::max_element(ys.begin(), ys.end()), tys.empty() ? ys[0] : *std::max_element(tys.begin(), tys.end()));
    const float span = std::max(hi - lo, 1e-6f);
    float curve_lo = lo, curve_hi = hi;
    for (size_t i = 0; i < s.curve_y.size(); ++i) {
      curve_lo = std::min(curve_lo, s.curve_low.empty() ? s.curve_y[i] : s.curve_low[i]);
      curve_hi = std::max(curve_hi, s.curve_high.empty() ? s.curve_y[i] : s.curve_high[i]);
    }
    lo = std::max(curve_lo, lo - span), hi = std::min(curve_hi, hi + span);
    const float pad = 0.05f * (hi - lo);
    lo -= pad, hi += pad;
  }
  options.y = {lo, hi};
  options.x_label = d.feature_names[static_cast<size_t>(fx)].c_str();
  options.y_label = d.target_name.c_str();
  char model_label[48];
  if (s.kind == classic::ModelKind::kRegressor && s.progress.steps > 0)
    std::snprintf(model_label, sizeof model_label, "model (train R² %.3f, test R² %.3f)", s.train_regression.r2, s.test_regression.r2);
  else
    std::snprintf(model_label, sizeof model_label, "model");
  if (plot::BeginPlot("##model-fit", ImVec2(-1, -1), options)) {
    plot::PlotScatter("train", xs.data(), ys.data(), static_cast<int>(xs.size()), nullptr, colors::kTrainCurve, 3.0f);
    plot::PlotScatter("test", txs.data(), tys.data(), static_cast<int>(txs.size()), nullptr, colors::kTestCurve, 3.0f);
    if (!s.curve_low.empty()) {  // a predictive band: mean ± 2σ
      const ImU32 band = IM_COL32(245, 147, 34, 150);
      plot::PlotLine("mean ± 2σ", s.curve_x.data(), s.curve_low.data(), static_cast<int>(s.curve_x.size()), band, 1.2f);
      plot::PlotLine("mean ± 2σ##high", s.curve_x.data(), s.curve_high.data(), static_cast<int>(s.curve_x.size()), band, 1.2f);
    }
    // The noise-free truth of generated one-input data, through every row in order of x.
    if (raw && d.features.cols() == 1 && d.noise_free_targets.size() == d.features.rows()) {
      std::vector<std::pair<float, float>> truth;
      for (Eigen::Index r = 0; r < d.features.rows(); ++r)
        truth.emplace_back(static_cast<float>(d.features(r, 0)), static_cast<float>(d.noise_free_targets(r)));
      std::sort(truth.begin(), truth.end());
      std::vector<float> tx, ty;
      for (const auto& [x, y] : truth) tx.push_back(x), ty.push_back(y);
      plot::PlotLine("truth (no noise)", tx.data(), ty.data(), static_cast<int>(tx.size()), IM_COL32(196, 64, 32, 200), 1.5f);
    }
    if (!s.curve_x.empty())
      plot::PlotLine(model_label, s.curve_x.data(), s.curve_y.data(), static_cast<int>(s.curve_x.size()), colors::kNegative, 2.5f);
    plot::EndPlot();
  }
}

void ScoreRow(const char* name, double train, double test, const char* format) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(name);
  ImGui::TableNextColumn();
  ImGui::Text(format, train);
  ImGui::TableNextColumn();
  ImGui::Text(format, test);
}

void DrawMetrics(ModelsWorkspace& workspace, const ModelSnapshot& s) {
  const Dataset& d = *workspace.data()->data;
  if (s.progress.steps == 0) {
    ImGui::TextDisabled("Press Play or Step to fit the model.");
    return;
  }
  if (ImGui::BeginTable("##scores", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("metric");
    ImGui::TableSetupColumn("train");
    ImGui::TableSetupColumn("test");
    ImGui::TableHeadersRow();
    if (s.kind == classic::ModelKind::kClassifier) {
      ScoreRow("accuracy", s.train_report.accuracy, s.test_report.accuracy, "%.4f");
      ScoreRow("precision (macro)", s.train_report.macro_precision, s.test_report.macro_precision, "%.4f");
      ScoreRow("recall (macro)", s.train_report.macro_recall, s.test_report.macro_recall, "%.4f");
      ScoreRow("F1 (macro)", s.train_report.macro_f1, s.test_report.macro_f1, "%.4f");
    } else if (s.kind == classic::ModelKind::kRegressor) {
      ScoreRow("R²", s.train_regression.r2, s.test_regression.r2, "%.4f");
      ScoreRow("MSE", s.train_regression.mse, s.test_regression.mse, "%.5g");
      ScoreRow("MAE", s.train_regression.mae, s.test_regression.mae, "%.5g");
    }
    ImGui::EndTable();
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (s.kind == classic::ModelKind::kClassifier && s.test_report.confusion.size() > 0) {
    const int k = static_cast<int>(s.test_report.confusion.rows());
    std::vector<int64_t> counts(static_cast<size_t>(k) * k);
    for (int t = 0; t < k; ++t)
      for (int p = 0; p < k; ++p) counts[static_cast<size_t>(t) * k + p] = s.test_report.confusion(t, p);
    const float side = std::min(avail.x / (s.roc.x.empty() ? 1.0f : 3.0f), avail.y) - ImGui::GetStyle().ItemSpacing.x;
    plot::PlotConfusionMatrix("##confusion", counts.data(), k, side);
    if (!s.roc.x.empty()) {
      const auto curve = [&](const char* id, const Curve& c, const char* x_label, const char* y_label, const char* name) {
        std::vector<float> x(c.x.begin(), c.x.end()), y(c.y.begin(), c.y.end());
        plot::PlotOptions o;
        o.x = o.y = {0, 1};
        o.x_label = x_label;
        o.y_label = y_label;
        o.allow_pan_zoom = false;
        char label[64];
        std::snprintf(label, sizeof label, "%s %.3f", name, c.area);
        ImGui::SameLine();
        if (plot::BeginPlot(id, ImVec2(side, side), o)) {
          plot::PlotLine(label, x.data(), y.data(), static_cast<int>(x.size()), colors::kPositive);
          plot::EndPlot();
        }
      };
      curve("##roc", s.roc, "false positive rate", "true positive rate", "AUC");
      curve("##pr", s.pr, "recall", "precision", "AP");
    }
    ImGui::TextDisabled("Test rows. Classes: %s", [&] {
      static std::string names;
      names.clear();
      for (size_t c = 0; c < d.class_names.size() && c < 12; ++c) names += (c ? ", " : "") + std::to_string(c) + " = " + d.class_names[c];
      return names.c_str();
    }());
  } else if (s.kind == classic::ModelKind::kRegressor && s.test_predicted.size() > 0) {
    const auto& test = workspace.data()->split.test;
    std::vector<float> predicted, residual;
    for (size_t i = 0; i < test.size(); ++i) {
      predicted.push_back(static_cast<float>(s.test_predicted(static_cast<Eigen::Index>(i))));
      residual.push_back(static_cast<float>(d.targets(test[i]) - s.test_predicted(static_cast<Eigen::Index>(i))));
    }
    plot::PlotOptions options;
    options.auto_fit_x = options.auto_fit_y = true;
    options.x_label = "predicted (test rows)";
    options.y_label = "residual = true − predicted";
    if (plot::BeginPlot("##residuals", ImVec2(-1, -1), options)) {
      plot::PlotScatter("residuals", predicted.data(), residual.data(), static_cast<int>(predicted.size()), nullptr,
                        colors::kTestCurve, 3.0f);
      plot::EndPlot();
    }
  }
}

void DrawProgress(const ModelSnapshot& s) {
  if (s.objective_history.empty()) {
    ImGui::TextDisabled("Press Play or Step to fit the model.");
    return;
  }
  std::vector<float> steps, values;
  for (size_t i = 0; i < s.objective_history.size(); ++i) {
    steps.push_back(static_cast<float>(i + 1));
    values.push_back(static_cast<float>(s.objective_history[i]));
  }
  plot::PlotOptions options;
  options.auto_fit_x = options.auto_fit_y = true;
  options.x_label = "step";
  options.y_label = s.progress.objective_name.empty() ? "objective" : s.progress.objective_name.c_str();
  if (plot::BeginPlot("##objective", ImVec2(-1, -1), options)) {
    plot::PlotLine("objective", steps.data(), values.data(), static_cast<int>(steps.size()), colors::kTrainCurve);
    plot::EndPlot();
  }
}

// One tree, or a chosen tree of a forest.
void DrawTrees(ModelsWorkspace& workspace, const ModelSnapshot& s, WidgetRegistry& widgets) {
  const auto& trees = s.insight.trees;
  if (trees.empty()) {
    ImGui::TextDisabled("No tree yet: press Step to grow it split by split, or Play.");
    return;
  }
  TreeViewState& state = workspace.tree_view();
  const int count = static_cast<int>(trees.size());
  if (count > 1 || (workspace.entry() && workspace.entry()->id.rfind("random_forest", 0) == 0)) {
    int shown = std::clamp(state.tree, 0, count - 1) + 1;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::SliderInt("tree of the forest", &shown, 1, count)) state.zoom = 0;  // refit for the new tree
    widgets.RecordLastItem("model:tree-index");
    state.tree = shown - 1;
  }
  DrawTreeDiagram(*trees[static_cast<size_t>(std::clamp(state.tree, 0, count - 1))], *workspace.data()->data, state);
}

}  // namespace

void DrawModelViews(ModelsWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets) {
  const auto snapshot = workspace.snapshot();
  if (!workspace.data() || !snapshot) {
    ImGui::TextDisabled(workspace.data() ? "Choose a model on the left." : "Load data in the Data tab first.");
    return;
  }
  // Trees and importances for the tree family, the projection for projectors; the rest for all.
  const classic::ModelEntry* entry = workspace.entry();
  const bool trees = entry && (entry->id.rfind("decision_tree", 0) == 0 || entry->id.rfind("random_forest", 0) == 0);
  const bool projector = snapshot->kind == classic::ModelKind::kProjector;
  const bool weights = entry && (entry->id == "linear_regression" || entry->id == "ridge" || entry->id == "lasso" ||
                                 entry->id == "linear_gd");
  const struct {
    ModelView view;
    const char* title;
    const char* key;
    bool shown;
  } tabs[] = {{ModelView::kMap, "Prediction map", "map", true},
              {ModelView::kFit, "1-D fit", "fit", !projector},
              {ModelView::kTree, "Tree", "tree", trees},
              {ModelView::kImportance, weights ? "Weights" : "Importance", "importance", trees || weights},
              {ModelView::kProjection, "Projection", "projection", projector},
              {ModelView::kMetrics, "Metrics", "metrics", !projector},
              {ModelView::kComplexity, "Complexity", "complexity", !workspace.sweep_axes().empty()},
              {ModelView::kProgress, "Progress", "progress", true}};
  bool current_shown = false;
  for (const auto& tab : tabs) current_shown |= tab.shown && tab.view == workspace.view();
  if (!current_shown) workspace.view() = ModelView::kMap;
  if (ImGui::BeginTabBar("##model-views")) {
    for (const auto& tab : tabs) {
      if (!tab.shown) continue;
      const bool force = workspace.select_view() && workspace.view() == tab.view;
      const bool open = ImGui::BeginTabItem(tab.title, nullptr, force ? ImGuiTabItemFlags_SetSelected : 0);
      widgets.RecordLastItem(std::string("model-view:") + tab.key);
      if (!open) continue;
      if (!workspace.select_view()) workspace.view() = tab.view;
      ImGui::EndTabItem();
    }
    workspace.select_view() = false;
    ImGui::EndTabBar();
  }
  if (!snapshot->description.empty()) Caption(snapshot->description.c_str());
  const Dataset& d = *workspace.data()->data;
  switch (workspace.view()) {
    case ModelView::kMap: DrawMap(workspace, *snapshot); break;
    case ModelView::kFit: DrawFit(workspace, *snapshot); break;
    case ModelView::kMetrics: DrawMetrics(workspace, *snapshot); break;
    case ModelView::kProgress: DrawProgress(*snapshot); break;
    case ModelView::kTree: DrawTrees(workspace, *snapshot, widgets); break;
    case ModelView::kImportance: DrawImportanceView(*snapshot, d); break;
    case ModelView::kProjection: DrawProjectionView(*snapshot, *workspace.data()); break;
    case ModelView::kComplexity: DrawComplexityView(workspace, widgets); break;
  }
  (void)fonts;
}

}  // namespace mlp::ui
