#include "core/data/preprocess/imputer.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace mlp {
namespace {

double Mean(const std::vector<double>& sorted) {
  double sum = 0.0;
  for (double value : sorted) sum += value;
  return sum / static_cast<double>(sorted.size());
}

double Median(const std::vector<double>& sorted) {
  const size_t n = sorted.size();
  return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
}

// The longest run in sorted values; the first (smallest) run wins ties.
double MostFrequent(const std::vector<double>& sorted) {
  double best = sorted.front();
  size_t best_count = 0;
  for (size_t start = 0; start < sorted.size();) {
    size_t end = start;
    while (end < sorted.size() && sorted[end] == sorted[start]) ++end;
    if (end - start > best_count) {
      best_count = end - start;
      best = sorted[start];
    }
    start = end;
  }
  return best;
}

}  // namespace

std::string ImputeStep::Name() const {
  switch (strategy_) {
    case ImputeStrategy::kMean: return "impute (mean)";
    case ImputeStrategy::kMedian: return "impute (median)";
    case ImputeStrategy::kMostFrequent: return "impute (most frequent)";
  }
  return "impute";
}

Status ImputeStep::FitSelected(const Eigen::MatrixXd& selected) {
  statistics_.resize(selected.cols());
  for (Eigen::Index j = 0; j < selected.cols(); ++j) {
    std::vector<double> present;
    for (Eigen::Index i = 0; i < selected.rows(); ++i) {
      if (!std::isnan(selected(i, j))) present.push_back(selected(i, j));
    }
    if (present.empty()) {
      return Status::Error(Describe() + ": " + ColumnLabel(static_cast<int>(j)) +
                           " has no values in the training rows (all missing), so there is nothing to fill it "
                           "with. Leave that column out of the features.");
    }
    std::sort(present.begin(), present.end());
    switch (strategy_) {
      case ImputeStrategy::kMean: statistics_(j) = Mean(present); break;
      case ImputeStrategy::kMedian: statistics_(j) = Median(present); break;
      case ImputeStrategy::kMostFrequent: statistics_(j) = MostFrequent(present); break;
    }
  }
  return Status::Ok();
}

Result<Eigen::MatrixXd> ImputeStep::TransformSelected(const Eigen::MatrixXd& selected) const {
  Eigen::MatrixXd out = selected;
  for (Eigen::Index j = 0; j < out.cols(); ++j) {
    for (Eigen::Index i = 0; i < out.rows(); ++i) {
      if (std::isnan(out(i, j))) out(i, j) = statistics_(j);
    }
  }
  return out;
}

}  // namespace mlp
