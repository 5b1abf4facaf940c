// The segmentation entry of the deep catalogue: "unet", a small classic U-Net (unet.h) that turns
// an image into a lesion probability per pixel and trains on the data's dense masks (DeepRun's
// TargetEncoding::kDense: a sigmoid head with one output per mask pixel). The course's NB7 net
// has 2 M parameters at 128×128; this one has about 120 k at the defaults, so it trains in a
// browser in about a minute on the 119 lung slices at 64×64. The head's bias starts at the logit
// of the masks' lesion share (unet.h: UNetSettings::head_bias), read from the whole data set.
#include <string>

#include "core/deep/deep_catalog_parts.h"
#include "core/deep/unet.h"

namespace mlp::deep {
namespace {

Result<DeepModelBuild> BuildUNet(const Dataset& data, const std::vector<double>& v) {
  Result<nn::Shape> image = catalog_parts::NeedImage("unet", data, 4);
  if (!image.ok()) return image.status();
  const nn::Shape s = image.value();
  if (data.dense_targets.rows() != data.features.rows() || data.dense_targets.cols() == 0)
    return Status::Error("unet segments images: it needs a 0/1 mask per image (dense targets), but '" + data.name +
                         "' has none. Try the lung slices.");
  if (data.dense_targets.cols() != int64_t{s.height} * s.width)
    return Status::Error("unet predicts one value per pixel, but the masks of '" + data.name + "' have " +
                         std::to_string(data.dense_targets.cols()) + " values for " + std::to_string(s.height) + "×" +
                         std::to_string(s.width) + " images.");
  UNetSettings settings;
  settings.depth = static_cast<int>(v[0]);
  settings.filters = static_cast<int>(v[1]);
  settings.batch_norm = static_cast<int>(v[2]) == 1;
  settings.transposed = static_cast<int>(v[3]) == 0;
  settings.head_bias = PriorLogit(data.dense_targets.mean());  // start at the masks' lesion share
  Result<std::unique_ptr<GraphNetwork<float>>> net = MakeUNet<float>(s, settings);
  if (!net.ok()) return net.status();
  return DeepModelBuild{std::move(net).value(), catalog_parts::TrainingFrom(v, 4)};
}

}  // namespace

void AddUNetEntries(std::vector<DeepModelEntry>& entries) {
  using catalog_parts::Param;
  entries.push_back(
      {"unet", "U-Net segmentation", "images with a 0/1 mask per pixel (the lung slices)",
       "An encoder halves the image while doubling its feature maps; a decoder grows it back, and skip connections "
       "hand each decoder level the encoder's sharp details of the same size. Every pixel gets a lesion probability.",
       catalog_parts::WithTraining(
           {Param("depth", "Depth", 2, 4, 3, true, false, "How many times the encoder halves the image (the sides must divide by 2^depth)."),
            Param("filters", "Base filters", 2, 32, 8, true, true, "Feature maps of the first level; each level down doubles them."),
            WithChoices(Param("batch_norm", "Batch norm", 0, 1, 1, true, false, "Normalise after every 3×3 convolution."), {"off", "on"}),
            WithChoices(Param("upsampling", "Upsampling", 0, 1, 0, true, false,
                              "How the decoder doubles the size: a learned 2×2 transposed convolution or nearest-neighbour copies."),
                        {"transposed conv", "nearest"})},
           10, 8, 1e-3, 1),
       BuildUNet});
}

}  // namespace mlp::deep
