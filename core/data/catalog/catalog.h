// The data catalogue: every built-in dataset and generator the playground offers, in picker order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/data/catalog/data_source.h"

namespace mlp {

const std::vector<DataSource>& DataCatalog();
// nullptr when no source has that id.
const DataSource* FindDataSource(std::string_view id);

// Catalogue sections, each defined in its own file.
void AddBuiltinSources(std::vector<DataSource>* sources);         // real data (catalog_builtin.cpp)
void AddClassicGeneratorSources(std::vector<DataSource>* sources);  // catalog_classic.cpp
void AddCourseGeneratorSources(std::vector<DataSource>* sources);   // catalog_course.cpp
void AddCourseSignalSources(const std::string& group, std::vector<DataSource>* sources);  // catalog_course_signals.cpp
void AddCourseForecastSources(const std::string& group, std::vector<DataSource>* sources);  // catalog_course_forecast.cpp

}  // namespace mlp
