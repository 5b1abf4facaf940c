// ParameterSpec: a numeric setting the UI shows as a slider — a generator's sample count, a
// model's regularisation strength. Stable keys make settings linkable.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace mlp {

struct ParameterSpec {
  std::string key;    // stable, used in links: "samples"
  std::string label;  // shown: "Samples"
  double min = 0.0, max = 1.0, value = 0.0;  // range and default
  bool integer = false;
  bool logarithmic = false;
  std::string help;   // one line shown on hover
  // Integer settings that pick one of a few options: the label of each value min, min+1, …, max.
  // The UI shows a drop-down instead of a slider.
  std::vector<std::string> choices;
};

// A slider's spec in one call (the catalogues' helpers wrap it with their own defaults).
inline ParameterSpec MakeParameter(std::string key, std::string label, double min, double max, double value,
                                   bool integer, bool logarithmic = false, std::string help = "") {
  ParameterSpec spec;
  spec.key = std::move(key);
  spec.label = std::move(label);
  spec.min = min, spec.max = max, spec.value = value;
  spec.integer = integer;
  spec.logarithmic = logarithmic;
  spec.help = std::move(help);
  return spec;
}

// `spec` with named options for its integer values (see ParameterSpec::choices).
inline ParameterSpec WithChoices(ParameterSpec spec, std::vector<std::string> choices) {
  spec.integer = true;
  spec.choices = std::move(choices);
  return spec;
}

// Default values of a parameter list, in order.
inline std::vector<double> DefaultValues(const std::vector<ParameterSpec>& parameters) {
  std::vector<double> values;
  values.reserve(parameters.size());
  for (const ParameterSpec& p : parameters) values.push_back(p.value);
  return values;
}

}  // namespace mlp
