// LatentModel: what the views of a generative network need besides TrainableNetwork — encode
// inputs to their latent means, decode latent points to outputs, and the two parts of the loss
// for the curves. A VAE (vae_network.h) implements both interfaces; DeepRun finds this one with a
// dynamic_cast and publishes the latent scatter, reconstructions, samples and traversal grid.
// Both calls run the sub-networks in inference mode and overwrite the buffers of the last Forward:
// call them between training steps, never between a Forward and its Backward.
#pragma once

#include "core/nn/matrix.h"

namespace mlp::deep {

template <typename S>
class LatentModel {
public:
  virtual ~LatentModel() = default;
  virtual int latent_dim() const = 0;
  // x: input size × n → the means of q(z|x): latent_dim × n (no sampling).
  virtual void EncodeMean(const nn::ConstRef<S>& x, nn::MutableRef<S> mean) = 0;
  // z: latent_dim × n → what the decoder produces, as probabilities or values (the output head's
  // prediction, e.g. the sigmoid of the logits): input size × n.
  virtual void Decode(const nn::ConstRef<S>& z, nn::MutableRef<S> out) = 0;
  // Of the last training Forward, means per sample: the reconstruction term and the KL divergence
  // to the prior, before β.
  virtual double LastReconstructionLoss() const = 0;
  virtual double LastKl() const = 0;
  // The same two terms of the last Forward in either mode (the validation scores).
  virtual double ForwardReconstructionLoss() const = 0;
  virtual double ForwardKl() const = 0;
};

}  // namespace mlp::deep
