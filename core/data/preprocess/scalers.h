// Column-wise scaling steps with scikit-learn's semantics: StandardScaler, MinMaxScaler and a
// log1p transform (FunctionTransformer(np.log1p)). All keep the column count.
#pragma once

#include "core/data/preprocess/preprocess_step.h"

namespace mlp {

// (x − mean) / std with the population std (ddof = 0, like StandardScaler). A column that is
// constant in training gets scale 1 (so it becomes x − mean), as sklearn does.
class StandardiseStep : public ColumnStep {
public:
  explicit StandardiseStep(std::vector<int> columns = {}) : ColumnStep(std::move(columns)) {}
  const Eigen::RowVectorXd& mean() const { return mean_; }    // per selected column
  const Eigen::RowVectorXd& scale() const { return scale_; }  // per selected column, never 0

protected:
  std::string Name() const override { return "standardise"; }
  Status FitSelected(const Eigen::MatrixXd& selected) override;
  Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const override;

private:
  Eigen::RowVectorXd mean_;
  Eigen::RowVectorXd scale_;
};

// (x − min) / (max − min) with min and max from training, so training rows land in [0, 1] and
// other rows may fall outside (no clipping, like MinMaxScaler). A constant column maps to
// x − min (range taken as 1), as sklearn does.
class MinMaxStep : public ColumnStep {
public:
  explicit MinMaxStep(std::vector<int> columns = {}) : ColumnStep(std::move(columns)) {}
  const Eigen::RowVectorXd& data_min() const { return min_; }
  const Eigen::RowVectorXd& data_range() const { return range_; }  // max − min, 1 when constant

protected:
  std::string Name() const override { return "min-max [0, 1]"; }
  Status FitSelected(const Eigen::MatrixXd& selected) override;
  Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const override;

private:
  Eigen::RowVectorXd min_;
  Eigen::RowVectorXd range_;
};

// log(1 + x), for skewed non-negative columns (counts, concentrations). Learns nothing; refuses
// values ≤ −1 in training and in later rows, naming the column and its smallest value.
class Log1pStep : public ColumnStep {
public:
  explicit Log1pStep(std::vector<int> columns = {}) : ColumnStep(std::move(columns)) {}

protected:
  std::string Name() const override { return "log1p"; }
  Status FitSelected(const Eigen::MatrixXd& selected) override;
  Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const override;
  std::vector<std::string> SelectedOutputNames(const std::vector<std::string>& names) const override;

private:
  Status CheckDomain(const Eigen::MatrixXd& selected) const;
};

}  // namespace mlp
