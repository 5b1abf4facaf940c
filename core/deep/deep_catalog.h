// The deep-model catalogue: the course's networks as builders from slider values (ParameterSpec),
// mirroring the classic catalogue (core/models/classic/model_catalog.h). A builder looks at the
// data first — image, table or signal; classes or a value — and says plainly when they do not fit,
// then returns the network (sized for the data: input size, class count) and the training settings
// the course uses for it.
//   mlp_mnist       dense 128 relu → dense classes            (any input, flattened; SGD, batch 64)
//   cnn_simple      the course's SimpleClassifier: conv 16 3×3 pad 1 → relu → max-pool 2 →
//                   conv 32 3×3 pad 1 → relu → max-pool 2 → dense 128 relu → dense classes
//                   (Adam 1e-3, batch 32)
//   cnn_regressor   the same trunk → dense 64 relu → dense 1 → restore scale (the targets' mean and
//                   spread, fitted on the training rows), mean squared error in standardised units
//   cnn1d_waveform  conv1d 16 width 5 → relu → max-pool 2 → conv1d 32 width 5 → relu → max-pool 2 →
//                   dense 32 relu → dense classes (signals; the course's waveforms have 2 classes)
//   unet            a small U-Net on a GraphNetwork: images with masks → a lesion logit per pixel
//                   (deep_catalog_unet.cpp; Adam 1e-3, batch 8)
//   lstm_forecaster, convlstm_frames, cnn_counter: deep_catalog_sequence.cpp
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/parameter_spec.h"
#include "core/base/status.h"
#include "core/data/dataset.h"
#include "core/deep/deep_run.h"
#include "core/deep/network.h"

namespace mlp::deep {

struct DeepModelBuild {
  std::unique_ptr<TrainableNetwork<float>> network;  // not yet initialised (DeepRun's Reset does it)
  DeepRunSettings settings;                 // optimiser, batch, epochs, seed from the values
};

struct DeepModelEntry {
  std::string id;       // "cnn_simple"
  std::string title;    // "Simple CNN classifier"
  std::string needs;    // "images with class labels", shown before the learner picks data
  std::string summary;  // one or two sentences in our own words
  std::vector<ParameterSpec> parameters;
  // The model for `data` and values in `parameters` order (clamped by BuildDeepModel), or why the
  // data do not fit.
  std::function<Result<DeepModelBuild>(const Dataset& data, const std::vector<double>& values)> build;
};

const std::vector<DeepModelEntry>& DeepModelCatalog();
const DeepModelEntry* FindDeepModel(std::string_view id);
// Clamps `values` (defaults when the count does not match, e.g. empty) and builds.
Result<DeepModelBuild> BuildDeepModel(std::string_view id, const Dataset& data, const std::vector<double>& values = {});

}  // namespace mlp::deep
