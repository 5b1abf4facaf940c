#include "core/deep/deep_catalog.h"

#include "core/deep/batching.h"
#include "core/deep/deep_catalog_parts.h"
#include "core/models/classic/model_catalog.h"

namespace mlp::deep {
namespace {

using nn::Activation;
using namespace catalog_parts;

// conv f1 3×3 pad 1 → relu → max-pool 2 → conv f2 3×3 pad 1 → relu → max-pool 2 → dense units relu.
void ConvTrunk(Builder& b, int filters1, int filters2, int units) {
  Network<float>& n = b.net;
  b(n.AddConv2D(Conv3x3(filters1)))(n.AddActivation(Activation::kReLU))(n.AddMaxPool({}));
  b(n.AddConv2D(Conv3x3(filters2)))(n.AddActivation(Activation::kReLU))(n.AddMaxPool({}));
  b(n.AddDense(units))(n.AddActivation(Activation::kReLU));
}

Result<DeepModelBuild> BuildMlp(const Dataset& data, const std::vector<double>& v) {
  if (Status s = NeedClasses("mlp_mnist", data); !s.ok()) return s;
  Result<nn::Shape> shape = InputShapeOf(data);
  if (!shape.ok()) return shape.status();
  auto net = std::make_unique<Network<float>>(nn::Shape{1, 1, 1, static_cast<int>(shape.value().size())});
  Builder b{*net, {}};
  b(net->AddDense(static_cast<int>(v[0])))(net->AddActivation(Activation::kReLU))(net->AddDense(data.num_classes(), nn::WeightInit::kGlorotUniform));
  return Finish(std::move(net), b.status, TrainingFrom(v, 1));
}

Result<DeepModelBuild> BuildCnn(const Dataset& data, const std::vector<double>& v) {
  if (Status s = NeedClasses("cnn_simple", data); !s.ok()) return s;
  Result<nn::Shape> shape = NeedImage("cnn_simple", data, 4);
  if (!shape.ok()) return shape.status();
  auto net = std::make_unique<Network<float>>(shape.value());
  Builder b{*net, {}};
  ConvTrunk(b, static_cast<int>(v[0]), static_cast<int>(v[1]), static_cast<int>(v[2]));
  b(net->AddDense(data.num_classes(), nn::WeightInit::kGlorotUniform));
  return Finish(std::move(net), b.status, TrainingFrom(v, 3));
}

Result<DeepModelBuild> BuildRegressor(const Dataset& data, const std::vector<double>& v) {
  if (data.task != TaskKind::kRegression)
    return Status::Error("cnn_regressor predicts a number, but '" + data.name + "' has class labels: try cnn_simple.");
  Result<nn::Shape> shape = NeedImage("cnn_regressor", data, 4);
  if (!shape.ok()) return shape.status();
  auto net = std::make_unique<Network<float>>(shape.value(), OutputLoss::kMeanSquaredError);
  Builder b{*net, {}};
  ConvTrunk(b, static_cast<int>(v[0]), static_cast<int>(v[1]), static_cast<int>(v[2]));
  // Restore scale: the output is in the target's units (knots) while the weights fit unit-spread
  // targets (network.h, "Scaling"), so the first steps do not fight a mean of ~60 kt.
  b(net->AddDense(1, nn::WeightInit::kGlorotUniform))(net->AddScale(nn::ScaleDirection::kRestore));
  return Finish(std::move(net), b.status, TrainingFrom(v, 3));
}

Result<DeepModelBuild> BuildWaveform(const Dataset& data, const std::vector<double>& v) {
  if (data.layout != SampleLayout::kSignal)
    return Status::Error("cnn1d_waveform needs signals (each row one waveform), but '" + data.name + "' is " +
                         DescribeInput(data) + ".");
  if (Status s = NeedClasses("cnn1d_waveform", data); !s.ok()) return s;
  Result<nn::Shape> shape = InputShapeOf(data);
  if (!shape.ok()) return shape.status();
  const int width = static_cast<int>(v[1]);
  if (shape.value().width < 4 * width)
    return Status::Error("cnn1d_waveform pools twice by 2: signals need at least " + std::to_string(4 * width) +
                         " samples for a kernel of width " + std::to_string(width) + ".");
  auto net = std::make_unique<Network<float>>(shape.value());
  Builder b{*net, {}};
  nn::Conv1DSettings conv;
  conv.kernel = width;
  conv.pad = (width - 1) / 2;
  const nn::PoolSettings pool{1, 2, 0, 0};
  conv.filters = static_cast<int>(v[0]);
  b(net->AddConv1D(conv))(net->AddActivation(Activation::kReLU))(net->AddMaxPool(pool));
  conv.filters = 2 * static_cast<int>(v[0]);
  b(net->AddConv1D(conv))(net->AddActivation(Activation::kReLU))(net->AddMaxPool(pool));
  b(net->AddDense(static_cast<int>(v[2])))(net->AddActivation(Activation::kReLU));
  b(net->AddDense(data.num_classes(), nn::WeightInit::kGlorotUniform));
  return Finish(std::move(net), b.status, TrainingFrom(v, 3));
}

}  // namespace

void AddClassifierEntries(std::vector<DeepModelEntry>& entries) {
  entries.push_back({"mlp_mnist", "MLP classifier (784-128-10)", "class labels; any input, read as one flat vector",
                     "Every pixel feeds every hidden unit: no notion of neighbouring pixels. The baseline the CNN should beat.",
                     WithTraining({Param("hidden", "Hidden units", 4, 1024, 128, true, true, "Width of the hidden layer.")}, 5, 64, 0.1, 0),
                     BuildMlp});
  entries.push_back({"cnn_simple", "Simple CNN classifier", "images with class labels",
                     "Two small convolutions with pooling find local strokes and their combinations; a dense head votes for the class.",
                     WithTraining({Param("filters1", "Filters (conv 1)", 1, 64, 16, true, false, "Feature maps of the first convolution."),
                                   Param("filters2", "Filters (conv 2)", 1, 128, 32, true, false, "Feature maps of the second convolution."),
                                   Param("dense", "Dense units", 4, 512, 128, true, true, "Width of the dense layer.")},
                                  5, 32, 1e-3, 1),
                     BuildCnn});
  entries.push_back({"cnn_regressor", "CNN regressor", "images with a numeric target",
                     "The same convolutional trunk ending in one number, trained with mean squared error (e.g. a storm image → its wind speed).",
                     WithTraining({Param("filters1", "Filters (conv 1)", 1, 64, 16, true, false, "Feature maps of the first convolution."),
                                   Param("filters2", "Filters (conv 2)", 1, 128, 32, true, false, "Feature maps of the second convolution."),
                                   Param("dense", "Dense units", 4, 512, 64, true, true, "Width of the dense layer.")},
                                  10, 32, 1e-3, 1),
                     BuildRegressor});
  entries.push_back({"cnn1d_waveform", "1-D CNN on waveforms", "signals with class labels (2 for the detector pulses)",
                     "Convolutions slide along time, so a pulse shape is recognised wherever it occurs in the trace.",
                     WithTraining({Param("filters", "Filters (conv 1)", 1, 64, 16, true, false, "Feature maps of the first convolution; the second has twice as many."),
                                   Param("kernel", "Kernel width", 1, 15, 5, true, false, "Samples each filter looks at."),
                                   Param("dense", "Dense units", 4, 256, 32, true, true, "Width of the dense layer.")},
                                  10, 32, 1e-3, 1),
                     BuildWaveform});
}

namespace {

std::vector<DeepModelEntry> MakeCatalog() {
  std::vector<DeepModelEntry> entries;
  AddClassifierEntries(entries);
  AddUNetEntries(entries);
  AddSequenceEntries(entries);
  AddVaeEntries(entries);
  return entries;
}

}  // namespace

const std::vector<DeepModelEntry>& DeepModelCatalog() {
  static const std::vector<DeepModelEntry> catalog = MakeCatalog();
  return catalog;
}

const DeepModelEntry* FindDeepModel(std::string_view id) {
  for (const DeepModelEntry& e : DeepModelCatalog())
    if (e.id == id) return &e;
  return nullptr;
}

Result<DeepModelBuild> BuildDeepModel(std::string_view id, const Dataset& data, const std::vector<double>& values) {
  const DeepModelEntry* entry = FindDeepModel(id);
  if (!entry) return Status::Error("No deep model called '" + std::string(id) + "'.");
  return entry->build(data, classic::ClampParameters(entry->parameters, values));
}

}  // namespace mlp::deep
