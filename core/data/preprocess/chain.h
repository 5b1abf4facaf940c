// PreprocessChain: the ordered preprocessing steps shown to the learner as one visible chain,
// e.g. "impute (median), then standardise, then polynomial (degree 2)". Fitting walks the steps in order,
// each fitted on the TRAINING rows as transformed by the steps before it; test rows never take
// part in fitting (fitting on all rows before splitting leaks: course-inventory §7).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/data/preprocess/preprocess_step.h"

namespace mlp {

class PreprocessChain {
public:
  // Appends a step; the chain is unfitted again until the next Fit.
  void Add(std::unique_ptr<PreprocessStep> step);
  size_t size() const { return steps_.size(); }
  const PreprocessStep& step(size_t i) const { return *steps_[i]; }
  bool fitted() const { return fitted_; }

  // The steps joined by " → "; "no preprocessing" for an empty chain.
  std::string Describe() const;
  // Fits every step on `train` (samples × columns) in order. A failure names the step.
  Status Fit(const Eigen::MatrixXd& train);
  // Same, on the rows of `table` listed in `train_rows` (e.g. Split::train), so the caller never
  // has to build the training matrix by hand.
  Status Fit(const Eigen::MatrixXd& table, const std::vector<int64_t>& train_rows);
  // Applies every fitted step in order; fails if the chain is not fitted or a step refuses the rows.
  Result<Eigen::MatrixXd> Transform(const Eigen::MatrixXd& rows) const;
  // Column names after the whole chain (needs Fit).
  std::vector<std::string> OutputNames(const std::vector<std::string>& input_names) const;

private:
  std::vector<std::unique_ptr<PreprocessStep>> steps_;
  bool fitted_ = false;
};

}  // namespace mlp
