// G1 — a red-wine-like table standing in for winequality-red.csv (Cortez et al. 2009), which cannot
// be shipped. 1599 rows, the real file's 11 physico-chemical columns and a quality grade 3–8 with
// exactly the course's counts (3:10, 4:53, 5:681, 6:638, 7:199, 8:18, so premium (> 5) = 855).
// Marginals follow the real file's published means and SDs; correlations come from a Gaussian
// copula; quality is a latent score cut at the ranks that give the counts. Numbers are synthetic.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace mlp {

struct WineLikeSettings {
  uint32_t seed = 0;         // NumPy-compatible seed (mlp::Rng)
  double noise_scale = 1.0;  // multiplies the latent quality noise; 1 gives the real file's correlations
};

constexpr int kWineLikeRows = 1599;
constexpr int kWineLikeFeatures = 11;
constexpr int kWineLowestQuality = 3;
// Rows per quality grade 3, 4, …, 8 (seed 004 L1483–1490); they sum to kWineLikeRows.
constexpr std::array<int, 6> kWineQualityCounts = {10, 53, 681, 638, 199, 18};

// The 12 column names of winequality-red.csv in file order: 11 features, then "quality".
const std::vector<std::string>& WineLikeColumnNames();

// Target mean and SD of each feature column (file order), the figures the generator matches.
struct WineMarginal {
  double mean;
  double sd;
  bool log_normal;  // right-skewed (and acidity) columns are log-normal; others normal, citric acid clipped at 0
};
const std::array<WineMarginal, kWineLikeFeatures>& WineLikeMarginals();

// Regression dataset: features 1599 × 11 (file columns), targets = quality (3–8), named
// "Red-wine-like (synthetic)". Rows come in random order.
Dataset GenerateWineLike(const WineLikeSettings& settings);

}  // namespace mlp
