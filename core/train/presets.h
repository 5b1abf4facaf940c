// Named presets for the neural-network playground: a dataset and network settings that teach
// one thing. The command-line trainer runs them by name; the UI's lessons build on them.
#pragma once

#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/train/playground_settings.h"

namespace mlp {

struct Preset {
  std::string_view name;         // command-line key, e.g. "spiral"
  std::string_view query;        // settings on top of the defaults
  std::string_view description;  // one sentence in our own words
};

const std::vector<Preset>& Presets();
// Settings of a preset by name, or a Status listing the known names.
Result<PlaygroundSettings> PresetSettings(std::string_view name);

}  // namespace mlp
