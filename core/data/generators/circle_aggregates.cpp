// G11 construction and the diffraction transform (see circle_aggregates.h).
#include "core/data/generators/circle_aggregates.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <string>
#include <vector>

#include "core/base/rng.h"
#include "core/data/generators/image_common.h"

namespace mlp {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kMinSeamPx = 1.5;      // discs overlap by at least this much (header: why)
constexpr int kTriesPerDisc = 200;
constexpr int kTriesPerImage = 100;

struct Disc {
  double x, y, r;
};

double DrawRadius(const CircleAggregateSettings& s, Rng& rng) {
  return s.random_radius ? rng.Uniform(s.radius_min, s.radius_max) : s.radius;
}

bool Inside(const Disc& d, int n) { return d.x - d.r >= 0.0 && d.y - d.r >= 0.0 && d.x + d.r <= n - 1 && d.y + d.r <= n - 1; }

// k discs forming one aggregate, or an empty vector when the retries ran out.
std::vector<Disc> PlaceDiscs(int k, const CircleAggregateSettings& s, Rng& rng) {
  const int n = s.image_size;
  for (int attempt = 0; attempt < kTriesPerImage; ++attempt) {
    std::vector<Disc> discs;
    Disc first;
    first.r = DrawRadius(s, rng);
    const double ux = rng.Uniform(), uy = rng.Uniform();
    first.x = std::clamp(0.25 * n + 0.5 * n * ux, first.r, n - 1 - first.r);
    first.y = std::clamp(0.25 * n + 0.5 * n * uy, first.r, n - 1 - first.r);
    discs.push_back(first);
    while (static_cast<int>(discs.size()) < k) {
      bool placed = false;
      for (int t = 0; t < kTriesPerDisc && !placed; ++t) {
        const Disc& anchor = discs[static_cast<size_t>(rng.Interval(discs.size() - 1))];
        Disc next;
        next.r = DrawRadius(s, rng);
        const double overlap = std::max(kMinSeamPx, s.max_overlap_fraction * std::min(anchor.r, next.r));
        const double distance = rng.Uniform(anchor.r + next.r - overlap, anchor.r + next.r - kMinSeamPx);
        const double angle = rng.Uniform(0.0, 2.0 * kPi);
        next.x = anchor.x + distance * std::cos(angle);
        next.y = anchor.y + distance * std::sin(angle);
        if (Inside(next, n)) {
          discs.push_back(next);
          placed = true;
        }
      }
      if (!placed) break;
    }
    if (static_cast<int>(discs.size()) == k) return discs;
  }
  return {};
}

void Rasterise(const std::vector<Disc>& discs, int n, double* image) {
  std::fill(image, image + static_cast<int64_t>(n) * n, 0.0);
  for (const Disc& d : discs) {
    const int y0 = std::max(0, static_cast<int>(std::floor(d.y - d.r))), y1 = std::min(n - 1, static_cast<int>(std::ceil(d.y + d.r)));
    const int x0 = std::max(0, static_cast<int>(std::floor(d.x - d.r))), x1 = std::min(n - 1, static_cast<int>(std::ceil(d.x + d.r)));
    for (int y = y0; y <= y1; ++y) {
      for (int x = x0; x <= x1; ++x) {
        const double dx = x - d.x, dy = y - d.y;
        if (dx * dx + dy * dy <= d.r * d.r) image[static_cast<int64_t>(y) * n + x] = 1.0;
      }
    }
  }
}

// a · b written out: the library's operator* also handles infinities, which costs time here.
std::complex<double> Multiply(std::complex<double> a, std::complex<double> b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}

// Forward DFT of `count` values spaced `stride` apart, in place. `twiddle[j]` = exp(−2πi j / n).
void Transform(std::complex<double>* data, int n, int stride, const std::vector<std::complex<double>>& twiddle,
               std::vector<std::complex<double>>& scratch) {
  for (int i = 0; i < n; ++i) scratch[static_cast<size_t>(i)] = data[static_cast<int64_t>(i) * stride];
  if ((n & (n - 1)) == 0) {
    // Iterative radix-2 Cooley–Tukey: bit-reversal permutation, then log2(n) butterfly stages.
    for (int i = 1, j = 0; i < n; ++i) {
      int bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) std::swap(scratch[static_cast<size_t>(i)], scratch[static_cast<size_t>(j)]);
    }
    for (int length = 2; length <= n; length <<= 1) {
      const int step = n / length;
      for (int start = 0; start < n; start += length) {
        for (int k = 0; k < length / 2; ++k) {
          const std::complex<double> u = scratch[static_cast<size_t>(start + k)];
          const std::complex<double> v = Multiply(scratch[static_cast<size_t>(start + k + length / 2)], twiddle[static_cast<size_t>(k * step)]);
          scratch[static_cast<size_t>(start + k)] = u + v;
          scratch[static_cast<size_t>(start + k + length / 2)] = u - v;
        }
      }
    }
    for (int i = 0; i < n; ++i) data[static_cast<int64_t>(i) * stride] = scratch[static_cast<size_t>(i)];
  } else {
    for (int k = 0; k < n; ++k) {
      std::complex<double> sum = 0.0;
      for (int j = 0; j < n; ++j) sum += Multiply(scratch[static_cast<size_t>(j)], twiddle[static_cast<size_t>((static_cast<int64_t>(j) * k) % n)]);
      data[static_cast<int64_t>(k) * stride] = sum;
    }
  }
}

}  // namespace

