// IDX reader: header check, shape and budget check before allocating, big-endian decode.
#include "core/data/io/idx.h"

#include <string>
#include <vector>

#include "core/data/io/byte_reader.h"
#include "core/data/io/inflate.h"

namespace mlp::io {
namespace {

Status Refuse(const std::string& message) { return Status::Error("Cannot read this IDX file: " + message); }

bool TypeFromCode(uint8_t code, DType* dtype) {
  switch (code) {
    case 0x08: *dtype = DType::kUInt8; return true;
    case 0x09: *dtype = DType::kInt8; return true;
    case 0x0B: *dtype = DType::kInt16; return true;
    case 0x0C: *dtype = DType::kInt32; return true;
    case 0x0D: *dtype = DType::kFloat32; return true;
    case 0x0E: *dtype = DType::kFloat64; return true;
    default: return false;
  }
}

Result<NdArray> ParsePlainIdx(const uint8_t* data, size_t size, const ReadLimits& limits) {
  if (size == 0) return Refuse("the file is empty.");
  const ByteReader reader(data, size);
  if (size < 4 || data[0] != 0 || data[1] != 0) {
    return Refuse("it does not start with the IDX signature (two zero bytes, a type and a rank). Use the MNIST-style "
                  "files such as train-images-idx3-ubyte(.gz).");
  }
  NdArray array;
  if (!TypeFromCode(data[2], &array.source_dtype)) {
    return Refuse("its element type code 0x" + std::string(1, "0123456789ABCDEF"[data[2] >> 4]) +
                  std::string(1, "0123456789ABCDEF"[data[2] & 15]) +
                  " is not one of 0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E. The file is damaged or not an IDX file.");
  }
  const uint8_t rank = data[3];
  if (rank == 0) return Refuse("it declares zero dimensions. The file is damaged: download it again.");
  for (uint8_t k = 0; k < rank; ++k) {
    uint32_t dim = 0;
    if (!reader.U32BE(4 + 4 * size_t{k}, &dim)) {
      return Refuse("the file ends inside its list of dimensions. It is truncated: download it again.");
    }
    array.shape.push_back(dim);
  }
  Result<int64_t> count = CheckedElementCount(array.shape, limits, "IDX");
  if (!count.ok()) return count.status();
  const size_t data_start = 4 + 4 * size_t{rank};
  const int64_t needed = count.value() * DTypeBytes(array.source_dtype);
  if (static_cast<uint64_t>(needed) > size - data_start) {
    return Refuse("the dimensions need " + std::to_string(needed) + " bytes of data but the file holds only " +
                  std::to_string(size - data_start) + ". The file is truncated: download it again.");
  }
  array.values.resize(static_cast<size_t>(count.value()));
  DecodeElements(data + data_start, count.value(), array.source_dtype, /*big_endian=*/true, array.values.data());
  return array;
}

}  // namespace

Result<NdArray> ParseIdx(const uint8_t* data, size_t size, const ReadLimits& limits) {
  if (!LooksGzipped(data, size)) return ParsePlainIdx(data, size, limits);
  // Every element takes at least one byte, so the raw file is never larger than the decoded values.
  Result<std::vector<uint8_t>> raw = GunzipDecompress(data, size, limits.max_bytes);
  if (!raw.ok()) return Refuse("decompressing the .gz file failed. " + raw.status().message());
  return ParsePlainIdx(raw.value().data(), raw.value().size(), limits);
}

}  // namespace mlp::io
