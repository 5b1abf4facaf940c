// Real datasets shipped as assets (converted by scripts/setup.sh), loaded on demand.
#include "core/data/catalog/catalog.h"

namespace mlp {

void AddBuiltinSources(std::vector<DataSource>* sources) { (void)sources; }

}  // namespace mlp
