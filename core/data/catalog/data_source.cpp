#include "core/data/catalog/data_source.h"

#include <algorithm>
#include <cmath>

namespace mlp {

std::vector<double> DefaultValues(const DataSource& source) { return DefaultValues(source.parameters); }

Result<Dataset> GenerateFromSource(const DataSource& source, std::vector<double> values, uint32_t seed) {
  if (source.kind != SourceKind::kGenerator || !source.generate)
    return Status::Error("'" + source.title + "' is a stored dataset, not a generator: load its file instead.");
  if (values.size() != source.parameters.size()) values = DefaultValues(source);
  for (size_t i = 0; i < values.size(); ++i) {
    const SourceParameter& p = source.parameters[i];
    double v = std::isfinite(values[i]) ? values[i] : p.value;
    v = std::clamp(v, p.min, p.max);
    if (p.integer) v = std::round(v);
    values[i] = v;
  }
  Result<Dataset> data = source.generate(values, seed);
  if (data.ok()) data.value().synthetic = true;
  return data;
}

}  // namespace mlp
