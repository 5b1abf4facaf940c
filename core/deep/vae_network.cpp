// VaeNetwork (vae_network.h).
// [SECTION] index
//   set-up      Check, constructor, Initialize, SetTraining, output_shape
//   passes      Forward (encode, clamp, sample, decode, property), Backward, BackwardToInput
//   loss        LossValue, LossGradient (reconstruction BCE + property ½(p − y)²)
//   latent      EncodeMean, Decode
//   describing  Parameters, States, Summary, Fingerprint, stages
#include "core/deep/vae_network.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <new>
#include <utility>

#include "core/deep/output_loss.h"

namespace mlp::deep {
namespace {

// Seeds of the parts apart from the encoder's, and of the noise (fixed constants: separate streams).
constexpr uint32_t kDecoderSeedSalt = 0x85EBCA6Bu;
constexpr uint32_t kPropertySeedSalt = 0xC2B2AE35u;
constexpr uint32_t kNoiseSeedSalt = 0x27D4EB2Fu;
constexpr uint32_t kInferenceNoiseSeed = 0x165667B1u;  // fixed: an evaluation depends on the weights only

bool FiniteNonNegative(double v) { return std::isfinite(v) && v >= 0.0; }

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] set-up

template <typename S>
Status VaeNetwork<S>::Check(const Network<S>& encoder, const Network<S>& decoder, const Network<S>* property,
                            const VaeSettings& settings) {
  const int latent = settings.latent_dim;
  if (latent < 1) return Status::Error("The latent space needs at least 1 dimension.");
  if (!FiniteNonNegative(settings.beta)) return Status::Error("β (the KL weight) must be a number ≥ 0.");
  if (!FiniteNonNegative(settings.property_weight)) return Status::Error("The property weight must be a number ≥ 0.");
  if (encoder.layer_count() == 0 || decoder.layer_count() == 0 || (property && property->layer_count() == 0))
    return Status::Error("The encoder, decoder and property head each need at least one layer.");
  const std::string two_latent = std::to_string(2 * latent);
  if (encoder.output_shape().size() != 2 * latent)
    return Status::Error("The encoder must end in " + two_latent + " outputs (mean and log-variance of " +
                         std::to_string(latent) + " latent dimensions) but gives " + ShapeText(encoder.output_shape()) + ".");
  if (decoder.input_shape().size() != latent)
    return Status::Error("The decoder must take the " + std::to_string(latent) + " latent values but takes " +
                         ShapeText(decoder.input_shape()) + ".");
  if (decoder.output_shape().size() != encoder.input_shape().size())
    return Status::Error("The decoder must give the input's " + std::to_string(encoder.input_shape().size()) +
                         " values but gives " + ShapeText(decoder.output_shape()) + ".");
  if (property && (property->input_shape().size() != latent || property->output_shape().size() != 1))
    return Status::Error("The property head must map the " + std::to_string(latent) + " latent means to 1 value (it maps " +
                         ShapeText(property->input_shape()) + " to " + ShapeText(property->output_shape()) + ").");
  return Status::Ok();
}

template <typename S>
VaeNetwork<S>::VaeNetwork(std::unique_ptr<Network<S>> encoder, std::unique_ptr<Network<S>> decoder,
                          std::unique_ptr<Network<S>> property, const VaeSettings& settings)
    : encoder_(std::move(encoder)), decoder_(std::move(decoder)), property_(std::move(property)),
      latent_(settings.latent_dim), beta_(settings.beta), property_weight_(settings.property_weight) {
  assert(encoder_ && decoder_ && Check(*encoder_, *decoder_, property_.get(), settings).ok());
  data_size_ = encoder_->input_shape().size();
  for (nn::ColumnBuffer<S>* b : {&mean_, &log_variance_, &epsilon_, &z_, &clamp_mask_}) b->SetRows(latent_);
  encoder_gradient_.SetRows(2 * latent_);
  output_.SetRows(data_size_ + 1);
  logit_gradient_.SetRows(data_size_);
  property_gradient_.SetRows(1);
}

template <typename S>
nn::Shape VaeNetwork<S>::output_shape() const {
  if (property_) return nn::Shape{1, 1, 1, static_cast<int>(data_size_ + 1)};
  return encoder_->input_shape();
}

template <typename S>
void VaeNetwork<S>::Initialize(uint32_t seed) {
  encoder_->Initialize(seed);
  decoder_->Initialize(seed ^ kDecoderSeedSalt);
  if (property_) property_->Initialize(seed ^ kPropertySeedSalt);
  noise_.Seed(seed ^ kNoiseSeedSalt);
}

template <typename S>
void VaeNetwork<S>::SetTraining(bool training) {
  training_ = training;
  encoder_->SetTraining(training);
  decoder_->SetTraining(training);
  if (property_) property_->SetTraining(training);
  if (!training) inference_noise_.Seed(kInferenceNoiseSeed);  // the same ε at every evaluation
}

// ---------------------------------------------------------------------------------------------
// [SECTION] passes

template <typename S>
nn::ConstMatrixView<S> VaeNetwork<S>::Forward(const nn::ConstRef<S>& x) {
  const Eigen::Index n = x.cols();
  const nn::ConstMatrixView<S> h = encoder_->Forward(x);  // 2·latent × n: [μ; raw log σ²]
  nn::MatrixView<S> mean = mean_.Resize(n), log_variance = log_variance_.Resize(n);
  nn::MatrixView<S> epsilon = epsilon_.Resize(n), z = z_.Resize(n), mask = clamp_mask_.Resize(n);
  Rng& rng = training_ ? noise_ : inference_noise_;
  const S low = static_cast<S>(kMinLogVariance), high = static_cast<S>(kMaxLogVariance);
  double kl = 0.0;
  for (Eigen::Index j = 0; j < n; ++j) {
    for (int i = 0; i < latent_; ++i) {
      const S mu = h(i, j), raw = h(latent_ + i, j);
      const S lv = std::clamp(raw, low, high);
      mean(i, j) = mu;
      log_variance(i, j) = lv;
      mask(i, j) = (raw > low && raw < high) ? S(1) : S(0);
      const S e = static_cast<S>(rng.Normal());  // one draw per statement: a fixed order
      epsilon(i, j) = e;
      z(i, j) = mu + std::exp(S(0.5) * lv) * e;
      const double m = static_cast<double>(mu), v = static_cast<double>(lv);
      kl += 0.5 * (m * m + std::exp(v) - v - 1.0);
    }
  }
  kl_ = n > 0 ? kl / static_cast<double>(n) : 0.0;
  const nn::ConstMatrixView<S> logits = decoder_->Forward(z_.const_view());
  reconstruction_ = OutputLossValue<S>(OutputLoss::kSigmoidCrossEntropy, logits, x);
  if (training_) last_kl_ = kl_, last_reconstruction_ = reconstruction_;
  if (!property_) return logits;
  const nn::ConstMatrixView<S> value = property_->Forward(mean_.const_view());
  nn::MatrixView<S> out = output_.Resize(n);
  out.topRows(data_size_) = logits;
  out.row(data_size_) = value.row(0);
  return output_.const_view();
}

template <typename S>
nn::ConstMatrixView<S> VaeNetwork<S>::BackwardToInput(Network<S>& net, const nn::ConstRef<S>& dy) {
  assert((dy.outerStride() == dy.rows() || dy.cols() <= 1) && "pass a contiguous gradient");
  nn::ConstMatrixView<S> g(dy.data(), dy.rows(), dy.cols());
  for (int i = net.layer_count(); i-- > 0;) new (&g) nn::ConstMatrixView<S>(net.layer(i).Backward(g, true));
  return g;
}

template <typename S>
void VaeNetwork<S>::Backward(const nn::ConstRef<S>& output_gradient) {
  const Eigen::Index n = mean_.cols();
  // Decoder: dL/dz. With a property head the logit rows are a strided block: copy them.
  nn::ConstMatrixView<S> dz(nullptr, 0, 0);
  if (property_) {
    nn::MatrixView<S> dlogits = logit_gradient_.Resize(n);
    dlogits = output_gradient.topRows(data_size_);
    new (&dz) nn::ConstMatrixView<S>(BackwardToInput(*decoder_, logit_gradient_.const_view()));
  } else {
    new (&dz) nn::ConstMatrixView<S>(BackwardToInput(*decoder_, output_gradient));
  }
  // Encoder outputs: through z = μ + exp(½ lv)·ε, plus β·KL's gradient (gaussian_kl.h), with the
  // clamp's mask on the log-variance rows.
  nn::MatrixView<S> dh = encoder_gradient_.Resize(n);
  const S beta_n = static_cast<S>(beta_ / static_cast<double>(std::max<Eigen::Index>(n, 1)));
  const nn::ConstMatrixView<S> mean = mean_.const_view(), lv = log_variance_.const_view();
  const nn::ConstMatrixView<S> epsilon = epsilon_.const_view(), mask = clamp_mask_.const_view();
  for (Eigen::Index j = 0; j < n; ++j) {
    for (int i = 0; i < latent_; ++i) {
      const S sd = std::exp(S(0.5) * lv(i, j));
      dh(i, j) = dz(i, j) + beta_n * mean(i, j);
      dh(latent_ + i, j) = mask(i, j) * (dz(i, j) * S(0.5) * sd * epsilon(i, j) + beta_n * S(0.5) * (sd * sd - S(1)));
    }
  }
  if (property_) {
    nn::MatrixView<S> dp = property_gradient_.Resize(n);  // the strided last row, made contiguous
    dp = output_gradient.row(data_size_);
    const nn::ConstMatrixView<S> dmean = BackwardToInput(*property_, dp);
    dh.topRows(latent_) += dmean;
  }
  encoder_->Backward(dh);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] loss

template <typename S>
double VaeNetwork<S>::LossValue(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target) {
  double loss = OutputLossValue<S>(OutputLoss::kSigmoidCrossEntropy, output.topRows(data_size_), target.topRows(data_size_));
  if (property_ && output.cols() > 0)
    loss += property_weight_ * OutputLossValue<S>(OutputLoss::kMeanSquaredError, output.bottomRows(1), target.bottomRows(1));
  return loss;
}

template <typename S>
void VaeNetwork<S>::LossGradient(const nn::ConstRef<S>& output, const nn::ConstRef<S>& target, nn::MutableRef<S> gradient) {
  OutputLossGradient<S>(OutputLoss::kSigmoidCrossEntropy, output.topRows(data_size_), target.topRows(data_size_),
                        gradient.topRows(data_size_));
  if (!property_ || output.cols() == 0) return;
  const S scale = static_cast<S>(property_weight_ / static_cast<double>(output.cols()));
  gradient.row(data_size_) = (output.row(data_size_) - target.row(data_size_)) * scale;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] latent

template <typename S>
void VaeNetwork<S>::EncodeMean(const nn::ConstRef<S>& x, nn::MutableRef<S> mean) {
  encoder_->SetTraining(false);
  mean = encoder_->Forward(x).topRows(latent_);
  encoder_->SetTraining(training_);
}

template <typename S>
void VaeNetwork<S>::Decode(const nn::ConstRef<S>& z, nn::MutableRef<S> out) {
  decoder_->SetTraining(false);
  OutputPrediction<S>(OutputLoss::kSigmoidCrossEntropy, decoder_->Forward(z), out);
  decoder_->SetTraining(training_);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] describing

namespace {

template <typename T>
void AppendPrefixed(std::vector<T>& all, std::vector<T> part, const char* prefix) {
  for (T& item : part) {
    item.name = prefix + item.name;
    all.push_back(item);
  }
}

}  // namespace

template <typename S>
std::vector<nn::Parameter<S>> VaeNetwork<S>::Parameters() {
  std::vector<nn::Parameter<S>> all;
  AppendPrefixed(all, encoder_->Parameters(), "encoder.");
  AppendPrefixed(all, decoder_->Parameters(), "decoder.");
  if (property_) AppendPrefixed(all, property_->Parameters(), "property.");
  return all;
}

template <typename S>
std::vector<StateTensor<S>> VaeNetwork<S>::States() {
  std::vector<StateTensor<S>> all;
  AppendPrefixed(all, encoder_->States(), "encoder.");
  AppendPrefixed(all, decoder_->States(), "decoder.");
  if (property_) AppendPrefixed(all, property_->States(), "property.");
  return all;
}

template <typename S>
NetworkSummary VaeNetwork<S>::Summary() {
  NetworkSummary summary;
  summary.input = input_shape();
  const auto add = [&summary](Network<S>& part, const char* prefix) {
    NetworkSummary part_summary = part.Summary();
    for (SummaryRow& row : part_summary.rows) {
      row.layer = prefix + row.layer;
      summary.total_parameters += row.parameters;
      summary.rows.push_back(std::move(row));
    }
  };
  add(*encoder_, "encoder: ");
  summary.rows.push_back({"sample z = μ + exp(½·log σ²)·ε", nn::Shape{1, 1, 1, latent_}, 0});
  add(*decoder_, "decoder: ");
  if (property_) add(*property_, "property (from μ): ");
  summary.loss = "sigmoid + bce (reconstruction) + β·KL";
  if (property_) summary.loss += " + w·½(p − y)²";
  return summary;
}

template <typename S>
std::string VaeNetwork<S>::Fingerprint() {
  // β and the property weight change the loss, not which weights fit: they are left out.
  std::string text = "vae latent " + std::to_string(latent_) + "\nencoder\n" + encoder_->Fingerprint() +
                     "decoder\n" + decoder_->Fingerprint();
  if (property_) text += "property\n" + property_->Fingerprint();
  return text;
}

template <typename S>
int VaeNetwork<S>::StageCount() const {
  return encoder_->StageCount() + 1 + decoder_->StageCount() + (property_ ? property_->StageCount() : 0);
}

template <typename S>
std::string VaeNetwork<S>::StageName(int stage) const {
  const int e = encoder_->StageCount(), d = decoder_->StageCount();
  if (stage < e) return "encoder: " + encoder_->StageName(stage);
  if (stage == e) return "sample z";
  if (stage <= e + d) return "decoder: " + decoder_->StageName(stage - e - 1);
  return "property: " + property_->StageName(stage - e - 1 - d);
}

template <typename S>
nn::Shape VaeNetwork<S>::StageShape(int stage) const {
  const int e = encoder_->StageCount(), d = decoder_->StageCount();
  if (stage < e) return encoder_->StageShape(stage);
  if (stage == e) return nn::Shape{1, 1, 1, latent_};
  if (stage <= e + d) return decoder_->StageShape(stage - e - 1);
  return property_->StageShape(stage - e - 1 - d);
}

template <typename S>
nn::ConstMatrixView<S> VaeNetwork<S>::StageOutput(int stage) const {
  const int e = encoder_->StageCount(), d = decoder_->StageCount();
  if (stage < e) return encoder_->StageOutput(stage);
  if (stage == e) return z_.const_view();
  if (stage <= e + d) return decoder_->StageOutput(stage - e - 1);
  return property_->StageOutput(stage - e - 1 - d);
}

template class VaeNetwork<float>;
template class VaeNetwork<double>;

}  // namespace mlp::deep
