// Initial centres for k-means, drawn as scikit-learn 1.2.1 draws them from a RandomState:
//   k-means++ (Arthur & Vassilvitskii 2007) in sklearn's greedy form — the first centre is a
//   uniform row (randint), then for each further centre 2 + ⌊ln k⌋ candidates are sampled with
//   probability ∝ D(x)² (uniform × potential, searchsorted in the cumulative sum) and the one that
//   lowers the potential Σ D(x)² most is kept;
//   random — the first k rows of permutation(rows).
// Our Rng emulates RandomState draw for draw (randint(n) = Interval(n − 1), uniform = Uniform()),
// so from the same seed the chosen rows are sklearn's unless two cumulative sums differ from its
// pairwise sums by a rounding step at a sampled threshold (not seen in practice). Squared distances
// use sklearn's expansion −2 c·x + |c|² + |x|², clipped at 0.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "core/base/rng.h"

namespace mlp::classic {

// Row indices of x chosen as the k initial centres (k ≤ rows). `squared_norms` = |x_i|².
std::vector<Eigen::Index> KMeansPlusPlusRows(const Eigen::MatrixXd& x, const Eigen::VectorXd& squared_norms, int k,
                                             Rng& rng);
std::vector<Eigen::Index> RandomRows(Eigen::Index rows, int k, Rng& rng);

}  // namespace mlp::classic
