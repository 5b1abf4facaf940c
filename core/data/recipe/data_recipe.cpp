#include "core/data/recipe/data_recipe.h"

#include <algorithm>
#include <cmath>

#include "core/data/preprocess/chain.h"
#include "core/data/preprocess/encoders.h"
#include "core/data/preprocess/imputer.h"
#include "core/data/preprocess/pca.h"
#include "core/data/preprocess/polynomial.h"
#include "core/data/preprocess/scalers.h"
#include "core/data/splits.h"

namespace mlp {

std::string_view PreprocessTitle(PreprocessKind kind) {
  switch (kind) {
    case PreprocessKind::kStandardise: return "standardise";
    case PreprocessKind::kMinMax: return "min-max scale";
    case PreprocessKind::kLog1p: return "log1p";
    case PreprocessKind::kOneHot: return "one-hot encode";
    case PreprocessKind::kOrdinal: return "ordinal encode";
    case PreprocessKind::kImputeMean: return "impute (mean)";
    case PreprocessKind::kImputeMedian: return "impute (median)";
    case PreprocessKind::kImputeMostFrequent: return "impute (most frequent)";
    case PreprocessKind::kPolynomial: return "polynomial features";
    case PreprocessKind::kPca: return "PCA projection";
  }
  return "?";
}

std::string_view PreprocessKey(PreprocessKind kind) {
  switch (kind) {
    case PreprocessKind::kStandardise: return "std";
    case PreprocessKind::kMinMax: return "minmax";
    case PreprocessKind::kLog1p: return "log1p";
    case PreprocessKind::kOneHot: return "onehot";
    case PreprocessKind::kOrdinal: return "ordinal";
    case PreprocessKind::kImputeMean: return "impute_mean";
    case PreprocessKind::kImputeMedian: return "impute_median";
    case PreprocessKind::kImputeMostFrequent: return "impute_mode";
    case PreprocessKind::kPolynomial: return "poly";
    case PreprocessKind::kPca: return "pca";
  }
  return "?";
}

bool PreprocessHasParameter(PreprocessKind kind) {
  return kind == PreprocessKind::kPolynomial || kind == PreprocessKind::kPca;
}

std::unique_ptr<PreprocessStep> MakePreprocessStep(const PreprocessSpec& spec) {
  switch (spec.kind) {
    case PreprocessKind::kStandardise: return std::make_unique<StandardiseStep>(spec.columns);
    case PreprocessKind::kMinMax: return std::make_unique<MinMaxStep>(spec.columns);
    case PreprocessKind::kLog1p: return std::make_unique<Log1pStep>(spec.columns);
    case PreprocessKind::kOneHot: return std::make_unique<OneHotStep>(spec.columns);
    case PreprocessKind::kOrdinal: return std::make_unique<OrdinalStep>(spec.columns);
    case PreprocessKind::kImputeMean: return std::make_unique<ImputeStep>(ImputeStrategy::kMean, spec.columns);
    case PreprocessKind::kImputeMedian: return std::make_unique<ImputeStep>(ImputeStrategy::kMedian, spec.columns);
    case PreprocessKind::kImputeMostFrequent:
      return std::make_unique<ImputeStep>(ImputeStrategy::kMostFrequent, spec.columns);
    case PreprocessKind::kPolynomial: return std::make_unique<PolynomialStep>(spec.parameter, spec.columns);
    case PreprocessKind::kPca: return std::make_unique<PcaStep>(spec.parameter, spec.columns);
  }
  return nullptr;
}

std::string_view SplitTitle(SplitKind kind) {
  switch (kind) {
    case SplitKind::kRandom: return "random";
    case SplitKind::kStratified: return "stratified";
    case SplitKind::kSequential: return "sequential (last rows test)";
    case SplitKind::kByCoordinate: return "by coordinate";
    case SplitKind::kKFold: return "k-fold";
  }
  return "?";
}

namespace {
// The sequential cut moved to the start of the series (Dataset::groups) it falls in — or, if that
// leaves no training rows, to the start of the next series — so no series trains and tests at once.
// Without groups, or when both moves fail, the cut stays where the fraction put it.
int64_t SeriesAlignedTestCount(const Dataset& data, int64_t test_count) {
  const int64_t rows = data.size();
  if (static_cast<int64_t>(data.groups.size()) != rows) return test_count;
  const auto group = [&](int64_t row) { return data.groups[static_cast<size_t>(row)]; };
  int64_t cut = rows - test_count;  // first test row
  int64_t back = cut;
  while (back > 0 && group(back - 1) == group(cut)) --back;
  if (back > 0) return rows - back;
  int64_t forward = cut;
  while (forward < rows && group(forward) == group(cut)) ++forward;
  return forward < rows ? rows - forward : test_count;
}
}  // namespace

Result<Split> MakeSplit(const Dataset& data, const SplitSpec& spec) {
  const int64_t rows = data.size();
  if (rows < 2) return Status::Error("The dataset has fewer than two rows, so it cannot be split into train and test.");
  if (!(spec.test_fraction > 0.0 && spec.test_fraction < 1.0) && spec.kind != SplitKind::kKFold)
    return Status::Error("The test share must be between 0 and 1 (e.g. 0.25 for a quarter of the rows).");
  TrainTestSplitOptions options;
  options.test_fraction = spec.test_fraction;
  options.random_state = spec.seed;
  switch (spec.kind) {
    case SplitKind::kRandom: return TrainTestSplit(rows, options);
    case SplitKind::kStratified:
      if (data.task != TaskKind::kClassification)
        return Status::Error("A stratified split keeps class proportions, so it needs a classification target.");
      return StratifiedTrainTestSplit(data.targets, options);
    case SplitKind::kSequential: {
      SequentialSplitOptions sequential;
      sequential.test_count = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(spec.test_fraction * rows)));
      sequential.test_count = SeriesAlignedTestCount(data, sequential.test_count);
      sequential.train_count = rows - sequential.test_count;
      auto three = SequentialSplit(rows, sequential);
      if (!three.ok()) return three.status();
      return Split{three.value().train, three.value().test};
    }
    case SplitKind::kByCoordinate: {
      if (spec.coordinate_column < 0 || spec.coordinate_column >= data.features.cols())
        return Status::Error("Choose the column to split by (e.g. depth).");
      CoordinateSplitOptions coordinate;
      coordinate.test_fraction = spec.test_fraction;
      coordinate.largest_is_test = spec.largest_is_test;
      return SplitByCoordinate(data.features.col(spec.coordinate_column), coordinate);
    }
    case SplitKind::kKFold: {
      KFoldOptions kfold;
      kfold.folds = spec.folds;
      kfold.shuffle = spec.shuffle_folds;
      kfold.random_state = spec.seed;
      auto folds = KFold(rows, kfold);
      if (!folds.ok()) return folds.status();
      if (spec.fold < 0 || spec.fold >= static_cast<int>(folds.value().size()))
        return Status::Error("Fold " + std::to_string(spec.fold + 1) + " does not exist: there are " +
                             std::to_string(folds.value().size()) + " folds.");
      return folds.value()[static_cast<size_t>(spec.fold)];
    }
  }
  return Status::Error("Unknown split.");
}

