// The CSV/TSV reader: formats it must accept, what it detects, and malformed inputs that must give
// a failed Status with a useful message (never a crash). Inputs are string literals or generated.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "core/data/io/csv.h"

using Catch::Matchers::Contains;
using mlp::io::ColumnKind;
using mlp::io::CsvFormat;
using mlp::io::CsvOptions;
using mlp::io::ReadCsv;
using mlp::io::Table;

namespace {

mlp::Result<Table> Read(const std::string& text, const CsvOptions& options = {}, CsvFormat* format = nullptr) {
  return ReadCsv(text.data(), text.size(), options, format);
}

Table ReadOk(const std::string& text, const CsvOptions& options = {}, CsvFormat* format = nullptr) {
  mlp::Result<Table> result = Read(text, options, format);
  INFO(result.status().message());
  REQUIRE(result.ok());
  return std::move(result).value();
}

std::string ReadError(const std::string& text, const CsvOptions& options = {}) {
  mlp::Result<Table> result = Read(text, options);
  REQUIRE_FALSE(result.ok());
  INFO(result.status().message());
  CHECK(result.status().message().size() > 20);
  return result.status().message();
}

}  // namespace

TEST_CASE("CSV: a plain comma file with a header gives typed columns", "[csv]") {
  CsvFormat format;
  const Table table = ReadOk("x,y,label\n1,2.5,cat\n3,-4e2,dog\n5,.5,cat\n", {}, &format);
  CHECK(format.delimiter == ',');
  CHECK(format.has_header);
  CHECK(format.lines == 4);
  REQUIRE(table.rows == 3);
  REQUIRE(table.columns.size() == 3);
  CHECK(table.ColumnNames() == std::vector<std::string>{"x", "y", "label"});
  CHECK(table.columns[0].kind == ColumnKind::kNumeric);
  CHECK(table.columns[1].numbers == std::vector<double>{2.5, -400.0, 0.5});
  CHECK(table.columns[2].kind == ColumnKind::kCategorical);
  CHECK(table.columns[2].categories == std::vector<std::string>{"cat", "dog"});
  CHECK(table.columns[2].codes == std::vector<int32_t>{0, 1, 0});
}

TEST_CASE("CSV: BOM, CRLF, lone CR and a last line without newline read the same", "[csv]") {
  const std::vector<std::string> variants = {
      "a,b\n1,2\n3,4\n", "\xEF\xBB\xBF" "a,b\r\n1,2\r\n3,4\r\n", "a,b\r1,2\r3,4", "a,b\n1,2\n3,4"};
  for (const std::string& text : variants) {
    INFO(text);
    const Table table = ReadOk(text);
    REQUIRE(table.rows == 2);
    CHECK(table.columns[0].name == "a");
    CHECK(table.columns[0].numbers == std::vector<double>{1, 3});
    CHECK(table.columns[1].numbers == std::vector<double>{2, 4});
  }
}

TEST_CASE("CSV: RFC 4180 quoting with doubled quotes and line breaks inside quotes", "[csv]") {
  CsvFormat format;
  const Table table = ReadOk("name,note,v\n\"Smith, J\",\"said \"\"hi\"\"\",1\n\"two\r\nlines\",\"\",2\nplain,x,3\n", {}, &format);
  REQUIRE(table.rows == 3);
  CHECK(table.columns[0].categories == std::vector<std::string>{"Smith, J", "two\nlines", "plain"});
  CHECK(table.columns[1].categories == std::vector<std::string>{"said \"hi\"", "x"});
  CHECK(table.columns[1].codes == std::vector<int32_t>{0, -1, 1});  // "" is a missing value
  CHECK(table.columns[2].numbers == std::vector<double>{1, 2, 3});
  CHECK(format.lines == 5);
}

TEST_CASE("CSV: spaces around unquoted numbers and quoted numbers are numbers", "[csv]") {
  const Table table = ReadOk("a , b\n  1 ,\t\"2\"\n 3.5 , 4 \n");
  CHECK(table.ColumnNames() == std::vector<std::string>{"a", "b"});
  CHECK(table.columns[0].numbers == std::vector<double>{1, 3.5});
  CHECK(table.columns[1].kind == ColumnKind::kNumeric);
  CHECK(table.columns[1].numbers == std::vector<double>{2, 4});
}

