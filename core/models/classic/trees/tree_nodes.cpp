#include "core/models/classic/trees/tree_nodes.h"

#include <algorithm>

namespace mlp::classic {

void TreeNodes::Clear(int node_outputs) {
  outputs = node_outputs;
  feature.clear(); threshold.clear(); left.clear(); right.clear(); parent.clear(); depth.clear();
  impurity.clear(); samples.clear(); weighted_samples.clear(); value.clear(); open.clear();
}

int TreeNodes::AddLeaf(int parent_id, int node_depth, double node_impurity, int64_t node_samples,
                       double node_weighted_samples, const double* node_value) {
  feature.push_back(-1);
  threshold.push_back(-2.0);  // sklearn's TREE_UNDEFINED threshold for leaves
  left.push_back(-1);
  right.push_back(-1);
  parent.push_back(parent_id);
  depth.push_back(node_depth);
  impurity.push_back(node_impurity);
  samples.push_back(node_samples);
  weighted_samples.push_back(node_weighted_samples);
  value.insert(value.end(), node_value, node_value + outputs);
  open.push_back(1);
  return size() - 1;
}

int TreeNodes::MaxDepth() const { return depth.empty() ? 0 : *std::max_element(depth.begin(), depth.end()); }

int TreeNodes::Leaves() const {
  return static_cast<int>(std::count(left.begin(), left.end(), -1));
}

double TreeNodes::LeafImpurity() const {
  double total = 0.0;
  for (int n = 0; n < size(); ++n)
    if (IsLeaf(n)) total += weighted_samples[static_cast<size_t>(n)] * impurity[static_cast<size_t>(n)];
  return size() > 0 ? total / weighted_samples[0] : 0.0;
}

int TreeNodes::Apply(const double* row, int64_t stride) const {
  int node = 0;
  while (left[static_cast<size_t>(node)] >= 0) {
    const size_t n = static_cast<size_t>(node);
    // sklearn compares the float32 copy of the feature (its trees store X as float32).
    const double value = static_cast<double>(static_cast<float>(row[feature[n] * stride]));
    node = value <= threshold[n] ? left[n] : right[n];
  }
  return node;
}

std::vector<int> TreeNodes::Apply(const Eigen::MatrixXd& x) const {
  std::vector<int> leaves(static_cast<size_t>(x.rows()));
  for (Eigen::Index i = 0; i < x.rows(); ++i) leaves[static_cast<size_t>(i)] = Apply(x.data() + i, x.rows());
  return leaves;
}

std::vector<int> TreeNodes::PreOrder() const {
  std::vector<int> order, stack;
  if (feature.empty()) return order;
  stack.push_back(0);
  while (!stack.empty()) {
    const int node = stack.back();
    stack.pop_back();
    order.push_back(node);
    if (left[static_cast<size_t>(node)] >= 0) {
      stack.push_back(right[static_cast<size_t>(node)]);
      stack.push_back(left[static_cast<size_t>(node)]);
    }
  }
  return order;
}

Eigen::VectorXd TreeNodes::FeatureImportances(int features) const {
  Eigen::VectorXd importances = Eigen::VectorXd::Zero(features);
  if (feature.empty()) return importances;
  // Sum in pre-order, as sklearn walks its node array, so the totals round the same way.
  for (int node : PreOrder()) {
    const size_t n = static_cast<size_t>(node);
    if (left[n] < 0) continue;
    const size_t l = static_cast<size_t>(left[n]), r = static_cast<size_t>(right[n]);
    importances[feature[n]] += weighted_samples[n] * impurity[n] - weighted_samples[l] * impurity[l] -
                               weighted_samples[r] * impurity[r];
  }
  importances /= weighted_samples[0];
  const double total = importances.sum();
  if (total > 0.0) importances /= total;
  return importances;
}

}  // namespace mlp::classic