namespace {

bool Covers(const PreprocessSpec& step, int column) {
  return step.columns.empty() || std::find(step.columns.begin(), step.columns.end(), column) != step.columns.end();
}
bool ChangesColumnCount(PreprocessKind kind) {
  return kind == PreprocessKind::kOneHot || kind == PreprocessKind::kPolynomial || kind == PreprocessKind::kPca;
}

// A text column must meet a one-hot or ordinal step before anything that moves columns around
// (after such a step the original column can no longer be followed).
Status CheckCategoricalEncoded(const Dataset& raw, const std::vector<PreprocessSpec>& steps) {
  for (size_t c = 0; c < raw.categorical_columns.size(); ++c) {
    const int column = raw.categorical_columns[c];
    bool encoded = false, lost_track = false;
    for (const PreprocessSpec& step : steps) {
      if ((step.kind == PreprocessKind::kOneHot || step.kind == PreprocessKind::kOrdinal) && Covers(step, column)) {
        encoded = true;
        break;
      }
      if (ChangesColumnCount(step.kind)) {
        lost_track = true;
        break;
      }
    }
    if (!encoded && !lost_track) {
      const std::string& name = raw.feature_names[static_cast<size_t>(column)];
      return Status::Error("Column '" + name + "' holds text categories. Add a one-hot (or ordinal) encoding step "
                           "for it, or leave it out of the features.");
    }
  }
  return {};
}

// One-hot names come out as "colour=2"; put the category's text back: "colour=red".
void NameCategories(const Dataset& raw, std::vector<std::string>* names) {
  for (size_t c = 0; c < raw.categorical_columns.size(); ++c) {
    const std::string prefix = raw.feature_names[static_cast<size_t>(raw.categorical_columns[c])] + "=";
    const auto& labels = raw.column_categories[c];
    for (std::string& name : *names) {
      if (name.rfind(prefix, 0) != 0) continue;
      const std::string code = name.substr(prefix.size());
      char* end = nullptr;
      const long index = std::strtol(code.c_str(), &end, 10);
      if (end && *end == '\0' && index >= 0 && static_cast<size_t>(index) < labels.size())
        name = prefix + labels[static_cast<size_t>(index)];
    }
  }
}

}  // namespace

Result<PreparedData> PrepareData(std::shared_ptr<const Dataset> raw, const std::vector<PreprocessSpec>& steps,
                                 const SplitSpec& split_spec) {
  if (!raw) return Status::Error("No dataset is loaded yet.");
  if (Status status = CheckCategoricalEncoded(*raw, steps); !status.ok()) return status;
  auto split = MakeSplit(*raw, split_spec);
  if (!split.ok()) return split.status();

  PreparedData prepared;
  prepared.raw = raw;
  prepared.split = std::move(split).value();
  prepared.steps = steps;
  prepared.split_spec = split_spec;
  auto fitted_chain = std::make_shared<PreprocessChain>();
  PreprocessChain& chain = *fitted_chain;
  for (const PreprocessSpec& spec : steps) chain.Add(MakePreprocessStep(spec));
  prepared.chain = chain.Describe();
  if (steps.empty()) {
    prepared.data = raw;
    return prepared;
  }
  if (Status status = chain.Fit(raw->features, prepared.split.train); !status.ok()) return status;
  auto features = chain.Transform(raw->features);
  if (!features.ok()) return features.status();

  auto data = std::make_shared<Dataset>(*raw);
  data->dense_targets = raw->dense_targets;
  data->features = std::move(features).value();
  data->feature_names = chain.OutputNames(raw->feature_names);
  NameCategories(*raw, &data->feature_names);
  data->categorical_columns.clear();
  data->column_categories.clear();
  if (data->features.cols() != raw->features.cols()) {  // images stop being images once columns change
    data->layout = SampleLayout::kTabular;
    data->sample_shape.clear();
  }
  prepared.data = std::move(data);
  prepared.fitted_chain = std::move(fitted_chain);
  return prepared;
}

}  // namespace mlp
