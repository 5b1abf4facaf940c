// Encoders for columns that hold category codes (0..K−1 or any numbers standing for categories),
// with scikit-learn's semantics: the categories of a column are the distinct values seen in the
// training rows, in ascending order.
#pragma once

#include <vector>

#include "core/data/preprocess/preprocess_step.h"

namespace mlp {

// Replaces each selected column by one indicator column per training category (in ascending
// order), named "column=value". A value not seen in training gives all zeros in that column's
// indicators and no error, like OneHotEncoder(handle_unknown='ignore').
class OneHotStep : public ColumnStep {
public:
  explicit OneHotStep(std::vector<int> columns = {}) : ColumnStep(std::move(columns)) {}
  // Sorted categories per selected column.
  const std::vector<std::vector<double>>& categories() const { return categories_; }

protected:
  std::string Name() const override { return "one-hot"; }
  bool KeepsColumnCount() const override { return false; }
  Status FitSelected(const Eigen::MatrixXd& selected) override;
  Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const override;
  std::vector<std::string> SelectedOutputNames(const std::vector<std::string>& names) const override;

private:
  std::vector<std::vector<double>> categories_;
};

// Replaces each value by the index of its category (0..K−1, categories in ascending order), like
// OrdinalEncoder(). A value not seen in training is an error naming the column and the value (as
// sklearn's default handle_unknown='error'): an invented code would silently mean a category.
class OrdinalStep : public ColumnStep {
public:
  explicit OrdinalStep(std::vector<int> columns = {}) : ColumnStep(std::move(columns)) {}
  const std::vector<std::vector<double>>& categories() const { return categories_; }

protected:
  std::string Name() const override { return "ordinal"; }
  Status FitSelected(const Eigen::MatrixXd& selected) override;
  Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const override;

private:
  std::vector<std::vector<double>> categories_;
};

}  // namespace mlp
