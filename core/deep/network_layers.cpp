#include "core/deep/network_layers.h"

#include "core/nn/layers/scale_layer.h"

namespace mlp::deep {
namespace {

Status Named(const char* what, const Status& status) {
  return status.ok() ? status : Status::Error(std::string(what) + ": " + status.message());
}

}  // namespace

template <typename S>
Result<LayerPtr<S>> MakeConv2D(const nn::Shape& in, const nn::Conv2DSettings& settings) {
  if (in.time != 1) return Status::Error("conv2d: the input is a sequence of frames (" + ShapeText(in) + "); use ConvLSTM.");
  if (Status s = nn::Conv2D<S>::Check(in, settings); !s.ok()) return Named("conv2d", s);
  return LayerPtr<S>(std::make_unique<nn::Conv2D<S>>(in, settings));
}

template <typename S>
Result<LayerPtr<S>> MakeConv1D(const nn::Shape& in, const nn::Conv1DSettings& settings) {
  if (in.time != 1 || in.height != 1)
    return Status::Error("conv1d needs a signal (length × channels) but gets " + ShapeText(in) + ".");
  if (Status s = nn::Conv1D<S>::Check(in.width, in.channels, settings); !s.ok()) return Named("conv1d", s);
  return LayerPtr<S>(std::make_unique<nn::Conv1D<S>>(in.width, in.channels, settings));
}

template <typename S>
Result<LayerPtr<S>> MakeConv2DTranspose(const nn::Shape& in, const nn::Conv2DTransposeSettings& settings) {
  if (Status s = nn::Conv2DTranspose<S>::Check(in, settings); !s.ok()) return Named("conv2d-transpose", s);
  return LayerPtr<S>(std::make_unique<nn::Conv2DTranspose<S>>(in, settings));
}

template <typename S>
Result<LayerPtr<S>> MakeMaxPool(const nn::Shape& in, const nn::PoolSettings& settings) {
  if (Status s = nn::PoolingLayer<S>::Check(in, settings); !s.ok()) return Named("max-pool", s);
  return LayerPtr<S>(std::make_unique<nn::MaxPool2D<S>>(in, settings));
}

template <typename S>
Result<LayerPtr<S>> MakeAveragePool(const nn::Shape& in, const nn::PoolSettings& settings) {
  if (Status s = nn::PoolingLayer<S>::Check(in, settings); !s.ok()) return Named("average-pool", s);
  return LayerPtr<S>(std::make_unique<nn::AveragePool2D<S>>(in, settings));
}

template <typename S>
Result<LayerPtr<S>> MakeUpsample(const nn::Shape& in, int factor) {
  if (Status s = nn::Upsample2D<S>::Check(in, factor, factor); !s.ok()) return s;  // already says "upsample"
  return LayerPtr<S>(std::make_unique<nn::Upsample2D<S>>(in, factor, factor));
}

template <typename S>
Result<LayerPtr<S>> MakeDense(const nn::Shape& in, int units, nn::WeightInit init) {
  if (Status s = nn::FullyConnected<S>::Check(in, units); !s.ok()) return Named("dense", s);
  return LayerPtr<S>(std::make_unique<nn::FullyConnected<S>>(in, units, init));
}

template <typename S>
Result<LayerPtr<S>> MakeActivation(const nn::Shape& in, nn::Activation activation) {
  return LayerPtr<S>(std::make_unique<nn::ActivationLayer<S>>(in, activation));
}

template <typename S>
Result<LayerPtr<S>> MakeFlatten(const nn::Shape& in) {
  return LayerPtr<S>(std::make_unique<nn::Flatten<S>>(in));
}

template <typename S>
Result<LayerPtr<S>> MakeDropout(const nn::Shape& in, double rate) {
  if (Status s = nn::Dropout<S>::Check(rate); !s.ok()) return Named("dropout", s);
  return LayerPtr<S>(std::make_unique<nn::Dropout<S>>(in, rate, 0u));
}

template <typename S>
Result<LayerPtr<S>> MakeBatchNorm(const nn::Shape& in, const nn::BatchNormSettings& settings) {
  if (Status s = nn::BatchNorm<S>::Check(settings); !s.ok()) return Named("batch-norm", s);
  return LayerPtr<S>(std::make_unique<nn::BatchNorm<S>>(in, settings));
}

template <typename S>
void InitializeLayer(nn::Layer<S>& layer, Rng& rng, uint32_t seed, size_t index) {
  layer.Initialize(rng);
  if (auto* dropout = dynamic_cast<nn::Dropout<S>*>(&layer))
    dropout->Seed(seed ^ (0x9E3779B9u * static_cast<uint32_t>(index + 1)));
}

template <typename S>
void AppendParameters(nn::Layer<S>& layer, const std::string& prefix, std::vector<nn::Parameter<S>>& all) {
  for (nn::Parameter<S>& p : layer.Parameters()) {
    p.name = prefix + p.name;
    all.push_back(p);
  }
}

template <typename S>
void AppendStates(nn::Layer<S>& layer, const std::string& prefix, std::vector<StateTensor<S>>& all) {
  if (auto* norm = dynamic_cast<nn::BatchNorm<S>*>(&layer)) {
    nn::Matrix<S>& mean = norm->running_mean();
    nn::Matrix<S>& variance = norm->running_variance();
    all.push_back({prefix + "running_mean", Eigen::Map<nn::Matrix<S>>(mean.data(), mean.rows(), mean.cols())});
    all.push_back({prefix + "running_variance", Eigen::Map<nn::Matrix<S>>(variance.data(), variance.rows(), variance.cols())});
  }
  if (auto* scale = dynamic_cast<nn::ScaleLayer<S>*>(&layer)) {  // fixed constants fitted to the data
    all.push_back({prefix + "shift", Eigen::Map<nn::Matrix<S>>(scale->shift_state().data(), 1, 1)});
    all.push_back({prefix + "scale", Eigen::Map<nn::Matrix<S>>(scale->scale_state().data(), 1, 1)});
  }
}

template <typename S>
bool FilterBankOf(nn::Layer<S>& layer, FilterBank& bank) {
  auto* conv = dynamic_cast<nn::Conv2D<S>*>(&layer);
  if (!conv) return false;
  const nn::Conv2DSettings& s = conv->settings();
  bank.filters = s.filters;
  bank.height = s.kernel_height;
  bank.width = s.kernel_width;
  bank.channels = conv->input_shape().channels;
  const nn::Matrix<S>& w = conv->weights();  // filters × (ky, kx, c)
  bank.weights.resize(static_cast<size_t>(w.size()));
  for (Eigen::Index f = 0; f < w.rows(); ++f)
    for (Eigen::Index k = 0; k < w.cols(); ++k) bank.weights[static_cast<size_t>(f * w.cols() + k)] = static_cast<float>(w(f, k));
  return true;
}

#define MLP_INSTANTIATE(S)                                                                                         \
  template Result<LayerPtr<S>> MakeConv2D<S>(const nn::Shape&, const nn::Conv2DSettings&);                         \
  template Result<LayerPtr<S>> MakeConv1D<S>(const nn::Shape&, const nn::Conv1DSettings&);                         \
  template Result<LayerPtr<S>> MakeConv2DTranspose<S>(const nn::Shape&, const nn::Conv2DTransposeSettings&);       \
  template Result<LayerPtr<S>> MakeMaxPool<S>(const nn::Shape&, const nn::PoolSettings&);                          \
  template Result<LayerPtr<S>> MakeAveragePool<S>(const nn::Shape&, const nn::PoolSettings&);                      \
  template Result<LayerPtr<S>> MakeUpsample<S>(const nn::Shape&, int);                                             \
  template Result<LayerPtr<S>> MakeDense<S>(const nn::Shape&, int, nn::WeightInit);                                \
  template Result<LayerPtr<S>> MakeActivation<S>(const nn::Shape&, nn::Activation);                                \
  template Result<LayerPtr<S>> MakeFlatten<S>(const nn::Shape&);                                                   \
  template Result<LayerPtr<S>> MakeDropout<S>(const nn::Shape&, double);                                           \
  template Result<LayerPtr<S>> MakeBatchNorm<S>(const nn::Shape&, const nn::BatchNormSettings&);                   \
  template void InitializeLayer<S>(nn::Layer<S>&, Rng&, uint32_t, size_t);                                         \
  template void AppendParameters<S>(nn::Layer<S>&, const std::string&, std::vector<nn::Parameter<S>>&);            \
  template void AppendStates<S>(nn::Layer<S>&, const std::string&, std::vector<StateTensor<S>>&);                  \
  template bool FilterBankOf<S>(nn::Layer<S>&, FilterBank&);
MLP_INSTANTIATE(float)
MLP_INSTANTIATE(double)
#undef MLP_INSTANTIATE

}  // namespace mlp::deep
