// Numbers in messages and query strings: 6 significant digits, no trailing zeros ("0.03", "1e-05").
#pragma once

#include <cstdio>
#include <string>

namespace mlp {

inline std::string FormatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

}  // namespace mlp
