// Variational autoencoders (core/deep/vae_network.h, deep_catalog_vae.cpp): every gradient of the
// whole VAE — reconstruction, β·KL, the property head, the log-variance clamp — against finite
// differences in double with the noise held fixed; the KL's closed form and the sampled z's
// statistics; the inference noise; the ELBO falling on the 8×8 digits through DeepRun below the
// per-pixel-mean baseline; the same numbers with 1 or 2 threads; weights round trip; EncodeMean and
// Decode shapes; the property head training through DeepRun; data the catalogue refuses.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <memory>

#include "core/base/thread_pool.h"
#include "core/base/threads.h"
#include "core/data/generators/hand_images.h"
#include "core/data/generators/molecules.h"
#include "core/deep/deep_catalog.h"
#include "core/deep/deep_run.h"
#include "core/deep/vae_network.h"
#include "core/deep/weights_io.h"
#include "core/nn/gradient_check.h"
#include "deep_testing.h"

using namespace mlp;
using namespace mlp::deep;

namespace {

constexpr int kInputs = 6, kLatent = 2, kHidden = 4;

// Small tanh parts (smooth, so finite differences are meaningful everywhere).
std::unique_ptr<VaeNetwork<double>> SmallVae(bool property, const VaeSettings& settings) {
  auto encoder = std::make_unique<Network<double>>(nn::Shape{1, 1, 1, kInputs});
  REQUIRE(encoder->AddDense(kHidden, nn::WeightInit::kGlorotUniform).ok());
  REQUIRE(encoder->AddActivation(nn::Activation::kTanh).ok());
  REQUIRE(encoder->AddDense(2 * kLatent, nn::WeightInit::kGlorotUniform).ok());
  auto decoder = std::make_unique<Network<double>>(nn::Shape{1, 1, 1, kLatent});
  REQUIRE(decoder->AddDense(kHidden, nn::WeightInit::kGlorotUniform).ok());
  REQUIRE(decoder->AddActivation(nn::Activation::kTanh).ok());
  REQUIRE(decoder->AddDense(kInputs, nn::WeightInit::kGlorotUniform).ok());
  std::unique_ptr<Network<double>> head;
  if (property) {
    head = std::make_unique<Network<double>>(nn::Shape{1, 1, 1, kLatent});
    REQUIRE(head->AddDense(3, nn::WeightInit::kGlorotUniform).ok());
    REQUIRE(head->AddActivation(nn::Activation::kTanh).ok());
    REQUIRE(head->AddDense(1, nn::WeightInit::kGlorotUniform).ok());
  }
  REQUIRE(VaeNetwork<double>::Check(*encoder, *decoder, head.get(), settings).ok());
  return std::make_unique<VaeNetwork<double>>(std::move(encoder), std::move(decoder), std::move(head), settings);
}

std::unique_ptr<TrainableNetwork<float>> Build(const char* id, const Dataset& data, std::vector<double> values = {}) {
  Result<DeepModelBuild> build = BuildDeepModel(id, data, values);
  INFO(build.status().message());
  REQUIRE(build.ok());
  return std::move(build.value().network);
}

std::shared_ptr<const PreparedData> DigitRows(int64_t rows) {
  return testing::Prepare(testing::FirstRows(*testing::Digits(), rows));
}

// −Σ_pixels [x log p + (1 − x) log(1 − p)], with 0·log 0 = 0.
double CrossEntropy(double x, double p) {
  p = std::clamp(p, 1e-12, 1 - 1e-12);
  return -(x > 0 ? x * std::log(p) : 0.0) - (x < 1 ? (1 - x) * std::log(1 - p) : 0.0);
}

// Two references for the reconstruction term, means over `rows`: the BCE of the per-pixel mean
// of those rows (the best a model ignoring its input can do: a VAE whose latent carries nothing),
// and the BCE of each row with itself, Σ H(x_i) (the floor no model passes: the digits' pixels are
// grey levels, not 0/1).
struct Reconstructions { double baseline = 0, floor = 0; };
Reconstructions References(const Dataset& data, const std::vector<int64_t>& rows) {
  Eigen::RowVectorXd mean = Eigen::RowVectorXd::Zero(data.features.cols());
  for (int64_t r : rows) mean += data.features.row(r);
  mean /= static_cast<double>(rows.size());
  Reconstructions out;
  for (int64_t r : rows)
    for (Eigen::Index i = 0; i < mean.size(); ++i) {
      const double x = data.features(r, i);
      out.baseline += CrossEntropy(x, mean(i));
      out.floor += CrossEntropy(x, x);
    }
  out.baseline /= static_cast<double>(rows.size());
  out.floor /= static_cast<double>(rows.size());
  return out;
}

}  // namespace

