// The variational autoencoders of the deep catalogue (VaeNetwork, vae_network.h):
//   vae_dense     encoder dense H relu → dense 2·latent; decoder dense H relu → dense (input size) →
//                 reshape to the input's shape. Any input whose values lie in [0, 1].
//   vae_conv      the course's convolutional VAE (seed 004, NB6) adapted to images whose sides are
//                 divisible by 4: encoder conv f1 3×3 stride 2 pad 1 relu → conv f2 3×3 stride 2
//                 pad 1 relu → flatten → dense 2·latent; decoder dense (h/4·w/4·f1) relu → reshape →
//                 convT f1 4×4 stride 2 pad 1 relu → convT f2 4×4 stride 2 pad 1 relu → convT 1
//                 3×3 stride 1 pad 1 (logits). The course's Keras "same" 3×3 stride-2 transposed
//                 convolutions double the size with an output padding we do not have: a 4×4 kernel
//                 with padding 1 doubles it exactly ((n − 1)·2 − 2 + 4 = 2n). Default filters 16 and
//                 32, half the course's 32 and 64 (a quarter of the cost), so that an epoch of the
//                 8000 32×32 hands stays near a few seconds natively (measured: 3.1 s per 1600 hands
//                 at 32/64 on one thread).
//   vae_molecule  the course's chemical VAE with a property head (NB6, M28): dense encoder and
//                 decoder of two hidden layers each, and a property head from the latent mean
//                 (two hidden layers → 1 value); loss ELBO + weight·½(p − y)². The course's widths
//                 are 1120; the default here is 256 so that it trains in a browser.
// All use a Bernoulli likelihood (sigmoid cross-entropy per pixel), hence inputs in [0, 1].
#include <algorithm>
#include <cmath>

#include "core/deep/batching.h"
#include "core/deep/deep_catalog_parts.h"
#include "core/deep/vae_network.h"

