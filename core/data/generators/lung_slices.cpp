// G4 construction (see lung_slices.h). Painter's order: air, body, heart, lungs (with per-pixel
// texture noise that the blur turns into texture), vessels inside the lungs, ribs, spine; blur;
// nodules (crisp, so the mask matches the bright blob); pixel noise. Geometry is in fractions of
// the image size n, drawn per slice.
#include "core/data/generators/lung_slices.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/base/rng.h"
#include "core/data/generators/image_common.h"

namespace mlp {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kAir = 0.02, kTissue = 0.5, kHeart = 0.58, kLung = 0.12, kBone = 0.85;

struct Ellipse {
  double cx, cy, ax, ay;
  bool Contains(double x, double y) const {
    const double u = (x - cx) / ax, v = (y - cy) / ay;
    return u * u + v * v <= 1.0;
  }
};

struct Box {
  int x0, x1, y0, y1;
};
Box BoxAround(double cx, double cy, double reach, int n) {
  return {std::max(0, static_cast<int>(std::floor(cx - reach))), std::min(n - 1, static_cast<int>(std::ceil(cx + reach))),
          std::max(0, static_cast<int>(std::floor(cy - reach))), std::min(n - 1, static_cast<int>(std::ceil(cy + reach)))};
}

void FillEllipse(double* image, int n, const Ellipse& e, double value) {
  const Box b = BoxAround(e.cx, e.cy, std::max(e.ax, e.ay) + 1.0, n);
  for (int y = b.y0; y <= b.y1; ++y) {
    for (int x = b.x0; x <= b.x1; ++x) {
      if (e.Contains(x, y)) image[static_cast<int64_t>(y) * n + x] = value;
    }
  }
}

// Capsule painted with `value`, optionally only where `clip` contains the pixel.
void PaintCapsule(double* image, int n, double ax, double ay, double bx, double by, double radius, double value,
                  const Ellipse* clip) {
  const Box b = BoxAround(0.5 * (ax + bx), 0.5 * (ay + by), 0.5 * std::hypot(bx - ax, by - ay) + radius + 1.0, n);
  for (int y = b.y0; y <= b.y1; ++y) {
    for (int x = b.x0; x <= b.x1; ++x) {
      if (SegmentDistanceSquared(x, y, ax, ay, bx, by) > radius * radius) continue;
      if (clip && !clip->Contains(x, y)) continue;
      image[static_cast<int64_t>(y) * n + x] = value;
    }
  }
}

// A point uniform inside the ellipse (rejection from its bounding box).
void PointInside(const Ellipse& e, Rng& rng, double& x, double& y) {
  for (;;) {
    const double u = rng.Uniform(-1.0, 1.0);
    const double v = rng.Uniform(-1.0, 1.0);
    if (u * u + v * v <= 1.0) {
      x = e.cx + u * e.ax;
      y = e.cy + v * e.ay;
      return;
    }
  }
}

// Anatomy of one slice into `image` (before blur); returns the lungs for the nodules.
void DrawAnatomy(double* image, int n, Rng& rng, Ellipse& body, Ellipse lungs[2]) {
  const double s = n;  // geometry in fractions of the size
  body = {s * (0.5 + rng.Uniform(-0.01, 0.01)), s * (0.53 + rng.Uniform(-0.01, 0.01)), s * 0.44 * rng.Uniform(0.93, 1.03),
          s * 0.33 * rng.Uniform(0.93, 1.03)};
  const double lung_scale = rng.Uniform(0.6, 1.0);  // apex … base
  for (int side = 0; side < 2; ++side) {
    const double sign = side == 0 ? -1.0 : 1.0;
    const double asym = rng.Uniform(0.9, 1.05);
    lungs[side] = {body.cx + sign * s * 0.19, body.cy - s * 0.04, s * 0.13 * asym * (0.8 + 0.2 * lung_scale),
                   s * 0.21 * asym * lung_scale};
  }
  std::fill(image, image + static_cast<int64_t>(n) * n, kAir);
  FillEllipse(image, n, body, kTissue);
  FillEllipse(image, n, {body.cx + s * 0.02, body.cy + s * 0.02, s * 0.1, s * 0.12}, kHeart);
  for (int side = 0; side < 2; ++side) {
    const Ellipse& lung = lungs[side];
    const Box b = BoxAround(lung.cx, lung.cy, std::max(lung.ax, lung.ay) + 1.0, n);
    for (int y = b.y0; y <= b.y1; ++y) {
      for (int x = b.x0; x <= b.x1; ++x) {
        if (lung.Contains(x, y)) image[static_cast<int64_t>(y) * n + x] = kLung + rng.Uniform(-0.1, 0.1);
      }
    }
    // Vessels: curves (two joined capsules) running out from the hilum, and cross-cut blobs.
    const int curves = 5 + static_cast<int>(rng.Interval(5));
    for (int v = 0; v < curves; ++v) {
      const double x0 = lung.cx - (side == 0 ? -1.0 : 1.0) * lung.ax * 0.6, y0 = lung.cy + rng.Uniform(-0.3, 0.3) * lung.ay;
      const double a = rng.Uniform(0.0, 2.0 * kPi), bend = rng.Uniform(-0.6, 0.6);
      const double length = s * rng.Uniform(0.04, 0.09), radius = s / 128.0 * rng.Uniform(0.5, 1.1);
      const double value = rng.Uniform(0.5, 0.7);
      const double x1 = x0 + length * std::cos(a), y1 = y0 + length * std::sin(a);
      const double x2 = x1 + length * std::cos(a + bend), y2 = y1 + length * std::sin(a + bend);
      PaintCapsule(image, n, x0, y0, x1, y1, radius, value, &lung);
      PaintCapsule(image, n, x1, y1, x2, y2, 0.8 * radius, value, &lung);
    }
    const int blobs = 3 + static_cast<int>(rng.Interval(5));
    for (int v = 0; v < blobs; ++v) {
      double x, y;
      PointInside(lung, rng, x, y);
      const double radius = s / 128.0 * rng.Uniform(0.8, 1.8);
      PaintCapsule(image, n, x, y, x, y, radius, rng.Uniform(0.5, 0.65), &lung);
    }
  }
  // Ribs: short arcs just inside the body wall, skipping the sternum (top) and the spine (bottom).
  const int ribs = 10 + static_cast<int>(rng.Interval(4));
  for (int r = 0; r < ribs; ++r) {
    const double phi = 2.0 * kPi * (r + 0.5) / ribs + rng.Uniform(-0.1, 0.1);
    if (std::fabs(std::sin(phi)) > 0.93) continue;
    const double phi2 = phi + 0.2;
    PaintCapsule(image, n, body.cx + 0.92 * body.ax * std::cos(phi), body.cy + 0.9 * body.ay * std::sin(phi),
                 body.cx + 0.92 * body.ax * std::cos(phi2), body.cy + 0.9 * body.ay * std::sin(phi2), s / 128.0 * 1.3, kBone,
                 nullptr);
  }
  // Spine: vertebral body with a darker core and the spinous process behind it.
  const double spine_x = body.cx, spine_y = body.cy + 0.72 * body.ay;
  PaintCapsule(image, n, spine_x, spine_y, spine_x, spine_y, s * 0.055, kBone, nullptr);
  PaintCapsule(image, n, spine_x, spine_y, spine_x, spine_y, s * 0.03, 0.62, nullptr);
  PaintCapsule(image, n, spine_x, spine_y + s * 0.055, spine_x, spine_y + s * 0.1, s * 0.018, kBone, &body);
}

}  // namespace