TEST_CASE("every VAE gradient matches finite differences: reconstruction, β·KL, property head, clamp", "[vae]") {
  for (int variant = 0; variant < 3; ++variant) {
    const bool property = variant >= 1, clamped = variant == 2;
    INFO("variant " << variant << (property ? " with property head" : "") << (clamped ? ", log-variance clamped" : ""));
    VaeSettings settings;
    settings.latent_dim = kLatent;
    settings.beta = 0.7;
    settings.property_weight = 3.0;
    auto vae = SmallVae(property, settings);
    vae->Initialize(21);
    if (clamped) {  // one log-variance far above the clamp, one far below: those entries are flat
      nn::Matrix<double>& bias = dynamic_cast<nn::FullyConnected<double>&>(vae->encoder().layer(2)).bias();
      bias(kLatent + 0, 0) = 15.0;
      bias(kLatent + 1, 0) = -14.0;
    }
    const int batch = 3;
    Rng rng(22);
    const nn::MatrixD x = nn::UniformMatrix<double>(rng, kInputs, batch, 0.0, 1.0);
    nn::MatrixD target(vae->output_shape().size(), batch);
    target.topRows(kInputs) = x;
    if (property) target.row(kInputs) = nn::UniformMatrix<double>(rng, 1, batch, -1.0, 1.0);
    const auto loss = [&] {
      vae->ReseedNoise(5);  // the same ε in every evaluation
      const nn::MatrixD out = vae->Forward(x);
      return vae->LossValue(out, target) + vae->AuxiliaryLoss();
    };
    vae->ReseedNoise(5);
    const nn::MatrixD out = vae->Forward(x);
    REQUIRE(out.rows() == kInputs + (property ? 1 : 0));
    CHECK(vae->AuxiliaryLoss() == Approx(0.7 * vae->LastKl()));
    nn::MatrixD grad(out.rows(), batch);
    vae->LossGradient(out, target, grad);
    vae->Backward(grad);
    std::vector<nn::Parameter<double>> parameters = vae->Parameters();
    REQUIRE(parameters.size() == (property ? 12u : 8u));
    CHECK(parameters[0].name == "encoder.layer0.W");
    CHECK(parameters[4].name == "decoder.layer0.W");
    if (property) CHECK(parameters[8].name == "property.layer0.W");
    std::vector<nn::MatrixD> analytic;
    for (const nn::Parameter<double>& p : parameters) analytic.push_back(p.grad);
    if (clamped) {  // the encoder's bias is parameter 3
      CHECK(analytic[3](kLatent + 0, 0) == 0.0);
      CHECK(analytic[3](kLatent + 1, 0) == 0.0);
    }
    for (size_t k = 0; k < parameters.size(); ++k) {
      INFO("parameter " << parameters[k].name);
      const nn::MatrixD numeric = nn::NumericalGradient(loss, parameters[k].value);
      // Clamped at σ = e⁵ ≈ 148, z and the loss are large and strongly curved, and the central
      // differences lose digits (worst measured 1.2e-5); elsewhere they agree to ~1e-8.
      CHECK(nn::MaxRelativeError(analytic[k], numeric) < (clamped ? 1e-4 : 1e-6));
    }
  }
}

