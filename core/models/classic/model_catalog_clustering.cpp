// The catalogue's unsupervised section: k-means, Gaussian mixtures and PCA.
#include "core/models/classic/clustering/gaussian_mixture.h"
#include "core/models/classic/clustering/kmeans.h"
#include "core/models/classic/clustering/pca.h"
#include "core/models/classic/model_catalog.h"

namespace mlp::classic {
namespace {

ParameterSpec Param(std::string key, std::string label, double min, double max, double value, bool integer = true) {
  return MakeParameter(std::move(key), std::move(label), min, max, value, integer, false, "");
}

}  // namespace

void AddClusteringModels(std::vector<ModelEntry>* entries) {
  {
    ModelEntry e;
    e.id = "kmeans";
    e.title = "k-means";
    e.group = "Clustering";
    e.kind = ModelKind::kClusterer;
    e.summary = "Places k centres, gives every point to its nearest centre, moves each centre to the mean of its "
                "points, and repeats. Each step is one assign-and-move; the inertia (summed squared distance) "
                "can only fall. Several restarts from k-means++ starts keep the best.";
    e.parameters = {Param("k", "Clusters k", 1, 20, 3), Param("runs", "Restarts (n_init)", 1, 20, 10),
                    WithChoices(Param("random_init", "Initial centres", 0, 1, 0), {"k-means++", "random rows"})};
    e.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
      KMeansSettings s;
      s.clusters = static_cast<int>(v[0]);
      s.runs = static_cast<int>(v[1]);
      s.init = v[2] > 0.5 ? KMeansInit::kRandom : KMeansInit::kKMeansPlusPlus;
      return std::make_unique<KMeans>(s);
    };
    entries->push_back(std::move(e));
  }
  {
    ModelEntry e;
    e.id = "gaussian_mixture";
    e.title = "Gaussian mixture (EM)";
    e.group = "Clustering";
    e.kind = ModelKind::kClusterer;
    e.summary = "Soft clustering: every point belongs to each of k Gaussian bells with some probability. Each EM "
                "step re-weighs the points, then refits the bells' means, shapes and sizes; the likelihood "
                "never falls. Diagonal covariances keep the bells aligned with the axes.";
    e.parameters = {Param("k", "Components", 1, 20, 2), WithChoices(Param("diagonal", "Covariance", 0, 1, 0), {"full", "diagonal"})};
    e.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
      GaussianMixtureSettings s;
      s.components = static_cast<int>(v[0]);
      s.covariance = v[1] > 0.5 ? CovarianceType::kDiagonal : CovarianceType::kFull;
      return std::make_unique<GaussianMixture>(s);
    };
    entries->push_back(std::move(e));
  }
  {
    ModelEntry e;
    e.id = "pca";
    e.title = "Principal component analysis";
    e.group = "Projection";
    e.kind = ModelKind::kProjector;
    e.summary = "Finds the directions in which the data vary most. The first component carries the largest share "
                "of the variance, the next the largest share of what is left, and so on; projecting onto the "
                "first few keeps most of the information in fewer numbers. The map shows the first component's "
                "score over the plane.";
    e.parameters = {Param("components", "Components", 1, 50, 2)};
    e.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
      PcaSettings s;
      s.components = static_cast<int>(v[0]);
      return std::make_unique<Pca>(s);
    };
    entries->push_back(std::move(e));
  }
}

}  // namespace mlp::classic
