// Deep-catalogue entries for sequences and the storm / circle image projects (G5, G11):
//   lstm_forecaster  standardise → LSTM units → dense 1 → restore scale (MSE): forecast windows
//                    (forecast_windows.h) of raw values, e.g. wind speeds in knots; by default it
//                    predicts the CHANGE from the last value (FrameForecastNetwork on 1×1 frames)
//   convlstm_frames  FrameForecastNetwork: ConvLSTM filters k×k → conv 3×3 to p change maps, added
//                    to the last input frame (learns frame differences); MSE on the next p frames
//   cnn_counter      conv 8 → pool → conv 16 → pool → conv 32 → pool → dense 64 → classes: counts the
//                    touching circles of 64×64 aggregates (three poolings suit the larger images)
// cnn_regressor (deep_catalog.cpp) ends in the same restore-scale layer as lstm_forecaster.
#include "core/deep/batching.h"
#include "core/deep/deep_catalog_parts.h"
#include "core/deep/frame_forecast_network.h"
#include "core/nn/layers/conv_lstm.h"
#include "core/nn/layers/lstm.h"
#include "core/nn/layers/shape_layers.h"

namespace mlp::deep {
namespace {

using nn::Activation;
using namespace catalog_parts;

Result<DeepModelBuild> BuildLstmForecaster(const Dataset& data, const std::vector<double>& v) {
  if (data.task != TaskKind::kRegression)
    return Status::Error("lstm_forecaster predicts the next value, but '" + data.name + "' has class labels.");
  if (data.layout != SampleLayout::kSignal)
    return Status::Error("lstm_forecaster needs windows of a series (each row the previous values, e.g. the storm "
                         "wind-speed windows), but '" + data.name + "' is " + DescribeInput(data) + ".");
  Result<nn::Shape> shape = InputShapeOf(data);
  if (!shape.ok()) return shape.status();
  nn::LstmSettings lstm;
  lstm.steps = shape.value().width;
  lstm.features = shape.value().channels;
  lstm.units = static_cast<int>(v[0]);
  if (Status s = nn::ValidateLstmSettings(lstm); !s.ok()) return s;
  const bool change = v[1] > 0.5 && lstm.features == 1;
  // Predicting the change: the window enters as `steps` 1×1 frames so FrameForecastNetwork can add
  // the last value back; the reshape gives the LSTM its (1, 1, steps, 1) view of the same numbers.
  const nn::Shape input = change ? nn::Shape{lstm.steps, 1, 1, 1} : shape.value();
  auto net = std::make_unique<Network<float>>(input, OutputLoss::kMeanSquaredError);
  Builder b{*net, {}};
  if (change) b(net->Add(std::make_unique<nn::Reshape<float>>(input, shape.value())));
  b(net->AddScale(nn::ScaleDirection::kStandardise))(net->Add(std::make_unique<nn::LstmLayer<float>>(lstm)));
  b(net->AddDense(1, nn::WeightInit::kGlorotUniform))(net->AddScale(nn::ScaleDirection::kRestore));
  if (!change || !b.status.ok()) return Finish(std::move(net), b.status, TrainingFrom(v, 2));
  if (Status st = FrameForecastNetwork<float>::Check(*net); !st.ok()) return st;
  return Finish(std::make_unique<FrameForecastNetwork<float>>(std::move(net)), Status::Ok(), TrainingFrom(v, 2));
}

Result<DeepModelBuild> BuildConvLstmFrames(const Dataset& data, const std::vector<double>& v) {
  const std::vector<int>& s = data.sample_shape;
  if (data.layout != SampleLayout::kImage || s.size() != 3)
    return Status::Error("convlstm_frames needs sequences of frames (each row k frames, e.g. the storm frame "
                         "sequences), but '" + data.name + "' is " + DescribeInput(data) + ".");
  const int64_t pixels = int64_t{s[1]} * s[2];
  const bool dense = data.dense_targets.rows() == data.features.rows() && data.dense_targets.cols() > 0;
  if (!dense || data.dense_targets.cols() % pixels != 0)
    return Status::Error("convlstm_frames needs the next frames as dense targets (a multiple of " + std::to_string(pixels) +
                         " values per row); '" + data.name + "' has none.");
  Result<nn::Shape> shape = InputShapeOf(data);
  if (!shape.ok()) return shape.status();
  nn::ConvLstmSettings cell;
  cell.steps = s[0], cell.height = s[1], cell.width = s[2], cell.channels = 1;
  cell.filters = static_cast<int>(v[0]);
  cell.kernel_size = static_cast<int>(v[1]);
  if (Status st = nn::ValidateConvLstmSettings(cell); !st.ok()) return st;
  const int frames = static_cast<int>(data.dense_targets.cols() / pixels);
  auto trunk = std::make_unique<Network<float>>(shape.value(), OutputLoss::kMeanSquaredError);
  Builder b{*trunk, {}};
  b(trunk->Add(std::make_unique<nn::ConvLstmLayer<float>>(cell)))(trunk->AddConv2D(Conv3x3(frames)));
  if (!b.status.ok()) return b.status;
  if (Status st = FrameForecastNetwork<float>::Check(*trunk); !st.ok()) return st;
  return Finish(std::make_unique<FrameForecastNetwork<float>>(std::move(trunk)), Status::Ok(), TrainingFrom(v, 2));
}

Result<DeepModelBuild> BuildCounter(const Dataset& data, const std::vector<double>& v) {
  if (Status s = NeedClasses("cnn_counter", data); !s.ok()) return s;
  Result<nn::Shape> shape = NeedImage("cnn_counter", data, 8);
  if (!shape.ok()) return shape.status();
  auto net = std::make_unique<Network<float>>(shape.value());
  Builder b{*net, {}};
  const int filters = static_cast<int>(v[0]);
  for (int f : {filters, 2 * filters, 4 * filters})
    b(net->AddConv2D(Conv3x3(f)))(net->AddActivation(Activation::kReLU))(net->AddMaxPool({}));
  b(net->AddDense(static_cast<int>(v[1])))(net->AddActivation(Activation::kReLU));
  b(net->AddDense(data.num_classes(), nn::WeightInit::kGlorotUniform));
  return Finish(std::move(net), b.status, TrainingFrom(v, 2));
}

}  // namespace

void AddSequenceEntries(std::vector<DeepModelEntry>& entries) {
  entries.push_back({"lstm_forecaster", "LSTM forecaster", "windows of a series with the next value as target (storm_windows, covid_windows)",
                     "An LSTM reads the previous values one step at a time and its last state predicts the next value. Inputs and "
                     "output are scaled by the training rows' mean and spread, so it forecasts in the data's own units; the loss is "
                     "shown in those standardised units. Compare it with simply repeating the last value.",
                     WithTraining({Param("units", "LSTM units", 1, 128, 16, true, false, "Size of the hidden state."),
                                   WithChoices(Param("predict", "Predict", 0, 1, 1, true, false,
                                                     "The next value itself, or its change from the last value (added back), "
                                                     "which also works beyond the range of the training values."),
                                               {"value", "change from the last value"})},
                                  30, 32, 1e-2, 1),
                     BuildLstmForecaster});
  entries.push_back({"convlstm_frames", "ConvLSTM frame forecaster", "sequences of frames with the next frames as dense targets (storm_sequences)",
                     "A convolutional LSTM runs over the input frames; from its last state a convolution draws how each of the next "
                     "frames differs from the last input frame, and adds it. It starts close to 'repeat the last frame' and learns the motion.",
                     WithTraining({Param("filters", "ConvLSTM filters", 1, 32, 8, true, false, "Hidden channels of the ConvLSTM."),
                                   Param("kernel", "Kernel size", 1, 7, 3, true, false, "Neighbourhood each gate sees (odd).")},
                                  10, 8, 3e-3, 1),
                     BuildConvLstmFrames});
  entries.push_back({"cnn_counter", "CNN circle counter", "images with class labels (the touching-circle aggregates)",
                     "Three convolution-and-pooling stages shrink a 64×64 picture to an 8×8 summary before a dense head decides how "
                     "many circles it holds.",
                     WithTraining({Param("filters", "Filters (conv 1)", 1, 32, 8, true, false, "Feature maps of the first convolution; then twice and four times as many."),
                                   Param("dense", "Dense units", 4, 256, 64, true, true, "Width of the dense layer.")},
                                  10, 32, 1e-3, 1),
                     BuildCounter});
}

}  // namespace mlp::deep
