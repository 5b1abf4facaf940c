#include "core/data/preprocess/chain.h"

#include <cassert>

namespace mlp {

void PreprocessChain::Add(std::unique_ptr<PreprocessStep> step) {
  assert(step != nullptr);
  steps_.push_back(std::move(step));
  fitted_ = false;
}

std::string PreprocessChain::Describe() const {
  if (steps_.empty()) return "no preprocessing";
  std::string text;
  for (const auto& step : steps_) text += (text.empty() ? "" : ", then ") + step->Describe();  // plain words: the UI font has no arrow glyph
  return text;
}

Status PreprocessChain::Fit(const Eigen::MatrixXd& train) {
  fitted_ = false;
  Eigen::MatrixXd current = train;
  for (size_t i = 0; i < steps_.size(); ++i) {
    const std::string where = "Preprocessing step " + std::to_string(i + 1) + ", ";
    if (Status fit = steps_[i]->Fit(current); !fit.ok()) return Status::Error(where + fit.message());
    Result<Eigen::MatrixXd> next = steps_[i]->Transform(current);
    if (!next.ok()) return Status::Error(where + next.status().message());
    current = std::move(next).value();
  }
  fitted_ = true;
  return Status::Ok();
}

Status PreprocessChain::Fit(const Eigen::MatrixXd& table, const std::vector<int64_t>& train_rows) {
  Eigen::MatrixXd train(static_cast<Eigen::Index>(train_rows.size()), table.cols());
  for (size_t i = 0; i < train_rows.size(); ++i) {
    const int64_t row = train_rows[i];
    if (row < 0 || row >= table.rows()) {
      fitted_ = false;
      return Status::Error("Preprocessing: training row " + std::to_string(row) + " is outside the table (" +
                           std::to_string(table.rows()) + " rows).");
    }
    train.row(static_cast<Eigen::Index>(i)) = table.row(static_cast<Eigen::Index>(row));
  }
  return Fit(train);
}

Result<Eigen::MatrixXd> PreprocessChain::Transform(const Eigen::MatrixXd& rows) const {
  if (!fitted_) return Status::Error("Preprocessing: fit the chain on the training rows before applying it.");
  Eigen::MatrixXd current = rows;
  for (size_t i = 0; i < steps_.size(); ++i) {
    Result<Eigen::MatrixXd> next = steps_[i]->Transform(current);
    if (!next.ok()) {
      return Status::Error("Preprocessing step " + std::to_string(i + 1) + ", " + next.status().message());
    }
    current = std::move(next).value();
  }
  return current;
}

std::vector<std::string> PreprocessChain::OutputNames(const std::vector<std::string>& input_names) const {
  assert(fitted_ && "Fit the chain before asking for its output names");
  std::vector<std::string> names = input_names;
  for (const auto& step : steps_) names = step->OutputNames(names);
  return names;
}

}  // namespace mlp
