// Axis ticks: 1-2-5 steps for linear axes, decades (+ 2..9 minors) for log axes, and compact labels.
#include "ui/plot/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "ui/plot/plot.h"

namespace mlp::plot {
namespace detail {
namespace {

// Relative slack so that a tick exactly on a range end survives floating-point division.
constexpr double kEdgeSlack = 1e-9;
// Ranges narrower than this relative to their magnitude cannot be subdivided in double precision.
constexpr double kMinRelativeSpan = 1e-12;
// Hard cap on ticks, whatever the caller asks for: keeps every loop bounded.
constexpr int kMaxTicks = 1000;

// Strips "1.500e+06" to "1.5e6", "2.000" to "2" and "-0" to "0", in place.
void CompactNumber(char* buf) {
  char* e = std::strchr(buf, 'e');
  char exponent[16] = {};
  if (e) {
    const char* p = e + 1;
    bool negative = false;
    if (*p == '+' || *p == '-') negative = (*p++ == '-');
    while (*p == '0' && p[1] != '\0') ++p;
    std::snprintf(exponent, sizeof(exponent), "e%s%s", negative ? "-" : "", p);
    *e = '\0';
  }
  if (std::strchr(buf, '.')) {
    std::size_t n = std::strlen(buf);
    while (n > 0 && buf[n - 1] == '0') buf[--n] = '\0';
    if (n > 0 && buf[n - 1] == '.') buf[--n] = '\0';
  }
  if (buf[0] == '-' && std::strspn(buf + 1, "0.") == std::strlen(buf + 1)) {
    std::memmove(buf, buf + 1, std::strlen(buf));  // "-0" -> "0"
    exponent[0] = '\0';
  }
  std::strcat(buf, exponent);
}

bool FormatNonFinite(double value, char* buf, std::size_t size) {
  if (std::isfinite(value)) return false;
  std::snprintf(buf, size, "%s", std::isnan(value) ? "nan" : (value > 0 ? "inf" : "-inf"));
  return true;
}

}  // namespace

namespace {

// A tick step mantissa * 10^exponent, mantissa in {1, 2, 5}.
struct Step {
  double value = 0.0;
  int mantissa = 1;
  int exponent = 0;
};

// mantissa * 10^exponent, rounded once, so that 3 * 0.2 prints and compares as 0.6.
double Scaled(double mantissa, int exponent) {
  return exponent >= 0 ? mantissa * std::pow(10.0, exponent) : mantissa / std::pow(10.0, -exponent);
}

Step ChooseStep(double min, double max, int target_count) {
  Step best;
  if (!std::isfinite(min) || !std::isfinite(max)) return best;
  if (min > max) std::swap(min, max);
  const int target = std::clamp(target_count, 1, kMaxTicks);
  const double magnitude = std::max(std::fabs(min), std::fabs(max));
  // max/target - min/target cannot overflow even for ranges near +-DBL_MAX.
  const double raw_step = max / target - min / target;
  if (!(raw_step > 0.0) || !std::isfinite(raw_step)) return best;
  if (raw_step * target <= magnitude * kMinRelativeSpan) return best;
  const int e = static_cast<int>(std::floor(std::log10(raw_step)));
  const Step candidates[] = {{0, 1, e + 1}, {0, 5, e}, {0, 2, e}, {0, 1, e}, {0, 5, e - 1}};
  double best_error = 1e300;
  for (Step c : candidates) {  // largest first: ties keep fewer ticks
    c.value = Scaled(c.mantissa, c.exponent);
    if (!std::isfinite(c.value) || c.value <= 0.0) continue;
    const double count = std::floor(max / c.value + kEdgeSlack) - std::ceil(min / c.value - kEdgeSlack) + 1.0;
    // A lone tick says nothing about scale: prefer two or more whenever the range allows.
    const double error = std::fabs(count - target) + (count < 2.0 ? 100.0 : 0.0);
    if (error < best_error) {
      best_error = error;
      best = c;
    }
  }
  return best;
}

}  // namespace

double NiceStep(double min, double max, int target_count) { return ChooseStep(min, max, target_count).value; }

void LinearTicks(double min, double max, int target_count, std::vector<Tick>* out) {
  out->clear();
  if (min > max) std::swap(min, max);
  const double step = NiceStep(min, max, target_count);
  const std::vector<double> values = NiceTicks(min, max, target_count);
  const double magnitude = std::max(std::fabs(min), std::fabs(max));
  for (double v : values) {
    Tick tick;
    tick.value = v;
    if (step > 0.0) {
      FormatTick(v, step, tick.label, sizeof(tick.label), magnitude);  // one style per axis
    } else {
      FormatValue(v, tick.label, sizeof(tick.label));
    }
    out->push_back(tick);
  }
}

void LogTicks(double min, double max, int target_count, std::vector<Tick>* out) {
  out->clear();
  if (min > max) std::swap(min, max);
  if (!(min > 0.0) || !std::isfinite(max)) return;
  const double l0 = std::log10(min), l1 = std::log10(max);
  if (l1 - l0 < 1.0) {  // under a decade: decades alone would leave the axis nearly bare
    LinearTicks(min, max, target_count, out);
    return;
  }
  const int target = std::clamp(target_count, 1, kMaxTicks);
  const int every = std::max(1, static_cast<int>(std::ceil((l1 - l0) / target)));
  const int first = static_cast<int>(std::floor(l0)), last = static_cast<int>(std::ceil(l1));
  // Minor ticks get labels when there is room for three per decade (1, 2, 5), and the 5s do
  // when fewer than two decades are in view, so the axis always carries at least two labels.
  const int decades_in_view = static_cast<int>(std::floor(l1 + kEdgeSlack) - std::ceil(l0 - kEdgeSlack)) + 1;
  const bool label_2s = every == 1 && (l1 - l0) * 3.0 <= target;
  const bool label_5s = every == 1 && (label_2s || decades_in_view < 2);
  for (int d = first; d <= last; ++d) {
    const double base = std::pow(10.0, d);
    if (base >= min * (1 - kEdgeSlack) && base <= max * (1 + kEdgeSlack)) {
      Tick tick;
      tick.value = std::clamp(base, min, max);
      tick.labelled = d % every == 0;
      if (tick.labelled) FormatValue(base, tick.label, sizeof(tick.label));
      out->push_back(tick);
    }
    if (every != 1) continue;
    for (int m = 2; m <= 9; ++m) {
      const double v = m * base;
      if (v < min || v > max) continue;
      Tick tick;
      tick.value = v;
      tick.labelled = (label_2s && m == 2) || (label_5s && m == 5);
      tick.rank = m == 5 ? 1 : 0;
      if (tick.labelled) FormatValue(v, tick.label, sizeof(tick.label));
      out->push_back(tick);
    }
  }
}

void FormatTick(double value, double step, char* buf, std::size_t size, double magnitude) {
  if (FormatNonFinite(value, buf, size)) return;
  if (!(step > 0.0) || !std::isfinite(step)) return FormatValue(value, buf, size);
  if (std::fabs(value) < step * 1e-6) value = 0.0;  // 0.1 + 0.2 - 0.3 style residue
  if (magnitude <= 0.0) magnitude = std::max(std::fabs(value), step);
  const int step_exp = static_cast<int>(std::floor(std::log10(step) + kEdgeSlack));
  if (value != 0.0 && (magnitude >= 1e6 || magnitude < 1e-4)) {
    const int value_exp = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    std::snprintf(buf, size, "%.*e", std::clamp(value_exp - step_exp, 0, 15), value);
  } else {
    std::snprintf(buf, size, "%.*f", std::clamp(-step_exp, 0, 15), value);
  }
  CompactNumber(buf);
}

void FormatValue(double value, char* buf, std::size_t size) {
  if (FormatNonFinite(value, buf, size)) return;
  const double magnitude = std::fabs(value);
  if (magnitude == 0.0) {
    std::snprintf(buf, size, "0");
  } else if (magnitude >= 1e-3 && magnitude < 1e5) {
    const int exp10 = static_cast<int>(std::floor(std::log10(magnitude)));
    std::snprintf(buf, size, "%.*f", std::max(0, 3 - exp10), value);  // 4 significant digits
  } else {
    std::snprintf(buf, size, "%.3e", value);
  }
  CompactNumber(buf);
}

}  // namespace detail

std::vector<double> NiceTicks(double min, double max, int target_count) {
  std::vector<double> ticks;
  if (!std::isfinite(min) || !std::isfinite(max)) return ticks;
  if (min > max) std::swap(min, max);
  const detail::Step step = detail::ChooseStep(min, max, target_count);
  if (step.value == 0.0) {
    ticks.push_back(0.5 * min + 0.5 * max);  // degenerate: one tick in the middle
    return ticks;
  }
  const double k0 = std::ceil(min / step.value - detail::kEdgeSlack);
  const double k1 = std::floor(max / step.value + detail::kEdgeSlack);
  if (!(k1 - k0 < detail::kMaxTicks)) return ticks;
  for (double k = k0; k <= k1; k += 1.0) {
    double v = detail::Scaled(k * step.mantissa, step.exponent);
    if (v == 0.0) v = 0.0;  // ceil(-0.3) is -0.0
    ticks.push_back(std::clamp(v, min, max));  // removes the slack's tiny overshoot at the ends
  }
  return ticks;
}

}  // namespace mlp::plot
