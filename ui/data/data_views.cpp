// The right-hand side of the Data tab: the view tabs over the loaded or prepared data.
#include "ui/data/views/view_common.h"
#include "ui/panels/panel_context.h"

namespace mlp::ui {
namespace {

struct ViewTab {
  DataView view;
  const char* title;
  const char* key;  // for tests: "view:<key>"
};
constexpr ViewTab kTabs[] = {
    {DataView::kTable, "Table", "table"},
    {DataView::kHistograms, "Histograms", "histograms"},
    {DataView::kCorrelation, "Correlation", "correlation"},
    {DataView::kScatterMatrix, "Scatter matrix", "scatter-matrix"},
    {DataView::kClassBalance, "Classes", "classes"},
    {DataView::kGallery, "Images / signals", "images"},
    {DataView::kScatter3D, "3-D scatter", "scatter3d"},
};

}  // namespace

bool SelectDataView(DataWorkspace& workspace, std::string_view key) {
  for (const ViewTab& tab : kTabs)
    if (key == tab.key) {
      workspace.view().view = tab.view;
      workspace.view().select_tab = true;
      return true;
    }
  return false;
}

void DrawDataViews(DataWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets) {
  DataViewState& view = workspace.view();
  if (!workspace.raw()) {
    ImGui::TextDisabled(workspace.busy() ? "Loading…" : "No data yet: pick a source on the left.");
    return;
  }
  if (ImGui::BeginTabBar("##data-views")) {
    for (const ViewTab& tab : kTabs) {
      const bool force = view.select_tab && view.view == tab.view;
      const bool selected = ImGui::BeginTabItem(tab.title, nullptr, force ? ImGuiTabItemFlags_SetSelected : 0);
      widgets.RecordLastItem(std::string("view:") + tab.key);
      if (!selected) continue;
      if (!view.select_tab) view.view = tab.view;
      ImGui::EndTabItem();
    }
    view.select_tab = false;
    ImGui::EndTabBar();
  }
  if (view.view != DataView::kGallery) {
    ImGui::Checkbox("after preprocessing", &view.show_prepared);
    widgets.RecordLastItem("show-prepared");
  }
  switch (view.view) {
    case DataView::kTable: DrawTableView(workspace, widgets); break;
    case DataView::kHistograms: DrawHistogramView(workspace); break;
    case DataView::kCorrelation: DrawCorrelationView(workspace); break;
    case DataView::kScatterMatrix: DrawScatterMatrixView(workspace); break;
    case DataView::kClassBalance: DrawClassBalanceView(workspace); break;
    case DataView::kGallery: DrawGalleryView(workspace); break;
    case DataView::kScatter3D: DrawScatter3DView(workspace, widgets); break;
  }
  (void)fonts;
}

}  // namespace mlp::ui
