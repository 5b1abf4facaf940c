// ImportFiles: each route (CSV/TSV, NPY tables, image arrays with labels, gzipped IDX, NPZ with
// labels or segmentation masks, PNG folders) on small files built here, and every refusal: memory
// budget, garbage, empty files, mixed files, label-count and image-size mismatches.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/data/import/import_files.h"
#include "core/data/io/inflate.h"

namespace {

using mlp::ImportFiles;
using mlp::InputFile;
using Bytes = std::vector<uint8_t>;

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

Bytes Text(const std::string& text) { return Bytes(text.begin(), text.end()); }

void PutLE(Bytes* out, uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out->push_back(uint8_t(value >> (8 * i)));
}
void PutBE32(Bytes* out, uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(uint8_t(value >> shift));
}

// A version-1 .npy file; descr is "|u1", "<i8", "<f4" or "<f8" (values converted to that type).
Bytes Npy(const std::string& descr, const std::vector<int64_t>& shape, const std::vector<double>& values) {
  std::string shape_text = "(";
  for (size_t i = 0; i < shape.size(); ++i) shape_text += (i ? ", " : "") + std::to_string(shape[i]);
  shape_text += shape.size() == 1 ? ",)" : ")";  // "(5,)" as Python writes a 1-tuple
  std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape_text + ", }";
  while ((10 + header.size() + 1) % 64 != 0) header += ' ';
  header += '\n';
  Bytes out = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
  PutLE(&out, header.size(), 2);
  out.insert(out.end(), header.begin(), header.end());
  for (double v : values) {
    if (descr == "|u1") {
      out.push_back(uint8_t(v));
    } else if (descr == "<i8") {
      PutLE(&out, uint64_t(int64_t(v)), 8);
    } else if (descr == "<f4") {
      const float f = float(v);
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      PutLE(&out, bits, 4);
    } else {
      uint64_t bits;
      std::memcpy(&bits, &v, 8);
      PutLE(&out, bits, 8);
    }
  }
  return out;
}

// An IDX file of uint8 values.
Bytes Idx(const std::vector<uint32_t>& shape, const std::vector<double>& values) {
  Bytes out = {0, 0, 0x08, uint8_t(shape.size())};
  for (uint32_t d : shape) PutBE32(&out, d);
  for (double v : values) out.push_back(uint8_t(v));
  return out;
}

// Raw DEFLATE stored blocks holding `raw`.
Bytes Stored(const Bytes& raw) {
  Bytes out;
  size_t at = 0;
  do {
    const size_t n = std::min<size_t>(raw.size() - at, 65535);
    out.push_back(at + n == raw.size() ? 1 : 0);
    PutLE(&out, n, 2);
    PutLE(&out, uint16_t(~n), 2);
    out.insert(out.end(), raw.begin() + long(at), raw.begin() + long(at + n));
    at += n;
  } while (at < raw.size());
  return out;
}

Bytes Gzip(const Bytes& raw) {
  Bytes out = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff};
  const Bytes body = Stored(raw);
  out.insert(out.end(), body.begin(), body.end());
  PutLE(&out, mlp::io::Crc32(raw.data(), raw.size()), 4);
  PutLE(&out, raw.size(), 4);
  return out;
}

// A ZIP of stored entries, as numpy.savez writes them.
Bytes Npz(const std::vector<std::pair<std::string, Bytes>>& entries) {
  Bytes out, directory;
  for (const auto& [stem, data] : entries) {
    const std::string name = stem + ".npy";
    const uint32_t crc = mlp::io::Crc32(data.data(), data.size());
    const size_t local = out.size();
    PutLE(&out, 0x04034b50, 4);
    PutLE(&out, 20, 2);
    PutLE(&out, 0, 2);
    PutLE(&out, 0, 2);
    PutLE(&out, 0, 4);  // time, date
    PutLE(&out, crc, 4);
    PutLE(&out, data.size(), 4);
    PutLE(&out, data.size(), 4);
    PutLE(&out, name.size(), 2);
    PutLE(&out, 0, 2);
    out.insert(out.end(), name.begin(), name.end());
    out.insert(out.end(), data.begin(), data.end());
    PutLE(&directory, 0x02014b50, 4);
    PutLE(&directory, 20, 2);
    PutLE(&directory, 20, 2);
    PutLE(&directory, 0, 2);
    PutLE(&directory, 0, 2);
    PutLE(&directory, 0, 4);
    PutLE(&directory, crc, 4);
    PutLE(&directory, data.size(), 4);
    PutLE(&directory, data.size(), 4);
    PutLE(&directory, name.size(), 2);
    PutLE(&directory, 0, 2);
    PutLE(&directory, 0, 2);
    PutLE(&directory, 0, 2);
    PutLE(&directory, 0, 2);
    PutLE(&directory, 0, 4);
    PutLE(&directory, local, 4);
    directory.insert(directory.end(), name.begin(), name.end());
  }
  const size_t directory_offset = out.size();
  out.insert(out.end(), directory.begin(), directory.end());
  PutLE(&out, 0x06054b50, 4);
  PutLE(&out, 0, 2);
  PutLE(&out, 0, 2);
  PutLE(&out, entries.size(), 2);
  PutLE(&out, entries.size(), 2);
  PutLE(&out, directory.size(), 4);
  PutLE(&out, directory_offset, 4);
  PutLE(&out, 0, 2);
  return out;
}

