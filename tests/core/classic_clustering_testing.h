// Shared by the PCA, k-means and Gaussian-mixture parity tests: the golden matrices as Eigen, a
// relative-error measure, and the data sets the golden script rebuilt in Python.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include <Eigen/Core>

#include "core/data/builtin/builtin_datasets.h"
#include "core/data/generators/classic.h"
#include "tests/golden/clustering_golden.h"

namespace clustering_testing {

inline Eigen::MatrixXd ToMatrix(const clustering_golden::Matrix& m) {
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(m.values.data(),
                                                                                                   m.rows, m.cols);
}
inline Eigen::VectorXd ToVector(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// max |a − e| / max(1, |e|) over entries; infinity when the shapes differ.
inline double MaxRelativeError(const Eigen::MatrixXd& actual, const Eigen::MatrixXd& expected) {
  if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) return INFINITY;
  double worst = 0.0;
  for (Eigen::Index i = 0; i < expected.rows(); ++i)
    for (Eigen::Index j = 0; j < expected.cols(); ++j)
      worst = std::max(worst, std::abs(actual(i, j) - expected(i, j)) / std::max(1.0, std::abs(expected(i, j))));
  return worst;
}
inline double MaxRelativeError(const Eigen::MatrixXd& actual, const clustering_golden::Matrix& expected) {
  return MaxRelativeError(actual, ToMatrix(expected));
}

// Built-in features (digits come scaled by 1/16, as the golden script scales them).
inline Eigen::MatrixXd Builtin(const std::string& id) {
  mlp::Result<mlp::Dataset> data = mlp::LoadBuiltinDatasetFile(id, MLP_DATASETS_DIR);
  if (!data.ok()) return {};
  return data.value().features;
}
inline Eigen::MatrixXd Rotated() { return mlp::GenerateRotatedGaussian({}).features; }
inline Eigen::MatrixXd TwoClusters() { return mlp::GenerateTwoClusters({}).features; }
inline Eigen::MatrixXd Blobs() {
  mlp::BlobsSettings settings;
  settings.samples = 300;
  settings.centers = 4;
  return mlp::GenerateBlobs(settings).features;
}

}  // namespace clustering_testing
