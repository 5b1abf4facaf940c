// The classic-model catalogue: every model the Models tab offers, its hyperparameters as sliders
// and a factory. Each family registers its entries in its own file (model_catalog_<family>.cpp).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/parameter_spec.h"
#include "core/models/classic/model.h"

namespace mlp::classic {

struct ModelEntry {
  std::string id;       // "ridge", "kmeans", …
  std::string title;    // "Ridge regression"
  std::string group;    // picker heading: "Regression", "Classification", "Clustering", "Projection"
  ModelKind kind = ModelKind::kRegressor;
  std::string summary;  // one or two sentences in our own words: what it does, what to watch
  std::vector<ParameterSpec> parameters;
  // A new unfitted model for parameter values in `parameters` order (clamped by the caller).
  std::function<std::unique_ptr<Model>(const std::vector<double>& values)> make;
};

const std::vector<ModelEntry>& ModelCatalog();
const ModelEntry* FindModel(std::string_view id);

// Values clamped into range and rounded where integer; defaults when the count does not match.
std::vector<double> ClampParameters(const std::vector<ParameterSpec>& parameters, std::vector<double> values);

// Catalogue sections (one file each); a family without models yet adds nothing.
void AddLinearModels(std::vector<ModelEntry>* entries);
void AddTreeModels(std::vector<ModelEntry>* entries);
void AddClusteringModels(std::vector<ModelEntry>* entries);
void AddKernelModels(std::vector<ModelEntry>* entries);

}  // namespace mlp::classic
