// One-vs-one C-SVC over SmoSolver (see support_vector_classifier.h).
#include "core/models/classic/kernels/support_vector_classifier.h"

#include <algorithm>
#include <cmath>

#include "core/base/format.h"

namespace mlp::classic {

std::string SupportVectorClassifier::Describe() const {
  return "support-vector classifier (C = " + FormatNumber(settings_.c) + ", " + DescribeKernel(settings_.kernel) + ")";
}

Status SupportVectorClassifier::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes,
                                      uint32_t /*seed: SMO is deterministic*/) {
  machines_.clear();
  pair_rows_.clear();
  current_ = 0;
  progress_ = Progress{};
  progress_.objective_name = "dual objective";
  if (Status status = CheckKernel(settings_.kernel); !status.ok()) return status;
  if (!(settings_.c > 0.0 && std::isfinite(settings_.c))) return Status::Error("C must be a positive number.");
  if (!(settings_.tol > 0.0)) return Status::Error("The tolerance must be positive (libsvm's default is 0.001).");
  if (settings_.iterations_per_step < 1) return Status::Error("Iterations per step must be at least 1.");
  if (x.rows() != y.size() || x.rows() < 2) return Status::Error("The SVM needs at least two labelled rows.");
  if (!x.allFinite()) return Status::Error("The features contain NaN or infinite values; impute or drop them first.");
  if (num_classes < 2) return Status::Error("The SVM needs at least two classes.");
  std::vector<std::vector<Eigen::Index>> by_class(static_cast<size_t>(num_classes));
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    const double label = y(i);
    if (!(label >= 0 && label < num_classes) || label != std::floor(label))
      return Status::Error("Class labels must be whole numbers from 0 to classes - 1.");
    by_class[static_cast<size_t>(label)].push_back(i);
  }
  for (int c = 0; c < num_classes; ++c)
    if (by_class[static_cast<size_t>(c)].empty())
      return Status::Error("Class " + std::to_string(c) + " has no training rows; every class needs some for the SVM.");
  x_ = x;
  classes_ = num_classes;
  // libsvm trains pair (a, b) on class a's rows then class b's, a as +1.
  for (int a = 0; a < num_classes; ++a)
    for (int b = a + 1; b < num_classes; ++b) {
      std::vector<Eigen::Index> rows = by_class[static_cast<size_t>(a)];
      rows.insert(rows.end(), by_class[static_cast<size_t>(b)].begin(), by_class[static_cast<size_t>(b)].end());
      pair_rows_.push_back(std::move(rows));
      PairMachine machine;
      // Two classes: scikit-learn flips libsvm's sign so that > 0 means class 1.
      machine.positive_class = num_classes == 2 ? b : a;
      machine.negative_class = num_classes == 2 ? a : b;
      machines_.push_back(std::move(machine));
    }
  y_ = y;
  StartPair(0);
  return {};
}

void SupportVectorClassifier::StartPair(size_t pair) {
  const PairMachine& machine = machines_[pair];
  const int first = std::min(machine.positive_class, machine.negative_class);  // libsvm's +1
  const std::vector<Eigen::Index>& rows = pair_rows_[pair];
  Eigen::MatrixXd sub(static_cast<Eigen::Index>(rows.size()), x_.cols());
  Eigen::VectorXd labels(static_cast<Eigen::Index>(rows.size()));
  for (size_t r = 0; r < rows.size(); ++r) {
    sub.row(static_cast<Eigen::Index>(r)) = x_.row(rows[r]);
    labels(static_cast<Eigen::Index>(r)) = y_(rows[r]) == first ? 1.0 : -1.0;
  }
  solver_.Reset(std::move(sub), labels, settings_.kernel, settings_.c, settings_.tol, settings_.max_cached_rows);
}

