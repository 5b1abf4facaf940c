// Layer builders and per-layer chores shared by the network containers (Network: a chain,
// GraphNetwork: a graph with skips), so both check settings, name tensors, seed dropout and find
// filters the same way.
//   Make*            check a layer's settings for an input shape; the layer, or a message that
//                    starts with the layer kind ("conv2d: …") — never an assert on user input
//   InitializeLayer  weights from the shared Rng; dropout masks from their own stream
//   AppendParameters / AppendStates   a layer's tensors under a prefix ("layer3." / "node3.")
//   FilterBankOf     the first-filter view of a Conv2D
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/base/rng.h"
#include "core/base/status.h"
#include "core/deep/trainable_network.h"
#include "core/nn/activation.h"
#include "core/nn/layers/conv_layers.h"

namespace mlp::deep {

template <typename S>
using LayerPtr = std::unique_ptr<nn::Layer<S>>;

template <typename S>
Result<LayerPtr<S>> MakeConv2D(const nn::Shape& in, const nn::Conv2DSettings& settings);
template <typename S>
Result<LayerPtr<S>> MakeConv1D(const nn::Shape& in, const nn::Conv1DSettings& settings);  // (1, length, channels)
template <typename S>
Result<LayerPtr<S>> MakeConv2DTranspose(const nn::Shape& in, const nn::Conv2DTransposeSettings& settings);
template <typename S>
Result<LayerPtr<S>> MakeMaxPool(const nn::Shape& in, const nn::PoolSettings& settings);
template <typename S>
Result<LayerPtr<S>> MakeAveragePool(const nn::Shape& in, const nn::PoolSettings& settings);
template <typename S>
Result<LayerPtr<S>> MakeUpsample(const nn::Shape& in, int factor);  // nearest, factor × factor
template <typename S>
Result<LayerPtr<S>> MakeDense(const nn::Shape& in, int units, nn::WeightInit init);
template <typename S>
Result<LayerPtr<S>> MakeActivation(const nn::Shape& in, nn::Activation activation);
template <typename S>
Result<LayerPtr<S>> MakeFlatten(const nn::Shape& in);
template <typename S>
Result<LayerPtr<S>> MakeDropout(const nn::Shape& in, double rate);  // seeded by InitializeLayer
template <typename S>
Result<LayerPtr<S>> MakeBatchNorm(const nn::Shape& in, const nn::BatchNormSettings& settings);

// Draws `layer`'s weights from rng (containers pass one Rng through all layers in order). A
// Dropout layer also gets its own mask stream, fixed by the seed and the layer's position `index`.
template <typename S>
void InitializeLayer(nn::Layer<S>& layer, Rng& rng, uint32_t seed, size_t index);

// Appends the layer's parameters, renamed prefix + name ("node3." + "W").
template <typename S>
void AppendParameters(nn::Layer<S>& layer, const std::string& prefix, std::vector<nn::Parameter<S>>& all);
// Appends batch normalisation's running mean and variance (prefix + "running_mean", …); other
// layers have no state.
template <typename S>
void AppendStates(nn::Layer<S>& layer, const std::string& prefix, std::vector<StateTensor<S>>& all);

// The filters of `layer` when it is a Conv2D (true), else false and `bank` untouched.
template <typename S>
bool FilterBankOf(nn::Layer<S>& layer, FilterBank& bank);

}  // namespace mlp::deep
