// Dataset: a table of samples (rows) with features and targets, plus what the UI needs to label
// them. Stored in double (classic models need it); neural networks convert to float once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace mlp {

enum class TaskKind { kClassification, kRegression };

struct Dataset {
  std::string name;                        // e.g. "Spiral"
  TaskKind task = TaskKind::kClassification;
  Eigen::MatrixXd features;                // samples × features
  Eigen::VectorXd targets;                 // class index (0..classes-1) or regression value
  std::vector<std::string> feature_names;  // one per column
  std::vector<std::string> class_names;    // classification only
  int num_classes() const { return static_cast<int>(class_names.size()); }
  int64_t size() const { return features.rows(); }
};

// Which rows train and which test; indices into the Dataset.
struct Split {
  std::vector<int64_t> train;
  std::vector<int64_t> test;
};

}  // namespace mlp
