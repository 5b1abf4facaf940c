// [SECTION] Field storage and messages
// [SECTION] Tokenizer: one record at a time, RFC 4180 quoting, any line end
// [SECTION] Detection: delimiter, decimal comma, header
// [SECTION] ReadCsv
#include "core/data/io/csv.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

namespace mlp::io {
namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Field storage and messages

constexpr size_t kProgressStepBytes = size_t{64} << 10;
constexpr int kDelimiterSampleRecords = 50;
constexpr int64_t kHeaderSampleRows = 50;
constexpr int64_t kDecimalSampleRows = 1000;
constexpr double kTokenizeShare = 0.9;  // share of the progress bar spent splitting fields
constexpr char kDelimiterCandidates[] = {',', ';', '\t', '|'};
constexpr uint64_t kMaxInputBytes = (uint64_t{1} << 32) - 2;  // field offsets are 32-bit

// Every field of every record, back to back in one string; ends[k] is where field k stops.
// 32-bit offsets keep the overhead at 4 bytes per field (inputs are capped below 4 GiB).
struct Cells {
  std::string text;
  std::vector<uint32_t> ends;

  std::string_view Field(size_t k) const {
    const size_t begin = k == 0 ? 0 : ends[k - 1];
    return std::string_view(text.data() + begin, ends[k] - begin);
  }
  void Truncate(size_t fields) {
    ends.resize(fields);
    text.resize(fields == 0 ? 0 : ends.back());
  }
  void Clear() { Truncate(0); }
};

std::string DelimiterName(char delimiter) {
  if (delimiter == '\t') return "tab";
  return std::string("'") + delimiter + "'";
}

std::string Megabytes(uint64_t bytes) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.1f MB (%llu bytes)", static_cast<double>(bytes) / 1e6,
                static_cast<unsigned long long>(bytes));
  return buffer;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Tokenizer

struct Cursor {
  const char* position;
  const char* end;
  int64_t line = 1;  // physical line of `position`, counting CRLF, LF and lone CR once each
};

struct Record {
  int64_t line = 0;    // where the record starts
  size_t fields = 0;
  bool blank = false;  // an empty or all-space line
};

bool IsSpace(char c, char delimiter) { return (c == ' ' || c == '\t') && c != delimiter; }

void SkipLineEnd(Cursor& cursor) {
  if (*cursor.position == '\r' && cursor.position + 1 < cursor.end && cursor.position[1] == '\n') ++cursor.position;
  ++cursor.position;
  ++cursor.line;
}

Status FieldTooLarge(int64_t line, size_t field, bool quoted) {
  return Status::Error("Line " + std::to_string(line) + ", field " + std::to_string(field) +
                       ": a single field is larger than 1 MiB, the import limit. " +
                       (quoted ? "This usually means a quote (\") opened a field and was never closed; check that line."
                               : "Is this really a table? Split that value or remove it."));
}

