#include "ui/models/model_insight_views.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

#include <Eigen/Eigenvalues>

#include "ui/data/views/view_common.h"
#include "ui/plot/plot.h"
#include "ui/theme.h"

namespace mlp::ui {
namespace {

constexpr double kPi = 3.14159265358979323846;
const ImU32 kInk = IM_COL32(30, 30, 30, 255);

// Closed curve {mean + k·L·(cos t, sin t)} where L·Lᵀ is the 2×2 covariance: the k-σ ellipse.
void PlotEllipse(const char* label, double cx, double cy, const Eigen::Matrix2d& covariance, double k, ImU32 color,
                 float thickness) {
  Eigen::SelfAdjointEigenSolver<Eigen::Matrix2d> eigen(covariance);
  const Eigen::Vector2d scale = eigen.eigenvalues().cwiseMax(0.0).cwiseSqrt() * k;
  const Eigen::Matrix2d axes = eigen.eigenvectors();
  constexpr int kPoints = 65;
  std::vector<float> xs(kPoints), ys(kPoints);
  for (int i = 0; i < kPoints; ++i) {
    const double t = 2 * kPi * i / (kPoints - 1);
    const Eigen::Vector2d p = axes * Eigen::Vector2d(scale(0) * std::cos(t), scale(1) * std::sin(t));
    xs[static_cast<size_t>(i)] = static_cast<float>(cx + p(0));
    ys[static_cast<size_t>(i)] = static_cast<float>(cy + p(1));
  }
  plot::PlotLine(label, xs.data(), ys.data(), kPoints, color, thickness);
}

// A line from (x0, y0) to (x1, y1) with a two-stroke head, as one polyline broken by NaN.
void PlotArrow(const char* label, double x0, double y0, double x1, double y1, ImU32 color) {
  const double dx = x1 - x0, dy = y1 - y0, length = std::hypot(dx, dy);
  if (!(length > 0)) return;
  const double head = 0.18 * length, ux = dx / length, uy = dy / length;
  const float nan = std::nanf("");
  const float xs[] = {float(x0), float(x1), nan, float(x1 - head * (ux - 0.5 * uy)), float(x1), float(x1 - head * (ux + 0.5 * uy))};
  const float ys[] = {float(y0), float(y1), nan, float(y1 - head * (uy + 0.5 * ux)), float(y1), float(y1 - head * (uy - 0.5 * ux))};
  plot::PlotLine(label, xs, ys, 6, color, 2.5f);
}

}  // namespace

void DrawMapOverlays(const ModelSnapshot& s, const PreparedData& data, int fx, int fy) {
  const classic::ModelInsight& insight = s.insight;
  // Level lines: a binary SVM's boundary (0) bold, its margins (±1) thin; mixture density contours.
  if (!s.field.empty() && !s.field_levels.empty()) {
    const plot::Range x{s.x_min, s.x_max}, y{s.y_min, s.y_max};
    if (s.kind == classic::ModelKind::kClassifier) {
      for (double level : s.field_levels)
        plot::PlotContour(level == 0 ? "decision boundary" : "margin##level", s.field.data(), s.grid_size, s.grid_size, x, y,
                          &level, 1, level == 0 ? kInk : IM_COL32(60, 60, 60, 200), level == 0 ? 2.5f : 1.2f);
    } else {
      plot::PlotContour("log density", s.field.data(), s.grid_size, s.grid_size, x, y, s.field_levels.data(),
                        static_cast<int>(s.field_levels.size()), IM_COL32(40, 40, 40, 170), 1.0f);
    }
  }
  // Mixture components: 1σ and 2σ ellipses of each component's covariance in the plane.
  if (!insight.covariances.empty()) {
    for (size_t k = 0; k < insight.covariances.size(); ++k) {
      const Eigen::MatrixXd& c = insight.covariances[k];
      if (c.rows() <= std::max(fx, fy)) continue;
      Eigen::Matrix2d plane;
      plane << c(fx, fx), c(fx, fy), c(fy, fx), c(fy, fy);
      const double cx = insight.centers(static_cast<Eigen::Index>(k), fx), cy = insight.centers(static_cast<Eigen::Index>(k), fy);
      const ImU32 color = plot::PaletteColor(static_cast<int>(k));
      PlotEllipse("1σ ellipse##component", cx, cy, plane, 1.0, color, 2.5f);
      PlotEllipse("2σ ellipse##component", cx, cy, plane, 2.0, color, 1.2f);
    }
  }
  // k-means: each centre's path through the Lloyd updates of this run.
  if (insight.center_path.size() > 1) {
    for (Eigen::Index c = 0; c < insight.centers.rows(); ++c) {
      std::vector<float> xs, ys;
      for (const Eigen::MatrixXd& centers : insight.center_path) {
        xs.push_back(static_cast<float>(centers(c, fx)));
        ys.push_back(static_cast<float>(centers(c, fy)));
      }
      plot::PlotLine("centre path", xs.data(), ys.data(), static_cast<int>(xs.size()), IM_COL32(40, 40, 40, 200), 1.5f);
    }
  }
  // Principal axes from the mean, each 2 standard deviations long along its variance.
  if (insight.components.rows() > 0 && insight.mean.size() > std::max(fx, fy)) {
    const Eigen::Index axes = std::min<Eigen::Index>(insight.components.rows(), 3);
    for (Eigen::Index a = 0; a < axes; ++a) {
      const double sd = std::sqrt(std::max(0.0, insight.all_explained_variance(a)));
      const double x0 = insight.mean(fx), y0 = insight.mean(fy);
      char label[32];
      std::snprintf(label, sizeof label, "PC%d", static_cast<int>(a + 1));
      PlotArrow(label, x0, y0, x0 + 2 * sd * insight.components(a, fx), y0 + 2 * sd * insight.components(a, fy),
                a == 0 ? kInk : IM_COL32(196, 64, 32, 255));
    }
  }
  (void)data;
}

void DrawSupportVectors(const ModelSnapshot& s, const PreparedData& data, int fx, int fy) {
  const classic::ModelInsight& insight = s.insight;
  if (insight.centers.size() > 0 && insight.covariances.empty() && insight.centers.cols() > std::max(fx, fy)) {
    // k-means centres (mixture means are the ellipses' centres): large markers on top.
    std::vector<float> xs, ys;
    std::vector<ImU32> colors;
    for (Eigen::Index c = 0; c < insight.centers.rows(); ++c) {
      xs.push_back(static_cast<float>(insight.centers(c, fx)));
      ys.push_back(static_cast<float>(insight.centers(c, fy)));
      colors.push_back(plot::PaletteColor(static_cast<int>(c)));
    }
    plot::PlotScatter("centres", xs.data(), ys.data(), static_cast<int>(xs.size()), colors.data(), kInk, 8.0f, kInk);
  }
  if (insight.support_indices.empty()) return;
  const Dataset& d = *data.data;
  std::vector<float> xs, ys;
  for (Eigen::Index i : insight.support_indices) {
    if (i < 0 || static_cast<size_t>(i) >= data.split.train.size()) continue;
    const int64_t row = data.split.train[static_cast<size_t>(i)];
    xs.push_back(static_cast<float>(d.features(row, fx)));
    ys.push_back(static_cast<float>(d.features(row, fy)));
  }
  // Rings, drawn straight into the plot (a scatter marker is always filled).
  const plot::PlotView view = plot::GetPlotView();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(view.plot_min, view.plot_max, true);
  const float radius = ImGui::GetFontSize() * 0.42f;
  for (size_t i = 0; i < xs.size(); ++i) {
    const float px = view.plot_min.x + static_cast<float>((xs[i] - view.x.min) / (view.x.max - view.x.min)) * (view.plot_max.x - view.plot_min.x);
    const float py = view.plot_max.y - static_cast<float>((ys[i] - view.y.min) / (view.y.max - view.y.min)) * (view.plot_max.y - view.plot_min.y);
    dl->AddCircle(ImVec2(px, py), radius, kInk, 16, 1.6f);
  }
  dl->PopClipRect();
}

void DrawMapLegend(const ModelSnapshot& s) {
  const classic::ModelInsight& insight = s.insight;
  if (!insight.support_indices.empty())
    ImGui::TextDisabled("%d support vectors (ringed).%s", static_cast<int>(insight.support_indices.size()),
                        s.field.empty() ? "" : " Bold line: decision boundary (value 0); thin lines: the margins (value -1 and +1).");
  else if (!insight.covariances.empty())
    ImGui::TextDisabled("Ellipses: each component's 1 and 2 standard deviations; grey lines: contours of the log density.");
  else if (insight.center_path.size() > 1 || (insight.centers.size() > 0 && s.kind == classic::ModelKind::kClusterer))
    ImGui::TextDisabled("Large dots: the centres; lines: how each centre moved in this run (%d updates). Regions: nearest centre.",
                        static_cast<int>(insight.center_path.size()) - 1);
  else if (insight.components.rows() > 0)
    ImGui::TextDisabled("Arrows: the principal axes from the mean, 2 standard deviations long. Colour: score on the first axis.");
}

void DrawImportanceView(const ModelSnapshot& s, const Dataset& data) {
  // Trees: impurity importances (all ≥ 0). Linear models: signed weights, zero ones greyed.
  const bool weights = s.insight.feature_importances.size() == 0;
  const Eigen::VectorXd& values = weights ? s.insight.coefficients : s.insight.feature_importances;
  if (values.size() == 0) {
    ImGui::TextDisabled("Press Step or Play: the bars appear once the model is fitted.");
    return;
  }
  if (weights) {
    int zeros = 0;
    for (Eigen::Index i = 0; i < values.size(); ++i) zeros += values(i) == 0.0 ? 1 : 0;
    ImGui::TextDisabled("The weight of each feature (as the model sees it, after the data chain); %d of %d exactly zero.", zeros,
                        static_cast<int>(values.size()));
  } else {
    ImGui::TextDisabled("Impurity importance: how much each feature's splits reduced the impurity, as a share of the total.");
  }
  std::vector<int> order(static_cast<size_t>(values.size()));
  std::iota(order.begin(), order.end(), 0);
  if (!weights) std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return values(a) > values(b); });
  const auto name_of = [&](int f) {
    return f < static_cast<int>(data.feature_names.size()) ? data.feature_names[static_cast<size_t>(f)] : "x" + std::to_string(f);
  };
  float name_width = 0;
  for (int f : order) name_width = std::max(name_width, ImGui::CalcTextSize(name_of(f).c_str()).x);
  const float line = std::min(ImGui::GetFrameHeight(), std::max(4.0f, ImGui::GetContentRegionAvail().y / static_cast<float>(order.size() + 1)));
  const float value_width = ImGui::CalcTextSize(" -0.000e+00 ").x;
  const float bar_space = std::max(40.0f, ImGui::GetContentRegionAvail().x - name_width - 2 * value_width - 16);
  const double top = std::max(1e-300, values.cwiseAbs().maxCoeff());
  const bool signed_bars = weights && values.minCoeff() < 0;
  // Signed bars grow both ways from a zero line in the middle.
  const float zero_x = signed_bars ? bar_space / 2 : 0.0f, scale = signed_bars ? bar_space / 2 : bar_space;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool show_names = line >= ImGui::GetTextLineHeight();
  for (int f : order) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string name = name_of(f);
    const float text_y = at.y + (line - ImGui::GetTextLineHeight()) / 2;
    if (show_names)
      dl->AddText(ImVec2(at.x + name_width - ImGui::CalcTextSize(name.c_str()).x, text_y), ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
    const float x0 = at.x + name_width + 8 + zero_x;
    const float length = static_cast<float>(values(f) / top) * scale;
    const ImU32 color = values(f) == 0.0 ? colors::kPanelBorder : values(f) > 0 ? colors::kPositive : colors::kNegative;
    dl->AddRectFilled(ImVec2(std::min(x0, x0 + length), at.y + 2), ImVec2(std::max(x0, x0 + length), at.y + line - 2), color, 2.0f);
    if (signed_bars) dl->AddLine(ImVec2(x0, at.y), ImVec2(x0, at.y + line), colors::kMutedText);
    if (show_names) {
      char text[24];
      std::snprintf(text, sizeof text, weights ? "%.4g" : "%.3f", values(f));
      dl->AddText(ImVec2(at.x + name_width + 8 + bar_space + 6, text_y), colors::kMutedText, text);
    }
    ImGui::Dummy(ImVec2(name_width + bar_space, line));
  }
}

