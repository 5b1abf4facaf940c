// Shared by the Data tab's views: which table to show and how to colour its rows.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/data/data_workspace.h"
#include "ui/plot/plot.h"

namespace mlp::ui {

// The data the views show: after the chain when asked and available, else as loaded. Never null
// when the workspace has data.
const Dataset* ViewedData(DataWorkspace& workspace);

// Colour of a row: its class (qualitative palette) or its target value (viridis over the range).
class RowColors {
public:
  explicit RowColors(const Dataset& data);
  ImU32 operator()(Eigen::Index row) const;
  ImU32 ClassColor(int k) const { return plot::PaletteColor(k); }

private:
  const Dataset& data_;
  double lo_ = 0.0, hi_ = 1.0;
};

// "setosa" or "12.5": the target of a row as the learner reads it.
std::string TargetText(const Dataset& data, Eigen::Index row);

// Every k-th row so that at most `limit` are drawn (deterministic; keeps the order).
std::vector<Eigen::Index> SampleRows(Eigen::Index rows, Eigen::Index limit);

// One view per file.
void DrawTableView(DataWorkspace& workspace, WidgetRegistry& widgets);
void DrawHistogramView(DataWorkspace& workspace);
void DrawCorrelationView(DataWorkspace& workspace);
void DrawScatterMatrixView(DataWorkspace& workspace);
void DrawClassBalanceView(DataWorkspace& workspace);
void DrawGalleryView(DataWorkspace& workspace);
void DrawScatter3DView(DataWorkspace& workspace, WidgetRegistry& widgets);

}  // namespace mlp::ui
