// PlaygroundSettings: everything a learner can set in the neural-network workspace, as one plain
// struct. It round-trips through a URL-query string ("dataset=spiral&layers=8,8&lr=0.03"), which
// is how the page URL, the JavaScript API and the command-line trainer describe a run.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/data/generators_2d.h"
#include "core/nn/activation.h"
#include "core/nn/optimizer.h"
#include "core/nn/regularization.h"

namespace mlp {

// Input features computed from (x1, x2), as in TensorFlow Playground. A bit set of these.
enum InputFeature : uint32_t {
  kFeatureX1 = 1u << 0,
  kFeatureX2 = 1u << 1,
  kFeatureX1Squared = 1u << 2,
  kFeatureX2Squared = 1u << 3,
  kFeatureX1TimesX2 = 1u << 4,
  kFeatureSinX1 = 1u << 5,
  kFeatureSinX2 = 1u << 6,
};
inline constexpr uint32_t kAllInputFeatures[] = {kFeatureX1, kFeatureX2, kFeatureX1Squared, kFeatureX2Squared,
                                                 kFeatureX1TimesX2, kFeatureSinX1, kFeatureSinX2};
inline constexpr uint32_t kAllFeatureMask = (1u << 7) - 1;
std::string_view FeatureKey(uint32_t feature);    // "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"
std::string_view FeatureLabel(uint32_t feature);  // "x₁", "x₁²", "sin(x₁)" … (UTF-8)

// Limits the UI and the parser enforce (and the messages quote).
inline constexpr int kMaxHiddenLayers = 6;
inline constexpr int kMaxNeuronsPerLayer = 8;
inline constexpr int kMaxBatchSize = 1000;

struct PlaygroundSettings {
  // Data
  Problem2D problem = Problem2D::kCircle;
  double noise = 0.0;             // 0 … 0.5
  double train_fraction = 0.5;    // 0.1 … 0.9
  int samples = 500;              // 50 … 5000
  uint32_t data_seed = 1;         // generator and split
  // Network
  uint32_t features = kFeatureX1 | kFeatureX2;
  std::vector<int> hidden = {4, 2};
  nn::Activation activation = nn::Activation::kTanh;
  // Training
  nn::OptimizerKind optimizer = nn::OptimizerKind::kSgd;
  double learning_rate = 0.03;
  double momentum = 0.0;          // SGD only
  nn::Regularization regularization = nn::Regularization::kNone;
  double regularization_rate = 0.0;
  int batch_size = 10;
  uint32_t seed = 1;              // weight initialisation and batch shuffling
  double epochs_per_second = 0.0; // 0 = as fast as possible; otherwise a cap, to watch slowly

  TaskKind task() const { return ProblemTask(problem); }
  int input_count() const;
  bool operator==(const PlaygroundSettings&) const;
  bool operator!=(const PlaygroundSettings& other) const { return !(*this == other); }
};

// Serialises every field (stable key order). Parsing it back gives an equal struct.
std::string ToQuery(const PlaygroundSettings& settings);
// Applies the keys present in `query` to `settings`; other fields keep their values. On any
// unknown key or invalid value, `settings` is left untouched and the Status says what to fix.
Status ApplyQuery(std::string_view query, PlaygroundSettings* settings);

}  // namespace mlp