void DrawProjectionView(const ModelSnapshot& s, const PreparedData& data) {
  const classic::ModelInsight& insight = s.insight;
  if (insight.components.rows() == 0) {
    ImGui::TextDisabled("Press Step or Play to find the principal axes.");
    return;
  }
  const Dataset& d = *data.data;
  const RowColors color(d);
  const Eigen::Index axes = insight.components.rows();
  std::vector<float> xs, ys;
  std::vector<ImU32> colors;
  for (int64_t r : data.split.train) {
    const Eigen::RowVectorXd centred = d.features.row(r) - insight.mean;
    xs.push_back(static_cast<float>(centred.dot(insight.components.row(0))));
    ys.push_back(axes > 1 ? static_cast<float>(centred.dot(insight.components.row(1))) : 0.0f);
    colors.push_back(color(r));
  }
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::min(avail.x * 0.58f, avail.y);
  char x_label[48], y_label[48];
  std::snprintf(x_label, sizeof x_label, "PC1 (%.1f%% of the variance)", 100 * insight.explained_variance_ratio(0));
  std::snprintf(y_label, sizeof y_label, axes > 1 ? "PC2 (%.1f%% of the variance)" : "(one component kept)",
                axes > 1 ? 100 * insight.explained_variance_ratio(1) : 0.0);
  plot::PlotOptions options;
  options.auto_fit_x = options.auto_fit_y = true;
  options.x_label = x_label;
  options.y_label = y_label;
  options.show_legend = false;
  if (plot::BeginPlot("##pca-scores", ImVec2(side, side), options)) {
    plot::PlotScatter("training rows", xs.data(), ys.data(), static_cast<int>(xs.size()), colors.data(), plot::PaletteColor(0), 3.0f);
    plot::EndPlot();
  }
  // Scree: every axis's share of the variance, and the running total.
  const Eigen::VectorXd& all = insight.all_explained_variance;
  const double total = all.sum();
  const int shown = static_cast<int>(std::min<Eigen::Index>(all.size(), 30));
  std::vector<float> edges, shares, centres, cumulative;
  double running = 0;
  for (int i = 0; i < shown; ++i) {
    edges.push_back(i + 0.6f);
    shares.push_back(total > 0 ? static_cast<float>(all(i) / total) : 0.0f);
    running += total > 0 ? all(i) / total : 0.0;
    centres.push_back(i + 1.0f);
    cumulative.push_back(static_cast<float>(running));
  }
  edges.push_back(shown + 0.6f);
  ImGui::SameLine();
  plot::PlotOptions scree;
  scree.x = {0.4, shown + 0.6};
  scree.y = {0, 1.05};
  scree.x_label = "principal axis";
  scree.y_label = "share of the variance";
  scree.allow_pan_zoom = false;
  if (plot::BeginPlot("##pca-scree", ImVec2(-1, side), scree)) {
    plot::PlotBars("each axis", edges.data(), shares.data(), shown, colors::kPositive);
    plot::PlotLine("running total", centres.data(), cumulative.data(), shown, colors::kNegative, 2.0f);
    plot::EndPlot();
  }
}

}  // namespace mlp::ui