TEST_CASE("the VAE's KL is the closed form and z = μ + σ·ε has the posterior's mean and spread", "[vae]") {
  VaeSettings settings;
  settings.latent_dim = kLatent;
  settings.beta = 2.0;
  auto vae = SmallVae(false, settings);
  vae->Initialize(3);
  // The encoder's last layer outputs its bias alone: μ = (1, −2), log σ² = (0, log 4).
  auto& last = dynamic_cast<nn::FullyConnected<double>&>(vae->encoder().layer(2));
  last.weights().setZero();
  last.bias() << 1.0, -2.0, 0.0, std::log(4.0);
  const int batch = 4000;
  Rng rng(4);
  const nn::MatrixD x = nn::UniformMatrix<double>(rng, kInputs, batch, 0.0, 1.0);
  vae->Forward(x);
  const double kl = 0.5 * ((1 + 1 - 0 - 1) + (4 + 4 - std::log(4.0) - 1));  // ½ Σ (μ² + σ² − log σ² − 1)
  CHECK(vae->LastKl() == Approx(kl).epsilon(1e-12));
  CHECK(vae->AuxiliaryLoss() == Approx(2.0 * kl).epsilon(1e-12));
  // The sampling stage: z's rows have means μ and standard deviations σ = (1, 2) (tolerances of
  // about 4 standard errors for 4000 samples).
  const int sample_stage = vae->encoder().StageCount();
  CHECK(vae->StageName(sample_stage) == "sample z");
  const nn::MatrixD z = vae->StageOutput(sample_stage);
  REQUIRE(z.rows() == kLatent);
  REQUIRE(z.cols() == batch);
  const Eigen::VectorXd mean = z.rowwise().mean();
  const Eigen::VectorXd sd = ((z.colwise() - mean).array().square().rowwise().sum() / (batch - 1)).sqrt();
  CHECK(mean(0) == Approx(1.0).margin(4 * 1.0 / std::sqrt(batch)));
  CHECK(mean(1) == Approx(-2.0).margin(4 * 2.0 / std::sqrt(batch)));
  CHECK(sd(0) == Approx(1.0).margin(0.05));
  CHECK(sd(1) == Approx(2.0).margin(0.1));
}

TEST_CASE("the VAE samples fresh noise while training and the same noise at every evaluation", "[vae]") {
  VaeSettings settings;
  settings.latent_dim = kLatent;
  auto vae = SmallVae(false, settings);
  vae->Initialize(8);
  Rng rng(9);
  const nn::MatrixD x = nn::UniformMatrix<double>(rng, kInputs, 5, 0.0, 1.0);
  const nn::MatrixD first = vae->Forward(x), second = vae->Forward(x);
  CHECK(first != second);  // training: a new ε per Forward
  const double reconstruction = vae->LastReconstructionLoss();
  vae->SetTraining(false);
  const nn::MatrixD a = vae->Forward(x);
  CHECK(vae->LastReconstructionLoss() == reconstruction);  // evaluations leave the training curves alone
  vae->SetTraining(true);
  vae->Forward(x);
  vae->SetTraining(false);
  const nn::MatrixD b = vae->Forward(x);
  CHECK(a == b);  // each evaluation starts the inference stream again
  // Not z = μ: the inference output differs from decoding the mean.
  nn::MatrixD mean(kLatent, 5), decoded(kInputs, 5);
  vae->EncodeMean(x, mean);
  vae->Decode(mean, decoded);
  nn::MatrixD sampled(kInputs, 5);
  OutputPrediction<double>(OutputLoss::kSigmoidCrossEntropy, a, sampled);
  CHECK(sampled != decoded);
}