void SupportVectorClassifier::Extract(size_t pair) {
  PairMachine& machine = machines_[pair];
  const std::vector<Eigen::Index>& rows = pair_rows_[pair];
  const Eigen::VectorXd& alpha = solver_.alpha();
  const int first = std::min(machine.positive_class, machine.negative_class);
  const double sign = machine.positive_class == first ? 1.0 : -1.0;  // libsvm's +1 is the lower class
  std::vector<std::pair<Eigen::Index, double>> support;
  for (size_t r = 0; r < rows.size(); ++r) {
    const double a = alpha(static_cast<Eigen::Index>(r));
    if (a > 0.0) support.emplace_back(rows[r], sign * a * (y_(rows[r]) == first ? 1.0 : -1.0));
  }
  std::sort(support.begin(), support.end());
  machine.support.resize(support.size());
  machine.dual_coef.resize(static_cast<Eigen::Index>(support.size()));
  for (size_t s = 0; s < support.size(); ++s) {
    machine.support[s] = support[s].first;
    machine.dual_coef(static_cast<Eigen::Index>(s)) = support[s].second;
  }
  machine.intercept = -sign * solver_.Rho();
  machine.iterations = solver_.iterations();
  machine.converged = solver_.converged();
}

Status SupportVectorClassifier::Step() {
  if (machines_.empty()) return Status::Error("Reset the SVM on training data before stepping it.");
  if (progress_.finished) return {};
  const int64_t room = settings_.max_iterations - solver_.iterations();
  solver_.Iterate(std::min<int64_t>(settings_.iterations_per_step, std::max<int64_t>(room, 0)));
  ++progress_.steps;
  progress_.objective = solver_.DualObjective();
  if (!std::isfinite(progress_.objective))
    return Status::Error("The SVM's dual objective became NaN; scale the features (StandardScaler) or lower gamma.");
  Extract(current_);
  if (solver_.converged() || solver_.iterations() >= settings_.max_iterations) {
    ++current_;
    if (current_ == machines_.size()) {
      progress_.finished = true;
    } else {
      StartPair(current_);
    }
  }
  return {};
}

Eigen::MatrixXd SupportVectorClassifier::DecisionFunction(const Eigen::MatrixXd& x) const {
  Eigen::MatrixXd decision(x.rows(), static_cast<Eigen::Index>(machines_.size()));
  for (size_t p = 0; p < machines_.size(); ++p) {
    const PairMachine& machine = machines_[p];
    Eigen::MatrixXd sv(static_cast<Eigen::Index>(machine.support.size()), x_.cols());
    for (size_t s = 0; s < machine.support.size(); ++s) sv.row(static_cast<Eigen::Index>(s)) = x_.row(machine.support[s]);
    const Eigen::Index col = static_cast<Eigen::Index>(p);
    if (sv.rows() == 0) {
      decision.col(col).setConstant(machine.intercept);
    } else {
      decision.col(col) = (KernelMatrix(settings_.kernel, x, sv) * machine.dual_coef).array() + machine.intercept;
    }
  }
  return decision;
}

Eigen::VectorXd SupportVectorClassifier::Predict(const Eigen::MatrixXd& x) const {
  const Eigen::MatrixXd decision = DecisionFunction(x);
  Eigen::VectorXd labels(x.rows());
  std::vector<int> votes(static_cast<size_t>(std::max(classes_, 0)));
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    std::fill(votes.begin(), votes.end(), 0);
    for (size_t p = 0; p < machines_.size(); ++p) {
      const PairMachine& machine = machines_[p];
      ++votes[static_cast<size_t>(decision(i, static_cast<Eigen::Index>(p)) > 0 ? machine.positive_class
                                                                                : machine.negative_class)];
    }
    labels(i) = double(std::max_element(votes.begin(), votes.end()) - votes.begin());  // first max wins
  }
  return labels;
}

std::vector<Eigen::Index> SupportVectorClassifier::SupportIndices() const {
  std::vector<Eigen::Index> all;
  for (const PairMachine& machine : machines_) all.insert(all.end(), machine.support.begin(), machine.support.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

Eigen::MatrixXd SupportVectorClassifier::SupportVectors() const {
  const std::vector<Eigen::Index> rows = SupportIndices();
  Eigen::MatrixXd sv(static_cast<Eigen::Index>(rows.size()), x_.cols());
  for (size_t s = 0; s < rows.size(); ++s) sv.row(static_cast<Eigen::Index>(s)) = x_.row(rows[s]);
  return sv;
}


Eigen::VectorXd SupportVectorClassifier::ContourField(const Eigen::MatrixXd& x) const {
  if (classes_ != 2 || machines_.empty()) return {};
  const Eigen::MatrixXd values = DecisionFunction(x);
  if (values.cols() != 1) return {};
  return values.col(0);
}

ModelInsight SupportVectorClassifier::Insight() const {
  ModelInsight insight;
  insight.support_indices = SupportIndices();
  return insight;
}

}  // namespace mlp::classic
