// Replaces missing values (NaN) with a per-column statistic learned from the training rows,
// like scikit-learn's SimpleImputer(missing_values=np.nan).
#pragma once

#include "core/data/preprocess/preprocess_step.h"

namespace mlp {

enum class ImputeStrategy {
  kMean,          // mean of the present values
  kMedian,        // median of the present values (mean of the two middle ones for an even count)
  kMostFrequent,  // most frequent present value; ties go to the smallest value, as in sklearn
};

class ImputeStep : public ColumnStep {
public:
  explicit ImputeStep(ImputeStrategy strategy, std::vector<int> columns = {})
      : ColumnStep(std::move(columns)), strategy_(strategy) {}
  ImputeStrategy strategy() const { return strategy_; }
  // The fill value per selected column. sklearn drops a column that is all NaN in training; we
  // refuse it instead (Fit fails naming the column) so columns never silently disappear.
  const Eigen::RowVectorXd& statistics() const { return statistics_; }

protected:
  std::string Name() const override;
  bool AcceptsMissing() const override { return true; }
  Status FitSelected(const Eigen::MatrixXd& selected) override;
  Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const override;

private:
  ImputeStrategy strategy_;
  Eigen::RowVectorXd statistics_;
};

}  // namespace mlp
