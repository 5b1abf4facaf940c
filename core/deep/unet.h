// A small classic U-Net (Ronneberger, Fischer and Brox 2015, "U-Net: Convolutional Networks for
// Biomedical Image Segmentation") as a GraphNetwork: an image in, one logit per pixel out.
//
//   encoder level l = 0 … depth−1:  [conv 3×3 (f·2^l) → batch-norm → act] ×2  ── skip l ──┐
//                                   max-pool 2                                           │
//   bottleneck:                     [conv 3×3 (f·2^depth) → batch-norm → act] ×2         │
//   decoder level l = depth−1 … 0:  up ×2: transposed conv 2×2 stride 2 (f·2^l filters)   │
//                                          or nearest upsampling                         │
//                                   concat [up, skip l] ←────────────────────────────────┘
//                                   [conv 3×3 (f·2^l) → batch-norm → act] ×2
//   head:                           conv 1×1 → 1 channel (logits; sigmoid + BCE)
// Convolutions keep the size ("same" padding), so the output is height × width × 1, one logit per
// mask pixel. With f = 8 and depth 3 it has about 120 k parameters (the course's NB7 net: 2 M).
#pragma once

#include <memory>

#include "core/base/status.h"
#include "core/deep/graph_network.h"

namespace mlp::deep {

struct UNetSettings {
  int depth = 3;                  // poolings: height and width must divide by 2^depth
  int filters = 8;                // feature maps of the first level, doubled at each level down
  bool batch_norm = true;         // after every 3×3 convolution
  bool transposed = true;         // up by a learned transposed conv; false: nearest upsampling
  nn::Activation activation = nn::Activation::kReLU;  // tanh in the gradient checks (no kinks)
  // Faster than Keras' 0.99: a lesson run has only about a hundred steps, and validation uses
  // the running statistics.
  double batch_norm_momentum = 0.9;
  // Initial bias of the head, the starting logit of every pixel. log(p / (1 − p)) for a lesion
  // share p ("prior initialisation", Lin et al. 2017, Focal Loss §4.1): the net starts out
  // predicting the background rate instead of 0.5 everywhere, so the first hundred steps are not
  // spent learning that almost every pixel is background.
  double head_bias = 0.0;
};

// The logit of a share p (clamped to [1e-4, 0.5]): the head bias for masks with lesion share p.
double PriorLogit(double share);

// The U-Net for single images of shape `image` (any channel count), or why it cannot be built
// (depth < 1, filters < 1, a frame sequence, sides not divisible by 2^depth).
template <typename S>
Result<std::unique_ptr<GraphNetwork<S>>> MakeUNet(const nn::Shape& image, const UNetSettings& settings);

}  // namespace mlp::deep
