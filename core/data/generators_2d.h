// Two-dimensional toy problems for the playground's neural-network workspace. Every generator
// draws from the given Rng only, so a seed reproduces a dataset exactly on every build. Points lie
// in the square [-kPlaneExtent, kPlaneExtent]² (before noise).
#pragma once

#include <optional>
#include <string_view>

#include "core/base/rng.h"
#include "core/data/dataset.h"

namespace mlp {

constexpr double kPlaneExtent = 6.0;

enum class Problem2D {
  kCircle,         // a disc of one class inside a ring of the other
  kXor,            // quadrants: same-sign coordinates are one class
  kTwoGaussians,   // two isotropic blobs; noise widens them until they overlap
  kSpiral,         // two interleaved arms — the classic hard case for a small network
  kMoons,          // two interleaving half circles
  kPlane,          // regression: a tilted plane
  kBumps,          // regression: a sum of Gaussian bumps of both signs
};

struct Generator2DSettings {
  Problem2D problem = Problem2D::kCircle;
  int samples = 500;     // total points
  double noise = 0.0;    // 0 (clean) … 0.5 (heavy); meaning depends on the problem, see .cpp
};

// Every problem, in the order the UI lists them.
inline constexpr Problem2D kAllProblems2D[] = {Problem2D::kCircle, Problem2D::kXor, Problem2D::kTwoGaussians,
                                               Problem2D::kSpiral, Problem2D::kMoons, Problem2D::kPlane,
                                               Problem2D::kBumps};

std::string_view ProblemKey(Problem2D);    // "circle", "xor", "gauss", "spiral", "moons", "plane", "bumps"
std::string_view ProblemTitle(Problem2D);  // "Circle", "Exclusive or", …
std::optional<Problem2D> ParseProblem(std::string_view key);
TaskKind ProblemTask(Problem2D);

// Generates the dataset: 2 features (x1, x2); targets 0/1 for classification, a value in about
// [-1, 1] for regression.
Dataset Generate2D(const Generator2DSettings& settings, Rng& rng);

}  // namespace mlp
