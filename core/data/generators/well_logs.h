// G2 — ocean-drilling well logs for lithology prediction (seed 000's IODP project, whose data cannot
// be shipped). One row per logging depth; the lithology comes in layers whose sequence is a
// depth-dependent Markov chain, so the class mix drifts downhole and a spatial split (deepest 20%
// as test) sees a different class distribution than a random split. Numbers are synthetic.
//
// Columns (features, in order):
//   DEPTH_WMSF    depth below seafloor, m: row i is at i · depth_step_m exactly
//   HCGR          total gamma ray, gAPI: log-normal per lithology, rising with depth
//   HURA          uranium, ppm: log-normal, high in the clay classes, partly sharing HCGR's noise
//   MUNSELL_COLOR categorical: an integer code into WellLogMunsellColours() (e.g. 0 = "5Y 4/1");
//                 each lithology has a typical colour, replaced by a uniformly drawn one with
//                 probability colour_noise. Treat it as categorical (one-hot), never as a number.
// Targets: lithology class index into class_names (WellLogLithologies()).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/data/dataset.h"

namespace mlp {

struct WellLogSettings {
  uint32_t seed = 0;                     // NumPy-compatible seed (mlp::Rng)
  double max_depth_m = 600.0;            // deepest sample, m below seafloor
  double depth_step_m = 0.15;            // logging interval, m
  double median_layer_thickness_m = 2.0;   // median layer thickness (log-normal, σ_log = 0.6)
  double colour_noise = 0.15;            // probability that a row's Munsell colour is random
};

// Lithology names, class index order: clay, silty clay, sand, nannofossil ooze, diatomite.
const std::vector<std::string>& WellLogLithologies();
// Munsell colour strings, code order; code k is the typical colour of lithology k.
const std::vector<std::string>& WellLogMunsellColours();

// Classification dataset "Ocean-drilling well logs (synthetic)", columns as in the file comment;
// floor(max_depth_m / depth_step_m) + 1 rows.
Dataset GenerateWellLogs(const WellLogSettings& settings);

}  // namespace mlp
