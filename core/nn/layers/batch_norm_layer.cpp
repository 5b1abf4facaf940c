#include "core/nn/layers/batch_norm_layer.h"

#include <cassert>

namespace mlp::nn {

template <typename S>
Status BatchNorm<S>::Check(const BatchNormSettings& settings) {
  if (!(settings.momentum >= 0.0 && settings.momentum <= 1.0))
    return Status::Error("batch-norm: the momentum must be in [0, 1]");
  if (!(settings.epsilon > 0.0)) return Status::Error("batch-norm: epsilon must be positive");
  return Status::Ok();
}

template <typename S>
BatchNorm<S>::BatchNorm(const Shape& shape, const BatchNormSettings& settings)
    : shape_(shape),
      settings_(settings),
      channels_(shape.channels),
      positions_(shape.size() / shape.channels),
      x_hat_(shape.size()),
      y_(shape.size()),
      dx_(shape.size()) {
  assert(Check(settings).ok() && "check the settings with BatchNorm::Check first");
  for (Matrix<S>* m : {&gamma_, &beta_, &gamma_gradient_, &beta_gradient_, &running_mean_, &running_variance_,
                       &mean_, &inverse_std_, &scale_, &sum_dy_, &sum_dy_xhat_}) {
    *m = Matrix<S>::Zero(channels_, 1);
  }
  Rng unused;
  Initialize(unused);
}

template <typename S>
void BatchNorm<S>::Initialize(Rng& rng) {
  (void)rng;
  gamma_.setOnes();
  beta_.setZero();
  running_mean_.setZero();
  running_variance_.setOnes();
}

template <typename S>
std::vector<Parameter<S>> BatchNorm<S>::Parameters() {
  return {
      {"gamma", MatrixView<S>(gamma_.data(), channels_, 1), MatrixView<S>(gamma_gradient_.data(), channels_, 1), true},
      {"beta", MatrixView<S>(beta_.data(), channels_, 1), MatrixView<S>(beta_gradient_.data(), channels_, 1), true},
  };
}

template <typename S>
ConstMatrixView<S> BatchNorm<S>::Forward(const ConstRef<S>& x) {
  assert(x.rows() == shape_.size() && "input rows must be input_shape().size()");
  const Eigen::Index batch = x.cols();
  auto sample = [&](Eigen::Index j) { return ConstMatrixView<S>(x.data() + j * x.outerStride(), channels_, positions_); };
  batch_statistics_ = training_;
  if (training_) {
    const S count = static_cast<S>(positions_ * batch);
    mean_.setZero();
    for (Eigen::Index j = 0; j < batch; ++j) mean_ += sample(j).rowwise().sum();
    mean_ /= count;
    Matrix<S>& variance = scale_;  // scratch until the scale is computed below
    variance.setZero();
    for (Eigen::Index j = 0; j < batch; ++j) {
      variance += (sample(j).colwise() - mean_.col(0)).array().square().matrix().rowwise().sum();
    }
    variance /= count;
    const S momentum = static_cast<S>(settings_.momentum);
    running_mean_ = momentum * running_mean_ + (S(1) - momentum) * mean_;
    running_variance_ = momentum * running_variance_ + (S(1) - momentum) * variance;
    inverse_std_ = (variance.array() + static_cast<S>(settings_.epsilon)).rsqrt().matrix();
  } else {
    mean_ = running_mean_;
    inverse_std_ = (running_variance_.array() + static_cast<S>(settings_.epsilon)).rsqrt().matrix();
  }
  MatrixView<S> x_hat = x_hat_.Resize(batch);
  MatrixView<S> y = y_.Resize(batch);
  ForEachSample(batch, [&](Eigen::Index j) {
    const ConstMatrixView<S> in = sample(j);
    MatrixView<S> h(x_hat.col(j).data(), channels_, positions_);
    MatrixView<S> out(y.col(j).data(), channels_, positions_);
    for (Eigen::Index p = 0; p < positions_; ++p) {
      h.col(p) = (in.col(p) - mean_).cwiseProduct(inverse_std_);
      out.col(p) = h.col(p).cwiseProduct(gamma_) + beta_;
    }
  });
  return y_.const_view();
}

template <typename S>
ConstMatrixView<S> BatchNorm<S>::Backward(const ConstRef<S>& dy, bool need_input_gradient) {
  const Eigen::Index batch = y_.cols();
  assert(dy.rows() == shape_.size() && dy.cols() == batch && "dy must match the last Forward");
  auto grad = [&](Eigen::Index j) { return ConstMatrixView<S>(dy.data() + j * dy.outerStride(), channels_, positions_); };
  auto x_hat = [&](Eigen::Index j) { return ConstMatrixView<S>(x_hat_.data() + j * shape_.size(), channels_, positions_); };
  sum_dy_.setZero();
  sum_dy_xhat_.setZero();
  for (Eigen::Index j = 0; j < batch; ++j) {
    sum_dy_ += grad(j).rowwise().sum();
    sum_dy_xhat_ += grad(j).cwiseProduct(x_hat(j)).rowwise().sum();
  }
  gamma_gradient_ = sum_dy_xhat_;
  beta_gradient_ = sum_dy_;
  if (!need_input_gradient) return EmptyView<S>();
  MatrixView<S> dx = dx_.Resize(batch);
  const S count = static_cast<S>(positions_ * batch);
  if (batch_statistics_) {
    // dx = γ/(σ·n) · (n·dy − Σdy − x̂·Σ(dy·x̂)): the batch statistics depend on x too.
    scale_ = gamma_.cwiseProduct(inverse_std_) / count;
  } else {
    scale_ = gamma_.cwiseProduct(inverse_std_);  // fixed statistics: an affine map per channel
  }
  const bool batch_statistics = batch_statistics_;
  ForEachSample(batch, [&](Eigen::Index j) {
    const ConstMatrixView<S> g = grad(j), h = x_hat(j);
    MatrixView<S> out(dx.col(j).data(), channels_, positions_);
    for (Eigen::Index p = 0; p < positions_; ++p) {
      if (batch_statistics) {
        out.col(p) = scale_.cwiseProduct(count * g.col(p) - sum_dy_ - h.col(p).cwiseProduct(sum_dy_xhat_));
      } else {
        out.col(p) = scale_.cwiseProduct(g.col(p));
      }
    }
  });
  return dx_.const_view();
}

template class BatchNorm<float>;
template class BatchNorm<double>;

}  // namespace mlp::nn
