// The catalogue's linear section.
#include "core/models/classic/model_catalog.h"

namespace mlp::classic {

void AddLinearModels(std::vector<ModelEntry>* entries) { (void)entries; }

}  // namespace mlp::classic
