#include "core/models/classic/clustering/kmeans_init.h"

#include <algorithm>
#include <cmath>

namespace mlp::classic {

namespace {

// Squared distances from row `centre` of x to every row, sklearn's _euclidean_distances way.
void SquaredDistancesTo(const Eigen::MatrixXd& x, const Eigen::VectorXd& squared_norms, Eigen::Index centre,
                        Eigen::VectorXd& out) {
  out.noalias() = x * x.row(centre).transpose();
  const double centre_norm = squared_norms(centre);
  for (Eigen::Index i = 0; i < out.size(); ++i) out(i) = std::max(-2.0 * out(i) + centre_norm + squared_norms(i), 0.0);
}

}  // namespace

std::vector<Eigen::Index> KMeansPlusPlusRows(const Eigen::MatrixXd& x, const Eigen::VectorXd& squared_norms, int k,
                                             Rng& rng) {
  const Eigen::Index n = x.rows();
  const int trials = 2 + static_cast<int>(std::log(static_cast<double>(k)));
  std::vector<Eigen::Index> chosen;
  chosen.reserve(static_cast<size_t>(k));
  chosen.push_back(static_cast<Eigen::Index>(rng.Interval(static_cast<uint64_t>(n - 1))));
  Eigen::VectorXd closest(n), candidate(n), best(n), cumulative(n);
  SquaredDistancesTo(x, squared_norms, chosen[0], closest);
  double potential = closest.sum();
  std::vector<double> thresholds(static_cast<size_t>(trials));
  for (int c = 1; c < k; ++c) {
    for (double& t : thresholds) t = rng.Uniform() * potential;  // uniform(size=trials) * pot, in draw order
    double running = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) cumulative(i) = running += closest(i);
    double best_potential = 0.0;
    Eigen::Index best_row = -1;
    for (double t : thresholds) {
      // searchsorted(side='left'): first i with cumulative[i] ≥ t, clipped to the last row.
      Eigen::Index row = std::lower_bound(cumulative.data(), cumulative.data() + n, t) - cumulative.data();
      row = std::min(row, n - 1);
      SquaredDistancesTo(x, squared_norms, row, candidate);
      candidate = candidate.cwiseMin(closest);
      const double candidate_potential = candidate.sum();
      if (best_row < 0 || candidate_potential < best_potential) {  // argmin: first of equals
        best_potential = candidate_potential;
        best_row = row;
        best.swap(candidate);
      }
    }
    potential = best_potential;
    closest.swap(best);
    chosen.push_back(best_row);
  }
  return chosen;
}

std::vector<Eigen::Index> RandomRows(Eigen::Index rows, int k, Rng& rng) {
  const std::vector<int64_t> order = rng.Permutation(rows);
  return std::vector<Eigen::Index>(order.begin(), order.begin() + k);
}

}  // namespace mlp::classic