void PutChunk(Bytes* out, const char* type, const Bytes& data) {
  PutBE32(out, uint32_t(data.size()));
  const size_t start = out->size();
  out->insert(out->end(), type, type + 4);
  out->insert(out->end(), data.begin(), data.end());
  PutBE32(out, mlp::io::Crc32(out->data() + start, out->size() - start));
}

// An 8-bit gray PNG whose pixels are all `value`.
Bytes Png(int width, int height, uint8_t value) {
  Bytes raw;
  for (int y = 0; y < height; ++y) {
    raw.push_back(0);
    for (int x = 0; x < width; ++x) raw.push_back(value);
  }
  Bytes zlib = {0x78, 0x01};
  const Bytes body = Stored(raw);
  zlib.insert(zlib.end(), body.begin(), body.end());
  PutBE32(&zlib, mlp::io::Adler32(raw.data(), raw.size()));
  Bytes out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  Bytes ihdr;
  PutBE32(&ihdr, uint32_t(width));
  PutBE32(&ihdr, uint32_t(height));
  ihdr.insert(ihdr.end(), {8, 0, 0, 0, 0});
  PutChunk(&out, "IHDR", ihdr);
  PutChunk(&out, "IDAT", zlib);
  PutChunk(&out, "IEND", {});
  return out;
}

std::string FailureOf(const std::vector<InputFile>& files, const mlp::ImportOptions& options = {}) {
  auto result = ImportFiles(files, options);
  if (result.ok()) return "(succeeded: " + result.value().description + ")";
  return result.status().message();
}

// Two 2×3 images (values 0..11) and their labels.
const std::vector<double> kPixels = {0, 51, 102, 153, 204, 255, 255, 204, 153, 102, 51, 0};

}  // namespace

TEST_CASE("Import: a CSV or TSV file becomes a table with a one-line description", "[import]") {
  auto csv = ImportFiles({{"red.csv", Text("\"alcohol\";\"acid\";\"quality\"\n9.4;0.7;5\n9.8;0.88;5\n10.2;0.3;7\n")}});
  REQUIRE(csv.ok());
  CHECK(csv.value().description == "CSV: 3 rows × 3 columns, ';'-separated, with header");
  REQUIRE(csv.value().table.has_value());
  CHECK_FALSE(csv.value().dataset.has_value());
  CHECK(csv.value().table->name == "red");
  CHECK(csv.value().table->columns[2].name == "quality");
  CHECK(csv.value().table->columns[1].numbers[1] == Approx(0.88));

  auto tsv = ImportFiles({{"plain.tsv", Text("1\t2\n3\t4\n")}});
  REQUIRE(tsv.ok());
  CHECK(tsv.value().description == "TSV: 2 rows × 2 columns, tab-separated, without header");
}

