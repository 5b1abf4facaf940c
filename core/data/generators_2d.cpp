#include "core/data/generators_2d.h"

#include <algorithm>
#include <cmath>

namespace mlp {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Point {
  double x, y, label;
};

Dataset Assemble(Problem2D problem, const std::vector<Point>& points) {
  Dataset data;
  data.name = std::string(ProblemTitle(problem));
  data.task = ProblemTask(problem);
  data.features.resize(static_cast<Eigen::Index>(points.size()), 2);
  data.targets.resize(static_cast<Eigen::Index>(points.size()));
  for (size_t i = 0; i < points.size(); ++i) {
    const auto row = static_cast<Eigen::Index>(i);
    data.features(row, 0) = points[i].x;
    data.features(row, 1) = points[i].y;
    data.targets(row) = points[i].label;
  }
  data.feature_names = {"x1", "x2"};
  if (data.task == TaskKind::kClassification) data.class_names = {"class 0", "class 1"};
  return data;
}

// Disc of radius R/2 (class 1) inside a ring R·0.7…R (class 0); noise jitters both coordinates by
// up to ±noise·R, so at 0.5 the classes touch.
std::vector<Point> Circle(int n, double noise, Rng& rng) {
  const double radius = kPlaneExtent * 5.0 / 6.0;
  std::vector<Point> points;
  auto add = [&](double r_min, double r_max, double label) {
    const double r = rng.Uniform(r_min, r_max);
    const double angle = rng.Uniform(0.0, 2.0 * kPi);
    const double jitter_x = rng.Uniform(-radius, radius) * noise;
    const double jitter_y = rng.Uniform(-radius, radius) * noise;
    points.push_back({r * std::sin(angle) + jitter_x, r * std::cos(angle) + jitter_y, label});
  };
  for (int i = 0; i < n / 2; ++i) add(0.0, radius * 0.5, 1.0);
  for (int i = n / 2; i < n; ++i) add(radius * 0.7, radius, 0.0);
  return points;
}

// Uniform points kept a small margin away from the axes; the label is fixed before noise moves
// the point, so noise pushes points across the quadrant borders.
std::vector<Point> Xor(int n, double noise, Rng& rng) {
  const double half = kPlaneExtent * 5.0 / 6.0, margin = 0.3;
  std::vector<Point> points;
  for (int i = 0; i < n; ++i) {
    double x = rng.Uniform(-half, half);
    x += x > 0 ? margin : -margin;
    double y = rng.Uniform(-half, half);
    y += y > 0 ? margin : -margin;
    const double label = x * y >= 0 ? 1.0 : 0.0;
    points.push_back({x + rng.Uniform(-half, half) * noise, y + rng.Uniform(-half, half) * noise, label});
  }
  return points;
}

// Blobs at (2, 2) and (−2, −2); the standard deviation grows from 0.7 to 2 with noise.
std::vector<Point> TwoGaussians(int n, double noise, Rng& rng) {
  const double variance = 0.5 + (4.0 - 0.5) * (noise / 0.5);
  const double stddev = std::sqrt(variance);
  std::vector<Point> points;
  for (int i = 0; i < n; ++i) {
    const bool positive = i < n / 2;
    const double cx = positive ? 2.0 : -2.0;
    points.push_back({rng.Normal(cx, stddev), rng.Normal(cx, stddev), positive ? 1.0 : 0.0});
  }
  return points;
}

// Two arms r(t) = 5t, angle 3.5πt + phase (phase 0 or π), t in [0, 1); jitter ±noise in each
// coordinate.
std::vector<Point> Spiral(int n, double noise, Rng& rng) {
  std::vector<Point> points;
  const int per_arm = n / 2;
  auto arm = [&](int count, double phase, double label) {
    for (int i = 0; i < count; ++i) {
      const double t = static_cast<double>(i) / count;
      const double r = t * kPlaneExtent * 5.0 / 6.0;
      const double angle = 1.75 * t * 2.0 * kPi + phase;
      points.push_back({r * std::sin(angle) + rng.Uniform(-1.0, 1.0) * noise,
                        r * std::cos(angle) + rng.Uniform(-1.0, 1.0) * noise, label});
    }
  };
  arm(per_arm, 0.0, 1.0);
  arm(n - per_arm, kPi, 0.0);
  return points;
}

// scikit-learn's make_moons shape (upper arc and a shifted lower arc), centred and scaled by 2.5
// to fill the plane; Gaussian noise of standard deviation 2.5·noise.
std::vector<Point> Moons(int n, double noise, Rng& rng) {
  const double scale = 2.5;
  std::vector<Point> points;
  const int upper = n / 2;
  for (int i = 0; i < n; ++i) {
    const bool is_upper = i < upper;
    const int count = is_upper ? upper : n - upper;
    const int k = is_upper ? i : i - upper;
    const double t = count > 1 ? kPi * k / (count - 1) : 0.0;
    double x = is_upper ? std::cos(t) : 1.0 - std::cos(t);
    double y = is_upper ? std::sin(t) : 0.5 - std::sin(t);
    x = (x - 0.5) * scale + rng.Normal() * noise * scale;
    y = (y - 0.25) * scale + rng.Normal() * noise * scale;
    points.push_back({x, y, is_upper ? 0.0 : 1.0});
  }
  return points;
}

// Uniform inputs; target (x1 + x2)/12 in [-1, 1] plus noise applied to the inputs before the
// target is computed — the fitted plane stays exact only without noise.
std::vector<Point> Plane(int n, double noise, Rng& rng) {
  std::vector<Point> points;
  for (int i = 0; i < n; ++i) {
    const double x = rng.Uniform(-kPlaneExtent, kPlaneExtent);
    const double y = rng.Uniform(-kPlaneExtent, kPlaneExtent);
    const double nx = x + rng.Uniform(-kPlaneExtent, kPlaneExtent) * noise;
    const double ny = y + rng.Uniform(-kPlaneExtent, kPlaneExtent) * noise;
    points.push_back({x, y, (nx + ny) / (2.0 * kPlaneExtent)});
  }
  return points;
}

// Six Gaussian bumps (σ = 2) of alternating sign; target is their sum, clipped to [-1, 1].
std::vector<Point> Bumps(int n, double noise, Rng& rng) {
  struct Bump { double x, y, sign; };
  const Bump bumps[] = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  std::vector<Point> points;
  for (int i = 0; i < n; ++i) {
    const double x = rng.Uniform(-kPlaneExtent, kPlaneExtent);
    const double y = rng.Uniform(-kPlaneExtent, kPlaneExtent);
    const double nx = x + rng.Uniform(-kPlaneExtent, kPlaneExtent) * noise;
    const double ny = y + rng.Uniform(-kPlaneExtent, kPlaneExtent) * noise;
    double value = 0.0;
    for (const Bump& b : bumps) {
      const double d2 = (nx - b.x) * (nx - b.x) + (ny - b.y) * (ny - b.y);
      value += b.sign * std::exp(-d2 / (2.0 * 2.0 * 2.0));
    }
    points.push_back({x, y, std::clamp(value, -1.0, 1.0)});
  }
  return points;
}

}  // namespace