Result<Dataset> GenerateLungSlices(const LungSliceSettings& s) {
  const int n = s.image_size;
  const int64_t pixels = static_cast<int64_t>(n) * n;
  if (Status status = CheckImageBudget("Lung slices", n, s.samples, 2 * pixels); !status.ok()) return status;
  if (s.max_nodules < 0 || s.max_nodules > 10) return Status::Error("Lung slices: the number of nodules per slice must lie in 0..10.");
  if (!(s.nodule_radius_min_px > 0.0 && s.nodule_radius_min_px <= s.nodule_radius_max_px && s.nodule_radius_max_px <= 32.0)) {
    return Status::Error("Lung slices: nodule radii need 0 < min <= max <= 32 px (at 128 px).");
  }
  if (!(s.lesion_free_share >= 0.0 && s.lesion_free_share <= 1.0)) {
    return Status::Error("Lung slices: the share of lesion-free slices must lie in [0, 1].");
  }
  if (s.noise_sd < 0.0) return Status::Error("Lung slices: the noise must not be negative.");

  Rng rng(s.seed);
  Dataset data;
  data.name = "Lung CT slices (synthetic)";
  data.task = TaskKind::kClassification;
  data.target_name = "has_lesion";
  data.class_names = {"no lesion", "lesion"};
  data.layout = SampleLayout::kImage;
  data.sample_shape = {n, n};
  data.feature_names = PixelFeatureNames(data.sample_shape);
  data.synthetic = true;
  data.features.resize(s.samples, pixels);
  data.dense_targets.resize(s.samples, pixels);
  data.targets.resize(s.samples);
  RowBlockWriter image_writer(data.features), mask_writer(data.dense_targets);
  const double f = n / 128.0;

  for (int64_t i = 0; i < s.samples; ++i) {
    double* image = image_writer.Next();
    double* mask = mask_writer.Next();
    Ellipse body, lungs[2];
    DrawAnatomy(image, n, rng, body, lungs);
    GaussianBlur(image, n, n, 0.8 * f);
    std::fill(mask, mask + pixels, 0.0);
    int nodules = 0;
    if (s.max_nodules > 0 && rng.Uniform() >= s.lesion_free_share) {
      nodules = 1 + static_cast<int>(rng.Interval(static_cast<uint64_t>(s.max_nodules - 1)));
    }
    for (int k = 0; k < nodules; ++k) {
      const Ellipse& lung = lungs[rng.Interval(1)];
      double cx, cy;
      PointInside(lung, rng, cx, cy);
      const double radius = f * (s.nodule_radius_min_px + (s.nodule_radius_max_px - s.nodule_radius_min_px) * std::sqrt(rng.Uniform()));
      const bool lobulated = rng.Uniform() < 0.5;
      const double lobe_depth = lobulated ? rng.Uniform(0.08, 0.25) : 0.0;
      const int lobes = rng.Uniform() < 0.5 ? 3 : 5;
      const double lobe_phase = rng.Uniform(0.0, 2.0 * kPi);
      const double value = rng.Uniform(0.72, 0.85);
      const Box b = BoxAround(cx, cy, radius * (1.0 + lobe_depth) + 1.0, n);
      for (int y = b.y0; y <= b.y1; ++y) {
        for (int x = b.x0; x <= b.x1; ++x) {
          const double dx = x - cx, dy = y - cy;
          double reach = radius;
          if (lobulated) reach *= 1.0 + lobe_depth * std::cos(lobes * std::atan2(dy, dx) + lobe_phase);
          if (dx * dx + dy * dy > reach * reach || !body.Contains(x, y)) continue;
          image[static_cast<size_t>(y) * static_cast<size_t>(n) + static_cast<size_t>(x)] = value;
          mask[static_cast<size_t>(y) * static_cast<size_t>(n) + static_cast<size_t>(x)] = 1.0;
        }
      }
    }
    AddNoiseAndClamp(image, pixels, s.noise_sd, rng);
    // A nodule may be clipped away entirely on tiny images, so the label reads the mask.
    data.targets(i) = std::any_of(mask, mask + pixels, [](double m) { return m > 0.0; }) ? 1.0 : 0.0;
  }
  image_writer.Flush();
  mask_writer.Flush();
  return data;
}

}  // namespace mlp
