// G11 — touching-circle aggregate images (seed 003's "count the particles" exercise), with the
// requested behaviour enforced: every image holds k ∈ {1, …, 5} filled discs that form ONE
// connected aggregate, and the label is k. Optional "diffraction mode" replaces each image by its
// Fraunhofer pattern log(1 + |FFT2|²), the Fourier feature seed 003 suggests.
//
// Placement: disc 1's centre is uniform in the central N/2 × N/2 square (clamped so the disc fits);
// disc j > 1 picks an earlier disc i uniformly and sits at distance d ∈ [r_i + r_j − overlap,
// r_i + r_j − 1.5] from it, overlap = max(1.5, max_overlap_fraction · min(r_i, r_j)), in a uniform
// direction, and must lie fully inside the image (retried, then the whole image is redrawn).
// Why 1.5 px and not 0: on a pixel grid two discs at exactly r_i + r_j need not share a pixel.
// With d ≤ r_i + r_j − 1.5 their lens holds a disc of diameter 1.5 > √2, which always contains a
// pixel centre, so the rasterised discs share a pixel and the foreground is 4-connected.
//
// Pixels: 1 inside a disc (|p − c| ≤ r, p the pixel centre), 0 outside — the course's 0/255 uint8
// image divided by 255. Then optional blur and noise (clamped to [0, 1]); in diffraction mode the
// pattern of that image is fft-shifted (zero frequency at (N/2, N/2)) and scaled to [0, 1] per image.
#pragma once

#include <cstdint>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct CircleAggregateSettings {
  uint32_t seed = 0;                   // NumPy-compatible seed (mlp::Rng)
  int64_t samples = 1000;              // images
  int image_size = 64;                 // N: images are N × N
  double radius = 10.0;                // disc radius, px (when random_radius is off)
  bool random_radius = false;          // draw each disc's radius uniformly in [radius_min, radius_max]
  double radius_min = 5.0;             // px
  double radius_max = 20.0;            // px
  double max_overlap_fraction = 0.5;   // deepest overlap as a fraction of the smaller radius, [0, 1]
  int max_circles = 5;                 // k is uniform in {1, …, max_circles} (≤ 20); classes "1".."max"
  bool diffraction = false;            // output log(1 + |FFT2|²) scaled to [0, 1]
  double blur_sigma = 0.0;             // Gaussian blur of the disc image, px (0 = none)
  double noise_sd = 0.0;               // additive Gaussian noise before clamping (0 = none)
};

// Classification data set "Touching-circle aggregates (synthetic)" (or "... diffraction patterns
// (synthetic)"): layout kImage, sample_shape {N, N}, targets k − 1, class names "1".."max_circles".
// Fails for N < 8, samples < 1, max_circles outside 1..20, radius ≤ 0, a disc that cannot fit
// (2r + 1 > N), a radius range with min > max, an overlap fraction outside [0, 1], negative noise or blur, more than 64M pixel
// values, or discs too large to place k of them (after 100 redraws of one image).
Result<Dataset> GenerateCircleAggregates(const CircleAggregateSettings& settings);

// In place: power spectrum of a row-major n × n image, fft-shifted, log(1 + |F|²), scaled to
// [0, 1] (a constant pattern becomes all 0). Radix-2 FFT when n is a power of two, else a direct DFT.
void DiffractionPattern(double* image, int n);

}  // namespace mlp
