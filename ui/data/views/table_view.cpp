// Table view: the rows a page at a time, with each row's part of the split and its target.
#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "core/base/format.h"
#include "ui/data/views/view_common.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {
constexpr int kRowsPerPage = 100;
constexpr int kMaxColumns = 60;  // wider tables (images) show their first columns
}  // namespace

void DrawTableView(DataWorkspace& workspace, WidgetRegistry& widgets) {
  const Dataset* data = ViewedData(workspace);
  int& page = workspace.view().table_page;
  const int64_t rows = data->size();
  const int pages = static_cast<int>(std::max<int64_t>(1, (rows + kRowsPerPage - 1) / kRowsPerPage));
  page = std::clamp(page, 0, pages - 1);

  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) page = std::max(0, page - 1);
  widgets.RecordLastItem("table-prev");
  ImGui::SameLine();
  ImGui::Text("rows %lld–%lld of %lld", static_cast<long long>(page) * kRowsPerPage + 1,
              std::min<long long>((page + 1LL) * kRowsPerPage, rows), static_cast<long long>(rows));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) page = std::min(pages - 1, page + 1);
  widgets.RecordLastItem("table-next");
  const int columns = static_cast<int>(std::min<Eigen::Index>(data->features.cols(), kMaxColumns));
  if (data->features.cols() > kMaxColumns) {
    ImGui::SameLine();
    Caption(("first " + std::to_string(kMaxColumns) + " of " + std::to_string(data->features.cols()) + " columns").c_str());
  }

  std::unordered_set<int64_t> test_rows;
  if (const auto& prepared = workspace.prepared()) test_rows.insert(prepared->split.test.begin(), prepared->split.test.end());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##rows", columns + 3, flags, ImVec2(-1, -1))) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("row");
  ImGui::TableSetupColumn("part");
  for (int c = 0; c < columns; ++c) ImGui::TableSetupColumn(data->feature_names[static_cast<size_t>(c)].c_str());
  ImGui::TableSetupColumn(data->target_name.c_str());
  ImGui::TableHeadersRow();
  const int64_t first = static_cast<int64_t>(page) * kRowsPerPage;
  const int64_t last = std::min<int64_t>(first + kRowsPerPage, rows);
  char text[48];
  for (int64_t r = first; r < last; ++r) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(r + 1));
    ImGui::TableNextColumn();
    const bool test = test_rows.count(r) > 0;
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(test ? colors::kPositive : colors::kMutedText), test ? "test" : "train");
    for (int c = 0; c < columns; ++c) {
      ImGui::TableNextColumn();
      const double v = data->features(r, c);
      if (std::isnan(v)) {
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kWarning), "missing");
      } else {
        std::snprintf(text, sizeof text, "%.5g", v);
        ImGui::TextUnformatted(text);
      }
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(TargetText(*data, r).c_str());
  }
  ImGui::EndTable();
}

}  // namespace mlp::ui
