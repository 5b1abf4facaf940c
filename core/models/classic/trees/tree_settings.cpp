#include "core/models/classic/trees/tree_settings.h"

#include <cmath>
#include <sstream>

namespace mlp::classic {

const char* SplitCriterionName(SplitCriterion criterion) {
  switch (criterion) {
    case SplitCriterion::kGini: return "gini";
    case SplitCriterion::kEntropy: return "entropy";
    case SplitCriterion::kSquaredError: return "squared_error";
  }
  return "?";
}

Result<int> MaxFeatures::Resolve(int features) const {
  int drawn = features;
  switch (kind) {
    case Kind::kAll: drawn = features; break;
    case Kind::kSqrt: drawn = static_cast<int>(std::sqrt(static_cast<double>(features))); break;
    case Kind::kLog2: drawn = static_cast<int>(std::log2(static_cast<double>(features))); break;
    case Kind::kFraction:
      if (!(fraction > 0.0 && fraction <= 1.0))
        return Status::Error("max_features as a fraction must lie in (0, 1]; use 1 for all features.");
      drawn = static_cast<int>(fraction * features);
      break;
    case Kind::kCount:
      if (count < 1 || count > features) {
        std::ostringstream message;
        message << "max_features = " << count << " but the data have " << features
                << " features: choose a count between 1 and " << features << ".";
        return Status::Error(message.str());
      }
      drawn = count;
      break;
  }
  return drawn < 1 ? 1 : drawn;
}

std::string MaxFeatures::Describe() const {
  std::ostringstream text;
  switch (kind) {
    case Kind::kAll: return "all";
    case Kind::kSqrt: return "sqrt";
    case Kind::kLog2: return "log2";
    case Kind::kFraction: text << fraction; return text.str();
    case Kind::kCount: text << count; return text.str();
  }
  return "?";
}

Status CheckTreeLimits(const TreeLimits& limits) {
  if (limits.max_depth < -1 || limits.max_depth == 0)
    return Status::Error("max_depth must be at least 1 (or unlimited).");
  if (limits.min_samples_split < 2)
    return Status::Error("min_samples_split must be at least 2: a node needs two rows to split.");
  if (limits.min_samples_leaf < 1)
    return Status::Error("min_samples_leaf must be at least 1.");
  return {};
}

}  // namespace mlp::classic