TEST_CASE("Import: a 2-D NPY is a table x0.., a 1-D labels NPY adds a label column, a 1-D NPY alone is one column",
          "[import]") {
  const Bytes x = Npy("<f8", {3, 2}, {1, 2, 3, 4, 5, 6});
  auto table = ImportFiles({{"x.npy", x}});
  REQUIRE(table.ok());
  REQUIRE(table.value().table.has_value());
  const auto& t = *table.value().table;
  CHECK(t.rows == 3);
  REQUIRE(t.ColumnNames() == std::vector<std::string>{"x0", "x1"});
  CHECK(t.columns[1].numbers == std::vector<double>{2, 4, 6});
  CHECK(Contains(table.value().description, "3 rows × 2 columns"));

  auto labelled = ImportFiles({{"y.npy", Npy("<i8", {3}, {1, 0, 1})}, {"x.npy", x}});
  REQUIRE(labelled.ok());
  REQUIRE(labelled.value().table->ColumnNames() == std::vector<std::string>{"x0", "x1", "label"});
  CHECK(labelled.value().table->columns[2].numbers == std::vector<double>{1, 0, 1});

  auto single = ImportFiles({{"v.npy", Npy("<f4", {4}, {0.5, 1, 1.5, 2})}});
  REQUIRE(single.ok());
  REQUIRE(single.value().table->columns.size() == 1);
  CHECK(single.value().table->rows == 4);
}

TEST_CASE("Import: image arrays (N,H,W) with a labels array become an image dataset scaled to [0,1]", "[import]") {
  auto images = ImportFiles({{"images.npy", Npy("|u1", {2, 2, 3}, kPixels)}, {"labels.npy", Npy("<i8", {2}, {7, 3})}});
  REQUIRE(images.ok());
  REQUIRE(images.value().dataset.has_value());
  const mlp::Dataset& d = *images.value().dataset;
  CHECK(d.layout == mlp::SampleLayout::kImage);
  CHECK(d.sample_shape == std::vector<int>{2, 3});
  CHECK(d.features.rows() == 2);
  CHECK(d.features.cols() == 6);
  CHECK(d.features(0, 1) == Approx(0.2));
  CHECK(d.features(1, 0) == Approx(1.0));
  CHECK(d.class_names == std::vector<std::string>{"3", "7"});
  CHECK(d.targets(0) == 1);
  CHECK(d.targets(1) == 0);
  CHECK(d.feature_names.size() == 6);
  CHECK(Contains(images.value().description, "2 grayscale images of 2 × 3 pixels"));

  // Floats at most 1 are kept; floats above 1 are divided by 255; (N,H,W,1) is accepted; no labels → one class.
  auto unit = ImportFiles({{"a.npy", Npy("<f4", {1, 2, 2, 1}, {0, 0.25, 0.5, 1})}});
  REQUIRE(unit.ok());
  CHECK(unit.value().dataset->features(0, 1) == Approx(0.25));
  CHECK(unit.value().dataset->class_names == std::vector<std::string>{"unlabelled"});
  auto wide = ImportFiles({{"b.npy", Npy("<f8", {1, 1, 2}, {0, 127.5})}});
  REQUIRE(wide.ok());
  CHECK(wide.value().dataset->features(0, 1) == Approx(0.5));
}

TEST_CASE("Import: gzipped MNIST-style IDX images with an IDX labels file", "[import]") {
  const Bytes images = Gzip(Idx({2, 2, 3}, kPixels));
  const Bytes labels = Gzip(Idx({2}, {5, 5}));
  auto result = ImportFiles({{"train-images-idx3-ubyte.gz", images}, {"train-labels-idx1-ubyte.gz", labels}});
  REQUIRE(result.ok());
  const mlp::Dataset& d = *result.value().dataset;
  CHECK(d.name == "train-images-idx3-ubyte");
  CHECK(d.sample_shape == std::vector<int>{2, 3});
  CHECK(d.features(0, 5) == Approx(1.0));
  CHECK(d.class_names == std::vector<std::string>{"5"});
  CHECK(Contains(result.value().description, "IDX: 2 grayscale images"));
}

