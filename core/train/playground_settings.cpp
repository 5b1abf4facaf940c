#include "core/train/playground_settings.h"
#include "core/base/format.h"

#include <algorithm>
#include <bitset>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace mlp {
namespace {

std::vector<std::string_view> SplitOn(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

// Decodes %XX escapes and '+' (as browsers encode query strings).
std::string UrlDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size()) {
      int code = 0;
      const auto [ptr, ec] = std::from_chars(text.data() + i + 1, text.data() + i + 3, code, 16);
      if (ec == std::errc() && ptr == text.data() + i + 3) {
        out += static_cast<char>(code);
        i += 2;
      } else {
        out += '%';
      }
    } else {
      out += text[i];
    }
  }
  return out;
}

bool ParseDouble(std::string_view text, double* value) {
  const std::string copy(text);
  char* end = nullptr;
  const double parsed = std::strtod(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size() || !std::isfinite(parsed)) return false;
  *value = parsed;
  return true;
}

bool ParseInt(std::string_view text, long long* value) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
}

Status Invalid(std::string_view key, std::string_view value, std::string_view expected) {
  return Status::Error("Setting '" + std::string(key) + "' cannot be '" + std::string(value) + "': expected " +
                       std::string(expected) + ".");
}

Status ApplyOne(std::string_view key, std::string_view value, PlaygroundSettings& s) {
  double number = 0;
  long long integer = 0;
  auto ranged = [&](double low, double high, double* target, double scale = 1.0) -> Status {
    if (!ParseDouble(value, &number) || number < low || number > high)
      return Invalid(key, value, "a number from " + FormatNumber(low) + " to " + FormatNumber(high));
    *target = number * scale;
    return {};
  };
  auto ranged_int = [&](long long low, long long high, auto* target) -> Status {
    if (!ParseInt(value, &integer) || integer < low || integer > high)
      return Invalid(key, value, "a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    *target = static_cast<std::remove_pointer_t<decltype(target)>>(integer);
    return {};
  };

  if (key == "dataset") {
    const auto problem = ParseProblem(value);
    if (!problem) return Invalid(key, value, "circle, xor, gauss, spiral, moons, plane or bumps");
    s.problem = *problem;
    return {};
  }
  if (key == "noise") return ranged(0, 50, &s.noise, 0.01);  // percent, as the UI shows it
  if (key == "trainRatio") return ranged(10, 90, &s.train_fraction, 0.01);
  if (key == "samples") return ranged_int(50, 5000, &s.samples);
  if (key == "dataSeed") return ranged_int(0, 4294967295LL, &s.data_seed);
  if (key == "seed") return ranged_int(0, 4294967295LL, &s.seed);
  if (key == "batch") return ranged_int(1, kMaxBatchSize, &s.batch_size);
  if (key == "lr") return ranged(1e-6, 10, &s.learning_rate);
  if (key == "momentum") return ranged(0, 0.999, &s.momentum);
  if (key == "regRate") return ranged(0, 10, &s.regularization_rate);
  if (key == "speed") return ranged(0, 1000, &s.epochs_per_second);
  if (key == "activation") {
    if (!nn::ParseActivation(value, &s.activation) || s.activation == nn::Activation::kSoftmax)
      return Invalid(key, value, "linear, sigmoid, tanh, relu or leaky_relu");
    return {};
  }
  if (key == "optimizer") {
    if (!nn::ParseOptimizerKind(value, &s.optimizer)) return Invalid(key, value, "sgd or adam");
    return {};
  }
  if (key == "reg") {
    if (!nn::ParseRegularization(value, &s.regularization)) return Invalid(key, value, "none, l1 or l2");
    return {};
  }
  if (key == "features") {
    uint32_t mask = 0;
    for (std::string_view part : SplitOn(value, ',')) {
      bool known = false;
      for (uint32_t feature : kAllInputFeatures) {
        if (FeatureKey(feature) == part) {
          mask |= feature;
          known = true;
        }
      }
      if (!known) return Invalid(key, value, "a comma-separated list of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2");
    }
    if (mask == 0) return Invalid(key, value, "at least one input feature");
    s.features = mask;
    return {};
  }
  if (key == "layers") {
    std::vector<int> hidden;
    if (!value.empty()) {
      for (std::string_view part : SplitOn(value, ',')) {
        if (!ParseInt(part, &integer) || integer < 1 || integer > kMaxNeuronsPerLayer)
          return Invalid(key, value, "comma-separated neuron counts from 1 to " + std::to_string(kMaxNeuronsPerLayer));
        hidden.push_back(static_cast<int>(integer));
      }
    }
    if (static_cast<int>(hidden.size()) > kMaxHiddenLayers)
      return Invalid(key, value, "at most " + std::to_string(kMaxHiddenLayers) + " hidden layers");
    s.hidden = hidden;
    return {};
  }
  return Status::Error("Unknown setting '" + std::string(key) +
                       "'. Known: dataset, noise, trainRatio, samples, dataSeed, features, layers, activation, "
                       "optimizer, lr, momentum, reg, regRate, batch, seed, speed.");
}

}  // namespace

