// Rotatable 3-D scatter of three chosen features: drag to turn it, each axis scaled to [−1, 1],
// orthographic projection, points painted back to front.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "ui/data/views/view_common.h"
#include "ui/plot/marker_sprite.h"

namespace mlp::ui {
namespace {

constexpr Eigen::Index kMaxPoints = 4000;

bool AxisCombo(const char* id, const Dataset& data, int* axis) {
  bool changed = false;
  const int columns = static_cast<int>(data.features.cols());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
  if (ImGui::BeginCombo(id, data.feature_names[static_cast<size_t>(*axis)].c_str())) {
    for (int c = 0; c < std::min(columns, 400); ++c)
      if (ImGui::Selectable(data.feature_names[static_cast<size_t>(c)].c_str(), c == *axis)) {
        *axis = c;
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

}  // namespace

void DrawScatter3DView(DataWorkspace& workspace, WidgetRegistry& widgets) {
  const Dataset* data = ViewedData(workspace);
  DataViewState& view = workspace.view();
  const int columns = static_cast<int>(data->features.cols());
  if (columns < 1) return;
  for (int& a : view.axes3d) a = std::clamp(a, 0, columns - 1);
  AxisCombo("x##3d", *data, &view.axes3d[0]);
  ImGui::SameLine();
  AxisCombo("y##3d", *data, &view.axes3d[1]);
  ImGui::SameLine();
  AxisCombo("z##3d", *data, &view.axes3d[2]);

  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float side = std::max(100.0f, std::min(avail.x, avail.y));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##3d-canvas", ImVec2(side, side));
  widgets.RecordLastItem("scatter3d");
  if (ImGui::IsItemActive()) {
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    view.yaw += d.x * 0.01f;
    view.pitch = std::clamp(view.pitch + d.y * 0.01f, -1.5f, 1.5f);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to rotate");

  // Rotation: yaw about the vertical axis, then pitch about the horizontal one.
  const float cy = std::cos(view.yaw), sy = std::sin(view.yaw), cp = std::cos(view.pitch), sp = std::sin(view.pitch);
  const ImVec2 centre(origin.x + side / 2, origin.y + side / 2);
  const float radius = side * 0.32f;
  auto project = [&](float x, float y, float z, float* depth) {
    const float x1 = cy * x + sy * z, z1 = -sy * x + cy * z;  // yaw
    const float y2 = cp * y - sp * z1, z2 = sp * y + cp * z1;  // pitch
    *depth = z2;
    return ImVec2(centre.x + x1 * radius, centre.y - y2 * radius);
  };

  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->PushClipRect(origin, ImVec2(origin.x + side, origin.y + side), true);
  float depth;
  const ImU32 axis_color = IM_COL32(150, 150, 150, 255);
  const float corners[8][3] = {{-1, -1, -1}, {1, -1, -1}, {-1, 1, -1}, {1, 1, -1}, {-1, -1, 1}, {1, -1, 1}, {-1, 1, 1}, {1, 1, 1}};
  for (int a = 0; a < 8; ++a)
    for (int b = a + 1; b < 8; ++b) {
      const int differing = (corners[a][0] != corners[b][0]) + (corners[a][1] != corners[b][1]) + (corners[a][2] != corners[b][2]);
      if (differing != 1) continue;
      draw->AddLine(project(corners[a][0], corners[a][1], corners[a][2], &depth),
                    project(corners[b][0], corners[b][1], corners[b][2], &depth), IM_COL32(225, 225, 225, 255));
    }
  const char* names[3] = {data->feature_names[static_cast<size_t>(view.axes3d[0])].c_str(),
                          data->feature_names[static_cast<size_t>(view.axes3d[1])].c_str(),
                          data->feature_names[static_cast<size_t>(view.axes3d[2])].c_str()};
  const float tips[3][3] = {{1.25f, -1, -1}, {-1, 1.25f, -1}, {-1, -1, 1.25f}};
  const ImVec2 base = project(-1, -1, -1, &depth);
  for (int a = 0; a < 3; ++a) {
    const ImVec2 tip = project(tips[a][0], tips[a][1], tips[a][2], &depth);
    draw->AddLine(base, tip, axis_color, 1.5f);
    draw->AddText(tip, colors::kMutedText, names[a]);
  }

  // Points: scaled per axis to [−1, 1], painted far to near.
  const std::vector<Eigen::Index> rows = SampleRows(data->size(), kMaxPoints);
  float lo[3], hi[3];
  for (int a = 0; a < 3; ++a) {
    lo[a] = INFINITY, hi[a] = -INFINITY;
    for (Eigen::Index r : rows) {
      const float v = static_cast<float>(data->features(r, view.axes3d[a]));
      if (std::isfinite(v)) lo[a] = std::min(lo[a], v), hi[a] = std::max(hi[a], v);
    }
    if (!(lo[a] < hi[a])) hi[a] = lo[a] + 1;
  }
  struct Point {
    ImVec2 screen;
    float depth;
    ImU32 color;
  };
  std::vector<Point> points;
  points.reserve(rows.size());
  const RowColors color(*data);
  for (Eigen::Index r : rows) {
    float p[3];
    bool finite = true;
    for (int a = 0; a < 3; ++a) {
      const float v = static_cast<float>(data->features(r, view.axes3d[a]));
      finite &= std::isfinite(v);
      p[a] = 2 * (v - lo[a]) / (hi[a] - lo[a]) - 1;
    }
    if (!finite) continue;
    Point point;
    point.screen = project(p[0], p[1], p[2], &point.depth);
    point.color = color(r);
    points.push_back(point);
  }
  std::sort(points.begin(), points.end(), [](const Point& a, const Point& b) { return a.depth < b.depth; });
  const float dot = std::max(1.5f, ImGui::GetFontSize() * 0.18f);
  for (const Point& p : points) {
    plot::AddMarker(draw, p.screen, dot + 0.8f, IM_COL32(255, 255, 255, 255));  // 4 vertices each
    plot::AddMarker(draw, p.screen, dot, p.color);
  }
  draw->PopClipRect();
}

}  // namespace mlp::ui
