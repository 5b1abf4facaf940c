// k-means clustering by Lloyd's algorithm, as scikit-learn 1.2.1's KMeans(algorithm='lloyd'):
// rows are centred on their mean first (as sklearn does, for accurate distances); each run starts
// from k-means++ or random rows (core/models/classic/clustering/kmeans_init.h) or from centres the
// caller gives; one Step() is one Lloyd iteration — assign every row to its nearest centre, then
// move each centre to the mean of its rows (an empty cluster takes the row farthest from its
// centre). A run stops when the labels no longer change, when the total squared centre shift is
// ≤ tol × (mean feature variance), or after max_iter iterations; then rows are re-assigned to the
// final centres and the run's inertia (Σ squared distance to the own centre) is compared with the
// best so far. n_init runs, the best inertia is kept (a lower inertia with the same partition does
// not replace it, as sklearn). The same seed draws the same initial rows as sklearn's
// random_state=seed (see kmeans_init.h).
#pragma once

#include <vector>

#include "core/base/rng.h"
#include "core/models/classic/model.h"

namespace mlp::classic {

enum class KMeansInit { kKMeansPlusPlus, kRandom };

struct KMeansSettings {
  int clusters = 3;  // k, 1 ≤ k ≤ rows
  KMeansInit init = KMeansInit::kKMeansPlusPlus;
  int runs = 10;        // sklearn n_init; the best inertia is kept
  int max_iterations = 300;
  double tolerance = 1e-4;  // relative to the mean feature variance (sklearn tol)
};

class KMeans : public Model {
public:
  explicit KMeans(KMeansSettings settings = {}) : settings_(settings) {}

  KMeansSettings& settings() { return settings_; }  // takes effect at the next Reset
  const KMeansSettings& settings() const { return settings_; }
  // Start every run from these centres (k × features, data coordinates) instead of `init`; then a
  // single run is made (sklearn KMeans(init=array, n_init=1)). An empty matrix clears them.
  void SetInitialCenters(Eigen::MatrixXd centers) { initial_centers_ = std::move(centers); }

  ModelKind kind() const override { return ModelKind::kClusterer; }
  std::string Describe() const override;
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int num_classes, uint32_t seed) override;
  Status Step() override;  // one Lloyd iteration (starting a new run first when needed)
  Progress progress() const override;
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override;  // index of the nearest centre
  ModelInsight Insight() const override;  // centres, their path in this run, row labels

  // Fitted state. While training: the current run (after Reset: the first run's starting centres
  // and the rows' nearest of them); once finished: the best run.
  Eigen::MatrixXd centers() const;                      // k × features, data coordinates
  const Eigen::VectorXi& labels() const { return labels_; }  // per training row
  double inertia() const { return inertia_; }           // Σ squared distance of each row to its centre
  // Inertia of the current run before each of its Lloyd updates (rows assigned to the old centres).
  const std::vector<double>& inertia_history() const { return history_; }
  const std::vector<double>& run_inertias() const { return run_inertias_; }  // final inertia of every finished run
  int run() const { return run_; }                      // runs started (1-based while training)
  int iterations() const { return iterations_; }        // Lloyd iterations of the current (or best) run
  int best_run() const { return best_run_; }            // 0-based index of the kept run
  bool finished() const { return finished_; }

private:
  void StartRun();
  // Nearest centre of every row (first on ties) by |c|² − 2 x·c, as sklearn's Lloyd kernel.
  void Assign(const Eigen::MatrixXd& centers, Eigen::VectorXi& labels);
  double Inertia(const Eigen::MatrixXd& centers, const Eigen::VectorXi& labels) const;
  void FinishRun();

  KMeansSettings settings_;
  Eigen::MatrixXd initial_centers_;
  // Per fit
  Eigen::MatrixXd x_;  // centred training rows
  Eigen::RowVectorXd mean_;
  Eigen::VectorXd squared_norms_;
  double tolerance_ = 0.0;  // absolute
  Rng rng_;
  int runs_ = 1;
  // Current run
  Eigen::MatrixXd centers_, new_centers_, products_;
  Eigen::VectorXi labels_, old_labels_;
  Eigen::VectorXd counts_;
  std::vector<double> history_;
  std::vector<Eigen::MatrixXd> path_;  // centred centres: the run's start, then after each update
  double inertia_ = 0.0;
  int iterations_ = 0;
  bool run_active_ = false;
  // Best run
  Eigen::MatrixXd best_centers_;
  Eigen::VectorXi best_labels_;
  std::vector<double> best_history_;
  std::vector<Eigen::MatrixXd> best_path_;
  double best_inertia_ = 0.0;
  int best_iterations_ = 0;
  int best_run_ = -1;
  std::vector<double> run_inertias_;
  int run_ = 0;
  int64_t steps_ = 0;
  bool finished_ = false;
  bool ready_ = false;
};

}  // namespace mlp::classic
