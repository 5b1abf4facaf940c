// Polynomial features of the selected columns, like PolynomialFeatures(degree, include_bias=False):
// every monomial of total degree 1..degree, in sklearn's order (degree by degree, each degree in
// the order of itertools.combinations_with_replacement), e.g. for 2 columns and degree 2:
// x1, x2, x1^2, x1 x2, x2^2.
#pragma once

#include "core/data/preprocess/preprocess_step.h"

namespace mlp {

class PolynomialStep : public ColumnStep {
public:
  // degree ≥ 1; larger degrees are refused by Fit when the output would exceed kMaxOutputColumns.
  explicit PolynomialStep(int degree, std::vector<int> columns = {})
      : ColumnStep(std::move(columns)), degree_(degree) {}
  static constexpr int kMaxOutputColumns = 10000;  // keeps a slider slip from exhausting memory
  int degree() const { return degree_; }
  // One row per output column: the power of each selected column (sklearn's powers_).
  const std::vector<std::vector<int>>& powers() const { return powers_; }

protected:
  std::string Name() const override { return "polynomial (degree " + std::to_string(degree_) + ")"; }
  bool KeepsColumnCount() const override { return false; }
  Status FitSelected(const Eigen::MatrixXd& selected) override;
  Result<Eigen::MatrixXd> TransformSelected(const Eigen::MatrixXd& selected) const override;
  // "x1", "x1^2", "x1 x2", "x1^2 x3" as sklearn's get_feature_names_out.
  std::vector<std::string> SelectedOutputNames(const std::vector<std::string>& names) const override;

private:
  int degree_;
  std::vector<std::vector<int>> powers_;
};

}  // namespace mlp
