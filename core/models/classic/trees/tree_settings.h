// Tree settings shared by DecisionTree and RandomForest: the split criterion, the growth limits and
// how many features a node may look at. Defaults are scikit-learn 1.2.1's.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/status.h"

namespace mlp::classic {

// Gini and entropy grow classifiers; squared error grows regressors (sklearn "squared_error").
enum class SplitCriterion { kGini, kEntropy, kSquaredError };

inline bool IsClassification(SplitCriterion criterion) { return criterion != SplitCriterion::kSquaredError; }
const char* SplitCriterionName(SplitCriterion criterion);  // "gini", "entropy", "squared_error"

// sklearn's max_features: None (all), "sqrt", "log2", a fraction of the features or a count.
struct MaxFeatures {
  enum class Kind { kAll, kSqrt, kLog2, kFraction, kCount };
  Kind kind = Kind::kAll;
  double fraction = 1.0;  // kFraction: in (0, 1]
  int count = 1;          // kCount: in [1, features]

  static MaxFeatures All() { return {}; }
  static MaxFeatures Sqrt() { return {Kind::kSqrt, 1.0, 1}; }
  static MaxFeatures Log2() { return {Kind::kLog2, 1.0, 1}; }
  static MaxFeatures Fraction(double f) { return {Kind::kFraction, f, 1}; }
  static MaxFeatures Count(int c) { return {Kind::kCount, 1.0, c}; }

  // Features drawn per node for `features` columns, as sklearn resolves it (at least 1), or an
  // error for a fraction outside (0, 1] or a count outside [1, features].
  Result<int> Resolve(int features) const;
  std::string Describe() const;  // "all", "sqrt", "0.5", "3"
};

// Limits on growth, sklearn's names and meanings.
struct TreeLimits {
  int max_depth = -1;          // −1: no limit (sklearn None); the root has depth 0
  int min_samples_split = 2;   // a node with fewer rows stays a leaf (≥ 2)
  int min_samples_leaf = 1;    // each child keeps at least this many rows (≥ 1)
};

// Checks the limits; the message names the setting and the accepted range.
Status CheckTreeLimits(const TreeLimits& limits);

}  // namespace mlp::classic