TEST_CASE("CSV: the delimiter is detected among comma, semicolon, tab and pipe", "[csv]") {
  const std::vector<std::pair<std::string, char>> cases = {
      {"a;b;c\n1;2;3\n4;5;6\n", ';'},
      {"a\tb\tc\n1\t2\t3\n4\t5\t6\n", '\t'},
      {"a|b|c\n1|2|3\n4|5|6\n", '|'},
      {"\"x,y\";z\n\"1,2\";3\n\"4,5\";6\n", ';'},  // commas only inside quotes
      {"a,b;c\n1,2;3\n4,5;6\n", ','},               // a tie in every respect goes to the first candidate
  };
  for (const auto& [text, delimiter] : cases) {
    INFO(text);
    CsvFormat format;
    ReadOk(text, {}, &format);
    CHECK(format.delimiter == delimiter);
  }
  CsvOptions forced;
  forced.delimiter = ';';
  CsvFormat format;
  const Table table = ReadOk("a,b;c\n1,2;3\n", forced, &format);
  CHECK(format.delimiter == ';');
  CHECK(table.columns.size() == 2);
}

TEST_CASE("CSV: the course's red-wine format (quoted names, semicolons)", "[csv]") {
  const std::string wine =
      "\"fixed acidity\";\"volatile acidity\";\"citric acid\";\"residual sugar\";\"chlorides\";"
      "\"free sulfur dioxide\";\"total sulfur dioxide\";\"density\";\"pH\";\"sulphates\";\"alcohol\";\"quality\"\n"
      "7.4;0.7;0;1.9;0.076;11;34;0.9978;3.51;0.56;9.4;5\n"
      "7.8;0.88;0;2.6;0.098;25;67;0.9968;3.2;0.68;9.8;5\n"
      "7.8;0.76;0.04;2.3;0.092;15;54;0.997;3.26;0.65;9.8;5\n"
      "11.2;0.28;0.56;1.9;0.075;17;60;0.998;3.16;0.58;9.8;6\n";
  CsvFormat format;
  const Table table = ReadOk(wine, {}, &format);
  CHECK(format.delimiter == ';');
  CHECK(format.has_header);
  CHECK_FALSE(format.decimal_comma);
  REQUIRE(table.columns.size() == 12);
  REQUIRE(table.rows == 4);
  CHECK(table.columns[0].name == "fixed acidity");
  CHECK(table.columns[11].name == "quality");
  for (const auto& column : table.columns) CHECK(column.kind == ColumnKind::kNumeric);
  CHECK(table.columns[7].numbers[0] == Approx(0.9978));
  CHECK(table.columns[11].numbers == std::vector<double>{5, 5, 5, 6});
}

TEST_CASE("CSV: decimal commas in a semicolon-separated file are detected and parsed", "[csv]") {
  CsvFormat format;
  const Table table = ReadOk("länge;breite;n\n3,14;2,5;1\n-0,5;1e3;2\n", {}, &format);
  CHECK(format.decimal_comma);
  CHECK(table.columns[0].name == "länge");
  CHECK(table.columns[0].numbers == std::vector<double>{3.14, -0.5});
  CHECK(table.columns[1].numbers == std::vector<double>{2.5, 1000.0});
  // A ';' file that also writes '.' decimals keeps '.', so "3,14" is text there.
  const Table mixed = ReadOk("a;b\n3,14;2.5\n1,5;3.5\n", {}, &format);
  CHECK_FALSE(format.decimal_comma);
  CHECK(mixed.columns[0].kind == ColumnKind::kCategorical);
  CHECK(mixed.columns[1].numbers == std::vector<double>{2.5, 3.5});
}

TEST_CASE("CSV: header detection and generated names", "[csv]") {
  CsvFormat format;
  const Table numbers = ReadOk("1,2\n3,4\n", {}, &format);
  CHECK_FALSE(format.has_header);
  CHECK(numbers.rows == 2);
  CHECK(numbers.ColumnNames() == std::vector<std::string>{"column 1", "column 2"});

  const Table text = ReadOk("colour,size\nred,big\nblue,small\n", {}, &format);
  CHECK(format.has_header);
  CHECK(text.rows == 2);

  const Table repeated = ReadOk("red,big\nblue,small\nred,big\n", {}, &format);  // "red" recurs: data
  CHECK_FALSE(format.has_header);
  CHECK(repeated.rows == 3);

  CsvOptions absent;
  absent.header = mlp::io::HeaderMode::kAbsent;
  CHECK(ReadOk("a,b\n1,2\n", absent).rows == 2);

  // One text field above numbers is not enough: the first row must be mostly text.
  const Table mostly_numbers = ReadOk("x,1,2\n5,6,7\n8,9,10\n", {}, &format);
  CHECK_FALSE(format.has_header);
  CHECK(mostly_numbers.rows == 3);

  const Table names = ReadOk("x,,x\n1,2,3\n");  // empty and duplicate names are made usable
  CHECK(names.ColumnNames() == std::vector<std::string>{"x", "column 2", "x (2)"});
}

