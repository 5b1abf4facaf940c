#include "core/deep/batching.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <string>

namespace mlp::deep {

Result<nn::Shape> InputShapeOf(const Dataset& data) {
  const int64_t features = data.features.cols();
  const std::vector<int>& s = data.sample_shape;
  int64_t product = 1;
  for (int v : s) product *= v;
  const bool shaped = data.layout != SampleLayout::kTabular;
  if (shaped && (s.empty() || product != features)) {
    return Status::Error("The sample shape (" + DescribeInput(data) + ") does not match the " + std::to_string(features) +
                         " values per row.");
  }
  if (features <= 0) return Status::Error("The data have no feature columns.");
  nn::Shape shape;
  switch (data.layout) {
    case SampleLayout::kTabular: shape.channels = static_cast<int>(features); break;
    case SampleLayout::kImage:
      if (s.size() == 2) shape.height = s[0], shape.width = s[1];
      else if (s.size() == 3) shape.time = s[0], shape.height = s[1], shape.width = s[2];
      else return Status::Error("An image sample shape must be {height, width} or {frames, height, width}.");
      break;
    case SampleLayout::kSignal:
      if (s.size() == 1) shape.width = s[0];
      else if (s.size() == 2) shape.channels = s[0], shape.width = s[1];
      else return Status::Error("A signal sample shape must be {length} or {channels, length}.");
      break;
  }
  return shape;
}

std::string DescribeInput(const Dataset& data) {
  const std::vector<int>& s = data.sample_shape;
  const auto join = [&] {
    std::string text;
    for (size_t i = 0; i < s.size(); ++i) text += (i ? "×" : "") + std::to_string(s[i]);
    return text;
  };
  switch (data.layout) {
    case SampleLayout::kImage: return "an image " + join();
    case SampleLayout::kSignal:
      return s.size() == 2 ? "a signal of " + std::to_string(s[0]) + " channels × length " + std::to_string(s[1])
                           : "a signal of length " + join();
    case SampleLayout::kTabular: break;
  }
  return "a table of " + std::to_string(data.features.cols()) + " features";
}

BatchMaker::BatchMaker(const Dataset& data, std::vector<int64_t> rows, TargetEncoding targets, int classes)
    : data_(&data), rows_(std::move(rows)), targets_(targets), classes_(classes) {
  Result<nn::Shape> shape = InputShapeOf(data);
  assert(shape.ok() && "check InputShapeOf first");
  input_ = shape.ok() ? shape.value() : nn::Shape{1, 1, 1, static_cast<int>(data.features.cols())};
  // Entry (t, y, x, c) of the channels-last sample reads feature column source_[entry]. Only a
  // multi-channel signal is stored differently (channel-major rows).
  source_.resize(static_cast<size_t>(input_.size()));
  std::iota(source_.begin(), source_.end(), 0);
  if (data.layout == SampleLayout::kSignal && input_.channels > 1) {
    for (int t = 0; t < input_.width; ++t)
      for (int c = 0; c < input_.channels; ++c) source_[static_cast<size_t>(t * input_.channels + c)] = c * input_.width + t;
  }
  switch (targets_) {
    case TargetEncoding::kOneHot: target_rows_ = classes_; break;
    case TargetEncoding::kValue: target_rows_ = 1; break;
    case TargetEncoding::kDense: target_rows_ = static_cast<int>(data.dense_targets.cols()); break;
    case TargetEncoding::kInput: target_rows_ = static_cast<int>(input_.size()); break;
    case TargetEncoding::kInputAndValue: target_rows_ = static_cast<int>(input_.size()) + 1; break;
  }
  x_.SetRows(input_.size());
  y_.SetRows(target_rows_);
  KeepOrder();
}

int BatchMaker::BatchCount(int batch_size) const {
  if (batch_size <= 0) return 0;
  return static_cast<int>((size() + batch_size - 1) / batch_size);
}

void BatchMaker::Shuffle(Rng& rng) { order_ = rng.Permutation(size()); }

void BatchMaker::KeepOrder() {
  order_.resize(rows_.size());
  std::iota(order_.begin(), order_.end(), 0);
}

int BatchMaker::Fill(int index, int batch_size) {
  first_ = int64_t{index} * batch_size;
  const int b = static_cast<int>(std::clamp<int64_t>(size() - first_, 0, batch_size));
  nn::MatrixView<float> x = x_.Resize(b);
  nn::MatrixView<float> y = y_.Resize(b);
  const Eigen::MatrixXd& features = data_->features;
  for (int j = 0; j < b; ++j) {
    const int64_t row = batch_row(j);
    for (Eigen::Index k = 0; k < x.rows(); ++k) x(k, j) = static_cast<float>(features(row, source_[static_cast<size_t>(k)]));
    switch (targets_) {
      case TargetEncoding::kOneHot: {
        y.col(j).setZero();
        const int label = static_cast<int>(data_->targets(row));
        if (label >= 0 && label < classes_) y(label, j) = 1.0f;
        break;
      }
      case TargetEncoding::kValue: y(0, j) = static_cast<float>(data_->targets(row)); break;
      case TargetEncoding::kDense:
        for (Eigen::Index k = 0; k < y.rows(); ++k) y(k, j) = static_cast<float>(data_->dense_targets(row, k));
        break;
      case TargetEncoding::kInput: y.col(j) = x.col(j); break;
      case TargetEncoding::kInputAndValue:
        y.col(j).head(x.rows()) = x.col(j);
        y(x.rows(), j) = static_cast<float>(data_->targets(row));
        break;
    }
  }
  return b;
}

void BatchMaker::FillOne(int64_t dataset_row, nn::MutableRef<float> out) const {
  for (Eigen::Index k = 0; k < out.rows(); ++k)
    out(k, 0) = static_cast<float>(data_->features(dataset_row, source_[static_cast<size_t>(k)]));
}

}  // namespace mlp::deep
