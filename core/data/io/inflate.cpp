// DEFLATE decoder after RFC 1951 §3.2 (canonical Huffman codes decoded through one lookup table
// per code, indexed by the next bit-reversed `bits` bits), plus the zlib and gzip wrappers.
// Validation follows zlib's inflate: over-subscribed or incomplete codes, a missing end-of-block
// code, distances before the start of the output and symbols 286/287, 30/31 are all refused.
#include "core/data/io/inflate.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/data/io/array.h"

namespace mlp::io {
namespace {

constexpr int kMaxCodeBits = 15;

Status Corrupt(const std::string& detail) {
  return Status::Error("The compressed data is damaged (" + detail +
                       "). The file is probably truncated or corrupted: download or export it again.");
}

Status TooLarge(int64_t max_output) {
  return Status::Error("The compressed data expands to more than " + DescribeBytes(static_cast<double>(max_output)) +
                       ", beyond the memory budget. Use a smaller file (e.g. fewer rows).");
}

// LSB-first bit buffer over the input (RFC 1951 §3.1.1). Bits past the end read as zero; callers
// check `available()` before trusting them.
class BitReader {
public:
  BitReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  void Refill() {
    while (count_ <= 56 && pos_ < size_) {
      buffer_ |= uint64_t{data_[pos_++]} << count_;
      count_ += 8;
    }
  }
  int available() const { return count_; }
  uint32_t Peek(int n) const { return static_cast<uint32_t>(buffer_ & ((uint64_t{1} << n) - 1)); }
  void Drop(int n) { buffer_ >>= n; count_ -= n; }
  // Reads n ≤ 32 bits; false when the input ends first.
  bool Bits(int n, uint32_t* out) {
    if (count_ < n) Refill();
    if (count_ < n) return false;
    *out = Peek(n);
    Drop(n);
    return true;
  }
  // Discards the bits up to the next byte boundary and returns the byte position reached.
  size_t AlignToByte() {
    Drop(count_ % 8);
    pos_ -= static_cast<size_t>(count_ / 8);
    buffer_ = 0;
    count_ = 0;
    return pos_;
  }
  void SkipBytes(size_t n) { pos_ += n; }
  size_t BytesConsumed() const { return pos_ - static_cast<size_t>(count_ / 8); }

private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  uint64_t buffer_ = 0;
  int count_ = 0;
};

// Entry = symbol << 4 | code length; length 0 marks a bit pattern that is no code.
struct HuffmanTable {
  std::vector<uint16_t> entries;
  int bits = 1;
};

enum class CodeKind { kCodeLengths, kLiteralsOrDistances };

// Builds the decoding table for canonical code lengths (RFC 1951 §3.2.2). Returns "" or what is wrong.
std::string BuildTable(const uint8_t* lengths, int symbols, CodeKind kind, HuffmanTable* table) {
  std::array<int, kMaxCodeBits + 1> counts{};
  for (int s = 0; s < symbols; ++s) ++counts[lengths[s]];
  counts[0] = 0;
  int max_length = 0;
  for (int len = 1; len <= kMaxCodeBits; ++len) if (counts[len] > 0) max_length = len;
  int left = 1;
  for (int len = 1; len <= kMaxCodeBits; ++len) {
    left = (left << 1) - counts[len];
    if (left < 0) return "over-subscribed Huffman code lengths";
  }
  // Like zlib: an incomplete code is only allowed as a lone one-bit code (or no code at all).
  if (left > 0 && max_length > 0 && (kind == CodeKind::kCodeLengths || max_length != 1)) {
    return "incomplete Huffman code lengths";
  }
  table->bits = max_length > 0 ? max_length : 1;
  table->entries.assign(size_t{1} << table->bits, 0);
  std::array<uint32_t, kMaxCodeBits + 1> next_code{};
  uint32_t code = 0;
  for (int len = 1; len <= kMaxCodeBits; ++len) {
    code = (code + static_cast<uint32_t>(counts[len - 1])) << 1;
    next_code[len] = code;
  }
  for (int s = 0; s < symbols; ++s) {
    const int len = lengths[s];
    if (len == 0) continue;
    const uint32_t c = next_code[len]++;
    uint32_t reversed = 0;
    for (int b = 0; b < len; ++b) reversed |= ((c >> b) & 1u) << (len - 1 - b);
    const uint16_t entry = static_cast<uint16_t>((s << 4) | len);
    for (size_t index = reversed; index < table->entries.size(); index += size_t{1} << len) {
      table->entries[index] = entry;
    }
  }
  return "";
}

// Decodes one symbol; -1 for a bit pattern that is no code, -2 when the input ends first.
int DecodeSymbol(BitReader& in, const HuffmanTable& table) {
  in.Refill();
  const uint16_t entry = table.entries[in.Peek(table.bits)];
  const int len = entry & 15;
  if (len == 0) return in.available() >= table.bits ? -1 : -2;
  if (len > in.available()) return -2;
  in.Drop(len);
  return entry >> 4;
}

constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistanceBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                        193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                        6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

struct FixedTables {
  HuffmanTable literals, distances;
  FixedTables() {
    uint8_t lengths[288];
    for (int s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
    BuildTable(lengths, 288, CodeKind::kLiteralsOrDistances, &literals);
    uint8_t distance_lengths[32];  // 30 and 31 complete the code but are invalid (checked when decoding)
    for (uint8_t& len : distance_lengths) len = 5;
    BuildTable(distance_lengths, 32, CodeKind::kLiteralsOrDistances, &distances);
  }
};

const FixedTables& Fixed() {
  static const FixedTables tables;
  return tables;
}

// Reads a dynamic block's code-length header (RFC 1951 §3.2.7) into the two tables.
Status ReadDynamicTables(BitReader& in, HuffmanTable* literals, HuffmanTable* distances) {
  uint32_t hlit = 0, hdist = 0, hclen = 0;
  if (!in.Bits(5, &hlit) || !in.Bits(5, &hdist) || !in.Bits(4, &hclen)) return Corrupt("stream ends inside a block header");
  const int literal_count = static_cast<int>(hlit) + 257, distance_count = static_cast<int>(hdist) + 1;
  if (literal_count > 286 || distance_count > 30) return Corrupt("too many length or distance codes");
  static constexpr uint8_t kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  uint8_t code_lengths[19] = {};
  for (uint32_t i = 0; i < hclen + 4; ++i) {
    uint32_t len = 0;
    if (!in.Bits(3, &len)) return Corrupt("stream ends inside a block header");
    code_lengths[kOrder[i]] = static_cast<uint8_t>(len);
  }
  HuffmanTable length_code;
  std::string problem = BuildTable(code_lengths, 19, CodeKind::kCodeLengths, &length_code);
  if (!problem.empty()) return Corrupt(problem + " in the code-length code");

  uint8_t lengths[286 + 30] = {};
  const int total = literal_count + distance_count;
  for (int index = 0; index < total;) {
    const int symbol = DecodeSymbol(in, length_code);
    if (symbol == -2) return Corrupt("stream ends inside a block header");
    if (symbol < 0) return Corrupt("invalid code-length code");
    if (symbol < 16) { lengths[index++] = static_cast<uint8_t>(symbol); continue; }
    uint8_t value = 0;
    uint32_t extra = 0;
    int repeat = 0;
    if (symbol == 16) {
      if (index == 0) return Corrupt("a repeated code length with nothing to repeat");
      value = lengths[index - 1];
      if (!in.Bits(2, &extra)) return Corrupt("stream ends inside a block header");
      repeat = 3 + static_cast<int>(extra);
    } else if (symbol == 17) {
      if (!in.Bits(3, &extra)) return Corrupt("stream ends inside a block header");
      repeat = 3 + static_cast<int>(extra);
    } else {
      if (!in.Bits(7, &extra)) return Corrupt("stream ends inside a block header");
      repeat = 11 + static_cast<int>(extra);
    }
    if (index + repeat > total) return Corrupt("code lengths repeat past the end of the table");
    for (int r = 0; r < repeat; ++r) lengths[index++] = value;
  }
  if (lengths[256] == 0) return Corrupt("missing end-of-block code");
  problem = BuildTable(lengths, literal_count, CodeKind::kLiteralsOrDistances, literals);
  if (!problem.empty()) return Corrupt(problem + " for literals/lengths");
  problem = BuildTable(lengths + literal_count, distance_count, CodeKind::kLiteralsOrDistances, distances);
  if (!problem.empty()) return Corrupt(problem + " for distances");
  return Status::Ok();
}

// Decodes literals and matches until the end-of-block symbol.
Status InflateHuffmanBlock(BitReader& in, const HuffmanTable& literals, const HuffmanTable& distances,
                           int64_t max_output, std::vector<uint8_t>& out) {
  for (;;) {
    const int symbol = DecodeSymbol(in, literals);
    if (symbol == -2) return Corrupt("stream ends inside a block");
    if (symbol < 0) return Corrupt("invalid literal/length code");
    if (symbol < 256) {
      if (static_cast<int64_t>(out.size()) >= max_output) return TooLarge(max_output);
      out.push_back(static_cast<uint8_t>(symbol));
      continue;
    }
    if (symbol == 256) return Status::Ok();
    if (symbol > 285) return Corrupt("invalid length symbol " + std::to_string(symbol));
    uint32_t extra = 0;
    if (!in.Bits(kLengthExtra[symbol - 257], &extra)) return Corrupt("stream ends inside a block");
    const size_t length = kLengthBase[symbol - 257] + extra;
    const int distance_symbol = DecodeSymbol(in, distances);
    if (distance_symbol == -2) return Corrupt("stream ends inside a block");
    if (distance_symbol < 0 || distance_symbol > 29) return Corrupt("invalid distance code");
    if (!in.Bits(kDistanceExtra[distance_symbol], &extra)) return Corrupt("stream ends inside a block");
    const size_t distance = kDistanceBase[distance_symbol] + extra;
    if (distance > out.size()) return Corrupt("distance too far back");
    if (static_cast<int64_t>(out.size() + length) > max_output) return TooLarge(max_output);
    const size_t start = out.size();
    out.resize(start + length);
    uint8_t* p = out.data();
    for (size_t i = 0; i < length; ++i) p[start + i] = p[start - distance + i];  // may overlap: byte by byte
  }
}

}  // namespace

uint32_t Crc32(const uint8_t* data, size_t size, uint32_t previous) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t crc = ~previous;
  for (size_t i = 0; i < size; ++i) crc = table[(crc ^ data[i]) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

uint32_t Adler32(const uint8_t* data, size_t size, uint32_t previous) {
  constexpr uint32_t kModulus = 65521;
  uint32_t a = previous & 0xFFFFu, b = previous >> 16;
  while (size > 0) {
    const size_t chunk = size < 5552 ? size : 5552;  // largest run before b can overflow 32 bits
    for (size_t i = 0; i < chunk; ++i) { a += data[i]; b += a; }
    a %= kModulus;
    b %= kModulus;
    data += chunk;
    size -= chunk;
  }
  return (b << 16) | a;
}

Result<std::vector<uint8_t>> InflateRaw(const uint8_t* data, size_t size, int64_t max_output, size_t expected_size,
                                        size_t* consumed) {
  std::vector<uint8_t> out;
  out.reserve(static_cast<size_t>(std::min<int64_t>(static_cast<int64_t>(expected_size), max_output)));
  BitReader in(data, size);
  HuffmanTable literals, distances;
  for (bool last = false; !last;) {
    uint32_t header = 0;
    if (!in.Bits(3, &header)) return Corrupt(out.empty() ? "no data" : "stream ends before its last block");
    last = (header & 1u) != 0;
    const uint32_t type = header >> 1;
    Status status;
    if (type == 0) {
      const size_t pos = in.AlignToByte();
      if (size - pos < 4) return Corrupt("stream ends inside a stored block header");
      const uint32_t length = data[pos] | (uint32_t{data[pos + 1]} << 8);
      const uint32_t complement = data[pos + 2] | (uint32_t{data[pos + 3]} << 8);
      if ((length ^ 0xFFFFu) != complement) return Corrupt("stored block length check failed");
      if (size - pos - 4 < length) return Corrupt("stream ends inside a stored block");
      if (static_cast<int64_t>(out.size() + length) > max_output) return TooLarge(max_output);
      out.insert(out.end(), data + pos + 4, data + pos + 4 + length);
      in.SkipBytes(4 + length);
    } else if (type == 1) {
      status = InflateHuffmanBlock(in, Fixed().literals, Fixed().distances, max_output, out);
    } else if (type == 2) {
      status = ReadDynamicTables(in, &literals, &distances);
      if (status.ok()) status = InflateHuffmanBlock(in, literals, distances, max_output, out);
    } else {
      return Corrupt("invalid block type 3");
    }
    if (!status.ok()) return status;
  }
  if (consumed != nullptr) *consumed = in.BytesConsumed();
  return out;
}

Result<std::vector<uint8_t>> ZlibDecompress(const uint8_t* data, size_t size, int64_t max_output) {
  if (size < 6) return Corrupt("a zlib stream needs at least 6 bytes");
  const uint8_t cmf = data[0], flags = data[1];
  if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || ((cmf << 8) | flags) % 31 != 0) {
    return Corrupt("not a zlib header");
  }
  if (flags & 0x20) return Status::Error("This zlib stream needs a preset dictionary, which is not supported. Compress it without one.");
  size_t used = 0;
  Result<std::vector<uint8_t>> out = InflateRaw(data + 2, size - 2, max_output, 0, &used);
  if (!out.ok()) return out;
  const size_t trailer = 2 + used;
  if (size - trailer < 4) return Corrupt("stream ends before its Adler-32 checksum");
  const uint32_t stored = (uint32_t{data[trailer]} << 24) | (uint32_t{data[trailer + 1]} << 16) |
                          (uint32_t{data[trailer + 2]} << 8) | uint32_t{data[trailer + 3]};
  if (stored != Adler32(out.value().data(), out.value().size())) return Corrupt("Adler-32 checksum mismatch");
  return out;
}

Result<std::vector<uint8_t>> GunzipDecompress(const uint8_t* data, size_t size, int64_t max_output) {
  std::vector<uint8_t> out;
  size_t pos = 0;
  do {
    // Member header: RFC 1952 §2.3.
    if (size - pos < 18) return Corrupt("gzip member shorter than its header and trailer");
    if (data[pos] != 0x1f || data[pos + 1] != 0x8b) return Corrupt("bytes after the gzip data are not another gzip member");
    if (data[pos + 2] != 8) return Corrupt("gzip compression method is not DEFLATE");
    const uint8_t flags = data[pos + 3];
    if (flags & 0xE0) return Corrupt("reserved gzip flags are set");
    size_t cursor = pos + 10;
    if (flags & 0x04) {  // FEXTRA
      if (size - cursor < 2) return Corrupt("gzip header truncated");
      const size_t extra = data[cursor] | (size_t{data[cursor + 1]} << 8);
      if (size - cursor - 2 < extra) return Corrupt("gzip header truncated");
      cursor += 2 + extra;
    }
    for (uint8_t text_flag : {uint8_t{0x08}, uint8_t{0x10}}) {  // FNAME, FCOMMENT: zero-terminated
      if (!(flags & text_flag)) continue;
      while (cursor < size && data[cursor] != 0) ++cursor;
      if (cursor >= size) return Corrupt("gzip header truncated");
      ++cursor;
    }
    if (flags & 0x02) cursor += 2;  // FHCRC
    if (cursor > size) return Corrupt("gzip header truncated");
    size_t used = 0;
    Result<std::vector<uint8_t>> member =
        InflateRaw(data + cursor, size - cursor, max_output - static_cast<int64_t>(out.size()), 0, &used);
    if (!member.ok()) return member.status();
    cursor += used;
    if (size - cursor < 8) return Corrupt("gzip stream ends before its CRC-32 and length");
    uint32_t crc = 0, length = 0;
    for (int i = 3; i >= 0; --i) {
      crc = (crc << 8) | data[cursor + i];
      length = (length << 8) | data[cursor + 4 + i];
    }
    const std::vector<uint8_t>& bytes = member.value();
    if (crc != Crc32(bytes.data(), bytes.size())) return Corrupt("CRC-32 mismatch");
    if (length != static_cast<uint32_t>(bytes.size())) return Corrupt("gzip length field mismatch");
    if (out.empty()) out = std::move(member).value();
    else out.insert(out.end(), bytes.begin(), bytes.end());
    pos = cursor + 8;
  } while (pos < size);
  return out;
}

}  // namespace mlp::io
