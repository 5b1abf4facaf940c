#include "core/data/preprocess/polynomial.h"

#include <cmath>

namespace mlp {
namespace {

// Appends, in itertools.combinations_with_replacement order, the power vectors of every
// non-decreasing index sequence of length `remaining` starting at `first`.
void AppendCombinations(int columns, int first, int remaining, std::vector<int>& powers,
                        std::vector<std::vector<int>>& out) {
  if (remaining == 0) {
    out.push_back(powers);
    return;
  }
  for (int c = first; c < columns; ++c) {
    ++powers[static_cast<size_t>(c)];
    AppendCombinations(columns, c, remaining - 1, powers, out);
    --powers[static_cast<size_t>(c)];
  }
}

// Number of monomials of degree 1..degree in `columns` variables: C(columns + degree, degree) − 1,
// computed in double so huge requests are caught before they overflow.
double CountMonomials(int columns, int degree) {
  double count = 1.0;
  for (int k = 1; k <= degree; ++k) count = count * (columns + k) / k;
  return std::round(count) - 1.0;
}

}  // namespace

Status PolynomialStep::FitSelected(const Eigen::MatrixXd& selected) {
  const int columns = static_cast<int>(selected.cols());
  if (degree_ < 1) return Status::Error(Describe() + ": the degree must be at least 1.");
  const double count = CountMonomials(columns, degree_);
  if (count > kMaxOutputColumns) {
    return Status::Error(Describe() + ": " + std::to_string(columns) + " columns at degree " + std::to_string(degree_) +
                         " would make " + FormatValue(count) + " features (the limit is " +
                         std::to_string(kMaxOutputColumns) + "). Lower the degree or select fewer columns.");
  }
  powers_.clear();
  std::vector<int> powers(static_cast<size_t>(columns), 0);
  for (int degree = 1; degree <= degree_; ++degree) AppendCombinations(columns, 0, degree, powers, powers_);
  return Status::Ok();
}

Result<Eigen::MatrixXd> PolynomialStep::TransformSelected(const Eigen::MatrixXd& selected) const {
  Eigen::MatrixXd out(selected.rows(), static_cast<Eigen::Index>(powers_.size()));
  for (size_t k = 0; k < powers_.size(); ++k) {
    Eigen::VectorXd product = Eigen::VectorXd::Ones(selected.rows());
    for (size_t c = 0; c < powers_[k].size(); ++c) {
      for (int p = 0; p < powers_[k][c]; ++p) product.array() *= selected.col(static_cast<Eigen::Index>(c)).array();
    }
    out.col(static_cast<Eigen::Index>(k)) = product;
  }
  return out;
}

std::vector<std::string> PolynomialStep::SelectedOutputNames(const std::vector<std::string>& names) const {
  std::vector<std::string> out;
  for (const std::vector<int>& powers : powers_) {
    std::string name;
    for (size_t c = 0; c < powers.size(); ++c) {
      if (powers[c] == 0) continue;
      if (!name.empty()) name += " ";
      name += names[c];
      if (powers[c] > 1) name += "^" + std::to_string(powers[c]);
    }
    out.push_back(name);
  }
  return out;
}

}  // namespace mlp
