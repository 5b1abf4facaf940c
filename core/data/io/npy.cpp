// .npy reader after numpy/lib/format.py: magic "\x93NUMPY", version bytes, a little-endian header
// length (2 bytes in 1.0, 4 in 2.0/3.0), then a Python dict literal
//   {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
// and the raw elements. The dict is read by a small literal parser, never evaluated.
#include "core/data/io/npy.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/io/byte_reader.h"

namespace mlp::io {
namespace {

constexpr size_t kMaxHeaderBytes = 1 << 20;  // numpy's own writer stays far below this
constexpr int kMaxLiteralDepth = 8;

// A Python literal as it appears in an .npy header.
struct Literal {
  enum class Kind { kString, kBool, kNone, kInt, kTuple, kList, kDict } kind = Kind::kNone;
  std::string text;            // kString
  bool flag = false;           // kBool
  int64_t integer = 0;         // kInt
  bool integer_overflow = false;
  std::vector<Literal> items;  // kTuple/kList elements; kDict alternates key, value
};

class LiteralParser {
public:
  explicit LiteralParser(std::string_view text) : text_(text) {}

  // Parses one literal that spans the whole text (trailing whitespace allowed).
  bool ParseAll(Literal* out) {
    if (!Parse(out, 0)) return false;
    SkipSpace();
    return pos_ == text_.size();
  }

private:
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t' || text_[pos_] == '\r')) ++pos_;
  }
  bool Consume(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  bool Parse(Literal* out, int depth) {
    if (depth > kMaxLiteralDepth) return false;
    SkipSpace();
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c == '\'' || c == '"') {
      out->kind = Literal::Kind::kString;
      const size_t end = text_.find(c, pos_ + 1);
      if (end == std::string_view::npos) return false;
      out->text = std::string(text_.substr(pos_ + 1, end - pos_ - 1));
      pos_ = end + 1;
      return true;
    }
    if (Consume("True")) { out->kind = Literal::Kind::kBool; out->flag = true; return true; }
    if (Consume("False")) { out->kind = Literal::Kind::kBool; out->flag = false; return true; }
    if (Consume("None")) { out->kind = Literal::Kind::kNone; return true; }
    if (c == '-' || (c >= '0' && c <= '9')) return ParseInteger(out);
    if (c == '(' || c == '[' || c == '{') {
      const char close = c == '(' ? ')' : c == '[' ? ']' : '}';
      out->kind = c == '(' ? Literal::Kind::kTuple : c == '[' ? Literal::Kind::kList : Literal::Kind::kDict;
      ++pos_;
      for (;;) {
        SkipSpace();
        if (pos_ < text_.size() && text_[pos_] == close) { ++pos_; return true; }
        Literal item;
        if (!Parse(&item, depth + 1)) return false;
        out->items.push_back(std::move(item));
        SkipSpace();
        if (out->kind == Literal::Kind::kDict) {
          if (pos_ >= text_.size() || text_[pos_] != ':') return false;
          ++pos_;
          Literal value;
          if (!Parse(&value, depth + 1)) return false;
          out->items.push_back(std::move(value));
          SkipSpace();
        }
        if (pos_ < text_.size() && text_[pos_] == ',') { ++pos_; continue; }
        if (pos_ < text_.size() && text_[pos_] == close) { ++pos_; return true; }
        return false;
      }
    }
    return false;
  }
  bool ParseInteger(Literal* out) {
    out->kind = Literal::Kind::kInt;
    const bool negative = text_[pos_] == '-';
    if (negative) ++pos_;
    const size_t start = pos_;
    uint64_t magnitude = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      const uint64_t digit = static_cast<uint64_t>(text_[pos_] - '0');
      if (magnitude > (uint64_t{INT64_MAX} - digit) / 10) out->integer_overflow = true;
      else magnitude = magnitude * 10 + digit;
      ++pos_;
    }
    if (pos_ == start) return false;
    if (pos_ < text_.size() && text_[pos_] == 'L') ++pos_;  // Python 2 long, as old numpy wrote shapes
    out->integer = negative ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

Status Refuse(const std::string& message) { return Status::Error("Cannot read this .npy file: " + message); }

// Maps a numpy type string ('<f8', '|u1', …) to a DType and byte order, or says why it is refused.
Status ParseDescr(const std::string& descr, DType* dtype, bool* big_endian) {
  const std::string quoted = "'" + descr + "'";
  std::string_view code = descr;
  char order = '|';
  if (!code.empty() && (code[0] == '<' || code[0] == '>' || code[0] == '|' || code[0] == '=')) {
    order = code[0];
    code.remove_prefix(1);
  }
  const char kind = code.empty() ? '?' : code[0];
  const std::string_view width = code.empty() ? code : code.substr(1);
  if (kind == 'O') {
    return Refuse("it holds Python objects (dtype " + quoted + "), which are stored with pickle and cannot be "
                  "read safely. Convert to numbers and save with numpy.save(path, array.astype(numpy.float64), "
                  "allow_pickle=False).");
  }
  if (kind == 'c') {
    return Refuse("it holds complex numbers (dtype " + quoted + "); the playground works with real numbers. Save "
                  "the real and imaginary parts as float64 columns, e.g. numpy.save(path, "
                  "numpy.stack([a.real, a.imag], axis=-1)).");
  }
  if (kind == 'U' || kind == 'S' || kind == 'a') {
    return Refuse("it holds text (dtype " + quoted + "). Convert the values to numbers (float32/float64) before "
                  "saving, or export the table as CSV.");
  }
  if (kind == 'M' || kind == 'm') {
    return Refuse("it holds dates or time spans (dtype " + quoted + "). Convert them to numbers, e.g. "
                  "array.astype('int64'), and save again.");
  }
  if (kind == 'f' && width == "2") {
    return Refuse("it holds float16 values. Save as float32: numpy.save(path, array.astype(numpy.float32)).");
  }
  struct Known { char kind; std::string_view width; DType dtype; };
  static constexpr Known kKnown[] = {
      {'b', "1", DType::kBool},    {'i', "1", DType::kInt8},    {'u', "1", DType::kUInt8},
      {'i', "2", DType::kInt16},   {'u', "2", DType::kUInt16},  {'i', "4", DType::kInt32},
      {'u', "4", DType::kUInt32},  {'i', "8", DType::kInt64},   {'u', "8", DType::kUInt64},
      {'f', "4", DType::kFloat32}, {'f', "8", DType::kFloat64}};
  for (const Known& known : kKnown) {
    if (known.kind != kind || known.width != width) continue;
    if (order == '|' && DTypeBytes(known.dtype) > 1) break;  // multi-byte types need a byte order
    *dtype = known.dtype;
    *big_endian = order == '>';
    return Status::Ok();
  }
  return Refuse("its dtype " + quoted + " is not supported. Save the array as float32 or float64, e.g. "
                "numpy.save(path, array.astype(numpy.float64), allow_pickle=False).");
}

const Literal* Lookup(const Literal& dict, std::string_view key) {
  for (size_t i = 0; i + 1 < dict.items.size(); i += 2) {
    if (dict.items[i].kind == Literal::Kind::kString && dict.items[i].text == key) return &dict.items[i + 1];
  }
  return nullptr;
}

// Reorders values stored with the first index fastest (Fortran) into C order.
std::vector<double> FortranToC(const std::vector<double>& fortran, const std::vector<int64_t>& shape) {
  std::vector<double> c(fortran.size());
  const size_t rank = shape.size();
  std::vector<int64_t> stride(rank, 1), index(rank, 0);
  for (size_t k = 1; k < rank; ++k) stride[k] = stride[k - 1] * shape[k - 1];
  int64_t offset = 0;
  for (double& value : c) {
    value = fortran[static_cast<size_t>(offset)];
    for (size_t k = rank; k-- > 0;) {  // advance the C-order index, last axis fastest
      if (++index[k] < shape[k]) { offset += stride[k]; break; }
      offset -= stride[k] * (index[k] - 1);
      index[k] = 0;
    }
  }
  return c;
}

}  // namespace

Result<NdArray> ParseNpy(const uint8_t* data, size_t size, const ReadLimits& limits) {
  static constexpr uint8_t kMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
  if (size == 0) return Refuse("the file is empty.");
  if (size < 8 || !std::equal(kMagic, kMagic + 6, data)) {
    return Refuse("it does not start with the NPY signature (\\x93NUMPY). Make sure it was written by numpy.save "
                  "and not renamed from another format.");
  }
  const ByteReader reader(data, size);
  const uint8_t major = data[6];
  size_t header_length = 0, header_start = 0;
  if (major == 1) {
    uint16_t length = 0;
    if (!reader.U16LE(8, &length)) return Refuse("the file ends inside its header. It is truncated: save it again.");
    header_length = length;
    header_start = 10;
  } else if (major == 2 || major == 3) {
    uint32_t length = 0;
    if (!reader.U32LE(8, &length)) return Refuse("the file ends inside its header. It is truncated: save it again.");
    header_length = length;
    header_start = 12;
  } else {
    return Refuse("it uses format version " + std::to_string(major) + "." + std::to_string(data[7]) +
                  ", newer than the versions 1.0-3.0 this reader knows. Save it with numpy.save from numpy 1.x or 2.x.");
  }
  if (header_length > kMaxHeaderBytes) {
    return Refuse("its header claims " + DescribeBytes(static_cast<double>(header_length)) +
                  ", far more than any array description needs. The file is damaged: save it again.");
  }
  if (!reader.Has(header_start, header_length)) {
    return Refuse("its header runs past the end of the file. The file is truncated: save or download it again.");
  }
  const std::string_view header(reinterpret_cast<const char*>(data + header_start), header_length);
  Literal dict;
  if (!LiteralParser(header).ParseAll(&dict) || dict.kind != Literal::Kind::kDict) {
    return Refuse("its header is not the dictionary numpy writes ({'descr': ..., 'fortran_order': ..., "
                  "'shape': ...}). The file is damaged: save it again with numpy.save.");
  }
  const Literal* descr = Lookup(dict, "descr");
  const Literal* fortran = Lookup(dict, "fortran_order");
  const Literal* shape_literal = Lookup(dict, "shape");
  if (descr == nullptr || fortran == nullptr || shape_literal == nullptr) {
    return Refuse("its header lacks one of 'descr', 'fortran_order' and 'shape'. Save it again with numpy.save.");
  }
  if (descr->kind == Literal::Kind::kList) {
    return Refuse("it holds a structured array (named fields). Save each field as a column of one float array, "
                  "e.g. numpy.save(path, numpy.column_stack([a[name] for name in a.dtype.names]).astype(numpy.float64)).");
  }
  if (descr->kind != Literal::Kind::kString) return Refuse("its 'descr' entry is not a type string. Save it again with numpy.save.");
  if (fortran->kind != Literal::Kind::kBool) return Refuse("its 'fortran_order' entry is not True or False. Save it again with numpy.save.");
  if (shape_literal->kind != Literal::Kind::kTuple && shape_literal->kind != Literal::Kind::kList) {
    return Refuse("its 'shape' entry is not a tuple of integers. Save it again with numpy.save.");
  }
  NdArray array;
  bool big_endian = false;
  if (Status status = ParseDescr(descr->text, &array.source_dtype, &big_endian); !status.ok()) return status;
  for (const Literal& dim : shape_literal->items) {
    if (dim.kind != Literal::Kind::kInt) return Refuse("its 'shape' entry is not a tuple of integers. Save it again with numpy.save.");
    if (dim.integer_overflow) return Refuse("its shape has a dimension too large for any computer. The header is damaged: save it again.");
    array.shape.push_back(dim.integer);
  }
  Result<int64_t> count = CheckedElementCount(array.shape, limits, "NPY");
  if (!count.ok()) return count.status();
  const size_t data_start = header_start + header_length;
  const int64_t needed = count.value() * DTypeBytes(array.source_dtype);
  if (static_cast<uint64_t>(needed) > size - data_start) {
    return Refuse("the shape needs " + std::to_string(needed) + " bytes of data but the file holds only " +
                  std::to_string(size - data_start) + ". The file is truncated: save or download it again.");
  }
  array.values.resize(static_cast<size_t>(count.value()));
  DecodeElements(data + data_start, count.value(), array.source_dtype, big_endian, array.values.data());
  if (fortran->flag && array.shape.size() > 1 && count.value() > 0) array.values = FortranToC(array.values, array.shape);
  return array;
}

}  // namespace mlp::io
