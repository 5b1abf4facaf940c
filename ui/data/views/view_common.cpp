#include "ui/data/views/view_common.h"

#include <algorithm>
#include <cmath>

#include "core/base/format.h"

namespace mlp::ui {

const Dataset* ViewedData(DataWorkspace& workspace) {
  if (workspace.view().show_prepared && workspace.prepared()) return workspace.prepared()->data.get();
  return workspace.raw().get();
}

RowColors::RowColors(const Dataset& data) : data_(data) {
  if (data.task == TaskKind::kRegression && data.targets.size() > 0) {
    lo_ = data.targets.minCoeff();
    hi_ = data.targets.maxCoeff();
  }
}

ImU32 RowColors::operator()(Eigen::Index row) const {
  if (data_.task == TaskKind::kClassification) return plot::PaletteColor(static_cast<int>(data_.targets(row)));
  const double t = hi_ > lo_ ? (data_.targets(row) - lo_) / (hi_ - lo_) : 0.5;
  return plot::SampleColormap(plot::Colormap::kViridis, static_cast<float>(t));
}

std::string TargetText(const Dataset& data, Eigen::Index row) {
  const double t = data.targets(row);
  if (data.task == TaskKind::kClassification) {
    const auto k = static_cast<size_t>(t);
    return k < data.class_names.size() ? data.class_names[k] : FormatNumber(t);
  }
  return FormatNumber(t);
}

std::vector<Eigen::Index> SampleRows(Eigen::Index rows, Eigen::Index limit) {
  const Eigen::Index stride = std::max<Eigen::Index>(1, (rows + limit - 1) / std::max<Eigen::Index>(limit, 1));
  std::vector<Eigen::Index> picked;
  for (Eigen::Index r = 0; r < rows; r += stride) picked.push_back(r);
  return picked;
}

}  // namespace mlp::ui
