#include "core/data/preprocess/preprocess_step.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>

namespace mlp {

std::string FormatValue(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.15g", value);
  return text;
}

std::string ColumnStep::Describe() const {
  if (requested_columns_.empty()) return Name();
  std::string list;
  for (int column : requested_columns_) list += (list.empty() ? "" : ", ") + std::to_string(column);
  return Name() + (requested_columns_.size() == 1 ? " (column " : " (columns ") + list + ")";
}

std::string ColumnStep::ColumnLabel(int j) const {
  return "column " + std::to_string(selected_[static_cast<size_t>(j)]);
}

Status ColumnStep::Fit(const Eigen::MatrixXd& train) {
  input_columns_ = -1;
  if (train.rows() == 0 || train.cols() == 0) {
    return Status::Error(Describe() + ": the training table is empty (" + std::to_string(train.rows()) +
                         " rows × " + std::to_string(train.cols()) + " columns); nothing to fit on.");
  }
  std::vector<int> selected = requested_columns_;
  if (selected.empty()) {
    for (int c = 0; c < static_cast<int>(train.cols()); ++c) selected.push_back(c);
  }
  std::vector<int> sorted = selected;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (sorted[i] < 0 || sorted[i] >= train.cols()) {
      return Status::Error(Describe() + ": column " + std::to_string(sorted[i]) + " does not exist; the table has " +
                           std::to_string(train.cols()) + " columns (0 to " + std::to_string(train.cols() - 1) + ").");
    }
    if (i > 0 && sorted[i] == sorted[i - 1]) {
      return Status::Error(Describe() + ": column " + std::to_string(sorted[i]) + " is selected twice.");
    }
  }
  selected_ = selected;
  const Eigen::MatrixXd chosen = Gather(train);
  if (Status values = CheckValues(chosen); !values.ok()) return values;
  if (Status fitted = FitSelected(chosen); !fitted.ok()) return fitted;
  input_columns_ = train.cols();
  return Status::Ok();
}

Result<Eigen::MatrixXd> ColumnStep::Transform(const Eigen::MatrixXd& rows) const {
  if (!fitted()) return Status::Error(Describe() + ": fit the step on the training rows before applying it.");
  if (rows.cols() != input_columns_) {
    return Status::Error(Describe() + ": the step was fitted on " + std::to_string(input_columns_) +
                         " columns but is given " + std::to_string(rows.cols()) + ".");
  }
  const Eigen::MatrixXd chosen = Gather(rows);
  if (Status values = CheckValues(chosen); !values.ok()) return values;
  Result<Eigen::MatrixXd> block = TransformSelected(chosen);
  if (!block.ok()) return block.status();
  const Eigen::MatrixXd& out_block = block.value();
  assert(out_block.rows() == rows.rows());

  if (KeepsColumnCount()) {
    assert(out_block.cols() == static_cast<Eigen::Index>(selected_.size()));
    Eigen::MatrixXd out = rows;
    for (size_t j = 0; j < selected_.size(); ++j) out.col(selected_[j]) = out_block.col(static_cast<Eigen::Index>(j));
    return out;
  }
  const int first = *std::min_element(selected_.begin(), selected_.end());
  const Eigen::Index passed = rows.cols() - static_cast<Eigen::Index>(selected_.size());
  Eigen::MatrixXd out(rows.rows(), passed + out_block.cols());
  Eigen::Index next = 0;
  for (int c = 0; c < static_cast<int>(rows.cols()); ++c) {
    if (c == first) {
      out.middleCols(next, out_block.cols()) = out_block;
      next += out_block.cols();
    }
    if (std::find(selected_.begin(), selected_.end(), c) == selected_.end()) out.col(next++) = rows.col(c);
  }
  return out;
}

std::vector<std::string> ColumnStep::OutputNames(const std::vector<std::string>& input_names) const {
  assert(fitted() && "Fit the step before asking for its output names");
  assert(static_cast<Eigen::Index>(input_names.size()) == input_columns_ && "one name per input column");
  std::vector<std::string> chosen;
  for (int c : selected_) chosen.push_back(input_names[static_cast<size_t>(c)]);
  std::vector<std::string> block = SelectedOutputNames(chosen);
  if (KeepsColumnCount()) {
    std::vector<std::string> out = input_names;
    for (size_t j = 0; j < selected_.size(); ++j) out[static_cast<size_t>(selected_[j])] = block[j];
    return out;
  }
  const int first = *std::min_element(selected_.begin(), selected_.end());
  std::vector<std::string> out;
  for (int c = 0; c < static_cast<int>(input_names.size()); ++c) {
    if (c == first) out.insert(out.end(), block.begin(), block.end());
    if (std::find(selected_.begin(), selected_.end(), c) == selected_.end()) out.push_back(input_names[static_cast<size_t>(c)]);
  }
  return out;
}

Status ColumnStep::CheckValues(const Eigen::MatrixXd& selected) const {
  for (Eigen::Index j = 0; j < selected.cols(); ++j) {
    for (Eigen::Index i = 0; i < selected.rows(); ++i) {
      const double value = selected(i, j);
      if (std::isnan(value) && AcceptsMissing()) continue;
      if (std::isnan(value)) {
        return Status::Error(Describe() + ": " + ColumnLabel(static_cast<int>(j)) + " has missing values (row " +
                             std::to_string(i) + "); add an imputation step before this one.");
      }
      if (std::isinf(value)) {
        return Status::Error(Describe() + ": " + ColumnLabel(static_cast<int>(j)) + " holds an infinite value (row " +
                             std::to_string(i) + "); remove or replace it first.");
      }
    }
  }
  return Status::Ok();
}

Eigen::MatrixXd ColumnStep::Gather(const Eigen::MatrixXd& rows) const {
  Eigen::MatrixXd chosen(rows.rows(), static_cast<Eigen::Index>(selected_.size()));
  for (size_t j = 0; j < selected_.size(); ++j) chosen.col(static_cast<Eigen::Index>(j)) = rows.col(selected_[j]);
  return chosen;
}

}  // namespace mlp
