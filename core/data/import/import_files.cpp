// ImportFiles. Sections: [names] file-name helpers; [detect] recognising formats; [arrays] NPY/IDX/
// NPZ arrays to tables and image datasets; [png] PNG folders; [entry] grouping the files.
#include "core/data/import/import_files.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <utility>

#include "core/base/format.h"
#include "core/data/io/array.h"
#include "core/data/io/csv.h"
#include "core/data/io/idx.h"
#include "core/data/io/inflate.h"
#include "core/data/io/npy.h"
#include "core/data/io/npz.h"
#include "core/data/io/png.h"

namespace mlp {
namespace {

using io::DescribeBytes;
using io::NamedArray;
using io::NdArray;

// ---- [names] ----------------------------------------------------------------------------------

std::string BaseName(const std::string& name) {
  const size_t slash = name.find_last_of("/\\");
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Lower-case extension without the dot ("" when none), ignoring a trailing ".gz".
std::string Extension(std::string name) {
  name = Lower(BaseName(name));
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  const size_t dot = name.rfind('.');
  return dot == std::string::npos ? "" : name.substr(dot + 1);
}

std::string WithoutExtension(const std::string& name) {
  const size_t dot = name.rfind('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

// "data/train-images-idx3-ubyte.gz" → "train-images-idx3-ubyte", "x.npy" → "x": the dataset's name.
std::string TitleOf(const std::string& name) {
  std::string base = BaseName(name);
  if (EndsWith(Lower(base), ".gz")) base.resize(base.size() - 3);
  return WithoutExtension(base);
}

Status InFile(const std::string& name, const Status& status) {
  return Status::Error(name + ": " + status.message());
}

Status OverBudget(const std::string& what, double bytes, int64_t budget) {
  return Status::Error(what + " is " + DescribeBytes(bytes) + ", larger than the memory budget of " +
                       DescribeBytes(static_cast<double>(budget)) + ". Import a smaller part of the data.");
}

// ---- [detect] ---------------------------------------------------------------------------------

enum class FileKind { kNpy, kNpz, kPng, kIdx, kText, kBinary };

const char* KindName(FileKind kind) {
  switch (kind) {
    case FileKind::kNpy: return "NPY";
    case FileKind::kNpz: return "NPZ";
    case FileKind::kPng: return "PNG";
    case FileKind::kIdx: return "IDX";
    case FileKind::kText: return "CSV/TSV text";
    case FileKind::kBinary: return "binary";
  }
  return "?";
}

bool IsIdxTypeCode(uint8_t code) {
  return code == 0x08 || code == 0x09 || code == 0x0B || code == 0x0C || code == 0x0D || code == 0x0E;
}

FileKind Detect(const uint8_t* data, size_t size) {
  if (size >= 6 && data[0] == 0x93 && std::memcmp(data + 1, "NUMPY", 5) == 0) return FileKind::kNpy;
  if (size >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4) return FileKind::kNpz;
  if (io::LooksLikePng(data, size)) return FileKind::kPng;
  if (size >= 4 && data[0] == 0 && data[1] == 0 && IsIdxTypeCode(data[2]) && data[3] >= 1) return FileKind::kIdx;
  // Text has no NUL bytes and few control characters (tab, CR, LF and form feed are fine).
  const size_t probe = std::min<size_t>(size, 64 * 1024);
  size_t control = 0;
  for (size_t i = 0; i < probe; ++i) {
    const uint8_t c = data[i];
    if (c == 0) return FileKind::kBinary;
    if (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return control * 100 > probe ? FileKind::kBinary : FileKind::kText;
}

// A file after gzip is undone: its bytes (borrowed or owned) and what they are.
struct Source {
  const InputFile* file = nullptr;
  std::string name;                // as given, for messages
  std::vector<uint8_t> inflated;   // the decompressed bytes when the file was gzipped
  bool gzipped = false;
  FileKind kind = FileKind::kBinary;
  const uint8_t* data() const { return gzipped ? inflated.data() : file->bytes.data(); }
  size_t size() const { return gzipped ? inflated.size() : file->bytes.size(); }
};

Result<Source> OpenFile(const InputFile& file, int64_t budget) {
  Source source;
  source.file = &file;
  source.name = file.name.empty() ? std::string("(unnamed file)") : file.name;
  if (file.bytes.empty()) return Status::Error(source.name + ": the file is empty.");
  if (static_cast<int64_t>(file.bytes.size()) > budget) {
    return OverBudget("The file " + source.name, static_cast<double>(file.bytes.size()), budget);
  }
  if (io::LooksGzipped(file.bytes.data(), file.bytes.size())) {
    Result<std::vector<uint8_t>> inflated = io::GunzipDecompress(file.bytes.data(), file.bytes.size(), budget);
    if (!inflated.ok()) return InFile(source.name, inflated.status());
    source.inflated = std::move(inflated).value();
    source.gzipped = true;
    if (source.inflated.empty()) return Status::Error(source.name + ": the file decompresses to nothing.");
  }
  source.kind = Detect(source.data(), source.size());
  // The extension only explains a failure: a ".png" that is not a PNG is better reported as such.
  const std::string extension = Extension(file.name);
  const std::map<std::string, FileKind> by_extension = {
      {"npy", FileKind::kNpy}, {"npz", FileKind::kNpz}, {"png", FileKind::kPng}, {"csv", FileKind::kText},
      {"tsv", FileKind::kText}, {"txt", FileKind::kText}};
  const auto expected = by_extension.find(extension);
  if (expected != by_extension.end() && expected->second != source.kind) {
    if (expected->second == FileKind::kText && source.kind == FileKind::kBinary) {
      return Status::Error(source.name + ": the name says text (." + extension +
                           ") but the file holds binary data. Export it again as plain text.");
    }
    if (expected->second != FileKind::kText) {
      return Status::Error(source.name + ": the name says ." + extension + " but the content is " +
                           (source.kind == FileKind::kText ? std::string("text") : std::string(KindName(source.kind))) +
                           (source.kind == FileKind::kBinary ? " data of an unknown kind" : "") +
                           ". The file is damaged or misnamed.");
    }
  }
  if (source.kind == FileKind::kBinary) {
    return Status::Error(source.name + ": this is not a format the playground reads. Use CSV/TSV text, NumPy "
                         ".npy/.npz, PNG images or MNIST-style IDX files (any of them may be gzipped).");
  }
  return source;
}

// ---- [arrays] ---------------------------------------------------------------------------------

std::string ShapeText(const std::vector<int64_t>& shape) {
  std::string text;
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? " × " : "") + std::to_string(shape[i]);
  return shape.empty() ? "scalar" : text;
}

bool IsImageShape(const std::vector<int64_t>& shape) {
  return shape.size() == 3 || (shape.size() == 4 && shape[3] == 1);
}

bool AllIntegers(const NdArray& array) {
  for (double v : array.values) {
    if (!std::isfinite(v) || v != std::floor(v)) return false;
  }
  return true;
}

// Position of `name` (case-insensitive) in `preferred`, or preferred.size() when absent.
size_t Preference(const std::string& name, const std::vector<std::string>& preferred) {
  const std::string lower = Lower(name);
  for (size_t i = 0; i < preferred.size(); ++i) {
    if (lower == preferred[i]) return i;
  }
  return preferred.size();
}

// Classes = sorted distinct values as text; `indices` receives each value's class index.
std::vector<std::string> ClassesOf(const std::vector<double>& values, std::vector<double>* indices) {
  std::vector<double> distinct = values;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::vector<std::string> names;
  for (double v : distinct) names.push_back(FormatNumber(v));
  indices->resize(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    (*indices)[i] = static_cast<double>(std::lower_bound(distinct.begin(), distinct.end(), values[i]) - distinct.begin());
  }
  return names;
}

std::vector<std::string> PixelNames(int height, int width) {
  std::vector<std::string> names;
  names.reserve(size_t(height) * size_t(width));
  for (int r = 0; r < height; ++r) {
    for (int c = 0; c < width; ++c) names.push_back("pixel (" + std::to_string(r) + ", " + std::to_string(c) + ")");
  }
  return names;
}

// (N,H,W[,1]) images scaled to [0,1]; labels: 1-D of length N (class targets) or nullptr
// (unlabelled); masks: same shape as the images (segmentation) or nullptr.
Result<Dataset> ImagesToDataset(const std::string& name, const NdArray& images, const NdArray* labels,
                                const NdArray* masks, int64_t budget) {
  const int64_t n = images.shape[0], height = images.shape[1], width = images.shape[2];
  if (n == 0 || height == 0 || width == 0) {
    return Status::Error(name + ": the image array has shape " + ShapeText(images.shape) + ", with nothing in it.");
  }
  if (height > 1 << 20 || width > 1 << 20) return Status::Error(name + ": the images are too large to show.");
  const double result_bytes = double(n) * double(height * width) * 8.0 * (masks ? 2.0 : 1.0);
  if (result_bytes > double(budget)) return OverBudget("The image set " + name, result_bytes, budget);

  Dataset dataset;
  dataset.name = name;
  dataset.task = TaskKind::kClassification;
  dataset.layout = SampleLayout::kImage;
  dataset.sample_shape = {int(height), int(width)};
  dataset.feature_names = PixelNames(int(height), int(width));
  // uint8 is always 0..255; other types are divided by 255 only when they exceed 1.
  double scale = 1.0;
  if (images.source_dtype == io::DType::kUInt8) {
    scale = 1.0 / 255.0;
  } else {
    double largest = 0.0;
    for (double v : images.values) largest = std::max(largest, v);
    if (largest > 1.0) scale = 1.0 / 255.0;
  }
  const int64_t pixels = height * width;
  dataset.features.resize(n, pixels);
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t p = 0; p < pixels; ++p) dataset.features(i, p) = images.values[size_t(i * pixels + p)] * scale;
  }
  if (masks) {
    std::vector<double> indices;
    dataset.class_names = ClassesOf(masks->values, &indices);
    dataset.dense_targets.resize(n, pixels);
    for (int64_t i = 0; i < n; ++i) {
      for (int64_t p = 0; p < pixels; ++p) dataset.dense_targets(i, p) = indices[size_t(i * pixels + p)];
    }
    dataset.targets = Eigen::VectorXd::Zero(n);  // the per-pixel classes are in dense_targets
    dataset.target_name = "mask";
  } else if (labels) {
    std::vector<double> indices;
    dataset.class_names = ClassesOf(labels->values, &indices);
    dataset.targets = Eigen::Map<const Eigen::VectorXd>(indices.data(), Eigen::Index(indices.size()));
    dataset.target_name = "label";
  } else {
    dataset.class_names = {"unlabelled"};
    dataset.targets = Eigen::VectorXd::Zero(n);
    dataset.target_name = "label";
  }
  return dataset;
}

// Columns of a 2-D (rows × columns) or 1-D array, named prefix0, prefix1, ... (or `single` for 1-D).
void AppendColumns(const NdArray& array, const std::string& prefix, const std::string& single, io::Table* table) {
  const int64_t rows = array.shape[0];
  const int64_t cols = array.shape.size() == 2 ? array.shape[1] : 1;
  for (int64_t c = 0; c < cols; ++c) {
    io::Column column;
    column.name = array.shape.size() == 1 ? single : prefix + std::to_string(c);
    column.kind = io::ColumnKind::kNumeric;
    column.numbers.resize(size_t(rows));
    for (int64_t r = 0; r < rows; ++r) {
      const double v = array.values[size_t(r * cols + c)];
      column.numbers[size_t(r)] = v;
      if (std::isnan(v)) ++column.missing;
    }
    table->columns.push_back(std::move(column));
  }
  table->rows = rows;
}

std::string LabelDescription(const Dataset& dataset, const std::string& source) {
  if (!dataset.dense_targets.size() && dataset.class_names.size() == 1 && dataset.class_names[0] == "unlabelled") {
    return "unlabelled";
  }
  return std::to_string(dataset.num_classes()) + (dataset.num_classes() == 1 ? " class" : " classes") + " from " + source;
}

// Builds the result from named arrays (files or NPZ entries). `kind` names the source in the description.
Result<Imported> FromArrays(std::vector<NamedArray> arrays, const std::string& kind, const std::string& title,
                            bool from_npz, int64_t budget) {
  const std::vector<std::string> feature_names = {"x", "images", "image", "data", "features", "inputs",
                                                  "x_train", "train_images", "samples"};
  const std::vector<std::string> label_names = {"y", "labels", "label", "target", "targets", "y_train",
                                                "train_labels", "classes", "class"};
  for (const NamedArray& entry : arrays) {
    if (entry.second.shape.empty()) {
      return Status::Error(entry.first + ": holds a single number (a 0-d array), not data to learn from.");
    }
    if (entry.second.shape.size() == 4 && entry.second.shape[3] != 1) {
      return Status::Error(entry.first + ": shape " + ShapeText(entry.second.shape) +
                           " looks like colour images; only grayscale (N, H, W) or (N, H, W, 1) arrays are read. "
                           "Convert them to grayscale first.");
    }
    if (entry.second.shape.size() > 4) {
      return Status::Error(entry.first + ": shape " + ShapeText(entry.second.shape) +
                           " is not understood. Use a table (rows × columns) or images (N, H, W).");
    }
  }
  // Features: the array with two or more dimensions (preferred names first, else the first one).
  int features = -1;
  for (int i = 0; i < int(arrays.size()); ++i) {
    if (arrays[size_t(i)].second.shape.size() < 2) continue;
    if (features >= 0 && !from_npz) {
      return Status::Error("Both " + arrays[size_t(features)].first + " and " + arrays[size_t(i)].first +
                           " hold several dimensions. Import one features/images file, optionally with a 1-D "
                           "labels file.");
    }
    if (features < 0 || Preference(arrays[size_t(i)].first, feature_names) <
                            Preference(arrays[size_t(features)].first, feature_names)) {
      features = i;
    }
  }
  if (!from_npz && arrays.size() > 2) {
    return Status::Error("Import at most two array files together: the features or images, and a 1-D labels file.");
  }

  Imported imported;
  if (features < 0) {
    // Only 1-D arrays: one column each, all of the same length.
    const int64_t rows = arrays[0].second.shape[0];
    if (!from_npz && arrays.size() > 1) {
      return Status::Error("Both files hold 1-D arrays; import a features or images file with the labels file.");
    }
    io::Table table;
    table.name = title;
    for (const NamedArray& entry : arrays) {
      if (entry.second.shape[0] != rows) {
        return Status::Error(entry.first + " has " + std::to_string(entry.second.shape[0]) + " values but " +
                             arrays[0].first + " has " + std::to_string(rows) + "; the columns must have the same length.");
      }
      AppendColumns(entry.second, "", from_npz ? entry.first : "x0", &table);
    }
    imported.description = kind + ": " + std::to_string(rows) + " rows × " + std::to_string(table.columns.size()) +
                           (table.columns.size() == 1 ? " column" : " columns") + " from 1-D arrays";
    imported.table = std::move(table);
    return imported;
  }

  const NamedArray& chosen = arrays[size_t(features)];
  const int64_t n = chosen.second.shape[0];
  // Segmentation (NPZ): an integer array of exactly the images' shape holds the masks.
  const NamedArray* masks = nullptr;
  const NamedArray* labels = nullptr;
  std::vector<std::string> ignored;
  for (int i = 0; i < int(arrays.size()); ++i) {
    if (i == features) continue;
    const NamedArray& entry = arrays[size_t(i)];
    if (from_npz && IsImageShape(chosen.second.shape) && entry.second.shape == chosen.second.shape &&
        AllIntegers(entry.second) && !masks) {
      masks = &entry;
      continue;
    }
    if (entry.second.shape.size() == 1) {
      if (entry.second.shape[0] != n) {
        if (!from_npz || Preference(entry.first, label_names) < label_names.size()) {
          return Status::Error("The labels " + entry.first + " hold " + std::to_string(entry.second.shape[0]) +
                               " values but " + chosen.first + " holds " + std::to_string(n) +
                               (IsImageShape(chosen.second.shape) ? " images" : " rows") +
                               ". Give one label per sample.");
        }
      } else if (!labels || Preference(entry.first, label_names) < Preference(labels->first, label_names)) {
        if (labels) ignored.push_back(labels->first);
        labels = &entry;
        continue;
      }
    }
    ignored.push_back(entry.first);
  }
  std::string ignored_text;
  if (!ignored.empty()) {
    ignored_text = "; ignored: ";
    for (size_t i = 0; i < ignored.size(); ++i) ignored_text += (i ? ", " : "") + ignored[i];
  }

  if (IsImageShape(chosen.second.shape)) {
    Result<Dataset> dataset = ImagesToDataset(title, chosen.second, labels ? &labels->second : nullptr,
                                              masks ? &masks->second : nullptr, budget);
    if (!dataset.ok()) return dataset.status();
    const Dataset& d = dataset.value();
    imported.description = kind + ": " + std::to_string(n) + " grayscale images of " +
                           std::to_string(chosen.second.shape[1]) + " × " + std::to_string(chosen.second.shape[2]) +
                           " pixels (" + std::string(io::DTypeName(chosen.second.source_dtype)) + "), " +
                           (masks ? "segmentation masks with " + std::to_string(d.num_classes()) + " classes from " +
                                        masks->first
                                  : LabelDescription(d, labels ? labels->first : "")) +
                           ignored_text;
    imported.dataset = std::move(dataset).value();
    return imported;
  }
  if (chosen.second.shape.size() != 2) {
    return Status::Error(chosen.first + ": shape " + ShapeText(chosen.second.shape) +
                         " is not understood. Use a table (rows × columns) or images (N, H, W).");
  }
  const double table_bytes = double(chosen.second.size() + (labels ? n : 0)) * 8.0;
  if (table_bytes > double(budget)) return OverBudget("The table from " + chosen.first, table_bytes, budget);
  io::Table table;
  table.name = title;
  AppendColumns(chosen.second, "x", "x0", &table);
  if (labels) AppendColumns(labels->second, "", "label", &table);
  imported.description = kind + ": " + std::to_string(n) + " rows × " + std::to_string(chosen.second.shape[1]) +
                         " columns (" + std::string(io::DTypeName(chosen.second.source_dtype)) + ") as x0.." + "x" +
                         std::to_string(chosen.second.shape[1] - 1) +
                         (labels ? ", plus \"label\" from " + labels->first : std::string()) + ignored_text;
  imported.table = std::move(table);
  return imported;
}

// ---- [png] ------------------------------------------------------------------------------------

Result<Imported> FromPngs(const std::vector<Source>& sources, int64_t budget,
                          const std::function<bool(double)>& progress) {
  std::vector<io::PngHeader> headers;
  for (const Source& source : sources) {
    Result<io::PngHeader> header = io::ReadPngHeader(source.data(), source.size());
    if (!header.ok()) return InFile(source.name, header.status());
    const io::PngHeader& first = headers.empty() ? header.value() : headers[0];
    if (header.value().width != first.width || header.value().height != first.height) {
      return Status::Error("The image " + source.name + " is " + std::to_string(header.value().width) + " × " +
                           std::to_string(header.value().height) + " pixels but " + sources[0].name + " is " +
                           std::to_string(first.width) + " × " + std::to_string(first.height) +
                           ". All images must have the same size: resize them first.");
    }
    headers.push_back(header.value());
  }
  const int64_t n = int64_t(sources.size());
  const int height = headers[0].height, width = headers[0].width;
  const int64_t pixels = int64_t(height) * int64_t(width);
  const double result_bytes = double(n) * double(pixels) * 8.0;
  if (result_bytes > double(budget)) return OverBudget("The image set", result_bytes, budget);

  Dataset dataset;
  dataset.name = "Imported images";
  dataset.task = TaskKind::kClassification;
  dataset.layout = SampleLayout::kImage;
  dataset.sample_shape = {height, width};
  dataset.feature_names = PixelNames(height, width);
  dataset.target_name = "label";
  dataset.features.resize(n, pixels);
  io::PngOptions png_options;
  png_options.max_bytes = budget;
  std::vector<std::string> labels;
  for (int64_t i = 0; i < n; ++i) {
    const Source& source = sources[size_t(i)];
    Result<io::PngImage> image = io::DecodePng(source.data(), source.size(), png_options);
    if (!image.ok()) return InFile(source.name, image.status());
    for (int64_t p = 0; p < pixels; ++p) dataset.features(i, p) = image.value().gray[size_t(p)];
    labels.push_back(ImageLabelFromName(source.name));
    if (progress && !progress(double(i + 1) / double(n))) return Status::Error("Import cancelled.");
  }
  std::vector<std::string> classes = labels;
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  std::string label_text;
  if (classes.size() == labels.size()) {
    // Every name is different: the names carry no classes.
    dataset.class_names = {"unlabelled"};
    dataset.targets = Eigen::VectorXd::Zero(n);
    label_text = "unlabelled (every file name gives a different label)";
  } else {
    dataset.class_names = classes;
    dataset.targets.resize(n);
    for (int64_t i = 0; i < n; ++i) {
      dataset.targets(i) = double(std::lower_bound(classes.begin(), classes.end(), labels[size_t(i)]) - classes.begin());
    }
    label_text = std::to_string(classes.size()) + " classes from the file names (";
    for (size_t c = 0; c < classes.size() && c < 5; ++c) label_text += (c ? ", " : "") + classes[c];
    label_text += classes.size() > 5 ? ", …)" : ")";
  }
  Imported imported;
  imported.description = "PNG: " + std::to_string(n) + (n == 1 ? " image" : " images") + " of " +
                         std::to_string(width) + " × " + std::to_string(height) + " pixels, " + label_text;
  imported.dataset = std::move(dataset);
  return imported;
}

}  // namespace

std::string ImageLabelFromName(const std::string& name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) {
    const size_t start = name.find_last_of("/\\", slash == 0 ? std::string::npos : slash - 1);
    const std::string folder = name.substr(start == std::string::npos ? 0 : start + 1,
                                           slash - (start == std::string::npos ? 0 : start + 1));
    if (!folder.empty()) return io::ToValidUtf8(folder);
  }
  const std::string base = WithoutExtension(BaseName(name));
  const size_t cut = base.find_first_of("_-");
  return io::ToValidUtf8(cut == std::string::npos || cut == 0 ? base : base.substr(0, cut));
}

// ---- [entry] ----------------------------------------------------------------------------------

Result<Imported> ImportFiles(const std::vector<InputFile>& files, const ImportOptions& options) {
  const int64_t budget = options.memory_budget_bytes;
  if (files.empty()) return Status::Error("No file was given to import.");
  if (budget <= 0) return Status::Error("The memory budget must be positive.");

  std::vector<Source> sources;
  sources.reserve(files.size());
  for (const InputFile& file : files) {
    Result<Source> source = OpenFile(file, budget);
    if (!source.ok()) return source.status();
    sources.push_back(std::move(source).value());
  }
  auto count = [&](FileKind kind) {
    return std::count_if(sources.begin(), sources.end(), [&](const Source& s) { return s.kind == kind; });
  };
  const auto describe_mix = [&]() {
    std::string text;
    for (const Source& s : sources) text += (text.empty() ? "" : ", ") + s.name + " (" + KindName(s.kind) + ")";
    return text;
  };
  const size_t total = sources.size();

  if (count(FileKind::kText) > 0) {
    if (total > 1) {
      return Status::Error("A CSV/TSV table is imported on its own, but these files were given together: " +
                           describe_mix() + ". Import one file at a time.");
    }
    const Source& source = sources[0];
    io::CsvOptions csv;
    csv.max_bytes = size_t(budget);
    csv.progress = options.progress;
    if (Extension(source.name) == "tsv") csv.delimiter = '\t';
    io::CsvFormat format;
    Result<io::Table> table =
        io::ReadCsv(reinterpret_cast<const char*>(source.data()), source.size(), csv, &format);
    if (!table.ok()) return InFile(source.name, table.status());
    Imported imported;
    const bool tab = format.delimiter == '\t';
    imported.description = std::string(tab ? "TSV: " : "CSV: ") + std::to_string(table.value().rows) + " rows × " +
                           std::to_string(table.value().columns.size()) + " columns, " +
                           (tab ? std::string("tab") : "'" + std::string(1, format.delimiter) + "'") + "-separated, " +
                           (format.has_header ? "with header" : "without header") +
                           (format.decimal_comma ? ", decimal comma" : "");
    imported.table = std::move(table).value();
    imported.table->name = TitleOf(source.name);
    return imported;
  }
  if (count(FileKind::kPng) > 0) {
    if (size_t(count(FileKind::kPng)) != total) {
      return Status::Error("PNG images can only be imported with other PNG images, but these files were given "
                           "together: " + describe_mix() + ".");
    }
    return FromPngs(sources, budget, options.progress);
  }
  if (count(FileKind::kNpz) > 0) {
    if (total > 1) {
      return Status::Error("An NPZ archive is imported on its own (it already holds its arrays), but these files "
                           "were given together: " + describe_mix() + ".");
    }
    const Source& source = sources[0];
    Result<std::vector<NamedArray>> arrays = io::ParseNpz(source.data(), source.size(), io::ReadLimits{budget});
    if (!arrays.ok()) return InFile(source.name, arrays.status());
    if (arrays.value().empty()) return Status::Error(source.name + ": the archive holds no arrays.");
    if (options.progress && !options.progress(0.5)) return Status::Error("Import cancelled.");
    Result<Imported> imported =
        FromArrays(std::move(arrays).value(), "NPZ", TitleOf(source.name), true, budget);
    if (imported.ok() && options.progress) options.progress(1.0);
    return imported;
  }
  // NPY and IDX files: one array each, sharing the budget.
  std::vector<NamedArray> arrays;
  int64_t remaining = budget;
  std::string kinds;
  for (size_t i = 0; i < total; ++i) {
    const Source& source = sources[i];
    const io::ReadLimits limits{remaining};
    Result<NdArray> array = source.kind == FileKind::kNpy ? io::ParseNpy(source.data(), source.size(), limits)
                                                          : io::ParseIdx(source.data(), source.size(), limits);
    if (!array.ok()) return InFile(source.name, array.status());
    remaining -= array.value().size() * 8;
    if (kinds.find(KindName(source.kind)) == std::string::npos) kinds += (kinds.empty() ? "" : "+") + std::string(KindName(source.kind));
    arrays.emplace_back(source.name, std::move(array).value());
    if (options.progress && !options.progress(double(i + 1) / double(total + 1))) {
      return Status::Error("Import cancelled.");
    }
  }
  const std::string title = TitleOf(sources[0].name);
  Result<Imported> imported = FromArrays(std::move(arrays), kinds, title, false, budget);
  if (imported.ok() && options.progress) options.progress(1.0);
  return imported;
}

}  // namespace mlp