TEST_CASE("vae_dense's validation ELBO falls on the 8×8 digits well below the per-pixel-mean baseline", "[vae]") {
  auto data = DigitRows(1797);
  auto build = BuildDeepModel("vae_dense", *data->data);
  REQUIRE(build.ok());
  DeepRunSettings settings = build.value().settings;  // hidden 128, latent 2, β 1, Adam, batch 64
  settings.worker_thread = false;
  settings.epochs = 12;
  settings.optimizer.learning_rate = 3e-3;
  settings.seed = 3;
  DeepRun run(std::move(build.value().network), data, settings);
  run.Play();
  run.StepFor(1e9);
  auto s = run.Latest();
  INFO(s->message);
  REQUIRE(s->finished);
  REQUIRE(s->history.size() == 12);
  const Reconstructions reference = References(*data->data, data->split.test);
  const double first = s->history.front().validation_loss, last = s->history.back().validation_loss;
  INFO("validation −ELBO: epoch 1 " << first << ", epoch 12 " << last << "; per-pixel-mean baseline "
                                    << reference.baseline << ", floor " << reference.floor);
  CHECK(std::isnan(s->history.back().validation_accuracy));  // no accuracy for reconstructions
  CHECK(last < first);
  // −ELBO = reconstruction + KL ≥ the floor; a latent that carries nothing leaves it at the
  // baseline or above. Measured (seed 3): baseline 27.19, floor 13.65, epoch 1 29.91, epoch 12
  // 26.07. Two latent numbers cannot say much about grey-level pixels (even β = 0 stops near 22
  // after 30 epochs), so the bound asks for 0.75 nat below the baseline, not a share of the gap.
  CHECK(last < reference.baseline - 0.75);
  auto* latent = dynamic_cast<LatentModel<float>*>(&run.network());
  REQUIRE(latent != nullptr);
  CHECK(latent->LastKl() > 0.5);  // the posterior moved away from the prior
}

TEST_CASE("vae_conv trains to the same numbers with 1 or 2 threads and its weights round-trip", "[vae]") {
  const int previous = SharedPool().threads();
  auto data = DigitRows(192);
  std::vector<EpochRecord> histories[2];
  std::vector<uint8_t> weights[2];
  for (int threads : {1, 2}) {
    SetSharedPoolThreads(threads);
    auto build = BuildDeepModel("vae_conv", *data->data, {8, 16, 2, 1, 2, 64, 1e-3, 1, 5});
    INFO(build.status().message());
    REQUIRE(build.ok());
    DeepRunSettings settings = build.value().settings;
    settings.worker_thread = false;
    DeepRun run(std::move(build.value().network), data, settings);
    run.ShowActivations(data->split.test[0]);  // views between batches change nothing
    run.Play();
    run.StepFor(1e9);
    auto s = run.Latest();
    REQUIRE(s->finished);
    CHECK(s->activations.size() == static_cast<size_t>(run.network().StageCount()));
    histories[threads - 1] = s->history;
    weights[threads - 1] = SaveWeights(run.network());
  }
  SetSharedPoolThreads(previous);
  REQUIRE(histories[0].size() == 2);
  REQUIRE(histories[1].size() == 2);
  for (size_t e = 0; e < 2; ++e) {
    CHECK(histories[1][e].train_loss == histories[0][e].train_loss);  // bit-identical
    CHECK(histories[1][e].validation_loss == histories[0][e].validation_loss);
  }
  CHECK(weights[1] == weights[0]);

  // Round trip: a fresh VAE loads the weights and reconstructs bit for bit (inference ε is fixed).
  const std::vector<double> values = {8, 16, 2, 1, 2, 64, 1e-3, 1, 5};
  auto source = Build("vae_conv", *data->data, values);
  auto target = Build("vae_conv", *data->data, values);
  REQUIRE(LoadWeights(*source, weights[0]).ok());
  target->Initialize(99);
  source->SetTraining(false);
  target->SetTraining(false);
  Rng rng(1);
  const nn::MatrixF x = nn::UniformMatrix<float>(rng, 64, 3, 0.0, 1.0);
  const nn::MatrixF expected = source->Forward(x);
  CHECK(nn::MatrixF(target->Forward(x)) != expected);
  const Status loaded = LoadWeights(*target, SaveWeights(*source));
  INFO(loaded.message());
  REQUIRE(loaded.ok());
  target->SetTraining(false);
  CHECK(nn::MatrixF(target->Forward(x)) == expected);
  // Another architecture (latent 3) refuses them.
  auto other = Build("vae_conv", *data->data, {8, 16, 3, 1, 2, 64, 1e-3, 1, 5});
  CHECK_FALSE(LoadWeights(*other, weights[0]).ok());
}

