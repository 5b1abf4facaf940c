#include "core/deep/output_loss.h"

#include <algorithm>
#include <cmath>

namespace mlp::deep {

std::string_view OutputLossName(OutputLoss loss) {
  switch (loss) {
    case OutputLoss::kSoftmaxCrossEntropy: return "softmax + cce";
    case OutputLoss::kSigmoidCrossEntropy: return "sigmoid + bce";
    case OutputLoss::kMeanSquaredError: return "mse";
  }
  return "?";
}

namespace {

// log Σ_i exp(z_i), with the maximum taken out first.
template <typename Column>
double LogSumExp(const Column& z) {
  const double top = static_cast<double>(z.maxCoeff());
  double sum = 0.0;
  for (Eigen::Index i = 0; i < z.size(); ++i) sum += std::exp(static_cast<double>(z(i)) - top);
  return top + std::log(sum);
}

// log(1 + exp(x)) without overflow.
double Softplus(double x) { return std::max(x, 0.0) + std::log1p(std::exp(-std::abs(x))); }

}  // namespace

template <typename S>
double OutputLossValue(OutputLoss loss, const nn::ConstRef<S>& logits, const nn::ConstRef<S>& target) {
  const Eigen::Index n = logits.cols();
  if (n == 0) return 0.0;
  double sum = 0.0;
  for (Eigen::Index j = 0; j < n; ++j) {  // sample by sample, in order: thread-independent
    const auto z = logits.col(j);
    const auto t = target.col(j);
    switch (loss) {
      case OutputLoss::kSoftmaxCrossEntropy: {
        const double lse = LogSumExp(z);  // −Σ t·log p = Σ t·(lse − z)
        for (Eigen::Index i = 0; i < z.size(); ++i) sum += static_cast<double>(t(i)) * (lse - static_cast<double>(z(i)));
        break;
      }
      case OutputLoss::kSigmoidCrossEntropy:  // −t log σ(z) − (1−t) log(1−σ(z)) = softplus(z) − t·z
        for (Eigen::Index i = 0; i < z.size(); ++i) {
          const double zi = static_cast<double>(z(i));
          sum += Softplus(zi) - static_cast<double>(t(i)) * zi;
        }
        break;
      case OutputLoss::kMeanSquaredError:
        for (Eigen::Index i = 0; i < z.size(); ++i) {
          const double d = static_cast<double>(z(i)) - static_cast<double>(t(i));
          sum += 0.5 * d * d;
        }
        break;
    }
  }
  return sum / static_cast<double>(n);
}

template <typename S>
void OutputPrediction(OutputLoss loss, const nn::ConstRef<S>& logits, nn::MutableRef<S> out) {
  for (Eigen::Index j = 0; j < logits.cols(); ++j) {
    switch (loss) {
      case OutputLoss::kSoftmaxCrossEntropy: {
        const S top = logits.col(j).maxCoeff();
        S total(0);
        for (Eigen::Index i = 0; i < logits.rows(); ++i) total += (out(i, j) = std::exp(logits(i, j) - top));
        out.col(j) /= total;
        break;
      }
      case OutputLoss::kSigmoidCrossEntropy:
        for (Eigen::Index i = 0; i < logits.rows(); ++i) {
          const S z = logits(i, j);  // the form that cannot overflow on either side
          out(i, j) = z >= S(0) ? S(1) / (S(1) + std::exp(-z)) : std::exp(z) / (S(1) + std::exp(z));
        }
        break;
      case OutputLoss::kMeanSquaredError: out.col(j) = logits.col(j); break;
    }
  }
}

template <typename S>
void OutputLossGradient(OutputLoss loss, const nn::ConstRef<S>& logits, const nn::ConstRef<S>& target,
                        nn::MutableRef<S> grad) {
  const Eigen::Index n = logits.cols();
  if (n == 0) return;
  OutputPrediction<S>(loss, logits, grad);
  grad -= target;
  grad *= S(1) / static_cast<S>(n);
}

#define MLP_INSTANTIATE_OUTPUT_LOSS(S)                                                                  \
  template double OutputLossValue<S>(OutputLoss, const nn::ConstRef<S>&, const nn::ConstRef<S>&);      \
  template void OutputLossGradient<S>(OutputLoss, const nn::ConstRef<S>&, const nn::ConstRef<S>&,      \
                                      nn::MutableRef<S>);                                              \
  template void OutputPrediction<S>(OutputLoss, const nn::ConstRef<S>&, nn::MutableRef<S>);
MLP_INSTANTIATE_OUTPUT_LOSS(float)
MLP_INSTANTIATE_OUTPUT_LOSS(double)
#undef MLP_INSTANTIATE_OUTPUT_LOSS

}  // namespace mlp::deep
