// k-nearest neighbours, classifier and regressor, like scikit-learn's KNeighborsClassifier /
// KNeighborsRegressor with algorithm="brute" and the Euclidean metric.
//
// Training only stores the rows (one Step()). A query computes its distance to every training row
// and keeps the k closest with a partial sort; among equal distances the lower training index comes
// first. Weights are uniform (each neighbour counts 1) or "distance" (1/d; when some neighbours are
// at distance 0, those alone count, with weight 1 each — sklearn's rule). The classifier's
// probabilities are the weight of each class over the total; its prediction is the class of largest
// weight, the smallest class index on a tie. The regressor predicts the weighted mean of the
// neighbours' targets.
#pragma once

#include <string>

#include <Eigen/Core>

#include "core/models/classic/model.h"

namespace mlp::classic {

enum class NeighborWeights { kUniform, kDistance };

struct KNeighborsSettings {
  int k = 5;  // neighbours per query, 1..training rows
  NeighborWeights weights = NeighborWeights::kUniform;
};

// The k nearest training rows of each query, nearest first.
struct Neighbors {
  Eigen::MatrixXi indices;    // queries × k, training row indices
  Eigen::MatrixXd distances;  // queries × k, Euclidean
};

// What both kNN models share: the stored training rows and the neighbour search.
class KNeighborsBase : public Model {
public:
  explicit KNeighborsBase(KNeighborsSettings settings) : settings_(settings) {}
  std::string Describe() const override;
  Status Step() override;  // stores the training rows: finished
  Progress progress() const override { return progress_; }

  // The k nearest training rows of every query row; empty before fitting or on a column mismatch.
  Neighbors KNeighbors(const Eigen::MatrixXd& x) const;
  const KNeighborsSettings& settings() const { return settings_; }
  const Eigen::MatrixXd& training_features() const { return x_; }
  const Eigen::VectorXd& training_targets() const { return y_; }

protected:
  Status Store(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::string& model);
  // Weight of each neighbour of one query (row of distances), in the order found.
  Eigen::VectorXd NeighborWeightsOf(const Eigen::Ref<const Eigen::RowVectorXd>& distances) const;
  bool ready() const { return progress_.finished; }

  KNeighborsSettings settings_;
  Eigen::MatrixXd x_;
  Eigen::MatrixXd x_transposed_;  // features × rows: each training row is a contiguous column
  Eigen::VectorXd y_;
  Progress progress_;
};

class KNeighborsClassifier : public KNeighborsBase {
public:
  explicit KNeighborsClassifier(KNeighborsSettings settings = {}) : KNeighborsBase(settings) {}
  ModelKind kind() const override { return ModelKind::kClassifier; }
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;
  Eigen::MatrixXd PredictProbabilities(const Eigen::MatrixXd& x) const override;

private:
  int classes_ = 0;
};

class KNeighborsRegressor : public KNeighborsBase {
public:
  explicit KNeighborsRegressor(KNeighborsSettings settings = {}) : KNeighborsBase(settings) {}
  ModelKind kind() const override { return ModelKind::kRegressor; }
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;
};

}  // namespace mlp::classic
