// What a deep run shows of its outputs besides curves and confusion: predictions on validation
// rows (values for a regressor or forecaster, whole masks or frames for dense tasks) and, for a
// generative model (latent_model.h), its latent space. Computed by DeepRun after each epoch, after
// a reset or a load, and every couple of seconds while training; shared by pointer between
// snapshots because the pictures are large next to the rest of a snapshot.
#pragma once

#include <cstdint>
#include <vector>

#include "core/deep/batching.h"
#include "core/deep/latent_model.h"

namespace mlp::deep {

// A generative model's latent space.
struct LatentViews {
  int latent_dim = 0;
  int output_size = 0;               // numbers per decoded sample (= the input's size)
  // Latent means of the validation rows: the first two dimensions (one of them 0 for a 1-D latent).
  std::vector<float> points_x, points_y;
  std::vector<float> point_values;   // the row's class index or target value, for colouring
  // Reconstructions (decoded latent means) of the first validation rows, in their order.
  std::vector<int64_t> reconstruction_rows;
  std::vector<float> reconstructions;  // rows × output_size
  // Decodes of z ~ N(0, I) drawn with a fixed seed, so only the weights change them.
  int sample_count = 0;
  std::vector<float> samples;          // sample_count × output_size
  // A traversal_side × traversal_side grid over [−extent, extent]² of the first two latent
  // dimensions (the others 0), row-major with the second dimension falling downwards.
  int traversal_side = 0;
  float traversal_extent = 0;
  std::vector<float> traversal;        // side² × output_size
};

struct OutputViews {
  uint64_t epoch = 0;                  // completed epochs when computed
  // Regressor with one output: every validation row's prediction next to its target.
  std::vector<int64_t> value_rows;
  std::vector<float> predicted_values, true_values;
  // Dense tasks (masks, frames) and autoencoders: the model's whole output for the first
  // validation rows — probabilities for a sigmoid head, values for mean squared error.
  std::vector<int64_t> dense_rows;
  std::vector<std::vector<float>> dense_outputs;
  bool has_latent = false;
  LatentViews latent;
};

// Fills `views.latent` from `model`: the means of every row `validation` serves (in its kept
// order), reconstructions of the first `reconstructions` rows, `samples` prior samples and a
// side × side traversal. `values` gives each dataset row's colour value. Runs the model in
// inference mode; `seed` fixes the prior samples.
void ComputeLatentViews(LatentModel<float>& model, BatchMaker& validation, const Eigen::VectorXd& values,
                        int reconstructions, int samples, int side, float extent, uint32_t seed, LatentViews* views);

}  // namespace mlp::deep
