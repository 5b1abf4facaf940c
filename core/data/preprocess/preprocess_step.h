// PreprocessStep: one fitted transformation of a feature table (samples × columns), the unit of a
// PreprocessChain. Fit learns parameters from the TRAINING rows only; Transform applies them to any
// rows (train, test, new data). Fitting on all rows before a split leaks test information into the
// model — one of the course's errata (course-inventory §7) — so nothing here takes test rows.
// ColumnStep adds the column selection every built-in step has: it works on some columns and
// passes the others through unchanged.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"

namespace mlp {

class PreprocessStep {
public:
  virtual ~PreprocessStep() = default;
  // Short label for the visible chain, e.g. "impute (median)" or "standardise (columns 0, 2)".
  virtual std::string Describe() const = 0;
  // Learns the step's parameters from training rows only (samples × columns). Fails on bad input
  // (empty table, column out of range, values the step cannot take) with a message for the user.
  virtual Status Fit(const Eigen::MatrixXd& train) = 0;
  // Applies the fitted parameters to any rows with the training column count. Called before Fit,
  // it returns a failed Status (not an assert: the UI may show an unfitted chain).
  virtual Result<Eigen::MatrixXd> Transform(const Eigen::MatrixXd& rows) const = 0;
  // Column names after this step, given the names going in. Needs Fit first and one name per
  // input column (asserts: programmer errors).
  virtual std::vector<std::string> OutputNames(const std::vector<std::string>& input_names) const = 0;
};

// A step applied to a selection of columns (empty selection = every column); other columns pass
// through. Steps that keep the column count write their results back in place; steps that change
// it (one-hot, polynomial, PCA) replace the selected columns with their output block, placed where
// the first selected column was, the unselected columns keeping their order around it.
class ColumnStep : public PreprocessStep {
public:
  explicit ColumnStep(std::vector<int> columns) : requested_columns_(std::move(columns)) {}

  std::string Describe() const final;
  Status Fit(const Eigen::MatrixXd& train) final;
  Result<Eigen::MatrixXd> Transform(const Eigen::MatrixXd& rows) const final;
  std::vector<std::string> OutputNames(const std::vector<std::string>& input_names) const final;

  bool fitted() const { return input_columns_ >= 0; }
  // Input column indices the step works on (resolved by Fit).
  const std::vector<int>& selected_columns() const { return selected_; }

protected:
  // Label without the column list, e.g. "impute (median)".
  virtual std::string Name() const = 0;
  // Only the imputer takes NaN; every other step asks the user to impute first.
  virtual bool AcceptsMissing() const { return false; }
  // True when the output has one column per selected column, in the same order.
  virtual bool KeepsColumnCount() const { return true; }
  // `selected`: training rows × selected columns, finite unless AcceptsMissing().
  virtual Status FitSelected(const Eigen::MatrixXd& selected) = 0;
  virtual Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const = 0;
  virtual std::vector<std::string> SelectedOutputNames(const std::vector<std::string>& names) const {
    return names;
  }
  // "column 3": how messages name the j-th selected column (by its input index).
  std::string ColumnLabel(int j) const;

private:
  Status CheckValues(const Eigen::MatrixXd& selected) const;
  Eigen::MatrixXd Gather(const Eigen::MatrixXd& rows) const;

  std::vector<int> requested_columns_;
  std::vector<int> selected_;
  Eigen::Index input_columns_ = -1;  // -1 until Fit succeeds
};

// Shortest readable text for a value in names and messages: 2 → "2", 1.5 → "1.5", −3 → "-3".
std::string FormatValue(double value);

}  // namespace mlp
