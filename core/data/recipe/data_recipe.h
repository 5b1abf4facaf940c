// DataRecipe: what a learner chose to do to a dataset before a model sees it — a visible
// preprocessing chain and a split. PrepareData splits FIRST and fits the chain on the training rows
// only, then transforms every row: test rows never influence a fitted parameter.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"
#include "core/data/preprocess/chain.h"
#include "core/data/preprocess/preprocess_step.h"

namespace mlp {

enum class PreprocessKind {
  kStandardise, kMinMax, kLog1p, kOneHot, kOrdinal,
  kImputeMean, kImputeMedian, kImputeMostFrequent, kPolynomial, kPca,
};
inline constexpr PreprocessKind kAllPreprocessKinds[] = {
    PreprocessKind::kImputeMean,  PreprocessKind::kImputeMedian, PreprocessKind::kImputeMostFrequent,
    PreprocessKind::kStandardise, PreprocessKind::kMinMax,       PreprocessKind::kLog1p,
    PreprocessKind::kOneHot,      PreprocessKind::kOrdinal,      PreprocessKind::kPolynomial,
    PreprocessKind::kPca};
std::string_view PreprocessTitle(PreprocessKind kind);  // "standardise", "impute (median)", …
std::string_view PreprocessKey(PreprocessKind kind);    // "std", "impute_median", … (for links)
bool PreprocessHasParameter(PreprocessKind kind);       // polynomial degree, PCA components

struct PreprocessSpec {
  PreprocessKind kind = PreprocessKind::kStandardise;
  std::vector<int> columns;  // input columns of this step (at its place in the chain); empty = all
  int parameter = 2;         // polynomial degree or PCA components
};
std::unique_ptr<PreprocessStep> MakePreprocessStep(const PreprocessSpec& spec);

enum class SplitKind { kRandom, kStratified, kSequential, kByCoordinate, kKFold };
inline constexpr SplitKind kAllSplitKinds[] = {SplitKind::kRandom, SplitKind::kStratified, SplitKind::kSequential,
                                               SplitKind::kByCoordinate, SplitKind::kKFold};
std::string_view SplitTitle(SplitKind kind);

struct SplitSpec {
  SplitKind kind = SplitKind::kRandom;
  // Random, stratified, sequential (the last rows; with Dataset::groups the cut moves to the start
  // of a series, so forecast windows test on whole later storms), by coordinate.
  double test_fraction = 0.25;
  uint32_t seed = 0;             // random_state of the random, stratified and shuffled k-fold splits
  int coordinate_column = 0;     // by coordinate: the feature column ranked (e.g. depth)
  bool largest_is_test = true;   // by coordinate: test = the largest values (the deepest rows)
  int folds = 5;                 // k-fold: k
  int fold = 0;                  // k-fold: which fold is held out (0-based)
  bool shuffle_folds = false;    // k-fold: shuffle before cutting folds
};
// The split of `data` the spec asks for, or a message saying why it cannot be made.
Result<Split> MakeSplit(const Dataset& data, const SplitSpec& spec);

struct PreparedData {
  std::shared_ptr<const Dataset> raw;   // as loaded or generated
  std::shared_ptr<const Dataset> data;  // same rows and targets, features after the fitted chain
  Split split;
  std::string chain;                    // "impute (median), then standardise", for the UI
  // The chain fitted on the training rows (null without steps): maps new raw rows (a curve along
  // one raw input, say) into the features the models see.
  std::shared_ptr<const PreprocessChain> fitted_chain;
  // How this was made, so a sweep can prepare variants (another polynomial degree).
  std::vector<PreprocessSpec> steps;
  SplitSpec split_spec;
};

// Splits `raw`, fits the chain on the training rows, transforms all rows. Fails with a message that
// names the step when a step cannot be fitted or applied, and when a text (categorical) column
// would reach a model unencoded.
Result<PreparedData> PrepareData(std::shared_ptr<const Dataset> raw, const std::vector<PreprocessSpec>& steps,
                                 const SplitSpec& split);

}  // namespace mlp
