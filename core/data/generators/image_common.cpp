// Shared image-generator helpers (see image_common.h).
#include "core/data/generators/image_common.h"

#include <algorithm>
#include <cmath>

#include "core/base/rng.h"

namespace mlp {
namespace {

// out[i · stride] = Σ_k kernel[k] · in[clamp(i + k − radius)]; the clamp only near the ends.
void BlurLine(const double* in, double* out, int length, int stride, const std::vector<double>& kernel, int radius) {
  const double* w = kernel.data() + radius;  // w[-radius … radius]
  for (int i = 0; i < length; ++i) {
    double sum = 0.0;
    if (i >= radius && i + radius < length) {
      for (int k = -radius; k <= radius; ++k) sum += w[k] * in[i + k];
    } else {
      for (int k = -radius; k <= radius; ++k) sum += w[k] * in[std::clamp(i + k, 0, length - 1)];
    }
    out[static_cast<int64_t>(i) * stride] = sum;
  }
}

}  // namespace

Status CheckImageBudget(const char* what, int size, int64_t count, int64_t values_per_sample) {
  const std::string name(what);
  if (size < 8) return Status::Error(name + ": the image size must be at least 8 pixels.");
  if (count < 1) return Status::Error(name + ": the number of samples must be at least 1.");
  if (values_per_sample > kMaxImageValues / count) {
    return Status::Error(name + ": " + std::to_string(count) + " samples of " + std::to_string(values_per_sample) +
                         " values exceed the limit of 64M values; use fewer samples or smaller images.");
  }
  return Status::Ok();
}

std::vector<std::string> PixelFeatureNames(const std::vector<int>& shape) {
  std::vector<std::string> names;
  const int frames = shape.size() == 3 ? shape[0] : 1;
  const int height = shape[shape.size() - 2], width = shape[shape.size() - 1];
  names.reserve(static_cast<size_t>(frames) * static_cast<size_t>(height) * static_cast<size_t>(width));
  for (int f = 0; f < frames; ++f) {
    const std::string prefix = shape.size() == 3 ? "f" + std::to_string(f) + "_" : std::string();
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) names.push_back(prefix + "y" + std::to_string(y) + "_x" + std::to_string(x));
    }
  }
  return names;
}

RowBlockWriter::RowBlockWriter(Eigen::MatrixXd& target, Eigen::Index rows_per_block)
    : target_(target), block_(std::max<Eigen::Index>(1, std::min(rows_per_block, target.rows())), target.cols()) {}

double* RowBlockWriter::Next() {
  if (filled_ == block_.rows()) Flush();
  return block_.data() + (filled_++) * block_.cols();
}

void RowBlockWriter::Flush() {
  if (filled_ == 0) return;
  target_.middleRows(next_row_, filled_) = block_.topRows(filled_);
  next_row_ += filled_;
  filled_ = 0;
}

void GaussianBlur(double* image, int height, int width, double sigma) {
  if (!(sigma > 0.0)) return;
  const int radius = static_cast<int>(std::ceil(3.0 * sigma));
  std::vector<double> kernel(static_cast<size_t>(2 * radius + 1));
  double total = 0.0;
  for (int i = -radius; i <= radius; ++i) {
    const double w = std::exp(-0.5 * i * i / (sigma * sigma));
    kernel[static_cast<size_t>(i + radius)] = w;
    total += w;
  }
  for (double& w : kernel) w /= total;
  std::vector<double> line(static_cast<size_t>(std::max(height, width)));
  // Rows, then columns; each pass reads a copy of the line so it never reads its own output.
  for (int y = 0; y < height; ++y) {
    double* row = image + static_cast<int64_t>(y) * width;
    std::copy(row, row + width, line.begin());
    BlurLine(line.data(), row, width, 1, kernel, radius);
  }
  for (int x = 0; x < width; ++x) {
    for (int y = 0; y < height; ++y) line[static_cast<size_t>(y)] = image[static_cast<int64_t>(y) * width + x];
    BlurLine(line.data(), image + x, height, width, kernel, radius);
  }
}

void AddNoiseAndClamp(double* values, int64_t count, double sd, Rng& rng) {
  for (int64_t i = 0; i < count; ++i) {
    double v = values[i];
    if (sd > 0.0) v += sd * rng.Normal();
    values[i] = v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v);
  }
}

}  // namespace mlp
