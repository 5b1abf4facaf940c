// G4 — lung-CT-like axial slices with lesion masks (seed 004's segmentation notebook uses a
// COVID-19 CT set that cannot be shipped). Each slice: air around a body ellipse of soft tissue
// (≈ 0.5), two darker lung fields (≈ 0.12) with blurred texture, bright vessel curves and blobs in
// the lungs, ribs as bright arcs along the body wall and a spine at the back. Then 0–2 nodules:
// round or lobulated bright blobs (≈ 0.8), centred inside a lung, sometimes reaching the pleura.
// The mask (dense_targets) is the nodule pixels only, so vessels and ribs are bright distractors.
//
// Lesson kept: lesion pixels are about 2% of all pixels (1–3% on any set of a few dozen slices), so
// an all-background prediction scores about 0.98 pixel accuracy; report Dice/IoU alongside.
// Nodule radii are given at 128 px and scale with image_size, so the share does not depend on it.
// The lung fields change size from slice to slice, as slices run from apex to base.
#pragma once

#include <cstdint>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct LungSliceSettings {
  uint32_t seed = 0;                  // NumPy-compatible seed (mlp::Rng)
  int64_t samples = 119;              // slices
  int image_size = 128;               // slices are size × size
  int max_nodules = 2;                // nodules per slice: 0 with lesion_free_share, else uniform 1..max
  double lesion_free_share = 0.2;     // probability of a slice without nodules, [0, 1]
  double nodule_radius_min_px = 3.0;  // at 128 px; radius = min + (max − min)·√u, u uniform
  double nodule_radius_max_px = 12.0; // at 128 px
  double noise_sd = 0.03;             // additive Gaussian pixel noise before clamping
};

// Classification data set "Lung CT slices (synthetic)": layout kImage, sample_shape {size, size},
// targets 1 when the slice holds a lesion (class names "no lesion", "lesion"), dense_targets the
// binary lesion masks (1 = lesion pixel), row-major like the features. Every mask pixel lies in the
// body ellipse. Fails for size < 8, samples < 1, max_nodules outside 0..10, a bad radius range,
// a share outside [0, 1], or more than 64M values (images and masks together).
Result<Dataset> GenerateLungSlices(const LungSliceSettings& settings);

}  // namespace mlp
