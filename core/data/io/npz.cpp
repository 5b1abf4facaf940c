// ZIP reading after PKWARE's APPNOTE.TXT §4.3: find the end-of-central-directory record, walk the
// central directory (which holds the true sizes even when an entry used a data descriptor), then
// read each entry's data behind its local header. CRC-32 of every entry is checked.
#include "core/data/io/npz.h"

#include "core/data/io/byte_reader.h"
#include "core/data/io/inflate.h"
#include "core/data/io/npy.h"

namespace mlp::io {
namespace {

constexpr uint32_t kEndOfDirectorySignature = 0x06054b50;
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr uint32_t kDirectoryEntrySignature = 0x02014b50;
constexpr uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr size_t kEndOfDirectorySize = 22;
constexpr size_t kDirectoryEntrySize = 46;
constexpr size_t kLocalHeaderSize = 30;

Status Refuse(const std::string& message) { return Status::Error("Cannot read this .npz file: " + message); }

Status Damaged(const std::string& what) {
  return Refuse(what + ". The archive is damaged or truncated: save it again with numpy.savez or download it again.");
}

// Offset of the end-of-central-directory record: the last signature within the comment range.
bool FindEndOfDirectory(const ByteReader& reader, size_t* offset) {
  if (reader.size() < kEndOfDirectorySize) return false;
  const size_t last = reader.size() - kEndOfDirectorySize;
  const size_t first = last > 0xFFFF ? last - 0xFFFF : 0;
  for (size_t pos = last + 1; pos-- > first;) {
    uint32_t signature = 0;
    reader.U32LE(pos, &signature);
    if (signature == kEndOfDirectorySignature) { *offset = pos; return true; }
  }
  return false;
}

}  // namespace

Result<std::vector<NamedArray>> ParseNpz(const uint8_t* data, size_t size, const ReadLimits& limits) {
  if (size == 0) return Refuse("the file is empty.");
  const ByteReader reader(data, size);
  uint32_t first_signature = 0;
  reader.U32LE(0, &first_signature);
  size_t end = 0;
  if (!FindEndOfDirectory(reader, &end)) {
    if (first_signature == kLocalHeaderSignature) return Damaged("its table of contents (ZIP central directory) is missing");
    return Refuse("it is not a ZIP archive. Save arrays with numpy.savez or numpy.savez_compressed.");
  }
  uint16_t disk = 0, directory_disk = 0, entries_here = 0, entries = 0;
  uint32_t directory_size = 0, directory_offset = 0, locator = 0;
  reader.U16LE(end + 4, &disk);
  reader.U16LE(end + 6, &directory_disk);
  reader.U16LE(end + 8, &entries_here);
  reader.U16LE(end + 10, &entries);
  reader.U32LE(end + 12, &directory_size);
  reader.U32LE(end + 16, &directory_offset);
  if (entries == 0xFFFF || directory_size == 0xFFFFFFFFu || directory_offset == 0xFFFFFFFFu ||
      (end >= 20 && reader.U32LE(end - 20, &locator) && locator == kZip64LocatorSignature)) {
    return Refuse("it is a ZIP64 archive (over 4 GiB or 65535 entries), which is not supported. Save fewer or smaller "
                  "arrays per file.");
  }
  if (disk != 0 || directory_disk != 0 || entries_here != entries) {
    return Refuse("it is split over several disks. Join the parts into one archive first.");
  }
  if (directory_offset > end || directory_size > end - directory_offset ||
      size_t{entries} * kDirectoryEntrySize > directory_size) {
    return Damaged("its table of contents (ZIP central directory) points outside the file");
  }

  std::vector<NamedArray> arrays;
  int64_t budget = limits.max_bytes;
  size_t cursor = directory_offset;
  const size_t directory_end = size_t{directory_offset} + directory_size;
  for (uint16_t e = 0; e < entries; ++e) {
    uint32_t signature = 0, crc = 0, compressed = 0, uncompressed = 0, local = 0;
    uint16_t flags = 0, method = 0, name_length = 0, extra_length = 0, comment_length = 0;
    if (cursor + kDirectoryEntrySize > directory_end || !reader.U32LE(cursor, &signature) ||
        signature != kDirectoryEntrySignature) {
      return Damaged("its table of contents (ZIP central directory) is corrupt");
    }
    reader.U16LE(cursor + 8, &flags);
    reader.U16LE(cursor + 10, &method);
    reader.U32LE(cursor + 16, &crc);
    reader.U32LE(cursor + 20, &compressed);
    reader.U32LE(cursor + 24, &uncompressed);
    reader.U16LE(cursor + 28, &name_length);
    reader.U16LE(cursor + 30, &extra_length);
    reader.U16LE(cursor + 32, &comment_length);
    reader.U32LE(cursor + 42, &local);
    const size_t record_size = kDirectoryEntrySize + name_length + extra_length + comment_length;
    if (record_size > directory_end - cursor) return Damaged("its table of contents (ZIP central directory) is corrupt");
    std::string name(reinterpret_cast<const char*>(data + cursor + kDirectoryEntrySize), name_length);
    cursor += record_size;

    if (compressed == 0xFFFFFFFFu || uncompressed == 0xFFFFFFFFu || local == 0xFFFFFFFFu) {
      return Refuse("entry '" + name + "' uses ZIP64 sizes, which are not supported. Save smaller arrays per file.");
    }
    if (flags & 0x0001) return Refuse("entry '" + name + "' is encrypted. Save the archive without a password.");
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".npy") != 0) {
      return Refuse("entry '" + name + "' is not a .npy array. NPZ files from numpy.savez hold only arrays.");
    }
    if (method != 0 && method != 8) {
      return Refuse("entry '" + name + "' uses ZIP compression method " + std::to_string(method) +
                    "; only stored and deflated entries are supported. Save with numpy.savez or numpy.savez_compressed.");
    }
    if (static_cast<int64_t>(uncompressed) > budget) {
      return Refuse("entry '" + name + "' expands to " + DescribeBytes(uncompressed) + ", beyond the " +
                    DescribeBytes(static_cast<double>(limits.max_bytes)) + " memory budget. Save smaller arrays.");
    }
    uint32_t local_signature = 0;
    uint16_t local_name_length = 0, local_extra_length = 0;
    if (!reader.U32LE(local, &local_signature) || local_signature != kLocalHeaderSignature ||
        !reader.U16LE(local + 26, &local_name_length) || !reader.U16LE(local + 28, &local_extra_length)) {
      return Damaged("entry '" + name + "' has no valid local header");
    }
    const size_t data_start = size_t{local} + kLocalHeaderSize + local_name_length + local_extra_length;
    if (!reader.Has(data_start, compressed)) return Damaged("entry '" + name + "' runs past the end of the file");

    std::vector<uint8_t> inflated;
    const uint8_t* bytes = data + data_start;
    size_t byte_count = compressed;
    if (method == 8) {
      Result<std::vector<uint8_t>> result = InflateRaw(bytes, compressed, uncompressed, uncompressed);
      if (!result.ok()) return Refuse("entry '" + name + "': " + result.status().message());
      inflated = std::move(result).value();
      bytes = inflated.data();
      byte_count = inflated.size();
    }
    if (byte_count != uncompressed) return Damaged("entry '" + name + "' does not have the size its header records");
    if (Crc32(bytes, byte_count) != crc) return Damaged("entry '" + name + "' fails its CRC-32 check");

    name.resize(name.size() - 4);
    ReadLimits remaining;
    remaining.max_bytes = budget;
    Result<NdArray> array = ParseNpy(bytes, byte_count, remaining);
    if (!array.ok()) return Status::Error("In array '" + name + "' of this .npz file: " + array.status().message());
    budget -= static_cast<int64_t>(array.value().values.size() * sizeof(double));
    arrays.emplace_back(std::move(name), std::move(array).value());
  }
  return arrays;
}

}  // namespace mlp::io
