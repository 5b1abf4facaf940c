#include "core/models/classic/supervised_checks.h"

#include <cmath>

namespace mlp::classic {

Status CheckRegressionData(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::string& model,
                           int min_rows) {
  if (x.rows() < min_rows || x.cols() < 1)
    return Status::Error(model + " needs at least " + std::to_string(min_rows) +
                         " training rows and one feature; choose a dataset or split with more rows.");
  if (y.size() != x.rows())
    return Status::Error(model + " needs one target per row (" + std::to_string(x.rows()) + " rows, " +
                         std::to_string(y.size()) + " targets).");
  if (!x.allFinite() || !y.allFinite())
    return Status::Error(model + " cannot use missing or infinite values; add an imputer to the preprocessing chain.");
  return {};
}

Status CheckClassificationData(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes,
                               const std::string& model, int min_rows) {
  if (Status status = CheckRegressionData(x, y, model, min_rows); !status.ok()) return status;
  if (num_classes < 2) return Status::Error(model + " needs at least two classes.");
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (y(i) != std::floor(y(i)) || y(i) < 0 || y(i) >= num_classes)
      return Status::Error(model + " needs class labels 0.." + std::to_string(num_classes - 1) +
                           "; this dataset looks like a regression task.");
  return {};
}

bool HasColumns(const Eigen::MatrixXd& x, Eigen::Index features) { return x.cols() == features; }

}  // namespace mlp::classic