void DiffractionPattern(double* image, int n) {
  std::vector<std::complex<double>> twiddle(static_cast<size_t>(n)), scratch(static_cast<size_t>(n));
  for (int j = 0; j < n; ++j) twiddle[static_cast<size_t>(j)] = std::polar(1.0, -2.0 * kPi * j / n);
  std::vector<std::complex<double>> field(static_cast<size_t>(n) * static_cast<size_t>(n));
  for (size_t i = 0; i < field.size(); ++i) field[i] = image[i];
  for (int y = 0; y < n; ++y) Transform(field.data() + static_cast<int64_t>(y) * n, n, 1, twiddle, scratch);
  for (int x = 0; x < n; ++x) Transform(field.data() + x, n, n, twiddle, scratch);
  double low = INFINITY, high = -INFINITY;
  const int half = n / 2;
  for (int y = 0; y < n; ++y) {
    for (int x = 0; x < n; ++x) {
      // fftshift: frequency (y, x) goes to ((y + n/2) mod n, (x + n/2) mod n).
      const double value = std::log1p(std::norm(field[static_cast<size_t>(y) * static_cast<size_t>(n) + static_cast<size_t>(x)]));
      image[static_cast<int64_t>((y + half) % n) * n + (x + half) % n] = value;
      low = std::min(low, value);
      high = std::max(high, value);
    }
  }
  const double range = high - low;
  for (int64_t i = 0; i < static_cast<int64_t>(n) * n; ++i) image[i] = range > 0.0 ? (image[i] - low) / range : 0.0;
}

Result<Dataset> GenerateCircleAggregates(const CircleAggregateSettings& s) {
  const int n = s.image_size;
  const int64_t pixels = static_cast<int64_t>(n) * n;
  if (Status status = CheckImageBudget("Circle aggregates", n, s.samples, pixels); !status.ok()) return status;
  if (s.max_circles < 1 || s.max_circles > 20) return Status::Error("Circle aggregates: the number of circles must lie in 1..20.");
  const double r_min = s.random_radius ? s.radius_min : s.radius;
  const double r_max = s.random_radius ? s.radius_max : s.radius;
  if (!(r_min > 0.0)) return Status::Error("Circle aggregates: the radius must be positive.");
  if (!(r_min <= r_max)) return Status::Error("Circle aggregates: the smallest radius must not exceed the largest.");
  if (2.0 * r_max + 1.0 > n) {
    return Status::Error("Circle aggregates: a disc of radius " + std::to_string(r_max) + " px does not fit in a " +
                         std::to_string(n) + " px image; use a radius of at most (N - 1) / 2.");
  }
  if (!(s.max_overlap_fraction >= 0.0 && s.max_overlap_fraction <= 1.0)) {
    return Status::Error("Circle aggregates: the overlap fraction must lie in [0, 1].");
  }
  if (s.noise_sd < 0.0 || s.blur_sigma < 0.0) return Status::Error("Circle aggregates: noise and blur must not be negative.");

  Rng rng(s.seed);
  Dataset data;
  data.name = s.diffraction ? "Touching-circle diffraction patterns (synthetic)" : "Touching-circle aggregates (synthetic)";
  data.task = TaskKind::kClassification;
  data.target_name = "circles";
  for (int k = 1; k <= s.max_circles; ++k) data.class_names.push_back(std::to_string(k));
  data.layout = SampleLayout::kImage;
  data.sample_shape = {n, n};
  data.feature_names = PixelFeatureNames(data.sample_shape);
  data.synthetic = true;
  data.features.resize(s.samples, pixels);
  data.targets.resize(s.samples);
  RowBlockWriter writer(data.features);
  for (int64_t i = 0; i < s.samples; ++i) {
    const int k = 1 + static_cast<int>(rng.Interval(static_cast<uint64_t>(s.max_circles - 1)));
    const std::vector<Disc> discs = PlaceDiscs(k, s, rng);
    if (discs.empty()) {
      return Status::Error("Circle aggregates: could not place " + std::to_string(k) + " touching discs inside a " +
                           std::to_string(n) + " px image; use a smaller radius or a larger image.");
    }
    double* image = writer.Next();
    Rasterise(discs, n, image);
    GaussianBlur(image, n, n, s.blur_sigma);
    if (s.noise_sd > 0.0 || s.blur_sigma > 0.0) AddNoiseAndClamp(image, pixels, s.noise_sd, rng);
    if (s.diffraction) DiffractionPattern(image, n);
    data.targets(i) = k - 1;
  }
  writer.Flush();
  return data;
}

}  // namespace mlp
