// Lessons: one section of the course as a preset — which data (source, parameters, seed), how it is
// split and preprocessed, which model with which hyperparameters, which view to open, and a short
// explanation written for the learner. A link or an embedded page opens one with ?lesson=<id>.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/data/recipe/data_recipe.h"

namespace mlp {

struct Lesson {
  std::string id;           // "kernel-ridge-sinusoid"
  std::string title;        // "Kernel ridge on a noisy sinusoid"
  std::string section;      // where in the course: "Kernel methods"
  std::string explanation;  // a few sentences in our own words: what to look at, what to try
  // Data: a catalogue source, its parameters by key (others keep their defaults), the seed.
  std::string source;
  std::vector<std::pair<std::string, double>> source_values;
  uint32_t data_seed = 0;
  std::vector<PreprocessSpec> steps;
  SplitSpec split;
  // Model: a classic-model catalogue id and its parameters by key.
  std::string model;
  std::vector<std::pair<std::string, double>> model_values;
  uint32_t model_seed = 0;
  // Which tab the lesson opens: "models" (data + classic model), "deep" (data + a network of the
  // deep catalogue, core/deep/deep_catalog.h), "montecarlo" (the simulation lab) or "ode" (the
  // neural-ODE lab); the labs bring their own data: source and model stay empty.
  std::string workspace = "models";
  // The view it opens: a Classic models view ("map", "fit", "metrics", "progress", "tree",
  // "importance", "projection", "complexity") or a Deep models one ("training", "latent", …).
  std::string view = "fit";
};

const std::vector<Lesson>& Lessons();
const Lesson* FindLesson(std::string_view id);

}  // namespace mlp
