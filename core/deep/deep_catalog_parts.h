// Pieces every deep-catalogue builder uses (deep_catalog.h): sliders, the shared training
// sliders, the data checks that explain a mismatch, and a collector for chains of Network::Add.
// Each family of models lives in its own file and adds its entries through an Add…Entries
// function called by DeepModelCatalog (deep_catalog.cpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/base/parameter_spec.h"
#include "core/base/status.h"
#include "core/data/dataset.h"
#include "core/deep/deep_catalog.h"
#include "core/deep/network.h"

namespace mlp::deep {

// The entry families (one file each).
void AddClassifierEntries(std::vector<DeepModelEntry>& entries);  // deep_catalog.cpp
void AddUNetEntries(std::vector<DeepModelEntry>& entries);        // deep_catalog_unet.cpp
void AddSequenceEntries(std::vector<DeepModelEntry>& entries);    // deep_catalog_sequence.cpp
void AddVaeEntries(std::vector<DeepModelEntry>& entries);         // deep_catalog_vae.cpp

namespace catalog_parts {

// A slider (ParameterSpec without choices).
ParameterSpec Param(std::string key, std::string label, double min, double max, double value, bool integer,
                    bool logarithmic, std::string help);

// Training sliders shared by every entry (epochs, batch, lr, optimiser, seed), appended after the
// model's own; TrainingFrom(values, first) reads them back starting at index `first`.
std::vector<ParameterSpec> WithTraining(std::vector<ParameterSpec> model, int epochs, int batch, double rate, int optimizer);
DeepRunSettings TrainingFrom(const std::vector<double>& values, size_t first);

// Ok when `data` has at least 2 classes, else a message naming `model`.
Status NeedClasses(const char* model, const Dataset& data);
// A single 2-D image shape with at least min_side pixels per side, or why not.
Result<nn::Shape> NeedImage(const char* model, const Dataset& data, int min_side);

// Collects the first failure of a chain of Add calls: b(net.AddDense(8))(net.AddActivation(...)).
struct Builder {
  Network<float>& net;
  Status status;
  Builder& operator()(const Status& s) {
    if (status.ok() && !s.ok()) status = s;
    return *this;
  }
};

// A 3×3 convolution with `filters` outputs and "same" padding.
nn::Conv2DSettings Conv3x3(int filters);

// The build result, or the first failure of the chain.
Result<DeepModelBuild> Finish(std::unique_ptr<TrainableNetwork<float>> net, const Status& status, DeepRunSettings settings);

}  // namespace catalog_parts
}  // namespace mlp::deep
