#include "core/deep/output_views.h"

#include <algorithm>

#include "core/base/rng.h"

namespace mlp::deep {
namespace {

constexpr int kEncodeBatch = 256;  // rows per EncodeMean call

void AppendColumns(const nn::MatrixF& m, std::vector<float>* out) {
  out->insert(out->end(), m.data(), m.data() + m.size());  // column-major: one sample after another
}

}  // namespace

void ComputeLatentViews(LatentModel<float>& model, BatchMaker& validation, const Eigen::VectorXd& values,
                        int reconstructions, int samples, int side, float extent, uint32_t seed, LatentViews* views) {
  LatentViews& v = *views;
  v = LatentViews();
  const int d = model.latent_dim();
  v.latent_dim = d;
  validation.KeepOrder();
  nn::MatrixF mean;
  const int batches = validation.BatchCount(kEncodeBatch);
  for (int k = 0; k < batches; ++k) {
    const int b = validation.Fill(k, kEncodeBatch);
    mean.resize(d, b);
    model.EncodeMean(validation.x(), mean);
    for (int j = 0; j < b; ++j) {
      v.points_x.push_back(mean(0, j));
      v.points_y.push_back(d > 1 ? mean(1, j) : 0.0f);
      const int64_t row = validation.batch_row(j);
      v.point_values.push_back(row < values.size() ? static_cast<float>(values(row)) : 0.0f);
    }
    if (k == 0) {  // reconstructions of the first rows: decode their means
      const int r = std::min(reconstructions, b);
      nn::MatrixF decoded(validation.x().rows(), r);
      model.Decode(mean.leftCols(r), decoded);
      v.output_size = static_cast<int>(decoded.rows());
      for (int j = 0; j < r; ++j) v.reconstruction_rows.push_back(validation.batch_row(j));
      AppendColumns(decoded, &v.reconstructions);
    }
  }
  const int64_t out = validation.x().rows() > 0 ? validation.x().rows() : validation.input_shape().size();
  v.output_size = static_cast<int>(out);
  if (samples > 0) {
    Rng rng(seed);
    nn::MatrixF z(d, samples);
    for (int j = 0; j < samples; ++j)
      for (int i = 0; i < d; ++i) z(i, j) = static_cast<float>(rng.Normal());
    nn::MatrixF decoded(out, samples);
    model.Decode(z, decoded);
    v.sample_count = samples;
    AppendColumns(decoded, &v.samples);
  }
  if (side > 1) {
    nn::MatrixF z = nn::MatrixF::Zero(d, side * side);
    for (int r = 0; r < side; ++r)
      for (int c = 0; c < side; ++c) {
        const float step = 2.0f * extent / static_cast<float>(side - 1);
        z(0, r * side + c) = -extent + step * static_cast<float>(c);
        if (d > 1) z(1, r * side + c) = extent - step * static_cast<float>(r);
      }
    nn::MatrixF decoded(out, side * side);
    model.Decode(z, decoded);
    v.traversal_side = side;
    v.traversal_extent = extent;
    AppendColumns(decoded, &v.traversal);
  }
}

}  // namespace mlp::deep
