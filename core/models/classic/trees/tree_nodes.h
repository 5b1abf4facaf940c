// TreeNodes: a fitted (or growing) decision tree as flat node arrays, the layout of scikit-learn's
// `tree_` (feature, threshold, children_left/right, value, impurity, n_node_samples), so the tree
// diagram view reads them directly and tests compare them with sklearn node by node.
//
// Node ids are assigned when a node is created: a split appends its left then its right child. So
// ids differ from sklearn's pre-order numbering; PreOrder() gives sklearn's order. A leaf has
// left = right = −1 and feature = −1; an `open` node is a leaf the grower may still split.
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

namespace mlp::classic {

struct TreeNodes {
  int outputs = 1;                     // classes (classification) or 1 (regression)
  std::vector<int> feature;            // split column, −1 for a leaf
  std::vector<double> threshold;       // row goes left when x[feature] <= threshold
  std::vector<int> left, right;        // child ids, −1 for a leaf
  std::vector<int> parent;             // −1 for the root
  std::vector<int> depth;              // root 0
  std::vector<double> impurity;        // criterion value of the node's rows
  std::vector<int64_t> samples;        // distinct training rows reaching the node (sklearn n_node_samples)
  std::vector<double> weighted_samples;  // rows counted with bootstrap multiplicity
  std::vector<double> value;           // nodes × outputs: weighted class counts, or the mean target
  std::vector<uint8_t> open;           // 1 while the grower has not decided this node yet

  int size() const { return static_cast<int>(feature.size()); }
  bool IsLeaf(int node) const { return left[static_cast<size_t>(node)] < 0; }
  const double* Value(int node) const { return value.data() + static_cast<size_t>(node) * outputs; }
  int MaxDepth() const;
  int Leaves() const;
  // Σ over leaves of weighted rows × impurity, divided by the root's weight: the training impurity
  // left after the splits so far (0 when every leaf is pure).
  double LeafImpurity() const;

  // Appends a leaf and returns its id; `node_value` holds `outputs` numbers.
  int AddLeaf(int parent_id, int node_depth, double node_impurity, int64_t node_samples,
              double node_weighted_samples, const double* node_value);

  // The leaf a row ends in (`row` points at its first feature, `stride` apart). Features are rounded
  // to float32 before the comparison, as sklearn does.
  int Apply(const double* row, int64_t stride) const;
  // Leaf id per row of x.
  std::vector<int> Apply(const Eigen::MatrixXd& x) const;

  // Node ids in sklearn's order (depth first, left before right).
  std::vector<int> PreOrder() const;

  // sklearn's compute_feature_importances(normalize=True): per split, weighted impurity decrease
  // Nt·It − Nl·Il − Nr·Ir summed per feature, divided by the root's weight, then scaled to sum to
  // 1 (all zeros for a single leaf).
  Eigen::VectorXd FeatureImportances(int features) const;

  void Clear(int node_outputs);
};

}  // namespace mlp::classic
