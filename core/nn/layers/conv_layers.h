// The convolution-family layers of the deep-model engine in one include. Every layer keeps the
// contract of layer.h (column = sample, channels-last, owned buffers, no allocation once warm,
// Backward overwrites gradients); each has a static Check(...) returning a Status for settings a
// user chose, and its constructor asserts that check.
//
// [SECTION] index
//   conv_geometry.h           WindowGeometry, Im2Col / Col2ImAdd, WeightInit (He / Glorot uniform)
//   layer_buffers.h           ColumnBuffer, StoredInput, ForEachSample (per-sample pool split)
//   conv2d_layer.h            Conv2D, Conv1D                (im2col + threaded GEMM)
//   conv2d_transpose_layer.h  Conv2DTranspose               (adjoint of Conv2D)
//   separable_conv2d_layer.h  SeparableConv2D               (depthwise kh×kw + pointwise 1×1)
//   pooling_layers.h          MaxPool2D, AveragePool2D      (first maximum wins a tie)
//   upsample_layer.h          Upsample2D                    (nearest, integer factors)
//   batch_norm_layer.h        BatchNorm                     (per channel, running statistics)
//   dropout_layer.h           Dropout                       (inverted, own seeded Rng)
//   activation_layer.h        ActivationLayer               (element-wise; softmax over channels)
//   shape_layers.h            Reshape, Flatten
//   fully_connected_layer.h   FullyConnected                (y = W·x + b, W: outputs × inputs)
//   concat_channels.h         ChannelConcat, ConcatChannels, SplitChannels (U-Net skips)
#pragma once

#include "core/nn/layers/activation_layer.h"
#include "core/nn/layers/batch_norm_layer.h"
#include "core/nn/layers/concat_channels.h"
#include "core/nn/layers/conv2d_layer.h"
#include "core/nn/layers/conv2d_transpose_layer.h"
#include "core/nn/layers/dropout_layer.h"
#include "core/nn/layers/fully_connected_layer.h"
#include "core/nn/layers/pooling_layers.h"
#include "core/nn/layers/separable_conv2d_layer.h"
#include "core/nn/layers/shape_layers.h"
#include "core/nn/layers/upsample_layer.h"
