// The classic synthetic data sets of the course (seed 004), each drawn from the NumPy-compatible Rng
// in the same order as the course's NumPy code, so the default settings reproduce its printed
// numbers. Every generator owns its Rng: the same settings always give the same Dataset.
#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "core/data/dataset.h"

namespace mlp {

// y = slope·x + N(0, noise_sd²) with x = U(0, x_max) sorted ascending (course: N = 10, w = 10, σ = 20).
struct LineNoiseSettings {
  int samples = 10;
  double x_max = 50.0;
  double slope = 10.0;
  double noise_sd = 20.0;
  uint32_t seed = 123;
};
// Regression, one feature "x", target "y". Draws all x first, then all noise, as the course does.
Dataset GenerateLineNoise(const LineNoiseSettings& settings);

// y = sin(2π·cycles·x) + noise_sd·N(0, 1) + offset with x = U(0, x_max).
struct NoisySinusoidSettings {
  int samples = 200;
  double x_max = 1.0;
  double cycles_per_unit = 2.0;  // 2 → sin(4πx), the kernel-methods lesson
  double noise_sd = 0.1;
  double offset = 5.0;
  bool sort_x = true;            // the kernel lesson sorts x; the GP toy set keeps draw order
  uint32_t seed = 1234;
};
// The Gaussian-process lesson's 4-point set: x = 2·U(0, 1) unsorted, y = sin(2πx) + 0.1·N + 5.
NoisySinusoidSettings GaussianProcessToySettings();
// Regression, one feature "x", target "y".
Dataset GenerateNoisySinusoid(const NoisySinusoidSettings& settings);

// A correlated 2-D Gaussian for the PCA lesson: cov = [[sd_x², r·sd_x·sd_y], [r·sd_x·sd_y, sd_y²]].
struct RotatedGaussianSettings {
  int samples = 1000;
  double mean_x = 2.0, mean_y = 4.0;
  double sd_x = 1.0, sd_y = 1.0;
  double correlation = 0.75;  // clamped to [-1, 1]
  uint32_t seed = 123;
};
// Unlabelled (a single class "sample", every target 0); features "x1", "x2".
Dataset GenerateRotatedGaussian(const RotatedGaussianSettings& settings);

// Two isotropic clusters N(+centre, sd²·I) then N(−centre, sd²·I) in 2-D (the k-means/GMM lesson).
struct TwoClustersSettings {
  int samples_per_cluster = 100;
  double centre = 2.0;  // both coordinates of the first cluster's centre; the second is its negative
  double sd = 1.0;
  uint32_t seed = 123;
};
// Classification by generating cluster: rows 0..n-1 are class 0 (at +centre), the rest class 1.
Dataset GenerateTwoClusters(const TwoClustersSettings& settings);

// An axis-aligned 3-D Gaussian, multivariate_normal(mean, diag(sd²)) (the 3-D scatter example).
struct Gaussian3DSettings {
  int samples = 100;
  Eigen::Vector3d mean{1.0, 2.0, 4.0};
  Eigen::Vector3d sd{1.0, 1.0, 1.0};
  uint32_t seed = 0;
};
// Unlabelled (a single class "sample"); features "x1", "x2", "x3".
Dataset GenerateGaussian3D(const Gaussian3DSettings& settings);

// Isotropic blobs as scikit-learn's make_blobs(n_samples, n_features, centers=k, cluster_std,
// center_box, shuffle, random_state=seed) draws them: identical numbers for the same arguments.
struct BlobsSettings {
  int samples = 100;
  int centers = 3;
  int features = 2;
  double cluster_sd = 1.0;
  double box_low = -10.0, box_high = 10.0;  // centres are uniform in this box
  bool shuffle = true;
  uint32_t seed = 0;
};
// Classification by blob ("blob 0" …); features "x1" … . Centres are returned in `centers` if given.
Dataset GenerateBlobs(const BlobsSettings& settings, Eigen::MatrixXd* centers = nullptr);

// A binary set in the spirit of make_classification (not its exact numbers): class k's rows are
// N(μ_k, I) on the informative features with μ_0 = −class_sep·1 and μ_1 = +class_sep·1, plus
// pure N(0, 1) noise features; rows are shuffled. Class 1 gets int(samples·positive_fraction) rows
// and class 0 int(samples·(1 − positive_fraction)); a leftover row goes to class 0, then class 1.
struct BinaryClassificationSettings {
  int samples = 50;
  int informative_features = 1;
  int noise_features = 0;
  double positive_fraction = 0.7;  // the course's weights = [0.3, 0.7]
  double class_sep = 1.0;
  uint32_t seed = 0;
};
// Classification, classes "class 0", "class 1"; features "x1" … .
Dataset GenerateBinaryClassification(const BinaryClassificationSettings& settings);

}  // namespace mlp
