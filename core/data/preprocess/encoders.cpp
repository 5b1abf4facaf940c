#include "core/data/preprocess/encoders.h"

#include <algorithm>

namespace mlp {
namespace {

std::vector<std::vector<double>> SortedCategories(const Eigen::MatrixXd& selected) {
  std::vector<std::vector<double>> categories;
  for (Eigen::Index j = 0; j < selected.cols(); ++j) {
    std::vector<double> values(selected.col(j).data(), selected.col(j).data() + selected.rows());
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    categories.push_back(std::move(values));
  }
  return categories;
}

// Index of `value` in sorted `categories`, or -1 when it was not seen in training.
Eigen::Index FindCategory(const std::vector<double>& categories, double value) {
  const auto found = std::lower_bound(categories.begin(), categories.end(), value);
  if (found == categories.end() || *found != value) return -1;
  return static_cast<Eigen::Index>(found - categories.begin());
}

}  // namespace

Status OneHotStep::FitSelected(const Eigen::MatrixXd& selected) {
  categories_ = SortedCategories(selected);
  return Status::Ok();
}

Result<Eigen::MatrixXd> OneHotStep::TransformSelected(const Eigen::MatrixXd& selected) const {
  Eigen::Index width = 0;
  for (const std::vector<double>& column : categories_) width += static_cast<Eigen::Index>(column.size());
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(selected.rows(), width);
  Eigen::Index offset = 0;
  for (Eigen::Index j = 0; j < selected.cols(); ++j) {
    const std::vector<double>& column = categories_[static_cast<size_t>(j)];
    for (Eigen::Index i = 0; i < selected.rows(); ++i) {
      const Eigen::Index k = FindCategory(column, selected(i, j));
      if (k >= 0) out(i, offset + k) = 1.0;
    }
    offset += static_cast<Eigen::Index>(column.size());
  }
  return out;
}

std::vector<std::string> OneHotStep::SelectedOutputNames(const std::vector<std::string>& names) const {
  std::vector<std::string> out;
  for (size_t j = 0; j < names.size(); ++j) {
    for (double category : categories_[j]) out.push_back(names[j] + "=" + FormatValue(category));
  }
  return out;
}

Status OrdinalStep::FitSelected(const Eigen::MatrixXd& selected) {
  categories_ = SortedCategories(selected);
  return Status::Ok();
}

Result<Eigen::MatrixXd> OrdinalStep::TransformSelected(const Eigen::MatrixXd& selected) const {
  Eigen::MatrixXd out(selected.rows(), selected.cols());
  for (Eigen::Index j = 0; j < selected.cols(); ++j) {
    for (Eigen::Index i = 0; i < selected.rows(); ++i) {
      const Eigen::Index k = FindCategory(categories_[static_cast<size_t>(j)], selected(i, j));
      if (k < 0) {
        return Status::Error(Describe() + ": " + ColumnLabel(static_cast<int>(j)) + " holds " +
                             FormatValue(selected(i, j)) + " (row " + std::to_string(i) +
                             "), a category not seen in the training rows. Use one-hot encoding, which "
                             "tolerates new categories, or make sure training covers every category.");
      }
      out(i, j) = static_cast<double>(k);
    }
  }
  return out;
}

}  // namespace mlp
