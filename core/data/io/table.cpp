#include "core/data/io/table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace mlp::io {
namespace {

constexpr int kMaxClasses = 1000;  // beyond this a "class" column is almost surely an id or a measurement

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoreCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Quoted(const std::string& name) { return "'" + name + "'"; }

std::string FormatClassValue(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.0f", value);
  return buffer;
}

}  // namespace

std::vector<std::string> Table::ColumnNames() const {
  std::vector<std::string> names;
  names.reserve(columns.size());
  for (const Column& column : columns) names.push_back(column.name);
  return names;
}

bool IsMissingMarker(std::string_view field) {
  field = Trim(field);
  return field.empty() || field == "?" || field == "-" || EqualsIgnoreCase(field, "na") ||
         EqualsIgnoreCase(field, "n/a") || EqualsIgnoreCase(field, "nan") ||
         EqualsIgnoreCase(field, "null");
}

bool ParseNumber(std::string_view field, bool decimal_comma, double* value) {
  field = Trim(field);
  if (field.empty() || field.size() > 400) return false;
  size_t i = 0;
  const bool negative = field[0] == '-';
  if (field[0] == '+' || field[0] == '-') ++i;
  const std::string_view rest = field.substr(i);
  if (EqualsIgnoreCase(rest, "inf") || EqualsIgnoreCase(rest, "infinity")) {
    *value = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return true;
  }
  // Validate the grammar ourselves: strtod alone would also accept hex, "nan(...)" and prefixes.
  const char mark = decimal_comma ? ',' : '.';
  size_t digits = 0;
  while (i < field.size() && IsDigit(field[i])) ++i, ++digits;
  if (i < field.size() && field[i] == mark) {
    ++i;
    while (i < field.size() && IsDigit(field[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < field.size() && (field[i] == 'e' || field[i] == 'E')) {
    ++i;
    if (i < field.size() && (field[i] == '+' || field[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < field.size() && IsDigit(field[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  if (i != field.size()) return false;
  char buffer[402];
  for (size_t k = 0; k < field.size(); ++k) buffer[k] = field[k] == ',' ? '.' : field[k];
  buffer[field.size()] = '\0';
  *value = std::strtod(buffer, nullptr);  // overflow gives ±inf, which we keep
  return true;
}

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const auto continuation = [&](size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = byte(i);
    size_t length = 0;
    if (lead < 0x80) {
      length = 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = continuation(i + 1) ? 2 : 0;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      // Excludes overlong forms (E0 80..9F) and UTF-16 surrogates (ED A0..BF).
      const bool second_ok = i + 1 < text.size() && (lead == 0xE0   ? byte(i + 1) >= 0xA0
                                                     : lead == 0xED ? byte(i + 1) <= 0x9F
                                                                    : true);
      length = continuation(i + 1) && second_ok && continuation(i + 2) ? 3 : 0;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      // Excludes overlong forms (F0 80..8F) and code points above U+10FFFF (F4 90..).
      const bool second_ok = i + 1 < text.size() && (lead == 0xF0   ? byte(i + 1) >= 0x90
                                                     : lead == 0xF4 ? byte(i + 1) <= 0x8F
                                                                    : true);
      length = continuation(i + 1) && second_ok && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    }
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

Column MakeColumn(std::string name, const std::vector<std::string_view>& fields, bool decimal_comma) {
  Column column;
  column.name = std::move(name);
  column.numbers.resize(fields.size());
  bool numeric = true;
  for (size_t row = 0; row < fields.size() && numeric; ++row) {
    double value = 0.0;
    if (IsMissingMarker(fields[row])) {
      column.numbers[row] = std::numeric_limits<double>::quiet_NaN();
      ++column.missing;
    } else if (ParseNumber(fields[row], decimal_comma, &value)) {
      column.numbers[row] = value;
    } else {
      numeric = false;
    }
  }
  if (numeric) return column;

  column.kind = ColumnKind::kCategorical;
  column.numbers = {};
  column.missing = 0;
  column.codes.resize(fields.size());
  std::unordered_map<std::string_view, int32_t> code_of;
  for (size_t row = 0; row < fields.size(); ++row) {
    if (IsMissingMarker(fields[row])) {
      column.codes[row] = -1;
      ++column.missing;
      continue;
    }
    const auto [it, inserted] = code_of.emplace(fields[row], static_cast<int32_t>(code_of.size()));
    if (inserted) column.categories.push_back(ToValidUtf8(fields[row]));
    column.codes[row] = it->second;
  }
  return column;
}

Result<Dataset> TableToDataset(const Table& table, const std::vector<int>& feature_columns,
                               int target_column, TaskKind task, int64_t* rows_dropped) {
  const int columns = static_cast<int>(table.columns.size());
  if (feature_columns.empty()) return Status::Error("Choose at least one feature column.");
  if (target_column < 0 || target_column >= columns)
    return Status::Error("Choose a target column (the value the model should predict).");
  std::set<int> seen;
  for (int index : feature_columns) {
    if (index < 0 || index >= columns) return Status::Error("A chosen feature column does not exist in the table.");
    if (!seen.insert(index).second)
      return Status::Error("Column " + Quoted(table.columns[index].name) + " is chosen twice as a feature.");
    if (index == target_column)
      return Status::Error("Column " + Quoted(table.columns[index].name) +
                           " is the target, so it cannot also be a feature: the model would just copy it.");
    const Column& column = table.columns[index];
    if (table.rows > 0 && column.missing == table.rows)
      return Status::Error("Feature column " + Quoted(column.name) +
                           " has no values at all (every field is empty or missing). Leave it out of the features.");
  }

  const Column& target = table.columns[target_column];
  std::vector<int64_t> kept;
  kept.reserve(static_cast<size_t>(table.rows));
  for (int64_t row = 0; row < table.rows; ++row) {
    const bool missing = target.kind == ColumnKind::kNumeric ? std::isnan(target.numbers[row]) : target.codes[row] < 0;
    if (!missing) kept.push_back(row);
  }
  if (rows_dropped) *rows_dropped = table.rows - static_cast<int64_t>(kept.size());
  if (kept.empty())
    return Status::Error("Target column " + Quoted(target.name) + " has no values, so there is nothing to learn from. "
                         "Choose another target column.");

  Dataset dataset;
  dataset.name = table.name;
  dataset.task = task;
  dataset.target_name = target.name;
  dataset.targets.resize(static_cast<Eigen::Index>(kept.size()));
  if (task == TaskKind::kRegression) {
    if (target.kind == ColumnKind::kCategorical)
      return Status::Error("Target column " + Quoted(target.name) + " holds text categories, so it cannot be a "
                           "regression target. Choose a numeric column, or switch the task to classification.");
    for (size_t i = 0; i < kept.size(); ++i) {
      const double value = target.numbers[kept[i]];
      if (!std::isfinite(value))
        return Status::Error("Target column " + Quoted(target.name) + " has an infinite value in row " +
                             std::to_string(kept[i] + 1) + ". Fix or remove that row.");
      dataset.targets[static_cast<Eigen::Index>(i)] = value;
    }
  } else if (target.kind == ColumnKind::kCategorical) {
    // Categories come from non-missing fields only, so every label has at least one kept row.
    if (target.categories.size() < 2)
      return Status::Error("Target column " + Quoted(target.name) + " has a single class; classification needs at least two.");
    if (target.categories.size() > static_cast<size_t>(kMaxClasses))
      return Status::Error("Target column " + Quoted(target.name) + " has " + std::to_string(target.categories.size()) +
                           " different values, too many to be classes (the limit is " + std::to_string(kMaxClasses) +
                           "). Is it an id or free text? Choose another target column.");
    dataset.class_names = target.categories;
    for (size_t i = 0; i < kept.size(); ++i) dataset.targets[static_cast<Eigen::Index>(i)] = target.codes[kept[i]];
  } else {
    std::map<double, int> class_of;
    for (int64_t row : kept) {
      const double value = target.numbers[row];
      if (!std::isfinite(value) || value != std::floor(value) || std::fabs(value) > 1e15)
        return Status::Error("Target column " + Quoted(target.name) + " has the non-integer value " +
                             std::to_string(value) + " in row " + std::to_string(row + 1) +
                             ", so it is not a list of classes. Switch the task to regression, or choose another target.");
      class_of.emplace(value, 0);
      if (class_of.size() > static_cast<size_t>(kMaxClasses))
        return Status::Error("Target column " + Quoted(target.name) + " has more than " + std::to_string(kMaxClasses) +
                             " different values, too many to be classes. Switch the task to regression, or choose another target.");
    }
    if (class_of.size() < 2)
      return Status::Error("Target column " + Quoted(target.name) + " has a single class; classification needs at least two.");
    for (auto& [value, index] : class_of) {
      index = static_cast<int>(dataset.class_names.size());
      dataset.class_names.push_back(FormatClassValue(value));
    }
    for (size_t i = 0; i < kept.size(); ++i)
      dataset.targets[static_cast<Eigen::Index>(i)] = class_of.at(target.numbers[kept[i]]);
  }

  dataset.features.resize(static_cast<Eigen::Index>(kept.size()), static_cast<Eigen::Index>(feature_columns.size()));
  for (size_t j = 0; j < feature_columns.size(); ++j) {
    const Column& column = table.columns[feature_columns[j]];
    dataset.feature_names.push_back(column.name);
    if (column.kind == ColumnKind::kCategorical) {  // category codes; a preprocessing step must encode them
      dataset.categorical_columns.push_back(static_cast<int>(j));
      dataset.column_categories.push_back(column.categories);
      for (size_t i = 0; i < kept.size(); ++i) {
        const int32_t code = column.codes[kept[i]];
        dataset.features(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = code < 0 ? NAN : code;
      }
      continue;
    }
    for (size_t i = 0; i < kept.size(); ++i)
      dataset.features(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = column.numbers[kept[i]];
  }
  return dataset;
}

}  // namespace mlp::io
