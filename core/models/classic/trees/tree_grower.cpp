#include "core/models/classic/trees/tree_grower.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/base/rng.h"

namespace mlp::classic {
namespace {

constexpr double kFeatureThreshold = 1e-7;  // sklearn FEATURE_THRESHOLD: closer values are equal
constexpr double kEpsilon = std::numeric_limits<double>::epsilon();
constexpr uint32_t kRandRMax = 0x7FFFFFFF;

// sklearn _utils.pxd log: base-2 logarithm written as ln(x) / ln(2).
double Log2(double x) { return std::log(x) / std::log(2.0); }

}  // namespace

uint32_t SklearnRandR(uint32_t* state) {
  if (*state == 0) *state = 1;  // DEFAULT_SEED: xorshift must not start at 0
  *state ^= *state << 13;
  *state ^= *state >> 17;
  *state ^= *state << 5;
  return *state % (kRandRMax + 1u);
}

uint32_t SklearnSplitterSeed(uint32_t random_state) {
  Rng rng(random_state);
  return static_cast<uint32_t>(rng.Interval(kRandRMax - 1));  // randint(0, RAND_R_MAX)
}

void TreeGrower::Start(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::vector<double>* weights,
                       const TreeGrowerOptions& options, uint32_t splitter_seed, TreeNodes* nodes) {
  x_ = &x;
  y_ = &y;
  weights_ = weights;
  options_ = options;
  nodes_ = nodes;
  rand_state_ = splitter_seed;
  classification_ = IsClassification(options.criterion);
  const int outputs = classification_ ? options.classes : 1;
  const int64_t rows = x.rows();
  const int features = static_cast<int>(x.cols());

  labels_.assign(classification_ ? static_cast<size_t>(rows) : 0, 0);
  for (int64_t i = 0; i < static_cast<int64_t>(labels_.size()); ++i) labels_[static_cast<size_t>(i)] = static_cast<int>(y[i]);
  samples_.clear();
  samples_.reserve(static_cast<size_t>(rows));
  weighted_total_ = 0.0;
  for (int64_t i = 0; i < rows; ++i) {
    const double w = Weight(static_cast<int32_t>(i));
    if (w != 0.0) samples_.push_back(static_cast<int32_t>(i));
    weighted_total_ += w;
  }
  features_.resize(static_cast<size_t>(features));
  for (int f = 0; f < features; ++f) features_[static_cast<size_t>(f)] = f;
  constant_features_.assign(static_cast<size_t>(features), 0);
  sorted_.resize(samples_.size());
  xf_.resize(samples_.size());
  sum_total_.assign(static_cast<size_t>(outputs), 0.0);
  sum_left_.assign(static_cast<size_t>(outputs), 0.0);
  value_.assign(static_cast<size_t>(outputs), 0.0);

  nodes_->Clear(outputs);
  stack_.clear();
  const int64_t end = static_cast<int64_t>(samples_.size());
  double weighted = 0.0;
  NodeTotals(0, end, &weighted, value_.data());
  const double impurity = NodeImpurity(value_.data(), weighted);
  const int root = nodes_->AddLeaf(-1, 0, impurity, end, weighted, value_.data());
  stack_.push_back({root, 0, end, 0});
}

// Node value and weight over samples_[start, end): weighted class counts, or the weighted mean
// target (sklearn's node_value). sum_total_ keeps Σw·y and value_[0]… for the impurity.
void TreeGrower::NodeTotals(int64_t start, int64_t end, double* weighted, double* value) {
  std::fill(sum_total_.begin(), sum_total_.end(), 0.0);
  double total = 0.0;
  if (classification_) {
    for (int64_t p = start; p < end; ++p) {
      const int32_t row = samples_[static_cast<size_t>(p)];
      const double w = Weight(row);
      sum_total_[static_cast<size_t>(labels_[static_cast<size_t>(row)])] += w;
      total += w;
    }
    std::copy(sum_total_.begin(), sum_total_.end(), value);
  } else {
    double sum = 0.0, sq_sum = 0.0;
    for (int64_t p = start; p < end; ++p) {
      const int32_t row = samples_[static_cast<size_t>(p)];
      const double w = Weight(row), y = (*y_)[row];
      const double wy = w * y;
      sum += wy;
      sq_sum += wy * y;
      total += w;
    }
    sum_total_[0] = sum;
    value[0] = sum / total;
    regression_sq_sum_ = sq_sum;
  }
  *weighted = total;
}

double TreeGrower::NodeImpurity(const double* value, double weighted) const {
  if (!classification_) {
    const double mean = sum_total_[0] / weighted;
    return regression_sq_sum_ / weighted - mean * mean;
  }
  const int classes = options_.classes;
  if (options_.criterion == SplitCriterion::kGini) {
    double sq = 0.0;
    for (int k = 0; k < classes; ++k) sq += value[k] * value[k];
    return 1.0 - sq / (weighted * weighted);
  }
  double entropy = 0.0;
  for (int k = 0; k < classes; ++k) {
    const double p = value[k] / weighted;
    if (p > 0.0) entropy -= p * Log2(p);
  }
  return entropy;
}

int TreeGrower::GrowNode() {
  if (stack_.empty()) return -1;
  const Record record = stack_.back();
  stack_.pop_back();
  TreeNodes& nodes = *nodes_;
  const size_t id = static_cast<size_t>(record.node);
  nodes.open[id] = 0;
  const int64_t rows = record.end - record.start;
  const int depth = nodes.depth[id];
  const double weighted = nodes.weighted_samples[id];
  const double impurity = nodes.impurity[id];
  const TreeLimits& limits = options_.limits;
  const int64_t min_split = std::max<int64_t>(limits.min_samples_split, 2 * int64_t{limits.min_samples_leaf});
  bool leaf = (limits.max_depth >= 0 && depth >= limits.max_depth) || rows < min_split ||
              rows < 2 * int64_t{limits.min_samples_leaf} || impurity <= kEpsilon;
  if (leaf) return record.node;

  int constant_features = record.constant_features;
  // NodeTotals for the parent restores sum_total_ (and the squared sum) for the split search.
  double parent_weight = 0.0;
  NodeTotals(record.start, record.end, &parent_weight, value_.data());
  const SplitCandidate split = FindSplit(record, weighted, impurity, &constant_features);
  if (split.pos >= record.end || split.improvement + kEpsilon < 0.0) return record.node;

  const int depth_child = depth + 1;
  double w_left = 0.0, w_right = 0.0;
  NodeTotals(record.start, split.pos, &w_left, value_.data());
  const int left = nodes.AddLeaf(record.node, depth_child, split.impurity_left, split.pos - record.start, w_left,
                                 value_.data());
  NodeTotals(split.pos, record.end, &w_right, value_.data());
  const int right = nodes.AddLeaf(record.node, depth_child, split.impurity_right, record.end - split.pos, w_right,
                                  value_.data());
  nodes.feature[id] = split.feature;
  nodes.threshold[id] = split.threshold;
  nodes.left[id] = left;
  nodes.right[id] = right;
  stack_.push_back({right, split.pos, record.end, constant_features});
  stack_.push_back({left, record.start, split.pos, constant_features});
  return record.node;
}

TreeGrower::SplitCandidate TreeGrower::FindSplit(const Record& record, double weighted, double impurity,
                                                 int* n_constant_features) {
  const int64_t start = record.start, end = record.end;
  const Eigen::MatrixXd& x = *x_;
  SplitCandidate best;
  best.pos = end;
  double best_proxy = -std::numeric_limits<double>::infinity();

  const int n_features = static_cast<int>(features_.size());
  int f_i = n_features;
  int visited = 0, found_constants = 0, drawn_constants = 0;
  const int known_constants = *n_constant_features;
  int total_constants = known_constants;
  while (f_i > total_constants &&
         (visited < options_.max_features || visited <= found_constants + drawn_constants)) {
    ++visited;
    // rand_int(low, high) = low + rand_r % (high − low)
    const uint32_t span = static_cast<uint32_t>(f_i - found_constants - drawn_constants);
    int f_j = drawn_constants + static_cast<int>(SklearnRandR(&rand_state_) % span);
    if (f_j < known_constants) {
      std::swap(features_[static_cast<size_t>(drawn_constants)], features_[static_cast<size_t>(f_j)]);
      ++drawn_constants;
      continue;
    }
    f_j += found_constants;
    const int feature = features_[static_cast<size_t>(f_j)];

    const double* column = x.data() + static_cast<int64_t>(feature) * x.rows();
    for (int64_t p = start; p < end; ++p) {
      const int32_t row = samples_[static_cast<size_t>(p)];
      sorted_[static_cast<size_t>(p)] = {column[row], row};
    }
    std::sort(sorted_.begin() + start, sorted_.begin() + end,
              [](const std::pair<double, int32_t>& a, const std::pair<double, int32_t>& b) { return a.first < b.first; });
    for (int64_t p = start; p < end; ++p) {
      xf_[static_cast<size_t>(p)] = sorted_[static_cast<size_t>(p)].first;
      samples_[static_cast<size_t>(p)] = sorted_[static_cast<size_t>(p)].second;
    }
    if (xf_[static_cast<size_t>(end - 1)] <= xf_[static_cast<size_t>(start)] + kFeatureThreshold) {
      std::swap(features_[static_cast<size_t>(f_j)], features_[static_cast<size_t>(total_constants)]);
      ++found_constants;
      ++total_constants;
      continue;
    }
    --f_i;
    std::swap(features_[static_cast<size_t>(f_i)], features_[static_cast<size_t>(f_j)]);
    ScanFeature(start, end, weighted, feature, &best_proxy, &best);
  }

  if (best.pos < end) {
    // sklearn's partition: rows going right are swapped to the back.
    const double* column = x.data() + static_cast<int64_t>(best.feature) * x.rows();
    int64_t partition_end = end, p = start;
    while (p < partition_end) {
      if (column[samples_[static_cast<size_t>(p)]] <= best.threshold) {
        ++p;
      } else {
        --partition_end;
        std::swap(samples_[static_cast<size_t>(p)], samples_[static_cast<size_t>(partition_end)]);
      }
    }
    ChildImpurities(start, best.pos, weighted, &best);
    const double w_left = left_weight_, w_right = weighted - left_weight_;
    best.improvement = (weighted / weighted_total_) *
                       (impurity - w_right / weighted * best.impurity_right - w_left / weighted * best.impurity_left);
  }
  // Keep the order of the known constants for siblings and children; append the new ones.
  std::copy(constant_features_.begin(), constant_features_.begin() + known_constants, features_.begin());
  std::copy(features_.begin() + known_constants, features_.begin() + known_constants + found_constants,
            constant_features_.begin() + known_constants);
  *n_constant_features = total_constants;
  return best;
}

void TreeGrower::ScanFeature(int64_t start, int64_t end, double weighted, int feature, double* best_proxy,
                             SplitCandidate* best) {
  const int64_t min_leaf = options_.limits.min_samples_leaf;
  const int classes = classification_ ? options_.classes : 1;
  std::fill(sum_left_.begin(), sum_left_.end(), 0.0);
  double w_left = 0.0;
  int64_t cursor = start;  // samples_[start, cursor) are counted in the left sums
  const SplitCriterion criterion = options_.criterion;
  int64_t p = start;
  while (p < end) {
    while (p + 1 < end && xf_[static_cast<size_t>(p + 1)] <= xf_[static_cast<size_t>(p)] + kFeatureThreshold) ++p;
    ++p;
    if (p >= end) break;
    if (p - start < min_leaf || end - p < min_leaf) continue;
    for (; cursor < p; ++cursor) {
      const int32_t row = samples_[static_cast<size_t>(cursor)];
      const double w = Weight(row);
      if (classification_) sum_left_[static_cast<size_t>(labels_[static_cast<size_t>(row)])] += w;
      else sum_left_[0] += w * (*y_)[row];
      w_left += w;
    }
    const double w_right = weighted - w_left;
    double proxy;
    if (criterion == SplitCriterion::kSquaredError) {
      const double sum_right = sum_total_[0] - sum_left_[0];
      proxy = sum_left_[0] * sum_left_[0] / w_left + sum_right * sum_right / w_right;
    } else if (criterion == SplitCriterion::kGini) {
      double sq_left = 0.0, sq_right = 0.0;
      for (int k = 0; k < classes; ++k) {
        const double left = sum_left_[static_cast<size_t>(k)], right = sum_total_[static_cast<size_t>(k)] - left;
        sq_left += left * left;
        sq_right += right * right;
      }
      const double gini_left = 1.0 - sq_left / (w_left * w_left);
      const double gini_right = 1.0 - sq_right / (w_right * w_right);
      proxy = -w_right * gini_right - w_left * gini_left;
    } else {
      double entropy_left = 0.0, entropy_right = 0.0;
      for (int k = 0; k < classes; ++k) {
        const double left = sum_left_[static_cast<size_t>(k)], right = sum_total_[static_cast<size_t>(k)] - left;
        const double p_left = left / w_left, p_right = right / w_right;
        if (p_left > 0.0) entropy_left -= p_left * Log2(p_left);
        if (p_right > 0.0) entropy_right -= p_right * Log2(p_right);
      }
      proxy = -w_right * entropy_right - w_left * entropy_left;
    }
    if (proxy > *best_proxy) {
      *best_proxy = proxy;
      const double below = xf_[static_cast<size_t>(p - 1)], above = xf_[static_cast<size_t>(p)];
      double threshold = below / 2.0 + above / 2.0;
      if (threshold == above || std::isinf(threshold)) threshold = below;
      best->pos = p;
      best->feature = feature;
      best->threshold = threshold;
    }
  }
}

// sklearn's children_impurity after criterion.update(best.pos), on the partitioned rows.
void TreeGrower::ChildImpurities(int64_t start, int64_t pos, double weighted, SplitCandidate* split) {
  const int classes = classification_ ? options_.classes : 1;
  std::fill(sum_left_.begin(), sum_left_.end(), 0.0);
  double w_left = 0.0, sq_left = 0.0;
  for (int64_t p = start; p < pos; ++p) {
    const int32_t row = samples_[static_cast<size_t>(p)];
    const double w = Weight(row);
    if (classification_) {
      sum_left_[static_cast<size_t>(labels_[static_cast<size_t>(row)])] += w;
    } else {
      const double y = (*y_)[row];
      sum_left_[0] += w * y;
      sq_left += w * y * y;
    }
    w_left += w;
  }
  left_weight_ = w_left;
  const double w_right = weighted - w_left;
  if (!classification_) {
    const double sum_right = sum_total_[0] - sum_left_[0];
    const double sq_right = regression_sq_sum_ - sq_left;
    const double mean_left = sum_left_[0] / w_left, mean_right = sum_right / w_right;
    split->impurity_left = sq_left / w_left - mean_left * mean_left;
    split->impurity_right = sq_right / w_right - mean_right * mean_right;
    return;
  }
  std::vector<double>& right = value_;  // scratch: right-hand class weights
  for (int k = 0; k < classes; ++k) right[static_cast<size_t>(k)] = sum_total_[static_cast<size_t>(k)] - sum_left_[static_cast<size_t>(k)];
  split->impurity_left = NodeImpurity(sum_left_.data(), w_left);
  split->impurity_right = NodeImpurity(right.data(), w_right);
}

}  // namespace mlp::classic