// Reads the next record into `cells`; *has_record is false at the end of the input.
Status ReadRecord(Cursor& cursor, char delimiter, Cells& cells, Record* record, bool* has_record) {
  *has_record = cursor.position < cursor.end;
  if (!*has_record) return Status::Ok();
  *record = Record{cursor.line, 0, false};
  const size_t record_text_start = cells.text.size();
  bool any_quoted = false;
  while (true) {
    const size_t field_start = cells.text.size();
    const char* scan = cursor.position;
    while (scan < cursor.end && IsSpace(*scan, delimiter)) ++scan;
    const bool quoted = scan < cursor.end && *scan == '"';
    if (quoted) {
      any_quoted = true;
      const int64_t opening_line = cursor.line;
      cursor.position = scan + 1;
      bool closed = false;
      while (cursor.position < cursor.end && cells.text.size() - field_start <= kMaxCsvFieldBytes) {
        const char* run = cursor.position;
        while (cursor.position < cursor.end && *cursor.position != '"' && *cursor.position != '\r' &&
               *cursor.position != '\n')
          ++cursor.position;
        cells.text.append(run, static_cast<size_t>(cursor.position - run));
        if (cursor.position == cursor.end) break;
        if (*cursor.position == '"') {
          if (cursor.position + 1 < cursor.end && cursor.position[1] == '"') {  // "" is a quote inside
            cells.text.push_back('"');
            cursor.position += 2;
            continue;
          }
          ++cursor.position;
          closed = true;
          break;
        }
        cells.text.push_back('\n');  // a line break inside quotes belongs to the field
        SkipLineEnd(cursor);
      }
      if (cells.text.size() - field_start > kMaxCsvFieldBytes) return FieldTooLarge(opening_line, record->fields + 1, true);
      if (!closed)
        return Status::Error("Line " + std::to_string(opening_line) + ", field " + std::to_string(record->fields + 1) +
                             ": a quote (\") opens a field that is never closed before the end of the file. "
                             "Add the closing quote; a quote inside a quoted field must be doubled (\"\").");
    } else {
      cursor.position = scan;
    }
    // Unquoted text, or text after a closing quote (kept, as Python's csv module does).
    const char* run = cursor.position;
    while (cursor.position < cursor.end && *cursor.position != delimiter && *cursor.position != '\r' &&
           *cursor.position != '\n')
      ++cursor.position;
    const char* stop = cursor.position;
    while (stop > run && IsSpace(stop[-1], delimiter)) --stop;
    if (static_cast<size_t>(stop - run) + (cells.text.size() - field_start) > kMaxCsvFieldBytes)
      return FieldTooLarge(record->line, record->fields + 1, false);
    cells.text.append(run, static_cast<size_t>(stop - run));
    cells.ends.push_back(static_cast<uint32_t>(cells.text.size()));
    if (++record->fields > static_cast<size_t>(kMaxCsvColumns))
      return Status::Error("Line " + std::to_string(record->line) + " has more than " + std::to_string(kMaxCsvColumns) +
                           " fields; the importer reads at most " + std::to_string(kMaxCsvColumns) +
                           " columns. If the table is not meant to be that wide, check the delimiter.");
    if (cursor.position == cursor.end) break;
    if (*cursor.position == delimiter) {
      ++cursor.position;  // a delimiter at the very end still opens one last (empty) field
      continue;
    }
    SkipLineEnd(cursor);
    break;
  }
  record->blank = record->fields == 1 && !any_quoted && cells.text.size() == record_text_start;
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Detection

// The candidate whose field count (> 1) agrees across the most of the first records.
char DetectDelimiter(const char* begin, const char* end) {
  char best = ',';
  int best_agreeing = 0;
  size_t best_width = 0;
  for (char candidate : kDelimiterCandidates) {
    Cursor cursor{begin, end};
    Cells cells;
    std::map<size_t, int> records_with_width;
    for (int records = 0; records < kDelimiterSampleRecords;) {
      Record record;
      bool has_record = false;
      if (!ReadRecord(cursor, candidate, cells, &record, &has_record).ok() || !has_record) break;
      cells.Clear();
      if (record.blank) continue;
      ++records_with_width[record.fields];
      ++records;
    }
    for (const auto& [width, agreeing] : records_with_width) {
      if (width < 2) continue;
      if (agreeing > best_agreeing || (agreeing == best_agreeing && width > best_width)) {
        best = candidate;
        best_agreeing = agreeing;
        best_width = width;
      }
    }
  }
  return best;
}

// See csv.h: some "3,14"-like field and no number written with '.' in the sampled data rows.
bool DetectDecimalComma(const Cells& cells, size_t width, int64_t records) {
  int64_t comma_numbers = 0, point_numbers = 0;
  const size_t end = static_cast<size_t>(std::min(records, kDecimalSampleRows + 1)) * width;
  for (size_t k = width; k < end; ++k) {
    const std::string_view field = cells.Field(k);
    double value = 0.0;
    if (field.find(',') != std::string_view::npos && ParseNumber(field, true, &value)) ++comma_numbers;
    if (field.find('.') != std::string_view::npos && ParseNumber(field, false, &value)) ++point_numbers;
  }
  return comma_numbers > 0 && point_numbers == 0;
}

enum class FieldKind { kMissing, kNumber, kText };

FieldKind KindOf(std::string_view field, bool decimal_comma) {
  double value = 0.0;
  if (IsMissingMarker(field)) return FieldKind::kMissing;
  return ParseNumber(field, decimal_comma, &value) ? FieldKind::kNumber : FieldKind::kText;
}

// The rule is spelled out in csv.h.
bool DetectHeader(const Cells& cells, size_t width, int64_t records, bool decimal_comma) {
  size_t text_first = 0, numbers_first = 0;
  for (size_t c = 0; c < width; ++c) {
    const FieldKind kind = KindOf(cells.Field(c), decimal_comma);
    text_first += kind == FieldKind::kText;
    numbers_first += kind == FieldKind::kNumber;
  }
  if (records == 1) return text_first * 2 > width;
  const int64_t sample_end = std::min(records, kHeaderSampleRows + 1);
  bool any_numeric_column = false, text_above_numbers = false;
  for (size_t c = 0; c < width; ++c) {
    bool numeric = true, any_number = false;
    for (int64_t r = 1; r < sample_end; ++r) {
      const FieldKind kind = KindOf(cells.Field(static_cast<size_t>(r) * width + c), decimal_comma);
      numeric = numeric && kind != FieldKind::kText;
      any_number = any_number || kind == FieldKind::kNumber;
    }
    if (numeric && any_number) {
      any_numeric_column = true;
      text_above_numbers = text_above_numbers || KindOf(cells.Field(c), decimal_comma) == FieldKind::kText;
    }
  }
  if (any_numeric_column) return text_above_numbers && text_first >= numbers_first;
  if (text_first != width) return false;
  for (size_t c = 0; c < width; ++c)
    for (int64_t r = 1; r < sample_end; ++r)
      if (cells.Field(static_cast<size_t>(r) * width + c) == cells.Field(c)) return false;
  return true;
}

// Header names made displayable and unique; empty ones become "column N".
std::vector<std::string> ColumnNames(const Cells& cells, size_t width, bool has_header) {
  std::vector<std::string> names;
  std::set<std::string> taken;
  std::map<std::string, int> next_copy;  // per repeated name, so 10,000 equal names stay linear
  for (size_t c = 0; c < width; ++c) {
    std::string name = has_header ? ToValidUtf8(cells.Field(c)) : std::string();
    if (name.empty()) name = "column " + std::to_string(c + 1);
    std::string unique = name;
    for (int& copy = next_copy.emplace(name, 2).first->second; taken.count(unique) > 0; ++copy)
      unique = name + " (" + std::to_string(copy) + ")";
    taken.insert(unique);
    names.push_back(unique);
  }
  return names;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] ReadCsv

Result<Table> ReadCsv(const char* data, size_t size, const CsvOptions& options, CsvFormat* format) {
  const uint64_t limit = std::min<uint64_t>(options.max_bytes, kMaxInputBytes);
  if (size > limit)
    return Status::Error("The file is " + Megabytes(size) + " but the import limit is " + Megabytes(limit) +
                         ". Use a smaller file, e.g. a sample of its rows or only the columns you need.");
  if (data == nullptr || size == 0)
    return Status::Error("The file is empty. A CSV file needs a header line and at least one line of values.");
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
  if (size >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)))
    return Status::Error("The file is UTF-16 text. Save it again as UTF-8 CSV (e.g. \"CSV UTF-8\" in a spreadsheet) and import that.");
  const char* begin = data;
  const char* end = data + size;
  if (size >= 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) begin += 3;  // UTF-8 byte-order mark
  if (begin == end) return Status::Error("The file is empty apart from its byte-order mark. A CSV file needs a header line and lines of values.");
  if (const void* nul = std::memchr(begin, '\0', static_cast<size_t>(end - begin))) {
    int64_t line = 1;
    for (const char* p = begin; p < static_cast<const char*>(nul); ++p)
      line += *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'));
    return Status::Error("Line " + std::to_string(line) + " contains a NUL byte, so this is a binary file, not CSV text. "
                         "NumPy (.npy/.npz) and MNIST (IDX) files have their own importers.");
  }

  CsvFormat found;
  found.delimiter = options.delimiter != 0 ? options.delimiter : DetectDelimiter(begin, end);
  const auto report = [&](double fraction) { return !options.progress || options.progress(fraction); };
  const Status cancelled = Status::Error("Import cancelled.");

  Cells cells;
  cells.text.reserve(static_cast<size_t>(end - begin));
  Cursor cursor{begin, end};
  const char* next_report = begin + kProgressStepBytes;
  size_t width = 0;
  int64_t records = 0;
  while (true) {
    const size_t fields_before = cells.ends.size();
    Record record;
    bool has_record = false;
    if (Status status = ReadRecord(cursor, found.delimiter, cells, &record, &has_record); !status.ok()) return status;
    if (!has_record) break;
    if (cursor.position >= next_report) {
      next_report = cursor.position + kProgressStepBytes;
      if (!report(kTokenizeShare * static_cast<double>(cursor.position - begin) / static_cast<double>(end - begin)))
        return cancelled;
    }
    if (record.blank) {
      cells.Truncate(fields_before);
      continue;
    }
    if (width == 0) width = record.fields;
    if (record.fields != width) {
      if (options.ragged == RaggedRows::kError)
        return Status::Error("Line " + std::to_string(record.line) + " has " + std::to_string(record.fields) +
                             (record.fields == 1 ? " field" : " fields") + " but the first row has " +
                             std::to_string(width) + ". Check that line for a missing or extra " +
                             DelimiterName(found.delimiter) + " or an unbalanced quote, or choose to pad or skip uneven rows.");
      ++found.ragged_rows;
      if (options.ragged == RaggedRows::kSkip) {
        cells.Truncate(fields_before);
        continue;
      }
      if (record.fields > width) cells.Truncate(fields_before + width);
      while (cells.ends.size() < fields_before + width) cells.ends.push_back(static_cast<uint32_t>(cells.text.size()));
    }
    if (++records - 1 > options.max_rows)  // - 1: the first row may turn out to be the header
      return Status::Error("The file has more than " + std::to_string(options.max_rows) +
                           " rows, the import limit. Use a sample of its rows.");
  }
  found.lines = cursor.line - (cursor.position > begin && (end[-1] == '\n' || end[-1] == '\r') ? 1 : 0);
  if (records == 0) return Status::Error("The file has only blank lines. A CSV file needs a header line and lines of values.");

  found.decimal_comma = options.decimal == DecimalMark::kComma ||
                        (options.decimal == DecimalMark::kAuto && found.delimiter == ';' &&
                         DetectDecimalComma(cells, width, records));
  found.has_header = options.header == HeaderMode::kPresent ||
                     (options.header == HeaderMode::kAuto && DetectHeader(cells, width, records, found.decimal_comma));
  const int64_t first_row = found.has_header ? 1 : 0;
  const int64_t rows = records - first_row;
  if (rows == 0)
    return Status::Error("The file has a header line but no data below it. Add lines of values, one row per line.");
  if (rows > options.max_rows)
    return Status::Error("The file has " + std::to_string(rows) + " rows but the import limit is " +
                         std::to_string(options.max_rows) + ". Use a sample of its rows.");

  Table table;
  table.rows = rows;
  const std::vector<std::string> names = ColumnNames(cells, width, found.has_header);
  std::vector<std::string_view> fields(static_cast<size_t>(rows));
  size_t typed_bytes = 0, next_typing_report = kProgressStepBytes;
  for (size_t c = 0; c < width; ++c) {
    for (int64_t r = 0; r < rows; ++r) {
      fields[static_cast<size_t>(r)] = cells.Field(static_cast<size_t>(r + first_row) * width + c);
      typed_bytes += fields[static_cast<size_t>(r)].size() + 1;
    }
    table.columns.push_back(MakeColumn(names[c], fields, found.decimal_comma));
    if (typed_bytes >= next_typing_report || c + 1 == width) {
      next_typing_report = typed_bytes + kProgressStepBytes;
      const double typed = c + 1 == width ? 1.0
                           : std::min(1.0, static_cast<double>(typed_bytes) /
                                               static_cast<double>(cells.text.size() + cells.ends.size()));
      if (!report(kTokenizeShare + (1.0 - kTokenizeShare) * typed)) return cancelled;
    }
  }
  if (format) *format = found;
  return table;
}

}  // namespace mlp::io
