#include "core/deep/frame_forecast_network.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace mlp::deep {

template <typename S>
Status FrameForecastNetwork<S>::Check(const Network<S>& trunk) {
  const nn::Shape in = trunk.input_shape(), out = trunk.current_shape();
  if (trunk.layer_count() == 0) return Status::Error("The frame forecaster's trunk has no layers.");
  if (in.channels != 1) return Status::Error("The frame forecaster takes single-channel frames (" + ShapeText(in) + " given).");
  if (out.time != 1 || out.height != in.height || out.width != in.width)
    return Status::Error("The frame forecaster's trunk must end in one map per predicted frame of the input's size (" +
                         std::to_string(in.height) + "×" + std::to_string(in.width) + "), not " + ShapeText(out) + ".");
  return Status::Ok();
}

template <typename S>
FrameForecastNetwork<S>::FrameForecastNetwork(std::unique_ptr<Network<S>> trunk) : trunk_(std::move(trunk)) {
  assert(Check(*trunk_).ok() && "check the trunk with FrameForecastNetwork::Check first");
  const nn::Shape in = trunk_->input_shape();
  frames_ = trunk_->current_shape().channels;
  pixels_ = in.height * in.width;
  steps_ = in.time;
  output_.SetRows(output_shape().size());
  trunk_gradient_.SetRows(trunk_->current_shape().size());
}

template <typename S>
nn::Shape FrameForecastNetwork<S>::output_shape() const {
  const nn::Shape in = trunk_->input_shape();
  return {frames_, in.height, in.width, 1};
}

template <typename S>
nn::ConstMatrixView<S> FrameForecastNetwork<S>::Forward(const nn::ConstRef<S>& x) {
  const nn::ConstMatrixView<S> delta = trunk_->Forward(x);  // (pixel·p + c) × batch, channels-last
  nn::MatrixView<S> y = output_.Resize(x.cols());
  const Eigen::Index last = static_cast<Eigen::Index>(steps_ - 1) * pixels_;
  for (Eigen::Index j = 0; j < x.cols(); ++j)
    for (int c = 0; c < frames_; ++c)
      for (int p = 0; p < pixels_; ++p)
        y(static_cast<Eigen::Index>(c) * pixels_ + p, j) = x(last + p, j) + delta(static_cast<Eigen::Index>(p) * frames_ + c, j);
  return output_.const_view();
}

// The last frame is network input (no gradient wanted); Δ gets the output gradient, reordered.
template <typename S>
void FrameForecastNetwork<S>::Backward(const nn::ConstRef<S>& logit_gradient) {
  nn::MatrixView<S> d = trunk_gradient_.Resize(logit_gradient.cols());
  for (Eigen::Index j = 0; j < logit_gradient.cols(); ++j)
    for (int c = 0; c < frames_; ++c)
      for (int p = 0; p < pixels_; ++p)
        d(static_cast<Eigen::Index>(p) * frames_ + c, j) = logit_gradient(static_cast<Eigen::Index>(c) * pixels_ + p, j);
  trunk_->Backward(d);
}

template <typename S>
void FrameForecastNetwork<S>::Calibrate(BatchMaker& training_rows) {
  trunk_->Calibrate(training_rows);  // the input scaling (and a restore layer fitted to the values)
  auto* restore = dynamic_cast<nn::ScaleLayer<S>*>(&trunk_->layer(trunk_->layer_count() - 1));
  if (!restore || restore->direction() != nn::ScaleDirection::kRestore || training_rows.size() == 0) return;
  // Refit the restore layer to the changes target − last input frame, summed in double in row order.
  constexpr int kBatch = 256;
  double sum = 0, sum_squares = 0;
  int64_t count = 0;
  const Eigen::Index last = static_cast<Eigen::Index>(steps_ - 1) * pixels_;
  training_rows.KeepOrder();
  for (int k = 0; k < training_rows.BatchCount(kBatch); ++k) {
    const int b = training_rows.Fill(k, kBatch);
    const nn::ConstMatrixView<float> x = training_rows.x(), y = training_rows.y();
    for (int j = 0; j < b; ++j)
      for (int c = 0; c < frames_; ++c)
        for (int p = 0; p < pixels_; ++p) {
          const double change = static_cast<double>(y(static_cast<Eigen::Index>(c) * pixels_ + p, j)) - x(last + p, j);
          sum += change, sum_squares += change * change, ++count;
        }
  }
  if (count == 0) return;
  const double mean = sum / static_cast<double>(count);
  const double sd = std::sqrt(std::max(0.0, sum_squares / static_cast<double>(count) - mean * mean));
  restore->SetAffine(mean, sd > 1e-12 ? sd : 1.0);
}

template <typename S>
NetworkSummary FrameForecastNetwork<S>::Summary() {
  NetworkSummary summary = trunk_->Summary();
  summary.rows.push_back({"+ last input frame", output_shape(), 0});
  summary.loss = std::string(OutputLossName(OutputLoss::kMeanSquaredError));
  return summary;
}

template <typename S>
std::string FrameForecastNetwork<S>::Fingerprint() {
  return "frame forecast\n" + trunk_->Fingerprint() + "+ last input frame → " + ShapeText(output_shape()) + "\n";
}

template <typename S>
std::string FrameForecastNetwork<S>::StageName(int stage) const {
  return stage < trunk_->StageCount() ? trunk_->StageName(stage) : "predicted frames";
}

template <typename S>
nn::Shape FrameForecastNetwork<S>::StageShape(int stage) const {
  return stage < trunk_->StageCount() ? trunk_->StageShape(stage) : output_shape();
}

template <typename S>
nn::ConstMatrixView<S> FrameForecastNetwork<S>::StageOutput(int stage) const {
  return stage < trunk_->StageCount() ? trunk_->StageOutput(stage) : output_.const_view();
}

template class FrameForecastNetwork<float>;
template class FrameForecastNetwork<double>;

}  // namespace mlp::deep
