// DataSource: one entry of the data catalogue — a built-in real dataset (an asset file the shell
// fetches or reads on demand) or a generator with parameters the UI renders as sliders. Every
// workspace picks its data from this one list, so a new source appears everywhere at once.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/parameter_spec.h"
#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

// A generator's parameters are sliders like every other setting.
using SourceParameter = ParameterSpec;

// Who made the data and under which terms, what is in it, and what it is good for.
struct Datasheet {
  std::string source;
  std::string licence;
  std::string size;       // "150 rows × 4 features, 3 classes"
  std::string columns;
  std::string good_for;
};

enum class SourceKind { kBuiltin, kGenerator };

struct DataSource {
  std::string id;     // "iris", "wine_like", …
  std::string title;  // "Iris flowers"
  std::string group;  // heading in the picker: "Real data", "Course generators", "Classic generators"
  SourceKind kind = SourceKind::kGenerator;
  Datasheet sheet;
  std::vector<SourceParameter> parameters;  // generators only; the seed is separate
  // Generators: the dataset for parameter values (in `parameters` order) and a seed.
  std::function<Result<Dataset>(const std::vector<double>& values, uint32_t seed)> generate;
  std::string asset_file;     // built-ins: file name in the datasets directory
  int64_t asset_bytes = 0;    // built-ins: approximate download size
};

inline DataSource NewGeneratorSource(std::string id, std::string title, std::string group) {
  DataSource source;
  source.id = std::move(id);
  source.title = std::move(title);
  source.group = std::move(group);
  return source;
}

// Default values of a source's parameters, in order.
std::vector<double> DefaultValues(const DataSource& source);

// Runs a generator with its values clamped into range and rounded where integer. Fails for a
// built-in (those need their asset bytes: see builtin_datasets.h).
Result<Dataset> GenerateFromSource(const DataSource& source, std::vector<double> values, uint32_t seed);

}  // namespace mlp
