// Table: a parsed text table (CSV/TSV) with typed columns, and its conversion into a Dataset once
// the user has chosen the feature columns and the target column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp::io {

enum class ColumnKind {
  kNumeric,      // every non-missing field is a number (±inf allowed); also a column with no values
  kCategorical,  // anything else: text labels, or numbers mixed with text
};

// One typed column. Numeric columns fill `numbers`; categorical columns fill `codes`/`categories`.
struct Column {
  std::string name;
  ColumnKind kind = ColumnKind::kNumeric;
  std::vector<double> numbers;          // kNumeric: one per row, NaN where missing
  std::vector<int32_t> codes;           // kCategorical: one per row, index into categories, -1 where missing
  std::vector<std::string> categories;  // kCategorical: distinct labels in order of first appearance
  int64_t missing = 0;                  // rows whose field was empty or a missing marker
};

// A rectangular table: every column has `rows` entries.
struct Table {
  std::string name = "Imported table";  // becomes Dataset::name; the caller may set the file name
  std::vector<Column> columns;
  int64_t rows = 0;
  std::vector<std::string> ColumnNames() const;
};

// True for the fields read as "no value": empty, "?", "-", and case-insensitively "NA", "N/A",
// "NaN", "null" (surrounding spaces ignored).
bool IsMissingMarker(std::string_view field);

// Parses a decimal number (optional sign, digits with one decimal mark, optional exponent) or
// "inf"/"infinity" with optional sign; surrounding spaces ignored. No hex, no thousands separators.
// With decimal_comma the decimal mark is ',' and '.' is refused. Independent of the C locale's
// grouping rules. Returns false when the text is not such a number.
bool ParseNumber(std::string_view field, bool decimal_comma, double* value);

// Replaces every invalid UTF-8 sequence by U+FFFD, so names and labels are safe to display.
std::string ToValidUtf8(std::string_view text);

// Types one column from its raw fields (one per row): numeric when every non-missing field parses
// as a number, categorical otherwise.
Column MakeColumn(std::string name, const std::vector<std::string_view>& fields, bool decimal_comma);

// Builds a Dataset from the chosen columns (indices into table.columns).
// Features: numeric columns as they are, missing values left as NaN for a later imputation step.
// Categorical features become category codes 0..K−1 (NaN where missing), listed in
// Dataset::categorical_columns; a one-hot or ordinal step must encode them before a model sees them.
// Target: classification takes a categorical column (classes in order of first appearance) or an
// integer-valued numeric one (classes = sorted distinct values); regression needs a finite numeric
// column. Rows whose target is missing are dropped; their count goes to *rows_dropped if given.
Result<Dataset> TableToDataset(const Table& table, const std::vector<int>& feature_columns,
                               int target_column, TaskKind task, int64_t* rows_dropped = nullptr);

}  // namespace mlp::io