TEST_CASE("CSV: missing markers, infinities and mixed types", "[csv]") {
  const Table table = ReadOk(
      "a,b,c,d\n"
      "1,NA,x,inf\n"
      "N/A,2,3,-Infinity\n"
      "NaN,?,nan,1\n"
      "null,-,,2\n");
  CHECK(table.columns[0].kind == ColumnKind::kNumeric);
  CHECK(table.columns[0].missing == 3);
  CHECK(std::isnan(table.columns[0].numbers[3]));
  CHECK(table.columns[1].missing == 3);
  CHECK(table.columns[1].numbers[1] == 2.0);
  // Text mixed with numbers is categorical, not an error; missing markers stay missing.
  CHECK(table.columns[2].kind == ColumnKind::kCategorical);
  CHECK(table.columns[2].categories == std::vector<std::string>{"x", "3"});
  CHECK(table.columns[2].codes == std::vector<int32_t>{0, 1, -1, -1});
  CHECK(table.columns[2].missing == 2);
  CHECK(table.columns[3].numbers[0] == HUGE_VAL);
  CHECK(table.columns[3].numbers[1] == -HUGE_VAL);
}

TEST_CASE("CSV: an all-missing column is read as numeric with every value missing", "[csv]") {
  const Table table = ReadOk("a,b,c\n1,,3\n2,NA,4\n");
  CHECK(table.columns[1].kind == ColumnKind::kNumeric);
  CHECK(table.columns[1].missing == 2);
  CHECK(std::isnan(table.columns[1].numbers[0]));
}

TEST_CASE("CSV: ragged rows are an error naming the line, unless padded or skipped", "[csv]") {
  const std::string text = "a,b,c\n1,2,3\n4,5\n\n7,8,9,10\n";
  const std::string message = ReadError(text);
  CHECK_THAT(message, Contains("Line 3") && Contains("2 fields") && Contains("3"));

  CsvOptions pad;
  pad.ragged = mlp::io::RaggedRows::kPad;
  CsvFormat format;
  const Table padded = ReadOk(text, pad, &format);
  CHECK(format.ragged_rows == 2);
  REQUIRE(padded.rows == 3);
  CHECK(std::isnan(padded.columns[2].numbers[1]));
  CHECK(padded.columns[2].numbers[2] == 9);

  CsvOptions skip;
  skip.ragged = mlp::io::RaggedRows::kSkip;
  const Table skipped = ReadOk(text, skip, &format);
  CHECK(format.ragged_rows == 2);
  CHECK(skipped.rows == 1);
}

TEST_CASE("CSV: a large generated file parses, reports progress and can be cancelled", "[csv]") {
  std::string text = "id,x,y,class\n";
  for (int i = 0; i < 100000; ++i)
    text += std::to_string(i) + "," + std::to_string(i * 0.25) + "," + std::to_string(-i) + "," + (i % 3 ? "b" : "a") + "\n";
  int calls = 0;
  double last = -1.0;
  bool monotonic = true;
  CsvOptions options;
  options.progress = [&](double fraction) {
    monotonic = monotonic && fraction >= last && fraction <= 1.0;
    last = fraction;
    ++calls;
    return true;
  };
  const Table table = ReadOk(text, options);
  CHECK(table.rows == 100000);
  CHECK(table.columns[1].numbers[99999] == Approx(99999 * 0.25));
  CHECK(table.columns[3].categories == std::vector<std::string>{"a", "b"});
  CHECK(calls >= static_cast<int>(text.size() / (64 << 10)));
  CHECK(monotonic);
  CHECK(last == 1.0);

  int calls_before_cancel = 0;
  options.progress = [&](double) { return ++calls_before_cancel < 3; };
  const mlp::Result<Table> cancelled = Read(text, options);
  REQUIRE_FALSE(cancelled.ok());
  CHECK_THAT(cancelled.status().message(), Contains("cancelled"));
  CHECK(calls_before_cancel == 3);
}