TEST_CASE("Import: NPZ archives give labelled images, segmentation masks or a table", "[import]") {
  auto labelled = ImportFiles({{"digits.npz", Npz({{"y", Npy("<i8", {2}, {0, 1})},
                                                    {"x", Npy("|u1", {2, 2, 3}, kPixels)},
                                                    {"notes", Npy("<f8", {5}, {1, 2, 3, 4, 5})}})}});
  REQUIRE(labelled.ok());
  REQUIRE(labelled.value().dataset.has_value());
  CHECK(labelled.value().dataset->class_names == std::vector<std::string>{"0", "1"});
  CHECK(labelled.value().dataset->targets(1) == 1);
  CHECK(Contains(labelled.value().description, "ignored: notes"));

  std::vector<double> masks = {0, 0, 1, 1, 2, 2, 2, 2, 1, 1, 0, 0};
  auto segmentation = ImportFiles({{"seg.npz", Npz({{"images", Npy("<f4", {2, 2, 3}, {0, 0.1, 0.2, 0.3, 0.4, 0.5,
                                                                                         0.6, 0.7, 0.8, 0.9, 1.0, 0.0})},
                                                    {"labels", Npy("<i8", {2, 2, 3}, masks)}})}});
  REQUIRE(segmentation.ok());
  const mlp::Dataset& d = *segmentation.value().dataset;
  REQUIRE(d.dense_targets.rows() == 2);
  REQUIRE(d.dense_targets.cols() == 6);
  CHECK(d.dense_targets(0, 2) == 1);
  CHECK(d.dense_targets(1, 0) == 2);
  CHECK(d.class_names == std::vector<std::string>{"0", "1", "2"});
  CHECK(d.features(0, 1) == Approx(0.1));
  CHECK(Contains(segmentation.value().description, "segmentation masks"));

  auto table = ImportFiles({{"t.npz", Npz({{"data", Npy("<f8", {2, 2}, {1, 2, 3, 4})}})}});
  REQUIRE(table.ok());
  REQUIRE(table.value().table.has_value());
  CHECK(table.value().table->ColumnNames() == std::vector<std::string>{"x0", "x1"});
}

TEST_CASE("Import: PNG files become an image dataset labelled by name or folder", "[import]") {
  auto by_prefix = ImportFiles({{"cat_1.png", Png(3, 2, 255)}, {"dog-1.png", Png(3, 2, 0)}, {"cat_2.png", Png(3, 2, 51)}});
  REQUIRE(by_prefix.ok());
  const mlp::Dataset& d = *by_prefix.value().dataset;
  CHECK(d.sample_shape == std::vector<int>{2, 3});
  CHECK(d.class_names == std::vector<std::string>{"cat", "dog"});
  CHECK(d.targets(0) == 0);
  CHECK(d.targets(1) == 1);
  CHECK(d.features(0, 0) == Approx(1.0));
  CHECK(d.features(2, 5) == Approx(0.2));
  CHECK(Contains(by_prefix.value().description, "PNG: 3 images of 3 × 2 pixels, 2 classes"));

  auto by_folder = ImportFiles({{"set/cats/001.png", Png(2, 2, 1)}, {"set/dogs/001.png", Png(2, 2, 2)},
                                {"set/dogs/a_b.png", Png(2, 2, 3)}});
  REQUIRE(by_folder.ok());
  CHECK(by_folder.value().dataset->class_names == std::vector<std::string>{"cats", "dogs"});

  auto distinct = ImportFiles({{"a.png", Png(2, 2, 1)}, {"b.png", Png(2, 2, 2)}});
  REQUIRE(distinct.ok());
  CHECK(distinct.value().dataset->class_names == std::vector<std::string>{"unlabelled"});

  CHECK(mlp::ImageLabelFromName("cats/001.png") == "cats");
  CHECK(mlp::ImageLabelFromName("seven_003.png") == "seven");
  CHECK(mlp::ImageLabelFromName("x-1.png") == "x");
  CHECK(mlp::ImageLabelFromName("plain.png") == "plain");

  const std::string mismatch = FailureOf({{"a.png", Png(2, 2, 1)}, {"b.png", Png(2, 2, 1)}, {"c.png", Png(3, 2, 1)}});
  CHECK(Contains(mismatch, "c.png is 3 × 2 pixels but a.png is 2 × 2"));
}

TEST_CASE("Import: the memory budget refuses big files and big results before allocating", "[import]") {
  mlp::ImportOptions small;
  small.memory_budget_bytes = 1000;
  // The file itself.
  std::string big(2000, '1');
  for (size_t i = 1; i < big.size(); i += 2) big[i] = '\n';
  const std::string file = FailureOf({{"big.csv", Text(big)}}, small);
  CHECK(Contains(file, "larger than the memory budget"));
  CHECK(Contains(file, "1.9 KiB"));
  CHECK(Contains(file, "1000 bytes"));
  // A small gzip that expands beyond the budget.
  CHECK(Contains(FailureOf({{"zeros.csv.gz", Gzip(Bytes(5000, '0'))}}, small), "1000 bytes"));
  // An array whose decoded values exceed it (300 bytes of uint8 → 2400 bytes of double).
  CHECK(Contains(FailureOf({{"img.npy", Npy("|u1", {3, 10, 10}, std::vector<double>(300, 1))}}, small),
                 "memory budget"));
  // PNG images whose set exceeds it although each file is small.
  std::vector<InputFile> pngs;
  for (int i = 0; i < 3; ++i) pngs.push_back({"p" + std::to_string(i) + ".png", Png(8, 8, 0)});
  CHECK(Contains(FailureOf(pngs, small), "larger than the memory budget"));
}

