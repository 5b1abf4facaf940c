// Shared pieces of the synthetic image generators (G3, G4, G5, G11): the memory guard, pixel
// feature names, a separable Gaussian blur, additive noise, and point-to-segment distances for
// shapes drawn as capsules. Pixel (row y, column x) has its centre at coordinates (x, y).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"

namespace mlp {

class Rng;

// The image generators refuse to build more than this many doubles (512 MiB) in one data set.
inline constexpr int64_t kMaxImageValues = int64_t{64} << 20;

// Fails with a message naming `what` when size < 8, count < 1, or count · values_per_sample
// exceeds kMaxImageValues.
Status CheckImageBudget(const char* what, int size, int64_t count, int64_t values_per_sample);

// One name per pixel in row-major order: "y3_x5" for {H, W}, "f2_y3_x5" for {frames, H, W}.
std::vector<std::string> PixelFeatureNames(const std::vector<int>& shape);

// Separable Gaussian blur of a row-major height × width image in place; edges are clamped
// (replicated). Kernel radius ceil(3σ); σ ≤ 0 leaves the image as it is.
void GaussianBlur(double* image, int height, int width, double sigma);

// Adds Normal(0, sd) to every value (when sd > 0), then clamps every value to [0, 1].
void AddNoiseAndClamp(double* values, int64_t count, double sd, Rng& rng);

// Fills a column-major samples × values matrix one row-major sample at a time. Writing one row
// straight into a column-major matrix touches a new cache line for every value (stride = rows);
// collecting a block of rows first and copying the block column by column keeps both sides in cache.
class RowBlockWriter {
public:
  explicit RowBlockWriter(Eigen::MatrixXd& target, Eigen::Index rows_per_block = 64);
  // Buffer (target.cols() values) for the next row; valid until the next call.
  double* Next();
  // Copies the rows collected so far into the matrix (also done by Next when the block is full).
  // Call it once after the last row.
  void Flush();

private:
  Eigen::MatrixXd& target_;
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> block_;
  Eigen::Index next_row_ = 0;   // target row of block_ row 0
  Eigen::Index filled_ = 0;     // rows of block_ in use
};

// Squared distance from (px, py) to the segment (ax, ay)–(bx, by).
inline double SegmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by) {
  const double dx = bx - ax, dy = by - ay;
  const double length2 = dx * dx + dy * dy;
  double t = length2 > 0.0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0.0;
  t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
  const double ex = px - (ax + t * dx), ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

}  // namespace mlp
