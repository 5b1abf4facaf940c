// Helpers shared by the catalogue files of the course generators (catalog_course*.cpp).
#pragma once

#include <string>
#include <utility>

#include "core/data/catalog/data_source.h"

namespace mlp::course_sources {

// A slider: real-valued unless `integer`.
inline SourceParameter Param(std::string key, std::string label, double min, double max, double value,
                             bool integer = false) {
  return MakeParameter(std::move(key), std::move(label), min, max, value, integer);
}

// The datasheet of a generator that stands in for course data we cannot ship.
inline Datasheet Synthetic(std::string replaces, std::string size, std::string columns, std::string good_for) {
  return {"Generated from the seed (synthetic) — stands in for " + std::move(replaces), "none needed: generated",
          std::move(size), std::move(columns), std::move(good_for)};
}

}  // namespace mlp::course_sources
