#include "core/data/catalog/catalog.h"

namespace mlp {

const std::vector<DataSource>& DataCatalog() {
  static const std::vector<DataSource> sources = [] {
    std::vector<DataSource> all;
    AddBuiltinSources(&all);
    AddCourseGeneratorSources(&all);
    AddClassicGeneratorSources(&all);
    return all;
  }();
  return sources;
}

const DataSource* FindDataSource(std::string_view id) {
  for (const DataSource& source : DataCatalog())
    if (source.id == id) return &source;
  return nullptr;
}

}  // namespace mlp
