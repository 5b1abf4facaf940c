#include "core/data/generators/classic.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/base/rng.h"
#include "core/data/generators/multivariate_normal.h"

namespace mlp {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::vector<std::string> NumberedNames(const std::string& prefix, int count) {
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) names.push_back(prefix + std::to_string(i + 1));
  return names;
}

std::vector<std::string> ClassNames(const std::string& prefix, int count) {
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) names.push_back(prefix + std::to_string(i));
  return names;
}

// Point clouds without labels still need a target column; one class keeps views uniform.
Dataset Unlabelled(std::string name, Eigen::MatrixXd features) {
  Dataset data;
  data.name = std::move(name);
  data.task = TaskKind::kClassification;
  data.targets = Eigen::VectorXd::Zero(features.rows());
  data.feature_names = NumberedNames("x", static_cast<int>(features.cols()));
  data.class_names = {"sample"};
  data.features = std::move(features);
  return data;
}

Dataset OneFeatureRegression(std::string name, const std::vector<double>& x, const std::vector<double>& y) {
  Dataset data;
  data.name = std::move(name);
  data.task = TaskKind::kRegression;
  data.features = Eigen::Map<const Eigen::VectorXd>(x.data(), static_cast<Eigen::Index>(x.size()));
  data.targets = Eigen::Map<const Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()));
  data.feature_names = {"x"};
  return data;
}

// Rows reordered so that new row i is old row order[i] (NumPy's X[indices]).
void ReorderRows(Dataset& data, const std::vector<int64_t>& order) {
  Eigen::MatrixXd features(data.features.rows(), data.features.cols());
  Eigen::VectorXd targets(data.targets.size());
  for (size_t i = 0; i < order.size(); ++i) {
    const auto row = static_cast<Eigen::Index>(i), source = static_cast<Eigen::Index>(order[i]);
    features.row(row) = data.features.row(source);
    targets(row) = data.targets(source);
  }
  data.features = std::move(features);
  data.targets = std::move(targets);
}

}  // namespace

Dataset GenerateLineNoise(const LineNoiseSettings& settings) {
  Rng rng(settings.seed);
  const int n = std::max(settings.samples, 0);
  std::vector<double> x(static_cast<size_t>(n)), y(static_cast<size_t>(n));
  for (double& value : x) value = rng.Uniform() * settings.x_max;
  std::sort(x.begin(), x.end());
  for (size_t i = 0; i < x.size(); ++i) y[i] = settings.slope * x[i] + rng.Normal(0.0, settings.noise_sd);
  Dataset data = OneFeatureRegression("Line + noise (synthetic)", x, y);
  data.noise_free_targets = settings.slope * data.features.col(0);
  return data;
}

NoisySinusoidSettings GaussianProcessToySettings() {
  NoisySinusoidSettings settings;
  settings.samples = 4;
  settings.x_max = 2.0;
  settings.cycles_per_unit = 1.0;
  settings.sort_x = false;
  return settings;
}

Dataset GenerateNoisySinusoid(const NoisySinusoidSettings& settings) {
  Rng rng(settings.seed);
  const int n = std::max(settings.samples, 0);
  std::vector<double> x(static_cast<size_t>(n)), y(static_cast<size_t>(n));
  for (double& value : x) value = rng.Uniform() * settings.x_max;
  if (settings.sort_x) std::sort(x.begin(), x.end());
  // Same grouping as NumPy's sin(k·X) + randn·σ + offset, so the sums round identically.
  const double angular = 2.0 * kPi * settings.cycles_per_unit;
  for (size_t i = 0; i < x.size(); ++i) {
    y[i] = (std::sin(angular * x[i]) + rng.Normal() * settings.noise_sd) + settings.offset;
  }
  Dataset data = OneFeatureRegression("Noisy sinusoid (synthetic)", x, y);
  data.noise_free_targets.resize(data.features.rows());
  for (Eigen::Index i = 0; i < data.features.rows(); ++i)
    data.noise_free_targets(i) = std::sin(angular * data.features(i, 0)) + settings.offset;
  return data;
}

Dataset GenerateRotatedGaussian(const RotatedGaussianSettings& settings) {
  const double r = std::clamp(settings.correlation, -1.0, 1.0);
  const double sd_x = std::abs(settings.sd_x), sd_y = std::abs(settings.sd_y);
  Eigen::Matrix2d covariance;
  covariance << sd_x * sd_x, r * sd_x * sd_y, r * sd_x * sd_y, sd_y * sd_y;
  Rng rng(settings.seed);
  // Always symmetric and positive semi-definite by construction, so the draw cannot fail.
  Eigen::MatrixXd points = MultivariateNormal(rng, Eigen::Vector2d(settings.mean_x, settings.mean_y), covariance,
                                              std::max(settings.samples, 0))
                               .value();
  return Unlabelled("Rotated 2-D Gaussian (synthetic)", std::move(points));
}

