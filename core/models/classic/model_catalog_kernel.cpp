// The catalogue's kernel section.
#include "core/models/classic/model_catalog.h"

namespace mlp::classic {

void AddKernelModels(std::vector<ModelEntry>* entries) { (void)entries; }

}  // namespace mlp::classic
