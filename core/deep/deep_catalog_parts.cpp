#include "core/deep/deep_catalog_parts.h"

#include "core/deep/batching.h"

namespace mlp::deep::catalog_parts {

ParameterSpec Param(std::string key, std::string label, double min, double max, double value, bool integer,
                    bool logarithmic, std::string help) {
  ParameterSpec p;
  p.key = std::move(key), p.label = std::move(label), p.help = std::move(help);
  p.min = min, p.max = max, p.value = value;
  p.integer = integer, p.logarithmic = logarithmic;
  return p;
}

std::vector<ParameterSpec> WithTraining(std::vector<ParameterSpec> model, int epochs, int batch, double rate, int optimizer) {
  model.push_back(Param("epochs", "Epochs", 1, 200, static_cast<double>(epochs), true, false, "Passes over the training rows."));
  model.push_back(Param("batch", "Batch size", 1, 512, static_cast<double>(batch), true, true, "Samples per gradient step."));
  model.push_back(Param("lr", "Learning rate", 1e-5, 1.0, rate, false, true, "Step size of the optimiser (the schedule's start)."));
  model.push_back(WithChoices(Param("optimizer", "Optimiser", 0, 2, static_cast<double>(optimizer), true, false,
                               "SGD, Adam or RMSprop."), {"SGD", "Adam", "RMSprop"}));
  model.push_back(Param("seed", "Seed", 0, 1e6, 0, true, false, "Fixes the initial weights and the batch order."));
  return model;
}

DeepRunSettings TrainingFrom(const std::vector<double>& v, size_t first) {
  DeepRunSettings s;
  s.epochs = static_cast<int>(v[first]);
  s.batch_size = static_cast<int>(v[first + 1]);
  s.optimizer.learning_rate = v[first + 2];
  s.optimizer.kind = static_cast<int>(v[first + 3]) == 1 ? nn::OptimizerKind::kAdam
                     : static_cast<int>(v[first + 3]) == 2 ? nn::OptimizerKind::kRmsprop : nn::OptimizerKind::kSgd;
  s.seed = static_cast<uint32_t>(v[first + 4]);
  return s;
}

Status NeedClasses(const char* model, const Dataset& data) {
  if (data.task != TaskKind::kClassification || data.num_classes() < 2)
    return Status::Error(std::string(model) + " is a classifier: it needs data with at least 2 classes ('" + data.name +
                         "' " + (data.task == TaskKind::kClassification ? "has fewer" : "has a numeric target: try cnn_regressor") + ").");
  return Status::Ok();
}

Result<nn::Shape> NeedImage(const char* model, const Dataset& data, int min_side) {
  if (data.layout != SampleLayout::kImage)
    return Status::Error(std::string(model) + " needs images (each row one picture), but '" + data.name + "' is " +
                         DescribeInput(data) + ": try mlp_mnist for tables.");
  Result<nn::Shape> shape = InputShapeOf(data);
  if (!shape.ok()) return shape.status();
  const nn::Shape s = shape.value();
  if (s.time != 1) return Status::Error(std::string(model) + " takes single images, not sequences of frames.");
  if (s.height < min_side || s.width < min_side)
    return Status::Error(std::string(model) + " needs images of at least " + std::to_string(min_side) + "×" +
                         std::to_string(min_side) + " pixels (these are " + std::to_string(s.height) + "×" + std::to_string(s.width) + ").");
  return s;
}

nn::Conv2DSettings Conv3x3(int filters) {
  nn::Conv2DSettings c;
  c.filters = filters;
  c.pad_y = c.pad_x = 1;
  return c;
}

Result<DeepModelBuild> Finish(std::unique_ptr<TrainableNetwork<float>> net, const Status& status, DeepRunSettings settings) {
  if (!status.ok()) return status;
  return DeepModelBuild{std::move(net), settings};
}

}  // namespace mlp::deep::catalog_parts