Dataset GenerateTwoClusters(const TwoClustersSettings& settings) {
  Rng rng(settings.seed);
  const int n = std::max(settings.samples_per_cluster, 0);
  Dataset data;
  data.name = "Two Gaussian clusters (synthetic)";
  data.task = TaskKind::kClassification;
  data.features.resize(2 * n, 2);
  data.targets.resize(2 * n);
  for (int row = 0; row < 2 * n; ++row) {
    const bool first = row < n;
    const double centre = first ? settings.centre : -settings.centre;
    data.features(row, 0) = rng.Normal(centre, settings.sd);
    data.features(row, 1) = rng.Normal(centre, settings.sd);
    data.targets(row) = first ? 0.0 : 1.0;
  }
  data.feature_names = {"x1", "x2"};
  data.class_names = {"cluster 0", "cluster 1"};
  return data;
}

Dataset GenerateGaussian3D(const Gaussian3DSettings& settings) {
  const Eigen::Vector3d variance = settings.sd.cwiseAbs2();
  Rng rng(settings.seed);
  Eigen::MatrixXd points =
      MultivariateNormal(rng, settings.mean, Eigen::MatrixXd(variance.asDiagonal()), std::max(settings.samples, 0))
          .value();
  return Unlabelled("3-D Gaussian (synthetic)", std::move(points));
}

Dataset GenerateBlobs(const BlobsSettings& settings, Eigen::MatrixXd* centers) {
  Rng rng(settings.seed);
  const int k = std::max(settings.centers, 1), d = std::max(settings.features, 1), n = std::max(settings.samples, 0);
  Eigen::MatrixXd centre_table(k, d);
  for (int c = 0; c < k; ++c) {
    for (int j = 0; j < d; ++j) centre_table(c, j) = rng.Uniform(settings.box_low, settings.box_high);
  }
  Dataset data;
  data.name = "Blobs (synthetic)";
  data.task = TaskKind::kClassification;
  data.features.resize(n, d);
  data.targets.resize(n);
  int row = 0;
  for (int c = 0; c < k; ++c) {
    const int count = n / k + (c < n % k ? 1 : 0);  // the first n mod k blobs get one extra row
    for (int i = 0; i < count; ++i, ++row) {
      for (int j = 0; j < d; ++j) data.features(row, j) = rng.Normal(centre_table(c, j), settings.cluster_sd);
      data.targets(row) = c;
    }
  }
  if (settings.shuffle) ReorderRows(data, rng.Permutation(n));
  data.feature_names = NumberedNames("x", d);
  data.class_names = ClassNames("blob ", k);
  if (centers != nullptr) *centers = centre_table;
  return data;
}

Dataset GenerateBinaryClassification(const BinaryClassificationSettings& settings) {
  Rng rng(settings.seed);
  const int n = std::max(settings.samples, 0);
  const int informative = std::max(settings.informative_features, 1), noise = std::max(settings.noise_features, 0);
  const double positive = std::clamp(settings.positive_fraction, 0.0, 1.0);
  int counts[2] = {static_cast<int>(n * (1.0 - positive)), static_cast<int>(n * positive)};
  for (int i = 0; n - counts[0] - counts[1] > 0; ++i) ++counts[i % 2];
  Dataset data;
  data.name = "Binary classification (synthetic)";
  data.task = TaskKind::kClassification;
  data.features.resize(n, informative + noise);
  data.targets.resize(n);
  int row = 0;
  for (int label = 0; label < 2; ++label) {
    const double centre = label == 0 ? -settings.class_sep : settings.class_sep;
    for (int i = 0; i < counts[label]; ++i, ++row) {
      for (int j = 0; j < informative; ++j) data.features(row, j) = rng.Normal(centre, 1.0);
      for (int j = 0; j < noise; ++j) data.features(row, informative + j) = rng.Normal();
      data.targets(row) = label;
    }
  }
  ReorderRows(data, rng.Permutation(n));
  data.feature_names = NumberedNames("x", informative + noise);
  data.class_names = {"class 0", "class 1"};
  return data;
}

}  // namespace mlp
