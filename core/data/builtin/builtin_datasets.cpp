// Decoding a built-in dataset's asset: parse the .npz with the shared reader (core/data/io/npz.h),
// check both arrays against the catalogue, then build the Dataset. Every check names what a user
// can do, because a wrong asset is always a stale or damaged download, never a user mistake.
#include "core/data/builtin/builtin_datasets.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "core/data/io/npz.h"

namespace mlp {
namespace {

// A mismatch between the asset and this build: the cure is a fresh copy.
Status Stale(const BuiltinDatasetInfo& info, const std::string& what) {
  return Status::Error("The built-in dataset file " + info.asset_file + " does not match this version of ML "
                       "Playground (" + what + "). Rebuild it with scripts/setup.sh, or reload the page.");
}

bool IsInteger(io::DType dtype) {
  return dtype != io::DType::kFloat32 && dtype != io::DType::kFloat64 && dtype != io::DType::kBool;
}

const io::NdArray* FindArray(std::vector<io::NamedArray>& arrays, const char* name) {
  for (io::NamedArray& entry : arrays)
    if (entry.first == name) return &entry.second;
  return nullptr;
}

std::string ShapeText(const std::vector<int64_t>& shape) {
  std::string text = "(";
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + (shape.size() == 1 ? ",)" : ")");
}

// out = values / scale, from row-major values into Eigen's column-major storage. Works through
// bands of rows so the strided reads stay in cache (a plain transposed copy of the 10,000 x 784
// images spends most of its time on cache misses). Division, not multiplication by 1/scale, so
// pixels equal NumPy's byte / 255 exactly.
void CopyRowMajor(const double* values, double scale, Eigen::MatrixXd* out, int64_t rows, int64_t cols) {
  out->resize(rows, cols);
  constexpr int64_t kBand = 32;
  for (int64_t first = 0; first < rows; first += kBand) {
    const int64_t last = std::min(rows, first + kBand);
    for (int64_t c = 0; c < cols; ++c) {
      double* column = out->col(c).data();
      for (int64_t r = first; r < last; ++r) column[r] = values[r * cols + c] / scale;
    }
  }
}

}  // namespace

Result<Dataset> DecodeBuiltinDataset(const std::string& id, const uint8_t* data, size_t size) {
  const BuiltinDatasetInfo* info = FindBuiltinDataset(id);
  if (info == nullptr) {
    std::string known;
    for (const BuiltinDatasetInfo& entry : BuiltinDatasets()) known += (known.empty() ? "" : ", ") + entry.id;
    return Status::Error("There is no built-in dataset called '" + id + "'. Built-in datasets: " + known + ".");
  }
  Result<std::vector<io::NamedArray>> parsed = io::ParseNpz(data, size);
  if (!parsed.ok()) {
    return Status::Error("The built-in dataset file " + info->asset_file + " is damaged or incomplete (" +
                         parsed.status().message() + "). Rebuild it with scripts/setup.sh, or reload the page.");
  }
  std::vector<io::NamedArray>& arrays = parsed.value();
  const io::NdArray* features = FindArray(arrays, "features");
  const io::NdArray* targets = FindArray(arrays, "targets");
  if (features == nullptr || targets == nullptr) return Stale(*info, "it lacks the 'features' or 'targets' array");

  const std::vector<int64_t> want_features = {info->samples, info->features};
  if (features->shape != want_features) {
    return Stale(*info, "features have shape " + ShapeText(features->shape) + ", expected " + ShapeText(want_features));
  }
  if (targets->shape != std::vector<int64_t>{info->samples}) {
    return Stale(*info, "targets have shape " + ShapeText(targets->shape) + ", expected (" +
                            std::to_string(info->samples) + ",)");
  }
  // Images are stored as raw bytes/counts; any other type means a different conversion.
  if (info->layout == SampleLayout::kImage && features->source_dtype != io::DType::kUInt8) {
    return Stale(*info, "image pixels are " + std::string(io::DTypeName(features->source_dtype)) + ", expected uint8");
  }
  const bool classify = info->task == TaskKind::kClassification;
  if (classify && !IsInteger(targets->source_dtype)) {
    return Stale(*info, "class labels are " + std::string(io::DTypeName(targets->source_dtype)) + ", expected integers");
  }
  for (double value : features->values) {
    if (!std::isfinite(value)) return Stale(*info, "a feature value is not a finite number");
    if (info->layout == SampleLayout::kImage && value > info->pixel_scale) {
      return Stale(*info, "a pixel value exceeds " + std::to_string(static_cast<int>(info->pixel_scale)));
    }
  }
  for (double value : targets->values) {
    if (!std::isfinite(value)) return Stale(*info, "a target is not a finite number");
    if (classify && (value < 0 || value >= static_cast<double>(info->class_names.size()))) {
      return Stale(*info, "a class label is outside 0.." + std::to_string(info->class_names.size() - 1));
    }
  }

  Dataset dataset;
  dataset.name = info->title;
  dataset.task = info->task;
  CopyRowMajor(features->values.data(), info->pixel_scale, &dataset.features, info->samples, info->features);
  dataset.targets = Eigen::Map<const Eigen::VectorXd>(targets->values.data(), info->samples);
  dataset.feature_names = info->feature_names;
  dataset.class_names = info->class_names;
  dataset.target_name = info->target_name;
  dataset.layout = info->layout;
  dataset.sample_shape = info->sample_shape;
  dataset.synthetic = false;
  return dataset;
}

Result<Dataset> DecodeBuiltinDataset(const std::string& id, const std::vector<uint8_t>& bytes) {
  return DecodeBuiltinDataset(id, bytes.data(), bytes.size());
}

Result<Dataset> LoadBuiltinDatasetFile(const std::string& id, const std::string& directory) {
  const BuiltinDatasetInfo* info = FindBuiltinDataset(id);
  if (info == nullptr) return DecodeBuiltinDataset(id, nullptr, 0);  // the unknown-id message
  const std::string path = directory.empty() ? info->asset_file : directory + "/" + info->asset_file;
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return Status::Error("The built-in dataset file " + path + " is missing: run scripts/setup.sh to create it "
                         "(or point MLP_DATASETS_DIR at the folder that holds it).");
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) return Status::Error("Could not read " + path + ": the disk reported an error while reading it.");
  return DecodeBuiltinDataset(id, bytes);
}

}  // namespace mlp
