// The catalogue's tree section.
#include "core/models/classic/model_catalog.h"

namespace mlp::classic {

void AddTreeModels(std::vector<ModelEntry>* entries) { (void)entries; }

}  // namespace mlp::classic
