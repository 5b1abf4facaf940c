// G3 construction (see hand_images.h). Shapes are painted in image space over their bounding boxes
// only (the pose is a similarity transform, so capsules stay capsules and the palm an ellipse), which
// keeps the default 8000 images fast. Canonical frame: origin at the image centre, y down, 32 px units.
#include "core/data/generators/hand_images.h"

#include <algorithm>
#include <cmath>

#include "core/base/rng.h"
#include "core/data/generators/image_common.h"

namespace mlp {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kBackground = 0.04, kTissue = 0.45, kBone = 0.9;
constexpr double kTissueRadius = 1.3, kBoneRadius = 0.55;   // capsule radii, px at 32
constexpr double kPalmX = 0.0, kPalmY = 4.0, kPalmAx = 5.5, kPalmAy = 6.0;
// Four fingers: base x on the palm top, fan angle (degrees from straight up, + = towards +x), length.
constexpr double kFingerBaseX[4] = {-4.2, -1.4, 1.4, 4.2};
constexpr double kFingerAngle[4] = {-10.0, -3.0, 3.0, 10.0};
constexpr double kFingerLength[4] = {9.0, 10.5, 10.0, 8.0};
constexpr double kFingerBaseY = -1.0;

// Canonical → image coordinates: mirror, scale, rotate (counter-clockwise on screen), move.
struct Pose {
  double cos_t, sin_t, scale, cx, cy, mirror;
  void Apply(double x, double y, double& ix, double& iy) const {
    x *= mirror * scale;
    y *= scale;
    ix = cx + cos_t * x + sin_t * y;   // y points down, so a screen-CCW turn is (x, y) → (x c + y s, −x s + y c)
    iy = cy - sin_t * x + cos_t * y;
  }
};

void PaintCapsule(double* image, int n, double ax, double ay, double bx, double by, double radius, double value) {
  const int x0 = std::max(0, static_cast<int>(std::floor(std::min(ax, bx) - radius)));
  const int x1 = std::min(n - 1, static_cast<int>(std::ceil(std::max(ax, bx) + radius)));
  const int y0 = std::max(0, static_cast<int>(std::floor(std::min(ay, by) - radius)));
  const int y1 = std::min(n - 1, static_cast<int>(std::ceil(std::max(ay, by) + radius)));
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      double& pixel = image[static_cast<int64_t>(y) * n + x];
      if (SegmentDistanceSquared(x, y, ax, ay, bx, by) <= radius * radius) pixel = std::max(pixel, value);
    }
  }
}

// The palm ellipse, tested in canonical coordinates by undoing the pose per pixel of its box.
void PaintPalm(double* image, int n, const Pose& pose, double unit) {
  double cx, cy;
  pose.Apply(kPalmX * unit, kPalmY * unit, cx, cy);
  const double reach = std::max(kPalmAx, kPalmAy) * unit * pose.scale + 1.0;
  const int x0 = std::max(0, static_cast<int>(std::floor(cx - reach))), x1 = std::min(n - 1, static_cast<int>(std::ceil(cx + reach)));
  const int y0 = std::max(0, static_cast<int>(std::floor(cy - reach))), y1 = std::min(n - 1, static_cast<int>(std::ceil(cy + reach)));
  const double ax = kPalmAx * unit * pose.scale, ay = kPalmAy * unit * pose.scale;
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const double dx = x - cx, dy = y - cy;
      const double u = pose.cos_t * dx - pose.sin_t * dy;  // inverse rotation; the mirror does not change an ellipse
      const double v = pose.sin_t * dx + pose.cos_t * dy;
      if ((u * u) / (ax * ax) + (v * v) / (ay * ay) <= 1.0) {
        double& pixel = image[static_cast<int64_t>(y) * n + x];
        pixel = std::max(pixel, kTissue);
      }
    }
  }
}

// Draws one finger (tissue capsule, bone core, metacarpal bone back into the palm).
void PaintFinger(double* image, int n, const Pose& pose, double unit, double base_x, double base_y, double angle_deg,
                 double length, bool metacarpal) {
  const double a = angle_deg * kPi / 180.0;
  const double tip_x = base_x + length * std::sin(a), tip_y = base_y - length * std::cos(a);
  double bx, by, tx, ty, bone_bx, bone_by, bone_tx, bone_ty;
  pose.Apply(base_x * unit, base_y * unit, bx, by);
  pose.Apply(tip_x * unit, tip_y * unit, tx, ty);
  const double s = unit * pose.scale;
  PaintCapsule(image, n, bx, by, tx, ty, kTissueRadius * s, kTissue);
  const double inset = 0.8 / length;  // bone stops short of the fingertip
  pose.Apply((tip_x - (tip_x - base_x) * inset) * unit, (tip_y - (tip_y - base_y) * inset) * unit, bone_tx, bone_ty);
  if (metacarpal) {
    pose.Apply((kPalmX + 0.45 * base_x) * unit, (kPalmY + 3.0) * unit, bone_bx, bone_by);
    PaintCapsule(image, n, bone_bx, bone_by, bx, by, kBoneRadius * s, kBone);
  }
  PaintCapsule(image, n, bx, by, bone_tx, bone_ty, kBoneRadius * s, kBone);
}

}  // namespace

