#include "core/models/classic/neighbors/k_neighbors.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "core/models/classic/supervised_checks.h"

namespace mlp::classic {

std::string KNeighborsBase::Describe() const {
  return std::to_string(settings_.k) + "-nearest neighbours (" +
         (settings_.weights == NeighborWeights::kUniform ? "uniform" : "distance") + " weights)";
}

Status KNeighborsBase::Store(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::string& model) {
  progress_ = Progress{};
  progress_.objective = std::numeric_limits<double>::quiet_NaN();
  x_.resize(0, 0);
  x_transposed_.resize(0, 0);
  y_.resize(0);
  if (settings_.k < 1) return Status::Error(model + " needs k ≥ 1 neighbours.");
  if (x.rows() < settings_.k)
    return Status::Error(model + " needs at least k = " + std::to_string(settings_.k) + " training rows (it has " +
                         std::to_string(x.rows()) + "); lower k.");
  x_ = x;
  x_transposed_ = x.transpose();
  y_ = y;
  return {};
}

Status KNeighborsBase::Step() {
  if (x_.rows() == 0) return Status::Error("k-nearest neighbours has no training data: call Reset first.");
  progress_.steps = 1;
  progress_.finished = true;
  return {};
}

Neighbors KNeighborsBase::KNeighbors(const Eigen::MatrixXd& x) const {
  Neighbors result;
  if (!ready() || x.cols() != x_.cols()) return result;
  const int k = settings_.k;
  const Eigen::Index n = x_.rows();
  result.indices.resize(x.rows(), k);
  result.distances.resize(x.rows(), k);
  Eigen::VectorXd squared(n);
  std::vector<int> order(static_cast<size_t>(n));
  Eigen::VectorXd query(x.cols());
  for (Eigen::Index q = 0; q < x.rows(); ++q) {
    query = x.row(q).transpose();
    squared.noalias() = (x_transposed_.colwise() - query).colwise().squaredNorm().transpose();
    std::iota(order.begin(), order.end(), 0);
    // (distance, index) order: the lower index first among equal distances.
    const auto closer = [&squared](int a, int b) { return squared(a) < squared(b) || (squared(a) == squared(b) && a < b); };
    std::nth_element(order.begin(), order.begin() + (k - 1), order.end(), closer);
    std::sort(order.begin(), order.begin() + k, closer);
    for (int j = 0; j < k; ++j) {
      result.indices(q, j) = order[static_cast<size_t>(j)];
      result.distances(q, j) = std::sqrt(squared(order[static_cast<size_t>(j)]));
    }
  }
  return result;
}

Eigen::VectorXd KNeighborsBase::NeighborWeightsOf(const Eigen::Ref<const Eigen::RowVectorXd>& distances) const {
  const Eigen::Index k = distances.size();
  if (settings_.weights == NeighborWeights::kUniform) return Eigen::VectorXd::Ones(k);
  Eigen::VectorXd weights(k);
  bool exact_match = false;
  for (Eigen::Index j = 0; j < k; ++j) exact_match = exact_match || distances(j) == 0.0;
  for (Eigen::Index j = 0; j < k; ++j)
    weights(j) = exact_match ? (distances(j) == 0.0 ? 1.0 : 0.0) : 1.0 / distances(j);
  return weights;
}

Status KNeighborsClassifier::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t) {
  classes_ = 0;
  if (Status status = CheckClassificationData(x, y, num_classes, "k-nearest neighbours"); !status.ok()) {
    Store(Eigen::MatrixXd(), Eigen::VectorXd(), "k-nearest neighbours");
    return status;
  }
  classes_ = num_classes;
  return Store(x, y, "k-nearest neighbours");
}

Eigen::MatrixXd KNeighborsClassifier::PredictProbabilities(const Eigen::MatrixXd& x) const {
  const Neighbors neighbors = KNeighbors(x);
  if (neighbors.indices.size() == 0) return {};
  Eigen::MatrixXd probabilities = Eigen::MatrixXd::Zero(x.rows(), classes_);
  for (Eigen::Index q = 0; q < x.rows(); ++q) {
    const Eigen::VectorXd weights = NeighborWeightsOf(neighbors.distances.row(q));
    for (Eigen::Index j = 0; j < weights.size(); ++j)
      probabilities(q, static_cast<Eigen::Index>(y_(neighbors.indices(q, j)))) += weights(j);
    probabilities.row(q) /= probabilities.row(q).sum();
  }
  return probabilities;
}

Eigen::VectorXd KNeighborsClassifier::Predict(const Eigen::MatrixXd& x) const {
  const Eigen::MatrixXd probabilities = PredictProbabilities(x);
  if (probabilities.size() == 0) return {};
  Eigen::VectorXd labels(x.rows());
  for (Eigen::Index q = 0; q < x.rows(); ++q) {
    Eigen::Index best = 0;
    probabilities.row(q).maxCoeff(&best);  // first maximum: the smallest class wins a tie
    labels(q) = static_cast<double>(best);
  }
  return labels;
}

Status KNeighborsRegressor::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int, uint32_t) {
  if (Status status = CheckRegressionData(x, y, "k-nearest neighbours"); !status.ok()) {
    Store(Eigen::MatrixXd(), Eigen::VectorXd(), "k-nearest neighbours");
    return status;
  }
  return Store(x, y, "k-nearest neighbours");
}

Eigen::VectorXd KNeighborsRegressor::Predict(const Eigen::MatrixXd& x) const {
  const Neighbors neighbors = KNeighbors(x);
  if (neighbors.indices.size() == 0) return {};
  Eigen::VectorXd prediction(x.rows());
  for (Eigen::Index q = 0; q < x.rows(); ++q) {
    const Eigen::VectorXd weights = NeighborWeightsOf(neighbors.distances.row(q));
    double total = 0.0, weighted = 0.0;
    for (Eigen::Index j = 0; j < weights.size(); ++j) {
      weighted += weights(j) * y_(neighbors.indices(q, j));
      total += weights(j);
    }
    prediction(q) = weighted / total;
  }
  return prediction;
}

}  // namespace mlp::classic
