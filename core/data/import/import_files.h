// "Import your own files": turns the bytes of one or more user files (file picker or drag and drop;
// the web build has no filesystem) into a Table for the column chooser or a ready image Dataset.
//
// Formats are recognised by their first bytes (the extension is only a hint for text):
//   NPY (\x93NUMPY), NPZ (PK\x03\x04), PNG (\x89PNG), IDX (00 00 type rank), gzip (1f 8b: inflated
//   within the budget, then recognised again, e.g. train-images-idx3-ubyte.gz), else text → CSV/TSV.
// Routes:
//   - one CSV/TSV file → table;
//   - a 2-D numeric array (NPY, IDX or an NPZ's 2-D array) → table with columns x0..x{D-1}, plus a
//     "label" column when a 1-D array of the same length comes with it; a lone 1-D array → one column;
//   - image arrays (N,H,W) or (N,H,W,1) from NPY/IDX/NPZ → Dataset (layout kImage, sample_shape {H,W},
//     pixels in [0,1]: uint8 / 255, other types / 255 when their maximum exceeds 1, else as they are),
//     labelled by a 1-D array of length N given with them (classes = sorted distinct values as text),
//     or a single class "unlabelled"; an NPZ `images (N,H,W)` with integer `labels (N,H,W)` is a
//     segmentation set: the masks go to dense_targets as class indices;
//   - several PNG files of one size → image Dataset labelled by file name (see ImageLabelFromName).
// Every refusal is a failed Status with a message the user can act on; the memory budget is checked
// before the large buffers are allocated. Peak memory can reach about twice the result while an
// array is copied into the Dataset.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"
#include "core/data/io/table.h"

namespace mlp {

// One file as the user gave it: its name (may include folders, "cats/001.png") and its bytes.
struct InputFile {
  std::string name;
  std::vector<uint8_t> bytes;
};

struct ImportOptions {
  int64_t memory_budget_bytes = int64_t{512} << 20;  // any file, decompressed file or result beyond it is refused
  // Called with the fraction done (0..1) between files and during CSV parsing; return false to cancel.
  std::function<bool(double fraction)> progress;
};

// What an import produced: exactly one of table / dataset is set.
struct Imported {
  std::string description;          // one line for the UI, e.g. "CSV: 1599 rows × 12 columns, ';'-separated, with header"
  std::optional<io::Table> table;   // choose features and target with io::TableToDataset
  std::optional<Dataset> dataset;   // image data, ready to use
};

// Reads the files given together (see the header comment for the combinations understood).
Result<Imported> ImportFiles(const std::vector<InputFile>& files, const ImportOptions& options = {});

// The class an image file's name implies: the parent folder when the name has a '/', else the part
// before the first '_' or '-' ("cat_01.png" → "cat"), else the name without its extension.
std::string ImageLabelFromName(const std::string& name);

}  // namespace mlp
