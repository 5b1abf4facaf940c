// G2 construction (see well_logs.h). Layers are laid from the seafloor down. At each layer top of
// depth d the layer's lithology j is drawn with probability p_j(d), where p(d) blends from a shallow
// mix (clays and ooze) to a deep mix (sand and diatomite) with weight (d/max_depth)², so the change
// concentrates in the deeper part: a depth-inhomogeneous Markov chain over layers (a repeat of the
// same lithology simply makes a thicker bed). Each layer's thickness is log-normal around the median.
// Log values: ln HCGR = ln(median_k) + 0.35·d/max_depth + 0.25·n1 and
// ln HURA = ln(median_k) + 0.30·d/max_depth + 0.35·(0.6·n1 + 0.8·n2), n1, n2 standard normal, so the
// two gamma logs are right-skewed and correlated (uranium is part of total gamma).
#include "core/data/generators/well_logs.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/base/rng.h"

namespace mlp {
namespace {

constexpr int kLithologies = 5;
constexpr std::array<double, kLithologies> kShallowMix = {0.33, 0.30, 0.03, 0.30, 0.04};
constexpr std::array<double, kLithologies> kDeepMix = {0.06, 0.08, 0.40, 0.06, 0.40};
constexpr std::array<double, kLithologies> kHcgrMedian = {75.0, 58.0, 32.0, 18.0, 28.0};  // gAPI
constexpr std::array<double, kLithologies> kHuraMedian = {3.0, 2.3, 0.9, 0.5, 1.2};       // ppm
constexpr double kLayerLogSd = 0.6;

int DrawLithology(double depth_fraction, Rng& rng) {
  const double deep_share = depth_fraction * depth_fraction;
  std::array<double, kLithologies> weight{};
  double total = 0.0;
  for (int k = 0; k < kLithologies; ++k) {
    const size_t i = static_cast<size_t>(k);
    weight[i] = (1.0 - deep_share) * kShallowMix[i] + deep_share * kDeepMix[i];
    total += weight[i];
  }
  double u = rng.Uniform() * total;
  for (int k = 0; k < kLithologies; ++k) {
    u -= weight[static_cast<size_t>(k)];
    if (u < 0.0) return k;
  }
  return kLithologies - 1;  // u landed on the total by rounding
}

}  // namespace

const std::vector<std::string>& WellLogLithologies() {
  static const std::vector<std::string> names = {"clay", "silty clay", "sand", "nannofossil ooze", "diatomite"};
  return names;
}

const std::vector<std::string>& WellLogMunsellColours() {
  static const std::vector<std::string> colours = {"5Y 4/1", "5Y 5/2", "10YR 5/3", "N 7", "5GY 5/1"};
  return colours;
}

Dataset GenerateWellLogs(const WellLogSettings& settings) {
  Rng rng(settings.seed);
  const double step = std::max(settings.depth_step_m, 1e-3);
  const double max_depth = std::max(settings.max_depth_m, step);
  const int64_t rows = static_cast<int64_t>(std::floor(max_depth / step + 1e-9)) + 1;
  const double colour_noise = std::clamp(settings.colour_noise, 0.0, 1.0);
  const int colours = static_cast<int>(WellLogMunsellColours().size());

  Dataset data;
  data.name = "Ocean-drilling well logs (synthetic)";
  data.task = TaskKind::kClassification;
  data.feature_names = {"DEPTH_WMSF", "HCGR", "HURA", "MUNSELL_COLOR"};
  data.class_names = WellLogLithologies();
  data.features.resize(rows, 4);
  data.targets.resize(rows);

  int lithology = -1;
  double layer_bottom = -1.0;
  for (int64_t row = 0; row < rows; ++row) {
    const double depth = static_cast<double>(row) * step;
    const double depth_fraction = std::min(depth / max_depth, 1.0);
    if (depth >= layer_bottom) {
      lithology = DrawLithology(depth_fraction, rng);
      layer_bottom = depth + settings.median_layer_thickness_m * std::exp(kLayerLogSd * rng.Normal());
    }
    const size_t k = static_cast<size_t>(lithology);
    const double n1 = rng.Normal(), n2 = rng.Normal();
    const double hcgr = std::exp(std::log(kHcgrMedian[k]) + 0.35 * depth_fraction + 0.25 * n1);
    const double hura = std::exp(std::log(kHuraMedian[k]) + 0.30 * depth_fraction + 0.35 * (0.6 * n1 + 0.8 * n2));
    int colour = lithology;
    if (rng.Uniform() < colour_noise) colour = static_cast<int>(rng.Interval(static_cast<uint64_t>(colours - 1)));
    data.features(row, 0) = depth;
    data.features(row, 1) = hcgr;
    data.features(row, 2) = hura;
    data.features(row, 3) = colour;
    data.targets(row) = lithology;
  }
  return data;
}

}  // namespace mlp