std::string_view FeatureKey(uint32_t feature) {
  switch (feature) {
    case kFeatureX1: return "x1";
    case kFeatureX2: return "x2";
    case kFeatureX1Squared: return "x1sq";
    case kFeatureX2Squared: return "x2sq";
    case kFeatureX1TimesX2: return "x1x2";
    case kFeatureSinX1: return "sinx1";
    case kFeatureSinX2: return "sinx2";
    default: return "";
  }
}

std::string_view FeatureLabel(uint32_t feature) {
  switch (feature) {
    case kFeatureX1: return "x\xe2\x82\x81";
    case kFeatureX2: return "x\xe2\x82\x82";
    case kFeatureX1Squared: return "x\xe2\x82\x81\xc2\xb2";
    case kFeatureX2Squared: return "x\xe2\x82\x82\xc2\xb2";
    case kFeatureX1TimesX2: return "x\xe2\x82\x81x\xe2\x82\x82";
    case kFeatureSinX1: return "sin(x\xe2\x82\x81)";
    case kFeatureSinX2: return "sin(x\xe2\x82\x82)";
    default: return "";
  }
}

int PlaygroundSettings::input_count() const { return static_cast<int>(std::bitset<32>(features).count()); }

bool PlaygroundSettings::operator==(const PlaygroundSettings& o) const {
  return ToQuery(*this) == ToQuery(o);
}

std::string ToQuery(const PlaygroundSettings& s) {
  std::ostringstream out;
  out << "dataset=" << ProblemKey(s.problem) << "&noise=" << FormatNumber(s.noise * 100)
      << "&trainRatio=" << FormatNumber(s.train_fraction * 100) << "&samples=" << s.samples << "&dataSeed=" << s.data_seed
      << "&features=";
  bool first = true;
  for (uint32_t feature : kAllInputFeatures) {
    if (!(s.features & feature)) continue;
    out << (first ? "" : ",") << FeatureKey(feature);
    first = false;
  }
  out << "&layers=";
  for (size_t i = 0; i < s.hidden.size(); ++i) out << (i ? "," : "") << s.hidden[i];
  out << "&activation=" << nn::ActivationName(s.activation) << "&optimizer=" << nn::OptimizerKindName(s.optimizer)
      << "&lr=" << FormatNumber(s.learning_rate) << "&momentum=" << FormatNumber(s.momentum)
      << "&reg=" << nn::RegularizationName(s.regularization) << "&regRate=" << FormatNumber(s.regularization_rate)
      << "&batch=" << s.batch_size << "&seed=" << s.seed << "&speed=" << FormatNumber(s.epochs_per_second);
  return out.str();
}

Status ApplyQuery(std::string_view query, PlaygroundSettings* settings) {
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  PlaygroundSettings updated = *settings;
  for (std::string_view pair : SplitOn(query, '&')) {
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    if (equals == std::string_view::npos)
      return Status::Error("Setting '" + std::string(pair) + "' has no value: write it as key=value.");
    const std::string key = UrlDecode(pair.substr(0, equals));
    const std::string value = UrlDecode(pair.substr(equals + 1));
    if (Status status = ApplyOne(key, value, updated); !status.ok()) return status;
  }
  *settings = std::move(updated);
  return {};
}

}  // namespace mlp
