// Helpers shared by the classic-model parity tests: golden matrices to Eigen, built-in datasets,
// sklearn's StandardScaler, and comparisons with a stated tolerance.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include <Eigen/Core>

#include "core/data/builtin/builtin_datasets.h"
#include "tests/golden/linear_golden.h"

namespace classic_test {

inline Eigen::MatrixXd ToMatrix(const linear_golden::Matrix& m) {
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(m.values.data(),
                                                                                                   m.rows, m.cols);
}

// A 1 × n or n × 1 golden matrix as a vector.
inline Eigen::VectorXd ToVector(const linear_golden::Matrix& m) {
  return Eigen::Map<const Eigen::VectorXd>(m.values.data(), static_cast<Eigen::Index>(m.values.size()));
}

inline mlp::Dataset LoadBuiltin(const std::string& id) {
  mlp::Result<mlp::Dataset> result = mlp::LoadBuiltinDatasetFile(id, MLP_DATASETS_DIR);
  INFO("built-in dataset " << id << ": " << result.status().message());
  REQUIRE(result.ok());
  return result.value();
}

// (x − mean) / std with ddof 0 and scale 1 for constant columns, like StandardScaler.
inline Eigen::MatrixXd Standardise(const Eigen::MatrixXd& x) {
  const Eigen::RowVectorXd mean = x.colwise().mean();
  Eigen::MatrixXd centred = x.rowwise() - mean;
  Eigen::RowVectorXd scale = (centred.colwise().squaredNorm() / static_cast<double>(x.rows())).cwiseSqrt();
  for (Eigen::Index j = 0; j < scale.size(); ++j)
    if (scale(j) == 0.0) scale(j) = 1.0;
  return centred.array().rowwise() / scale.array();
}

// max |actual − expected| ≤ tolerance · max(max |expected|, tiny): relative to the largest entry.
inline double RelativeError(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected) {
  if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) return INFINITY;
  const double scale = std::max(expected.cwiseAbs().maxCoeff(), 1e-300);
  return (actual - expected).cwiseAbs().maxCoeff() / scale;
}

inline double RelativeError(double actual, double expected) {
  return std::abs(actual - expected) / std::max(std::abs(expected), 1e-300);
}

}  // namespace classic_test
