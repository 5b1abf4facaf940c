// The real datasets ML Playground ships: a catalogue (title, datasheet, names, expected shape) and
// a decoder that turns an asset's bytes into a Dataset. The assets are NumPy archives
// (build/datasets/<id>.npz, made by scripts/datasets/convert.py at set-up) holding two arrays:
//   features  samples × features   float64 for measured tables, uint8 for images (raw values)
//   targets   samples              integer class index, or float64 for regression
// The core never decides where the files live: the web page fetches one asset and passes its
// bytes; the native app picks a directory (e.g. from MLP_DATASETS_DIR) and calls
// LoadBuiltinDatasetFile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

// What a user should know before using a dataset, in plain words (shown by the UI as is).
struct BuiltinDatasheet {
  std::string source;     // where our copy comes from (package, file)
  std::string origin;     // who collected the data, and the reference to cite
  std::string licence;    // licence of our copy
  std::string shape;      // samples, features, classes / target range
  std::string columns;    // what the columns and the target mean
  std::string good_for;   // lessons and models it suits, and its pitfalls
};

// One entry of the catalogue.
struct BuiltinDatasetInfo {
  std::string id;                          // "iris", …, also the asset's stem
  std::string title;                       // "Iris flowers"
  std::string asset_file;                  // "iris.npz"
  int64_t asset_bytes = 0;                 // size of the asset, for download progress (estimate)
  TaskKind task = TaskKind::kClassification;
  int64_t samples = 0;                     // rows the asset must hold
  int64_t features = 0;                    // columns the asset must hold
  SampleLayout layout = SampleLayout::kTabular;
  std::vector<int> sample_shape;           // {8, 8} / {28, 28} for images, empty for tables
  double pixel_scale = 1.0;                // images: raw value / pixel_scale puts pixels in [0, 1]
  std::vector<std::string> feature_names;  // one per column ("pixel_r_c" for images)
  std::vector<std::string> class_names;    // classification only, in target-index order
  std::string target_name;                 // "species", "disease progression", …
  BuiltinDatasheet datasheet;
};

// Every built-in dataset, in the order the UI lists them.
const std::vector<BuiltinDatasetInfo>& BuiltinDatasets();

// The entry called `id`, or nullptr.
const BuiltinDatasetInfo* FindBuiltinDataset(const std::string& id);

// Decodes the asset bytes of dataset `id` (the whole .npz file). Refuses unknown ids, damaged or
// truncated files and archives whose arrays do not match the catalogue (an asset from another
// version), with a message saying how to get a good copy. The Dataset has synthetic = false.
Result<Dataset> DecodeBuiltinDataset(const std::string& id, const uint8_t* data, size_t size);
Result<Dataset> DecodeBuiltinDataset(const std::string& id, const std::vector<uint8_t>& bytes);

// Native: reads `directory`/<asset_file> and decodes it. A missing file is an error that says to
// run scripts/setup.sh.
Result<Dataset> LoadBuiltinDatasetFile(const std::string& id, const std::string& directory);

}  // namespace mlp