TEST_CASE("CSV: size, row, column and field limits are refused with the figures", "[csv]") {
  CsvOptions small;
  small.max_bytes = 10;
  CHECK_THAT(ReadError("a,b\n1,2\n3,4\n", small), Contains("12 bytes") && Contains("10 bytes"));

  CsvOptions few_rows;
  few_rows.max_rows = 2;
  CHECK_THAT(ReadError("a\n1\n2\n3\n", few_rows), Contains("limit"));
  CHECK(ReadOk("a\n1\n2\n", few_rows).rows == 2);

  std::string wide;
  for (int c = 0; c < 20000; ++c) wide += (c ? "," : "") + std::string("c") + std::to_string(c);
  wide += "\n";
  CHECK_THAT(ReadError(wide), Contains("10000"));

  std::string same_names;  // 10,000 equal names are made unique without slowing down
  for (int c = 0; c < 10000; ++c) same_names += c ? ",x" : "x";
  same_names += "\n";
  for (int c = 0; c < 10000; ++c) same_names += c ? ",1" : "1";
  const Table repeated = ReadOk(same_names);
  REQUIRE(repeated.columns.size() == 10000);
  CHECK(repeated.columns[1].name == "x (2)");
  CHECK(repeated.columns[9999].name == "x (10000)");

  const std::string huge = "a,b\n1," + std::string(2u << 20, 'x') + "\n";
  CHECK_THAT(ReadError(huge), Contains("Line 2") && Contains("1 MiB"));
  const std::string huge_quoted = "a,b\n1,\"" + std::string(2u << 20, 'x') + "\"\n";
  CHECK_THAT(ReadError(huge_quoted), Contains("1 MiB"));
}

TEST_CASE("CSV: malformed inputs give a clear failed Status", "[csv]") {
  CHECK_THAT(ReadError(""), Contains("empty"));
  CHECK_THAT(ReadError("\xEF\xBB\xBF"), Contains("empty"));
  CHECK_THAT(ReadError("\n\r\n  \n"), Contains("blank"));
  CHECK_THAT(ReadError("alpha,beta,gamma\n"), Contains("no data"));
  CHECK_THAT(ReadError("a,b\n1,\"open\n2,3\n"), Contains("Line 2") && Contains("never closed"));
  CHECK_THAT(ReadError(std::string("a,b\n1,2\n3,\0,4\n", 14)), Contains("Line 3") && Contains("NUL"));
  CHECK_THAT(ReadError("\xFF\xFE" "a"), Contains("UTF-16"));
}

TEST_CASE("CSV: invalid UTF-8 in a header is accepted and made displayable", "[csv]") {
  const Table table = ReadOk("ok,bad\xC3\x28,\xE2\x82\n1,2,3\n");
  REQUIRE(table.columns.size() == 3);
  CHECK(table.columns[1].name == "bad\xEF\xBF\xBD(");
  CHECK(table.columns[2].name == "\xEF\xBF\xBD\xEF\xBF\xBD");
  const Table labels = ReadOk("v,label\n1,caf\xE9\n2,ok\n");  // Latin-1 'é' in a category label
  CHECK(labels.columns[1].categories == std::vector<std::string>{"caf\xEF\xBF\xBD", "ok"});
  CHECK(mlp::io::ToValidUtf8("caf\xC3\xA9 \xF0\x9F\x8D\xB7") == "caf\xC3\xA9 \xF0\x9F\x8D\xB7");
  CHECK(mlp::io::ToValidUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST_CASE("CSV: number grammar refuses what is not a plain decimal number", "[csv]") {
  double value = 0.0;
  for (const char* text : {"1", "-2.5", "+.5", "5.", "1e-3", " 7 ", "INF", "-infinity"}) {
    INFO(text);
    CHECK(mlp::io::ParseNumber(text, false, &value));
  }
  for (const char* text : {"", ".", "0x10", "1e", "1,5", "1.2.3", "nan", "12abc", "- 1", "e5"}) {
    INFO(text);
    CHECK_FALSE(mlp::io::ParseNumber(text, false, &value));
  }
  CHECK(mlp::io::ParseNumber("1,5", true, &value));
  CHECK(value == 1.5);
  CHECK_FALSE(mlp::io::ParseNumber("1.5", true, &value));
}
