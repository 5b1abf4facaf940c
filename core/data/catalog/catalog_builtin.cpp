// Real datasets shipped as assets (converted by scripts/setup.sh), loaded on demand.
#include "core/data/builtin/builtin_datasets.h"
#include "core/data/catalog/catalog.h"

namespace mlp {

void AddBuiltinSources(std::vector<DataSource>* sources) {
  for (const BuiltinDatasetInfo& info : BuiltinDatasets()) {
    DataSource source;
    source.id = info.id;
    source.title = info.title;
    source.group = "Real data";
    source.kind = SourceKind::kBuiltin;
    const BuiltinDatasheet& sheet = info.datasheet;
    source.sheet = {sheet.source + (sheet.origin.empty() ? "" : " — " + sheet.origin), sheet.licence, sheet.shape,
                    sheet.columns, sheet.good_for};
    source.asset_file = info.asset_file;
    source.asset_bytes = info.asset_bytes;
    sources->push_back(std::move(source));
  }
}

}  // namespace mlp
