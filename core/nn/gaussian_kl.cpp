#include "core/nn/gaussian_kl.h"

#include <cassert>

namespace mlp::nn {

template <typename S>
S GaussianKlDivergence(const ConstRef<S>& mean, const ConstRef<S>& log_variance) {
  assert(mean.rows() == log_variance.rows() && mean.cols() == log_variance.cols());
  const Eigen::Index n = mean.cols();
  if (n == 0) return S(0);
  const auto mu = mean.array();
  const auto lv = log_variance.array();
  const S sum = (mu.square() + lv.exp() - lv - S(1)).sum();
  return S(0.5) * sum / static_cast<S>(n);
}

template <typename S>
void GaussianKlGradient(const ConstRef<S>& mean, const ConstRef<S>& log_variance, MutableRef<S> dmean,
                        MutableRef<S> dlog_variance) {
  assert(mean.rows() == log_variance.rows() && mean.cols() == log_variance.cols());
  assert(dmean.rows() == mean.rows() && dmean.cols() == mean.cols());
  assert(dlog_variance.rows() == mean.rows() && dlog_variance.cols() == mean.cols());
  const Eigen::Index n = mean.cols();
  if (n == 0) return;
  const S inv_n = S(1) / static_cast<S>(n);
  dmean = mean * inv_n;
  dlog_variance.array() = (log_variance.array().exp() - S(1)) * (S(0.5) * inv_n);
}

template float GaussianKlDivergence<float>(const ConstRef<float>&, const ConstRef<float>&);
template double GaussianKlDivergence<double>(const ConstRef<double>&, const ConstRef<double>&);
template void GaussianKlGradient<float>(const ConstRef<float>&, const ConstRef<float>&, MutableRef<float>,
                                        MutableRef<float>);
template void GaussianKlGradient<double>(const ConstRef<double>&, const ConstRef<double>&,
                                         MutableRef<double>, MutableRef<double>);

}  // namespace mlp::nn