TEST_CASE("a VAE encodes to latent means, decodes to probabilities and describes its parts", "[vae]") {
  auto digits = testing::Digits();
  auto net = Build("vae_conv", *digits);
  net->Initialize(2);
  auto* vae = dynamic_cast<VaeNetwork<float>*>(net.get());
  REQUIRE(vae != nullptr);
  CHECK(vae->latent_dim() == 2);
  CHECK(net->training_target() == TrainingTarget::kInput);
  CHECK(net->output_shape() == nn::Shape{1, 8, 8, 1});
  const nn::MatrixF x = digits->features.topRows(5).transpose().cast<float>();
  nn::MatrixF mean(2, 5), out(64, 7);
  vae->EncodeMean(x, mean);
  CHECK(mean.allFinite());
  Rng rng(3);
  const nn::MatrixF z = nn::UniformMatrix<float>(rng, 2, 7, -2.0, 2.0);
  vae->Decode(z, out);
  CHECK(out.minCoeff() > 0.0f);
  CHECK(out.maxCoeff() < 1.0f);
  // Summary: encoder rows, the sampling row, decoder rows; every parameter counted once.
  const NetworkSummary summary = net->Summary();
  int64_t counted = 0;
  for (const nn::Parameter<float>& p : net->Parameters()) counted += p.value.size();
  CHECK(summary.total_parameters == counted);
  REQUIRE(summary.rows.size() == static_cast<size_t>(net->StageCount()));
  CHECK(summary.rows[0].layer.rfind("encoder: conv2d", 0) == 0);
  CHECK(summary.rows[6].layer.rfind("sample z", 0) == 0);
  CHECK(summary.rows.back().layer.rfind("decoder: ", 0) == 0);
  CHECK(summary.rows.back().output == nn::Shape{1, 8, 8, 1});
  CHECK(net->FirstFilters().filters == 16);
  CHECK(net->Fingerprint().find("vae latent 2") == 0);
}

TEST_CASE("vae_molecule trains its property head next to the reconstruction through DeepRun", "[vae]") {
  MoleculeSettings m;
  m.molecules = 240;
  m.seed = 4;
  auto molecules = GenerateMolecules(m);
  REQUIRE(molecules.ok());
  auto data = testing::Prepare(std::make_shared<const Dataset>(molecules.value().data));
  auto build = BuildDeepModel("vae_molecule", *data->data, {32, 4, 1, 100, 3, 32, 1e-3, 1, 0});
  INFO(build.status().message());
  REQUIRE(build.ok());
  TrainableNetwork<float>& net = *build.value().network;
  CHECK(net.training_target() == TrainingTarget::kInputAndValue);
  CHECK(net.output_shape().size() == 17 * 15 + 1);
  CHECK(net.Parameters().back().name == "property.layer4.b");
  DeepRunSettings settings = build.value().settings;
  settings.worker_thread = false;
  DeepRun run(std::move(build.value().network), data, settings);
  run.Play();
  run.StepFor(1e9);
  auto s = run.Latest();
  INFO(s->message);
  REQUIRE(s->finished);
  REQUIRE(s->history.size() == 3);
  CHECK(s->history.back().validation_loss < s->history.front().validation_loss);
  CHECK(std::isfinite(s->history.back().train_loss));
}

