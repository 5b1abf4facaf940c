// Dataset: a table of samples (rows) with features and targets, plus what the UI needs to label
// them. Stored in double (classic models need it); neural networks convert to float once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace mlp {

enum class TaskKind { kClassification, kRegression };

// How one row's features are laid out, so views and models can reshape them.
enum class SampleLayout {
  kTabular,  // independent columns
  kImage,    // sample_shape = {height, width} (or {frames, height, width}), row-major pixels in [0, 1]
  kSignal,   // sample_shape = {length} or {channels, length}: a waveform / trace per row
};

struct Dataset {
  std::string name;                        // e.g. "Spiral"
  TaskKind task = TaskKind::kClassification;
  Eigen::MatrixXd features;                // samples × features
  Eigen::VectorXd targets;                 // class index (0..classes-1) or regression value
  std::vector<std::string> feature_names;  // one per column
  std::vector<std::string> class_names;    // classification only
  std::string target_name = "target";      // what the target column means ("quality", "label", …)

  SampleLayout layout = SampleLayout::kTabular;
  std::vector<int> sample_shape;           // see SampleLayout; empty for tabular data
  // Per-sample dense targets (segmentation masks, next frames): samples × prod(sample_shape).
  // Empty unless the task needs a target per pixel/step.
  Eigen::MatrixXd dense_targets;
  // Feature columns holding category codes 0..K−1 (imported text columns), with each one's labels;
  // they must be one-hot or ordinal encoded before a model uses them.
  std::vector<int> categorical_columns;
  std::vector<std::vector<std::string>> column_categories;  // parallel to categorical_columns
  bool synthetic = false;                  // generated data: the UI labels it "synthetic"
  // Generated regression data whose noise-free target is known (line, sinusoid): that target per
  // row — the "truth" the 1-D fit draws. Empty otherwise.
  Eigen::VectorXd noise_free_targets;
  // The series each row belongs to (e.g. the storm of a forecast window), one per row; rows of one
  // series are consecutive and in time order. Empty when rows are independent. A sequential split
  // cuts between series, not inside one (data_recipe.h).
  std::vector<int> groups;
  // Time index of each row within its series (the step or day its target refers to), one per row.
  // Empty when rows carry no time.
  std::vector<int> steps;
  int num_classes() const { return static_cast<int>(class_names.size()); }
  int64_t size() const { return features.rows(); }
};

// Which rows train and which test; indices into the Dataset.
struct Split {
  std::vector<int64_t> train;
  std::vector<int64_t> test;
};

}  // namespace mlp
