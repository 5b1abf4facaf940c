#include "core/models/classic/model_catalog.h"

#include <algorithm>
#include <cmath>

namespace mlp::classic {

const std::vector<ModelEntry>& ModelCatalog() {
  static const std::vector<ModelEntry> entries = [] {
    std::vector<ModelEntry> all;
    AddLinearModels(&all);
    AddTreeModels(&all);
    AddClusteringModels(&all);
    AddKernelModels(&all);
    return all;
  }();
  return entries;
}

const ModelEntry* FindModel(std::string_view id) {
  for (const ModelEntry& entry : ModelCatalog())
    if (entry.id == id) return &entry;
  return nullptr;
}

std::vector<double> ClampParameters(const std::vector<ParameterSpec>& parameters, std::vector<double> values) {
  if (values.size() != parameters.size()) return DefaultValues(parameters);
  for (size_t i = 0; i < values.size(); ++i) {
    const ParameterSpec& p = parameters[i];
    double v = std::isfinite(values[i]) ? std::clamp(values[i], p.min, p.max) : p.value;
    if (p.integer) v = std::round(v);
    values[i] = v;
  }
  return values;
}

}  // namespace mlp::classic
