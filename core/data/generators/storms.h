// G5 — storm satellite-like image sequences and wind speeds (seed 002's hurricane project, whose
// satellite archive cannot be shipped). One generator draws each storm's track; three data sets
// read it: frames → wind speed (CNN regression), the wind-speed series (LSTM forecasting), and
// frame windows → next frames (ConvLSTM).
//
// Track of one storm (StormTrack), length L uniform in [min_length, max_length] steps:
//   v(t) = v0 + (P − v0)·(1 − cos(π t/t_p))/2              for t ≤ t_p   (rise)
//        = v_end + (P − v_end)·exp(−(t − t_p)/τ)            for t > t_p   (decay)
//   peak P uniform in [min_peak_kt, max_peak_kt], t_p = L·U(0.3, 0.6), v0, v_end ~ U(10, 25) kt
//   (capped below P), τ = (L − t_p)·U(0.25, 0.5); plus AR(1) noise (φ = 0.8, sd wind_noise_kt),
//   floored at 5 kt, then rescaled so that max v = P exactly (the documented peak holds).
//   Phase: φ(t) = φ(t − 1) + rotation_per_kt · v(t) rad (counter-clockwise on screen, ω ∝ v).
//   Centre: starts in the middle fifth of the image, drifts a constant U(±0.05) px/step (at 64 px),
//   kept within 30–70% of the image.
//
// Frame (RenderStormFrame), intensity i = min(v / 150 kt, 1), r the distance to the centre:
//   eye radius r_e = size·(0.09 − 0.06 i) (shrinks as the storm deepens), extent R = size·(0.42 − 0.12 i)
//   arms  a = (1 + cos(m(θ − φ) − (m/b) ln(r/r_e)))/2, a logarithmic spiral with m ∈ {2, 3, 4} arms
//         and pitch parameter b = U(0.25, 0.45)
//   value = 0.05 + (0.5 + 0.5 i)·e(r)·[(0.2 + 0.6 a²)/(1 + (r/R)⁴) + 0.7 i/(1 + ((r − 1.6 r_e)/(1.2 r_e))²)]
//         with the eye mask e(r) = (r/r_e)⁴/(1 + (r/r_e)⁴); then pixel noise, clamped to [0, 1].
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct StormSettings {
  uint32_t seed = 0;              // NumPy-compatible seed (mlp::Rng)
  int storms = 30;
  int min_length = 40;            // steps per storm, inclusive range
  int max_length = 200;
  double min_peak_kt = 30.0;      // peak wind speed range, knots
  double max_peak_kt = 150.0;
  double wind_noise_kt = 3.0;     // sd of the AR(1) wind noise, knots
  double rotation_per_kt = 0.003; // rotation per step per knot, radians
  int image_size = 64;            // frames are size × size
  double pixel_noise_sd = 0.03;   // additive Gaussian pixel noise before clamping
  int frame_stride = 4;           // GenerateStormImages: one frame every frame_stride steps
  int input_frames = 4;           // GenerateStormSequences: frames in one input window (k)
  int predicted_frames = 3;       // GenerateStormSequences: frames after the window to predict
  int window_stride = 16;         // GenerateStormSequences: steps between window starts
};

// One storm, per step t = 0 … L − 1.
struct StormTrack {
  std::vector<double> wind_kt;    // v(t), knots
  std::vector<double> phase_rad;  // spiral rotation φ(t)
  std::vector<double> centre_x;   // eye centre, px (column)
  std::vector<double> centre_y;   // eye centre, px (row)
  int arms = 3;                   // spiral arms, 2–4
  double pitch = 0.35;            // log-spiral parameter b
};

// All tracks of the settings' storms; the same seed gives the same tracks in every data set below.
// Fails for storms < 1, lengths outside 2 ≤ min ≤ max ≤ 100000, more than 16M steps in all, peaks
// outside 0 < min ≤ max ≤ 400 kt, or negative wind noise.
Result<std::vector<StormTrack>> GenerateStormTracks(const StormSettings& settings);

// Noise-free frame of `track` at `step` into `pixels` (size × size, row-major, in [0, 1]).
void RenderStormFrame(const StormTrack& track, int step, int size, double* pixels);
// The same for free parameters: wind (kt), phase (rad), eye centre (px), arms and pitch.
void RenderStormFrame(double wind_kt, double phase_rad, double centre_x, double centre_y, int arms, double pitch, int size,
                      double* pixels);

// Every data set below fills Dataset::groups with the storm's index and Dataset::steps with the
// row's step (the frame's, the series row's t, a window's first predicted frame), so a sequential
// split keeps each storm on one side.
//
// Regression "Storm satellite frames (synthetic)": layout kImage, sample_shape {size, size}; one row
// per frame_stride-th step of each storm, storms in order; target = wind speed v (kt).
Result<Dataset> GenerateStormImages(const StormSettings& settings);

// Regression "Storm wind-speed series (synthetic)", tabular long format: one row per step t < L − 1
// of each storm, storms in order, features {storm_id, step, wind_speed_kt}; target = v(t + 1) (kt),
// the one-step-ahead forecast. A sequence model groups the rows by storm_id.
Result<Dataset> GenerateStormSeries(const StormSettings& settings);

// Regression "Storm frame sequences (synthetic)" for a ConvLSTM: one row per window start
// t0 = 0, window_stride, … with t0 + k + p ≤ L; features = frames t0 … t0 + k − 1 as sample_shape
// {k, size, size}; dense_targets = frames t0 + k … t0 + k + p − 1 (p·size·size values, same order);
// target = v at the first predicted frame (kt).
Result<Dataset> GenerateStormSequences(const StormSettings& settings);

}  // namespace mlp