TEST_CASE("Import: garbage, empty files, mixed files and label mismatches are refused with a message", "[import]") {
  Bytes garbage;
  for (int i = 0; i < 300; ++i) garbage.push_back(uint8_t((i * 37 + 11) % 251));
  CHECK(Contains(FailureOf({{"mystery.bin", garbage}}), "not a format the playground reads"));
  CHECK(Contains(FailureOf({{"data.csv", garbage}}), "binary data"));
  CHECK(Contains(FailureOf({{"picture.png", Text("hello")}}), "the name says .png"));
  CHECK(Contains(FailureOf({{"empty.csv", {}}}), "empty.csv: the file is empty"));
  CHECK(Contains(FailureOf({}), "No file"));
  CHECK(Contains(FailureOf({{"a.csv", Text("1,2\n")}, {"b.png", Png(2, 2, 0)}}), "imported on its own"));
  CHECK(Contains(FailureOf({{"b.png", Png(2, 2, 0)}, {"x.npy", Npy("<f8", {2}, {1, 2})}}),
                 "only be imported with other PNG"));
  CHECK(Contains(FailureOf({{"images.npy", Npy("|u1", {2, 2, 3}, kPixels)}, {"labels.npy", Npy("<i8", {3}, {1, 2, 3})}}),
                 "The labels labels.npy hold 3 values but images.npy holds 2 images"));
  CHECK(Contains(FailureOf({{"a.npy", Npy("<f8", {2, 2}, {1, 2, 3, 4})}, {"b.npy", Npy("<f8", {2, 2}, {1, 2, 3, 4})}}),
                 "hold several dimensions"));
  CHECK(Contains(FailureOf({{"rgb.npy", Npy("|u1", {1, 1, 1, 3}, {1, 2, 3})}}), "grayscale"));
  Bytes truncated = Npy("<f8", {3, 2}, {1, 2, 3, 4, 5, 6});
  truncated.resize(truncated.size() - 5);
  CHECK(Contains(FailureOf({{"cut.npy", truncated}}), "cut.npy: "));
  CHECK(Contains(FailureOf({{"broken.png", [] { Bytes b = Png(2, 2, 0); b[20] ^= 1; return b; }()}}), "CRC"));

  mlp::ImportOptions cancel;
  cancel.progress = [](double) { return false; };
  CHECK(Contains(FailureOf({{"a.png", Png(2, 2, 0)}, {"b.png", Png(2, 2, 0)}}, cancel), "cancelled"));
}

TEST_CASE("Import: every truncation of binary files fails cleanly, and progress reaches 1", "[import]") {
  const std::vector<InputFile> files = {
      {"x.npy", Npy("<f8", {2, 3}, {1, 2, 3, 4, 5, 6})},
      {"a.npz", Npz({{"x", Npy("|u1", {2, 2, 3}, kPixels)}, {"y", Npy("<i8", {2}, {0, 1})}})},
      {"p.png", Png(3, 2, 9)},
      {"train-images-idx3-ubyte.gz", Gzip(Idx({2, 2, 3}, kPixels))},
      {"train-images-idx3-ubyte", Idx({2, 2, 3}, kPixels)}};
  for (const InputFile& file : files) {
    INFO(file.name);
    REQUIRE(ImportFiles({file}).ok());
    for (size_t n = 0; n < file.bytes.size(); ++n) {
      CHECK_FALSE(ImportFiles({{file.name, Bytes(file.bytes.begin(), file.bytes.begin() + long(n))}}).ok());
    }
  }
  std::vector<double> seen;
  mlp::ImportOptions options;
  options.progress = [&seen](double fraction) {
    seen.push_back(fraction);
    return true;
  };
  REQUIRE(ImportFiles({{"a.png", Png(2, 2, 0)}, {"b.png", Png(2, 2, 0)}}, options).ok());
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.back() == Approx(1.0));
}