Result<Dataset> GenerateHandImages(const HandImageSettings& s, std::vector<HandPose>* poses) {
  const int n = s.image_size;
  const int64_t pixels = static_cast<int64_t>(n) * n;
  if (Status status = CheckImageBudget("Hand images", n, s.samples, pixels); !status.ok()) return status;
  if (!(s.max_rotation_deg >= 0.0 && s.max_shift_px >= 0.0 && s.scale_range >= 0.0 && s.scale_range < 1.0)) {
    return Status::Error("Hand images: rotation and shift ranges must not be negative, and the scale range must lie in [0, 1).");
  }
  if (!(s.flip_probability >= 0.0 && s.flip_probability <= 1.0)) {
    return Status::Error("Hand images: the flip probability must lie in [0, 1].");
  }
  if (s.blur_sigma < 0.0 || s.noise_sd < 0.0) return Status::Error("Hand images: blur and noise must not be negative.");

  Rng rng(s.seed);
  Dataset data;
  data.name = "Hand-like images (synthetic)";
  data.task = TaskKind::kRegression;
  data.target_name = "rotation_deg";
  data.layout = SampleLayout::kImage;
  data.sample_shape = {n, n};
  data.feature_names = PixelFeatureNames(data.sample_shape);
  data.synthetic = true;
  data.features.resize(s.samples, pixels);
  data.targets.resize(s.samples);
  if (poses) poses->assign(static_cast<size_t>(s.samples), HandPose{});
  const double unit = n / 32.0;
  RowBlockWriter writer(data.features);

  for (int64_t i = 0; i < s.samples; ++i) {
    // Pose draws, one per statement so the order is fixed.
    HandPose hand;
    hand.rotation_deg = rng.Uniform(-s.max_rotation_deg, s.max_rotation_deg);
    hand.spread = rng.Uniform(0.4, 1.8);
    hand.flexion = rng.Uniform(0.0, 0.5);
    hand.scale = rng.Uniform(1.0 - s.scale_range, 1.0 + s.scale_range);
    hand.shift_x = rng.Uniform(-s.max_shift_px, s.max_shift_px);
    hand.shift_y = rng.Uniform(-s.max_shift_px, s.max_shift_px);
    hand.flipped = rng.Uniform() < s.flip_probability;
    const double theta = hand.rotation_deg * kPi / 180.0;
    const Pose pose{std::cos(theta), std::sin(theta), hand.scale, 0.5 * (n - 1) + hand.shift_x, 0.5 * (n - 1) + hand.shift_y,
                    hand.flipped ? -1.0 : 1.0};

    double* image = writer.Next();
    std::fill(image, image + pixels, kBackground);
    PaintPalm(image, n, pose, unit);
    for (int f = 0; f < 4; ++f) {
      const double jitter = rng.Uniform(-3.0, 3.0);
      const double flex = std::clamp(hand.flexion + rng.Uniform(-0.15, 0.15), 0.0, 0.6);
      const double length = (kFingerLength[f] + rng.Uniform(-1.0, 1.0)) * (1.0 - flex);
      PaintFinger(image, n, pose, unit, kFingerBaseX[f], kFingerBaseY, kFingerAngle[f] * hand.spread + jitter,
                  std::max(length, 3.0), true);
    }
    // Thumb: from the palm's side, shorter, fanning further out with the spread.
    const double thumb_angle = -50.0 - 20.0 * hand.spread + rng.Uniform(-5.0, 5.0);
    const double thumb_length = rng.Uniform(6.0, 7.0) * (1.0 - 0.5 * hand.flexion);
    PaintFinger(image, n, pose, unit, -4.8, 3.0, thumb_angle, thumb_length, false);

    GaussianBlur(image, n, n, s.blur_sigma);
    AddNoiseAndClamp(image, pixels, s.noise_sd, rng);
    data.targets(i) = hand.rotation_deg;
    if (poses) (*poses)[static_cast<size_t>(i)] = hand;
  }
  writer.Flush();
  return data;
}

}  // namespace mlp