TEST_CASE("the VAE catalogue refuses data that do not fit, saying why", "[vae]") {
  auto digits = testing::Digits();
  const auto message = [](const char* id, const Dataset& data) {
    Result<DeepModelBuild> build = BuildDeepModel(id, data);
    REQUIRE_FALSE(build.ok());
    return build.status().message();
  };
  Dataset table = *digits;  // the same numbers as a table
  table.layout = SampleLayout::kTabular;
  table.sample_shape.clear();
  CHECK(message("vae_conv", table).find("needs images") != std::string::npos);
  CHECK(BuildDeepModel("vae_dense", table).ok());  // any input for the dense VAE

  Dataset small;  // 6×6 images: sides not divisible by 4
  small.name = "six";
  small.layout = SampleLayout::kImage;
  small.sample_shape = {6, 6};
  small.features = Eigen::MatrixXd::Constant(4, 36, 0.5);
  small.targets = Eigen::VectorXd::Zero(4);
  CHECK(message("vae_conv", small).find("divisible by 4") != std::string::npos);

  Dataset loud = *digits;  // pixels 0–16 as in the raw scikit-learn digits
  loud.features *= 16.0;
  CHECK(message("vae_dense", loud).find("[0, 1]") != std::string::npos);
  CHECK(message("vae_conv", loud).find("[0, 1]") != std::string::npos);

  CHECK(message("vae_molecule", *digits).find("class labels") != std::string::npos);

  // The VAE's own check: parts that do not fit together.
  Network<float> encoder(nn::Shape{1, 1, 1, 4}), decoder(nn::Shape{1, 1, 1, 2});
  REQUIRE(encoder.AddDense(3).ok());
  REQUIRE(decoder.AddDense(4).ok());
  VaeSettings settings;
  CHECK(VaeNetwork<float>::Check(encoder, decoder, nullptr, settings).message().find("must end in 4 outputs") != std::string::npos);
  settings.beta = -1;
  CHECK_FALSE(VaeNetwork<float>::Check(encoder, decoder, nullptr, settings).ok());
}

// Not a test: the catalogue defaults' epochs on the full 8×8 digits and on 32×32 hands (2000 of
// them), time per epoch and the validation −ELBO, and vae_molecule on 2000 toy molecules, with 1
// and 2 pool threads.
// Run: core_tests "[.vae-bench]" -s
TEST_CASE("VAE epochs on the digits and the hands", "[.vae-bench]") {
  HandImageSettings h;
  h.samples = 2000;
  auto hands = GenerateHandImages(h);
  REQUIRE(hands.ok());
  const std::shared_ptr<const PreparedData> sets[2] = {testing::Prepare(testing::Digits(), 0.2),
                                                       testing::Prepare(std::make_shared<const Dataset>(hands.value()), 0.2)};
  const int previous = SharedPool().threads();
  for (int threads : {1, 2}) {
    SetSharedPoolThreads(threads);
    for (const auto& data : sets) {
      for (const char* id : {"vae_dense", "vae_conv"}) {
        auto build = BuildDeepModel(id, *data->data);
        REQUIRE(build.ok());
        DeepRunSettings settings = build.value().settings;
        settings.worker_thread = false;
        settings.epochs = 2;
        DeepRun run(std::move(build.value().network), data, settings);
        run.Play();
        run.StepFor(1e9);
        auto s = run.Latest();
        REQUIRE(s->history.size() == 2);
        std::printf("%s on %s, %d thread(s): %.3f s/epoch (%lld rows); validation -ELBO by epoch:", id,
                    data->data->name.c_str(), threads, s->history.back().seconds, static_cast<long long>(s->training_rows));
        for (const EpochRecord& e : s->history) std::printf(" %.2f", e.validation_loss);
        std::printf("\n");
      }
    }
    MoleculeSettings m;  // the data source's defaults: 2000 molecules
    auto molecules = GenerateMolecules(m);
    REQUIRE(molecules.ok());
    auto data = testing::Prepare(std::make_shared<const Dataset>(molecules.value().data), 0.2);
    auto build = BuildDeepModel("vae_molecule", *data->data);
    REQUIRE(build.ok());
    DeepRunSettings settings = build.value().settings;
    settings.worker_thread = false;
    settings.epochs = 5;
    DeepRun run(std::move(build.value().network), data, settings);
    run.Play();
    run.StepFor(1e9);
    auto s = run.Latest();
    REQUIRE(s->history.size() == 5);
    std::printf("vae_molecule, %d thread(s): %.3f s/epoch (%lld rows); validation loss by epoch:", threads,
                s->history.back().seconds, static_cast<long long>(s->training_rows));
    for (const EpochRecord& e : s->history) std::printf(" %.3f", e.validation_loss);
    std::printf("\n");
  }
  SetSharedPoolThreads(previous);
}
