// PCA as a model (a projector): scikit-learn's PCA(n_components) with the exact ('full') SVD
// solver — centre, SVD of the centred rows, svd_flip signs (core/data/preprocess/principal_axes.h,
// shared with the PCA preprocessing step). Closed form: the first Step() finishes the fit.
// Transform projects onto the kept axes; Reconstruct maps scores back (sklearn's inverse_transform)
// so views can show what the kept components lose.
#pragma once

#include "core/data/preprocess/principal_axes.h"
#include "core/models/classic/model.h"

namespace mlp::classic {

struct PcaSettings {
  int components = 2;  // 1 ≤ components ≤ min(rows, features)
};

class Pca : public Model {
public:
  explicit Pca(PcaSettings settings = {}) : settings_(settings) {}

  PcaSettings& settings() { return settings_; }  // takes effect at the next Reset
  const PcaSettings& settings() const { return settings_; }

  ModelKind kind() const override { return ModelKind::kProjector; }
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;
  Progress progress() const override;

  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;    // first component's score
  Eigen::MatrixXd Transform(const Eigen::MatrixXd& x) const override;  // rows × components
  ModelInsight Insight() const override;  // mean, axes, explained variance
  // Scores (rows × components) back to feature space: scores · components + mean.
  Eigen::MatrixXd Reconstruct(const Eigen::MatrixXd& scores) const;
  // Mean over rows of the squared distance between each row and its reconstruction.
  double ReconstructionError(const Eigen::MatrixXd& x) const;

  // Fitted state (after the first Step).
  bool fitted() const { return fitted_; }
  const Eigen::RowVectorXd& mean() const { return axes_.mean; }                // sklearn mean_
  const Eigen::MatrixXd& components() const { return axes_.components; }       // components × features
  Eigen::VectorXd explained_variance() const;                                   // kept components
  Eigen::VectorXd explained_variance_ratio() const;                             // kept, share of total variance
  Eigen::VectorXd singular_values() const;                                      // kept components
  const Eigen::VectorXd& all_explained_variance() const { return axes_.explained_variance; }  // every axis (scree)
  // Average variance of the dropped axes (sklearn's noise_variance_), 0 when none are dropped.
  double noise_variance() const;

private:
  PcaSettings settings_;
  Eigen::MatrixXd x_;  // training rows, kept until the (single) Step
  PrincipalAxes axes_;
  bool fitted_ = false;
  int64_t steps_ = 0;
};

}  // namespace mlp::classic
