// G3 — hand-like grayscale images (seed 004's VAE notebook trains on hand X-rays that cannot be
// shipped). Each image is a palm ellipse plus five fingers drawn as capsules: dim soft tissue
// (≈ 0.45) around bright bone cores (≈ 0.9) on a dark background (≈ 0.04). Four fingers (7–11.5 px
// long at 32 px when straight, 2.6 px wide) leave the top of the palm in a fan; the thumb (6–7 px)
// leaves its side, angled out.
// The pose varies per image: finger spread, flexion (a flexed finger looks shorter), global
// rotation, scale, shift and a left/right flip; then Gaussian blur and noise, clamped to [0, 1].
// A 2-D VAE latent should pick up rotation and spread, so both are kept (HandPose).
//
// Sizes are given for 32 × 32 and scale with image_size. In the unflipped hand the thumb is on the
// image's left (smaller x); flipping mirrors the hand about its own vertical axis before rotation.
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct HandImageSettings {
  uint32_t seed = 0;               // NumPy-compatible seed (mlp::Rng)
  int64_t samples = 8000;          // images
  int image_size = 32;             // images are size × size
  double max_rotation_deg = 25.0;  // rotation uniform in ±this, degrees, counter-clockwise on screen
  double scale_range = 0.15;       // scale uniform in 1 ± this
  double max_shift_px = 2.0;       // shift uniform in ±this per axis, px
  double flip_probability = 0.5;   // chance of a left/right mirrored hand
  double blur_sigma = 0.7;         // Gaussian blur, px
  double noise_sd = 0.03;          // additive Gaussian noise before clamping
};

// The latent parameters that generated one image.
struct HandPose {
  double rotation_deg = 0.0;  // counter-clockwise on screen; also the data set's target
  double spread = 1.0;        // finger fan factor, 0.4 (closed) … 1.8 (wide open)
  double flexion = 0.0;       // mean finger flexion, 0 (straight) … 0.5 (curled)
  double scale = 1.0;
  double shift_x = 0.0, shift_y = 0.0;  // px
  bool flipped = false;       // true: mirrored hand, thumb on the image's right before rotation
};

// Regression data set "Hand-like images (synthetic)": layout kImage, sample_shape {size, size},
// target = rotation_deg. `poses`, when given, receives every image's HandPose (row order), which
// holds the flip and the spread. Fails for size < 8, samples < 1, negative ranges, a flip
// probability outside [0, 1], or more than 64M pixel values.
Result<Dataset> GenerateHandImages(const HandImageSettings& settings, std::vector<HandPose>* poses = nullptr);

}  // namespace mlp