std::string_view ProblemKey(Problem2D problem) {
  switch (problem) {
    case Problem2D::kCircle: return "circle";
    case Problem2D::kXor: return "xor";
    case Problem2D::kTwoGaussians: return "gauss";
    case Problem2D::kSpiral: return "spiral";
    case Problem2D::kMoons: return "moons";
    case Problem2D::kPlane: return "plane";
    case Problem2D::kBumps: return "bumps";
  }
  return "circle";
}

std::string_view ProblemTitle(Problem2D problem) {
  switch (problem) {
    case Problem2D::kCircle: return "Circle";
    case Problem2D::kXor: return "Exclusive or";
    case Problem2D::kTwoGaussians: return "Two Gaussians";
    case Problem2D::kSpiral: return "Spiral";
    case Problem2D::kMoons: return "Moons";
    case Problem2D::kPlane: return "Plane (regression)";
    case Problem2D::kBumps: return "Bumps (regression)";
  }
  return "";
}

std::optional<Problem2D> ParseProblem(std::string_view key) {
  for (Problem2D problem : kAllProblems2D) {
    if (ProblemKey(problem) == key) return problem;
  }
  return std::nullopt;
}

TaskKind ProblemTask(Problem2D problem) {
  return problem == Problem2D::kPlane || problem == Problem2D::kBumps ? TaskKind::kRegression
                                                                      : TaskKind::kClassification;
}

Dataset Generate2D(const Generator2DSettings& settings, Rng& rng) {
  const int n = std::max(2, settings.samples);
  const double noise = std::clamp(settings.noise, 0.0, 0.5);
  switch (settings.problem) {
    case Problem2D::kCircle: return Assemble(settings.problem, Circle(n, noise, rng));
    case Problem2D::kXor: return Assemble(settings.problem, Xor(n, noise, rng));
    case Problem2D::kTwoGaussians: return Assemble(settings.problem, TwoGaussians(n, noise, rng));
    case Problem2D::kSpiral: return Assemble(settings.problem, Spiral(n, noise, rng));
    case Problem2D::kMoons: return Assemble(settings.problem, Moons(n, noise, rng));
    case Problem2D::kPlane: return Assemble(settings.problem, Plane(n, noise, rng));
    case Problem2D::kBumps: return Assemble(settings.problem, Bumps(n, noise, rng));
  }
  return {};
}

}  // namespace mlp