namespace mlp::deep {
namespace {

using nn::Activation;
using namespace catalog_parts;

// The Bernoulli likelihood needs targets in [0, 1].
Status NeedUnitRange(const char* model, const Dataset& data) {
  if (data.features.size() == 0) return Status::Error(std::string(model) + ": '" + data.name + "' has no values.");
  const double low = data.features.minCoeff(), high = data.features.maxCoeff();
  if (!(low >= 0.0 && high <= 1.0))
    return Status::Error(std::string(model) + " reconstructs values in [0, 1] (each one as the probability of a "
                         "Bernoulli pixel), but '" + data.name + "' has values from " + std::to_string(low) + " to " +
                         std::to_string(high) + ": rescale the features to [0, 1] (min-max) first.");
  return Status::Ok();
}

// Latent, β sliders shared by the entries.
ParameterSpec LatentSlider(double value) {
  return Param("latent", "Latent dimensions", 1, 32, value, true, false, "Size of z; 2 can be drawn as a scatter.");
}
ParameterSpec BetaSlider() {
  return Param("beta", "β (KL weight)", 0, 10, 1, false, false, "Weight of the KL term; 1 is the ELBO, more gives a smoother latent space.");
}

Status AddReshape(Network<float>& net, const nn::Shape& shape) {
  if (Status s = nn::Reshape<float>::Check(net.current_shape(), shape); !s.ok()) return s;
  return net.Add(std::make_unique<nn::Reshape<float>>(net.current_shape(), shape));
}

Status AddConvTranspose(Network<float>& net, int filters, int kernel, int stride, int pad) {
  nn::Conv2DTransposeSettings c;
  c.filters = filters;
  c.kernel_height = c.kernel_width = kernel;
  c.stride_y = c.stride_x = stride;
  c.pad_y = c.pad_x = pad;
  if (Status s = nn::Conv2DTranspose<float>::Check(net.current_shape(), c); !s.ok()) return Status::Error("conv-transpose: " + s.message());
  return net.Add(std::make_unique<nn::Conv2DTranspose<float>>(net.current_shape(), c));
}

// The VAE from its parts, or the first failure of their chains (b) or of VaeNetwork::Check.
Result<DeepModelBuild> FinishVae(std::unique_ptr<Network<float>> encoder, std::unique_ptr<Network<float>> decoder,
                                 std::unique_ptr<Network<float>> property, const Status& chain, const VaeSettings& vae,
                                 DeepRunSettings settings) {
  if (!chain.ok()) return chain;
  if (Status s = VaeNetwork<float>::Check(*encoder, *decoder, property.get(), vae); !s.ok()) return s;
  auto net = std::make_unique<VaeNetwork<float>>(std::move(encoder), std::move(decoder), std::move(property), vae);
  return Finish(std::move(net), Status::Ok(), settings);
}

// dense width relu, `layers` times.
void HiddenLayers(Builder& b, int width, int layers) {
  for (int i = 0; i < layers; ++i) b(b.net.AddDense(width))(b.net.AddActivation(Activation::kReLU));
}

Result<DeepModelBuild> BuildDenseVae(const Dataset& data, const std::vector<double>& v) {
  Result<nn::Shape> shape = InputShapeOf(data);
  if (!shape.ok()) return shape.status();
  if (Status s = NeedUnitRange("vae_dense", data); !s.ok()) return s;
  const int hidden = static_cast<int>(v[0]);
  VaeSettings vae;
  vae.latent_dim = static_cast<int>(v[1]);
  vae.beta = v[2];
  auto encoder = std::make_unique<Network<float>>(shape.value());
  auto decoder = std::make_unique<Network<float>>(nn::Shape{1, 1, 1, vae.latent_dim});
  Builder be{*encoder, {}}, bd{*decoder, {}};
  HiddenLayers(be, hidden, 1);
  be(encoder->AddDense(2 * vae.latent_dim, nn::WeightInit::kGlorotUniform));
  HiddenLayers(bd, hidden, 1);
  bd(decoder->AddDense(static_cast<int>(shape.value().size()), nn::WeightInit::kGlorotUniform))(AddReshape(*decoder, shape.value()));
  return FinishVae(std::move(encoder), std::move(decoder), nullptr, be(bd.status).status, vae, TrainingFrom(v, 3));
}

Result<DeepModelBuild> BuildConvVae(const Dataset& data, const std::vector<double>& v) {
  Result<nn::Shape> image = NeedImage("vae_conv", data, 4);
  if (!image.ok()) return image.status();
  const nn::Shape shape = image.value();
  if (shape.height % 4 != 0 || shape.width % 4 != 0)
    return Status::Error("vae_conv halves the image twice and doubles it back: both sides must be divisible by 4 (these "
                         "images are " + std::to_string(shape.height) + "×" + std::to_string(shape.width) +
                         "). Try vae_dense.");
  if (Status s = NeedUnitRange("vae_conv", data); !s.ok()) return s;
  const int f1 = static_cast<int>(v[0]), f2 = static_cast<int>(v[1]);
  VaeSettings vae;
  vae.latent_dim = static_cast<int>(v[2]);
  vae.beta = v[3];
  auto encoder = std::make_unique<Network<float>>(shape);
  Builder be{*encoder, {}};
  for (int filters : {f1, f2}) {
    nn::Conv2DSettings c = Conv3x3(filters);
    c.stride_y = c.stride_x = 2;
    be(encoder->AddConv2D(c))(encoder->AddActivation(Activation::kReLU));
  }
  be(encoder->AddFlatten())(encoder->AddDense(2 * vae.latent_dim, nn::WeightInit::kGlorotUniform));
  auto decoder = std::make_unique<Network<float>>(nn::Shape{1, 1, 1, vae.latent_dim});
  Builder bd{*decoder, {}};
  const nn::Shape seed_shape{1, shape.height / 4, shape.width / 4, f1};
  bd(decoder->AddDense(static_cast<int>(seed_shape.size())))(decoder->AddActivation(Activation::kReLU))(AddReshape(*decoder, seed_shape));
  for (int filters : {f1, f2}) bd(AddConvTranspose(*decoder, filters, 4, 2, 1))(decoder->AddActivation(Activation::kReLU));
  bd(AddConvTranspose(*decoder, shape.channels, 3, 1, 1));
  return FinishVae(std::move(encoder), std::move(decoder), nullptr, be(bd.status).status, vae, TrainingFrom(v, 4));
}

Result<DeepModelBuild> BuildMoleculeVae(const Dataset& data, const std::vector<double>& v) {
  if (data.task != TaskKind::kRegression)
    return Status::Error("vae_molecule learns a property value next to the reconstruction, but '" + data.name +
                         "' has class labels: pick data with a numeric target (e.g. the toy molecules) or try vae_dense.");
  Result<nn::Shape> shape = InputShapeOf(data);
  if (!shape.ok()) return shape.status();
  if (Status s = NeedUnitRange("vae_molecule", data); !s.ok()) return s;
  const int width = static_cast<int>(v[0]);
  VaeSettings vae;
  vae.latent_dim = static_cast<int>(v[1]);
  vae.beta = v[2];
  vae.property_weight = v[3];
  const nn::Shape latent{1, 1, 1, vae.latent_dim};
  auto encoder = std::make_unique<Network<float>>(shape.value());
  auto decoder = std::make_unique<Network<float>>(latent);
  auto property = std::make_unique<Network<float>>(latent, OutputLoss::kMeanSquaredError);
  Builder be{*encoder, {}}, bd{*decoder, {}}, bp{*property, {}};
  HiddenLayers(be, width, 2);
  be(encoder->AddDense(2 * vae.latent_dim, nn::WeightInit::kGlorotUniform));
  HiddenLayers(bd, width, 2);
  bd(decoder->AddDense(static_cast<int>(shape.value().size()), nn::WeightInit::kGlorotUniform))(AddReshape(*decoder, shape.value()));
  HiddenLayers(bp, width, 2);
  bp(property->AddDense(1, nn::WeightInit::kGlorotUniform));
  return FinishVae(std::move(encoder), std::move(decoder), std::move(property), be(bd.status)(bp.status).status, vae,
                   TrainingFrom(v, 4));
}

}  // namespace

void AddVaeEntries(std::vector<DeepModelEntry>& entries) {
  entries.push_back({"vae_dense", "Dense variational autoencoder", "images or tables with values in [0, 1]; labels not used",
                     "Squeezes each input through a few latent numbers, sampled with noise so that nearby latent points decode to "
                     "similar inputs; the KL term keeps the latent cloud near a standard normal, so new points can be drawn.",
                     WithTraining({Param("hidden", "Hidden units", 4, 1024, 128, true, true, "Width of the encoder's and decoder's hidden layer."),
                                   LatentSlider(2), BetaSlider()},
                                  30, 64, 1e-3, 1),
                     BuildDenseVae});
  entries.push_back({"vae_conv", "Convolutional VAE (course)", "images with sides divisible by 4 (8×8 digits, 28×28 MNIST, 32×32 hands)",
                     "The course's VAE: two strided convolutions encode the image to a mean and a log-variance per latent "
                     "dimension, transposed convolutions decode a sampled point back to pixel probabilities.",
                     WithTraining({Param("filters1", "Filters (conv 1)", 1, 64, 16, true, false, "Feature maps of the first convolution and the first transposed one (the course: 32)."),
                                   Param("filters2", "Filters (conv 2)", 1, 128, 32, true, false, "Feature maps of the second convolution and the second transposed one (the course: 64)."),
                                   LatentSlider(2), BetaSlider()},
                                  10, 64, 1e-3, 1),
                     BuildConvVae});
  entries.push_back({"vae_molecule", "Molecule VAE with a property head (course)", "one-hot molecules (or any [0, 1] input) with a numeric target",
                     "A dense VAE whose latent mean also predicts a property (the HOMO-LUMO gap); training on both arranges the "
                     "latent space so the property changes smoothly across it.",
                     WithTraining({Param("width", "Hidden units", 16, 1120, 256, true, true, "Width of every hidden layer (the course: 1120)."),
                                   LatentSlider(14), BetaSlider(),
                                   Param("property_weight", "Property weight", 0, 1000, 100, false, false, "Weight of ½(p − y)² next to the ELBO (the course: 100).")},
                                  20, 100, 1e-3, 1),
                     BuildMoleculeVae});
}

}  // namespace mlp::deep
