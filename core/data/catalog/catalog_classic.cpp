// Classic generators: the course's small synthetic sets and the 2-D toy problems.
#include <string>

#include "core/base/rng.h"
#include "core/data/catalog/catalog.h"
#include "core/data/generators/classic.h"
#include "core/data/generators_2d.h"

namespace mlp {
namespace {

SourceParameter Count(std::string key, std::string label, double value, double max) {
  return MakeParameter(std::move(key), std::move(label), 1, max, value, true);
}
SourceParameter Real(std::string key, std::string label, double min, double max, double value) {
  return MakeParameter(std::move(key), std::move(label), min, max, value, false);
}
int I(double v) { return static_cast<int>(v); }

Datasheet Synthetic(std::string size, std::string columns, std::string good_for) {
  return {"Generated in your browser from the seed (synthetic)", "none needed: generated", std::move(size),
          std::move(columns), std::move(good_for)};
}

void Add2DProblems(std::vector<DataSource>* sources) {
  for (Problem2D problem : kAllProblems2D) {
    DataSource s;
    s.id = std::string(ProblemKey(problem)) + "_2d";
    s.title = std::string(ProblemTitle(problem)) + " (2-D)";
    s.group = "2-D toy problems";
    s.sheet = Synthetic("N rows × 2 features (x1, x2)", "x1, x2 in about [-6, 6]; target: class or value",
                        "decision boundaries, the neural-network playground");
    s.parameters = {Count("samples", "Samples", 500, 5000), Real("noise", "Noise", 0.0, 0.5, 0.0)};
    s.generate = [problem](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      Rng rng(seed);
      Generator2DSettings settings{problem, I(v[0]), v[1]};
      Dataset data = Generate2D(settings, rng);
      data.name = std::string(ProblemTitle(problem)) + " (synthetic)";
      return data;
    };
    sources->push_back(std::move(s));
  }
}

}  // namespace

void AddClassicGeneratorSources(std::vector<DataSource>* sources) {
  const std::string group = "Classic generators";
  {
    DataSource s = NewGeneratorSource("line_noise", "Line + noise", group);
    s.sheet = Synthetic("N rows × 1 feature", "x ~ U(0, x_max) sorted; y = slope·x + N(0, σ²)",
                        "linear regression by least squares and gradient descent (course default: N=10, w=10, σ=20, seed 123)");
    s.parameters = {Count("samples", "Samples", 10, 10000), Real("slope", "Slope", -50, 50, 10),
                    Real("noise", "Noise σ", 0, 100, 20), Real("xmax", "x max", 1, 100, 50)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      LineNoiseSettings settings;
      settings.samples = I(v[0]);
      settings.slope = v[1];
      settings.noise_sd = v[2];
      settings.x_max = v[3];
      settings.seed = seed;
      return GenerateLineNoise(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("sinusoid", "Noisy sinusoid", group);
    s.sheet = Synthetic("N rows × 1 feature", "x ~ U(0, 1) sorted; y = sin(2π·f·x) + offset + N(0, σ²)",
                        "kernel ridge, Gaussian processes, polynomial over-fitting (course: N=200, seed 1234)");
    s.parameters = {Count("samples", "Samples", 200, 10000), Real("cycles", "Cycles per unit", 0.5, 8, 2),
                    Real("noise", "Noise σ", 0, 1, 0.1), Real("offset", "Offset", -10, 10, 5)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      NoisySinusoidSettings settings;
      settings.samples = I(v[0]);
      settings.cycles_per_unit = v[1];
      settings.noise_sd = v[2];
      settings.offset = v[3];
      settings.seed = seed;
      return GenerateNoisySinusoid(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("gp_toy", "Gaussian-process toy set", group);
    s.sheet = Synthetic("N rows × 1 feature (4 in the course)", "x = 2·U(0, 1) unsorted; y = sin(2πx) + 0.1·N(0, 1) + 5",
                        "Gaussian-process regression from very few points (course: 4 points, seed 1234)");
    s.parameters = {Count("samples", "Samples", 4, 1000)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      NoisySinusoidSettings settings = GaussianProcessToySettings();
      settings.samples = I(v[0]);
      settings.seed = seed;
      return GenerateNoisySinusoid(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("rotated_gaussian", "Rotated Gaussian", group);
    s.sheet = Synthetic("N rows × 2 features, unlabelled", "x1, x2 from a correlated 2-D normal",
                        "PCA: principal axes and explained variance (course: N=1000, r=0.75, seed 123)");
    s.parameters = {Count("samples", "Samples", 1000, 20000), Real("correlation", "Correlation", -0.99, 0.99, 0.75),
                    Real("sdx", "SD of x1", 0.1, 5, 1), Real("sdy", "SD of x2", 0.1, 5, 1)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      RotatedGaussianSettings settings;
      settings.samples = I(v[0]);
      settings.correlation = v[1];
      settings.sd_x = v[2];
      settings.sd_y = v[3];
      settings.seed = seed;
      return GenerateRotatedGaussian(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("two_clusters", "Two clusters", group);
    s.sheet = Synthetic("2N rows × 2 features, 2 groups", "x1, x2 from N(±c, σ²I)",
                        "k-means and Gaussian mixtures (course: 100 per cluster at ±2, seed 123)");
    s.parameters = {Count("per_cluster", "Points per cluster", 100, 10000), Real("centre", "Centre", 0, 6, 2),
                    Real("sd", "Cluster SD", 0.1, 4, 1)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      TwoClustersSettings settings;
      settings.samples_per_cluster = I(v[0]);
      settings.centre = v[1];
      settings.sd = v[2];
      settings.seed = seed;
      return GenerateTwoClusters(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("blobs", "Blobs", group);
    s.sheet = Synthetic("N rows × d features, k classes", "like scikit-learn's make_blobs (same numbers per seed)",
                        "k-means, kNN, multi-class boundaries");
    s.parameters = {Count("samples", "Samples", 300, 20000), Count("centers", "Centres", 3, 10),
                    Count("features", "Features", 2, 16), Real("sd", "Cluster SD", 0.1, 5, 1)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      BlobsSettings settings;
      settings.samples = I(v[0]);
      settings.centers = I(v[1]);
      settings.features = I(v[2]);
      settings.cluster_sd = v[3];
      settings.seed = seed;
      return GenerateBlobs(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("binary", "Binary classification", group);
    s.sheet = Synthetic("N rows, informative + noise features, 2 classes",
                        "class means at ±separation on the informative features; noise features N(0, 1)",
                        "logistic regression, imbalanced classes (course: 50 rows, 1 feature, 30/70)");
    s.parameters = {Count("samples", "Samples", 50, 20000), Count("informative", "Informative features", 1, 20),
                    Real("noise_features", "Noise features", 0, 20, 0), Real("positive", "Share of class 1", 0.05, 0.95, 0.7),
                    Real("separation", "Class separation", 0, 5, 1)};
    s.parameters[2].integer = true;
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      BinaryClassificationSettings settings;
      settings.samples = I(v[0]);
      settings.informative_features = I(v[1]);
      settings.noise_features = I(v[2]);
      settings.positive_fraction = v[3];
      settings.class_sep = v[4];
      settings.seed = seed;
      return GenerateBinaryClassification(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("gaussian_3d", "3-D Gaussian", group);
    s.sheet = Synthetic("N rows × 3 features, unlabelled", "x1, x2, x3 ~ N(mean, diag(sd²))",
                        "3-D scatter plots, PCA in three dimensions (course: N=100, mean (1, 2, 4))");
    s.parameters = {Count("samples", "Samples", 100, 20000), Real("sd", "SD", 0.1, 5, 1)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      Gaussian3DSettings settings;
      settings.samples = I(v[0]);
      settings.sd = Eigen::Vector3d::Constant(v[1]);
      settings.seed = seed;
      return GenerateGaussian3D(settings);
    };
    sources->push_back(std::move(s));
  }
  Add2DProblems(sources);
}

}  // namespace mlp
