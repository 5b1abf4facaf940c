// TreeGrower: grows one decision tree node by node with scikit-learn 1.2.1's BestSplitter and
// DepthFirstTreeBuilder, so that on the same rows, weights and seed it makes sklearn's splits.
//
// Per node (Breiman et al. 1984, CART; sklearn/tree/_splitter.pyx):
//  - features are drawn without replacement by sklearn's Fisher–Yates walk over the feature array,
//    with sklearn's own xorshift `rand_r` seeded from RandomState(seed).randint(0, 2^31 − 1). Known
//    constant features are skipped, and at least `max_features` non-constant features are scanned;
//  - a feature's rows are sorted; candidate thresholds are midpoints between consecutive distinct
//    values (values closer than 1e-7 count as equal); each child must keep min_samples_leaf rows;
//  - the best candidate maximises the criterion's proxy (−Nl·Il − Nr·Ir for Gini/entropy,
//    Sl²/Nl + Sr²/Nr for squared error), the first one found winning a tie.
// Nodes are decided depth first, left before right (sklearn's order, which fixes how the random
// draws fall). A node becomes a leaf at max_depth, below min_samples_split or 2·min_samples_leaf
// rows, when pure (impurity ≤ machine epsilon), or when no split keeps min_samples_leaf per side.
//
// Features in float32: sklearn converts X to float32 before growing a tree (and before predicting),
// so its thresholds are midpoints of float32 values (0.8000000119 for iris' 0.75 | 0.85 cut). The
// models here pass x already rounded to float32 (kept in double) and TreeNodes::Apply rounds each
// compared feature the same way, so thresholds and predictions agree with sklearn's to the bit.
// Targets stay in double, as in sklearn.
//
// Memory: every buffer is sized in Start(); growing a node allocates only when node arrays grow.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"
#include "core/models/classic/trees/tree_nodes.h"
#include "core/models/classic/trees/tree_settings.h"

namespace mlp::classic {

// sklearn's rand_r replacement (sklearn/utils/_random.pxd): 32-bit xorshift, values in [0, 2^31).
uint32_t SklearnRandR(uint32_t* state);
// The splitter seed sklearn derives from an integer random_state: RandomState(seed).randint(0, 2^31 − 1).
uint32_t SklearnSplitterSeed(uint32_t random_state);

struct TreeGrowerOptions {
  SplitCriterion criterion = SplitCriterion::kGini;
  TreeLimits limits;
  int max_features = 0;  // features scanned per node, already resolved (1..features)
  int classes = 0;       // classification: labels are 0..classes−1
};

class TreeGrower {
public:
  // x (rows × features) and y must outlive the grower. `weights` (one per row, ≥ 0; rows with 0 are
  // left out, like sklearn's sample_weight) may be null for all ones. Creates the root in `nodes`.
  void Start(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::vector<double>* weights,
             const TreeGrowerOptions& options, uint32_t splitter_seed, TreeNodes* nodes);

  // Points the grower at moved copies of the same data and nodes (a model that owns them was moved).
  void Rebind(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::vector<double>* weights, TreeNodes* nodes) {
    x_ = &x;
    y_ = &y;
    weights_ = weights;
    nodes_ = nodes;
  }

  // Decides the next open node: splits it (appending two open children) or closes it as a leaf.
  // Returns the node decided, or −1 when the tree is complete.
  int GrowNode();
  bool done() const { return stack_.empty(); }

private:
  struct Record {
    int node;
    int64_t start, end;
    int constant_features;  // features known constant for this node's rows (sklearn n_constant_features)
  };
  struct SplitCandidate {
    int64_t pos;  // samples_[start, pos) go left
    int feature = 0;
    double threshold = 0.0;
    double impurity_left = 0.0, impurity_right = 0.0, improvement = 0.0;
  };

  void NodeTotals(int64_t start, int64_t end, double* weighted, double* value);
  double NodeImpurity(const double* value, double weighted) const;
  SplitCandidate FindSplit(const Record& record, double weighted, double impurity, int* constant_features);
  void ScanFeature(int64_t start, int64_t end, double weighted, int feature, double* best_proxy,
                   SplitCandidate* best);
  void ChildImpurities(int64_t start, int64_t pos, double weighted, SplitCandidate* split);
  double Weight(int32_t row) const { return weights_ ? (*weights_)[static_cast<size_t>(row)] : 1.0; }

  const Eigen::MatrixXd* x_ = nullptr;
  const Eigen::VectorXd* y_ = nullptr;
  const std::vector<double>* weights_ = nullptr;
  TreeGrowerOptions options_;
  TreeNodes* nodes_ = nullptr;
  uint32_t rand_state_ = 0;
  bool classification_ = true;
  std::vector<int> labels_;             // classification labels per row
  std::vector<int32_t> samples_;        // rows with non-zero weight, partitioned node by node
  std::vector<int> features_;           // sklearn's feature array (constants first)
  std::vector<int> constant_features_;  // sklearn's constant_features
  std::vector<std::pair<double, int32_t>> sorted_;  // (value, row) of the node being scanned
  std::vector<double> xf_;              // sorted feature values of the node, by position
  std::vector<double> sum_total_, sum_left_, value_;  // per class (or 1 for regression)
  double weighted_total_ = 0.0;         // Σ weights of all rows
  double regression_sq_sum_ = 0.0;      // Σ w·y² of the node NodeTotals last saw
  double left_weight_ = 0.0;            // weight left of the chosen split (ChildImpurities)
  std::vector<Record> stack_;
};

}  // namespace mlp::classic
