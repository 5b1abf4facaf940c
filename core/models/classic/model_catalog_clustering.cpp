// The catalogue's clustering section.
#include "core/models/classic/model_catalog.h"

namespace mlp::classic {

void AddClusteringModels(std::vector<ModelEntry>* entries) { (void)entries; }

}  // namespace mlp::classic
