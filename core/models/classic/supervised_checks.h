// Checks shared by the supervised classic models before a fit: shapes agree, values are finite,
// class labels are whole numbers in 0..classes−1. Each failure is a message the user can act on.
#pragma once

#include <string>

#include <Eigen/Core>

#include "core/base/status.h"

namespace mlp::classic {

// Regression: at least `min_rows` rows, one target per row, every value finite.
Status CheckRegressionData(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::string& model,
                           int min_rows = 1);
// Classification: as above, plus num_classes ≥ 2 and every label an integer in [0, num_classes).
Status CheckClassificationData(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes,
                               const std::string& model, int min_rows = 1);
// Prediction inputs: `features` columns expected.
bool HasColumns(const Eigen::MatrixXd& x, Eigen::Index features);

}  // namespace mlp::classic
