// Projection onto the first k principal components of the training rows, like scikit-learn's
// PCA(n_components=k) with the exact ('full') SVD solver: centre on the training mean, take the
// SVD of the centred training matrix, and fix each component's sign with svd_flip (the largest
// |entry| of each left singular vector is made positive) so the signs match sklearn's.
#pragma once

#include "core/data/preprocess/preprocess_step.h"

namespace mlp {

class PcaStep : public ColumnStep {
public:
  // 1 ≤ components ≤ min(training rows, selected columns), checked by Fit.
  explicit PcaStep(int components, std::vector<int> columns = {})
      : ColumnStep(std::move(columns)), components_(components) {}
  int components() const { return components_; }
  const Eigen::RowVectorXd& mean() const { return mean_; }         // training mean per selected column
  const Eigen::MatrixXd& component_matrix() const { return axes_; }  // components × columns (sklearn's components_)
  // Variance share of each kept component among all components (sklearn's explained_variance_ratio_).
  const Eigen::VectorXd& explained_variance_ratio() const { return ratio_; }

protected:
  std::string Name() const override;
  bool KeepsColumnCount() const override { return false; }
  Status FitSelected(const Eigen::MatrixXd& selected) override;
  Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const override;
  std::vector<std::string> SelectedOutputNames(const std::vector<std::string>& names) const override;  // PC1..PCk

private:
  int components_;
  Eigen::RowVectorXd mean_;
  Eigen::MatrixXd axes_;
  Eigen::VectorXd ratio_;
};

}  // namespace mlp
