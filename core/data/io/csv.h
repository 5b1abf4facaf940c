// CSV/TSV reader: parses a text table held in memory (the file picker and drag-and-drop hand us
// bytes, and the web build has no filesystem) into a typed Table.
//
// Accepts: UTF-8 with or without BOM; CRLF, LF or lone CR line ends; a last line without newline;
// RFC 4180 quoting (quoted fields, "" for a quote inside, line breaks inside quotes); spaces around
// unquoted fields (trimmed); blank lines (skipped).
// Detects, unless the options fix them:
// - the delimiter among ',' ';' '\t' '|': the one whose field count (more than one field) is the
//   same on the most of the first 50 records; ties go to more columns, then to that order;
// - a header: the first row is a header when some column is numeric below it but text in it, and
//   it has at least as many text fields as numeric ones; when no column is numeric, when every
//   first-row field is text and none of them reappears below in its column; a lone row is a header
//   when it is mostly text. Otherwise columns are named "column 1", "column 2", ...;
// - a decimal comma: only for ';'-separated files, when some of the first 1000 data rows hold a
//   field like "3,14" and none holds a number written with '.'. Thousands separators are never read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

#include "core/base/status.h"
#include "core/data/io/table.h"

namespace mlp::io {

constexpr int kMaxCsvColumns = 10000;            // wider tables are refused
constexpr size_t kMaxCsvFieldBytes = 1u << 20;   // a single field beyond 1 MiB is refused

enum class HeaderMode { kAuto, kPresent, kAbsent };
enum class DecimalMark { kAuto, kPoint, kComma };
enum class RaggedRows {
  kError,  // a row with a different number of fields than the first row is an error
  kPad,    // short rows are padded with missing values; extra fields on long rows are dropped
  kSkip,   // such rows are left out
};

struct CsvOptions {
  char delimiter = 0;  // 0: detect among ',' ';' '\t' '|'
  HeaderMode header = HeaderMode::kAuto;
  DecimalMark decimal = DecimalMark::kAuto;
  RaggedRows ragged = RaggedRows::kError;
  size_t max_bytes = size_t{256} << 20;  // memory budget for the raw text; larger inputs are refused
  int64_t max_rows = 10'000'000;         // data rows; more are refused
  // Called with the fraction done (0..1) about every 64 KiB of input; return false to cancel.
  std::function<bool(double fraction)> progress;
};

// What the reader found, for the UI to show next to the overrides.
struct CsvFormat {
  char delimiter = ',';
  bool has_header = false;
  bool decimal_comma = false;
  int64_t ragged_rows = 0;  // rows padded, cut or skipped under RaggedRows::kPad / kSkip
  int64_t lines = 0;        // physical lines read
};

// Parses `size` bytes at `data`. Every problem comes back as a failed Status whose message names
// the line (1-based, as an editor counts them) and what to do; a cancelled run says "cancelled".
Result<Table> ReadCsv(const char* data, size_t size, const CsvOptions& options = {}, CsvFormat* format = nullptr);

}  // namespace mlp::io
