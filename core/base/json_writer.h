// JsonWriter: builds a flat-or-nested JSON object for the page API and the trainer's output.
// Non-finite numbers are written as null (JSON has no NaN).
#pragma once

#include <string>
#include <string_view>

namespace mlp {

class JsonWriter {
public:
  JsonWriter() { text_ = "{"; }
  JsonWriter& Add(std::string_view key, double value);
  JsonWriter& Add(std::string_view key, long long value);
  JsonWriter& Add(std::string_view key, int value) { return Add(key, static_cast<long long>(value)); }
  JsonWriter& Add(std::string_view key, bool value);
  JsonWriter& Add(std::string_view key, std::string_view value);
  JsonWriter& Add(std::string_view key, const char* value) { return Add(key, std::string_view(value)); }
  JsonWriter& AddRaw(std::string_view key, std::string_view json);  // value already JSON
  std::string Finish() const { return text_ + "}"; }

  static std::string Quote(std::string_view text);

private:
  void Key(std::string_view key);
  std::string text_;
  bool first_ = true;
};

}  // namespace mlp
