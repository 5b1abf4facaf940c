// Tick placement and number formatting for plot axes and colour bars (no ImGui dependency).
#pragma once

#include <cstddef>
#include <vector>

namespace mlp::plot::detail {

// One tick of an axis. Labelled ticks also draw a stronger grid line.
struct Tick {
  double value = 0.0;    // data units
  bool labelled = true;  // false: minor tick (grid line only)
  int rank = 2;          // which labels survive a collision: decades 2, 5s 1, 2s 0 (log axes)
  char label[32] = {};   // formatted value, empty when not labelled
};

// Linear ticks over [min, max] with labels formatted consistently for the step.
void LinearTicks(double min, double max, int target_count, std::vector<Tick>* out);

// Ticks for a log10 axis over [min, max] (both > 0): decades labelled, 2..9 multiples as minor
// ticks (2 and 5 labelled when there is room, 5 when under two decades show); spans under a
// decade fall back to linear ticks.
void LogTicks(double min, double max, int target_count, std::vector<Tick>* out);

// Step NiceTicks would choose for the range, or 0 for degenerate input.
double NiceStep(double min, double max, int target_count);

// Formats a tick value with as many digits as `step` needs: "0.2", "1.5e6", "-3", never "-0".
// Scientific when `magnitude` (the axis' largest |value|; 0 = this value's) is >= 1e6 or < 1e-4.
void FormatTick(double value, double step, char* buf, std::size_t size, double magnitude = 0.0);

// Compact value for read-outs (4 significant digits): "0.1235", "1.2e-5", "12346", never "-0".
void FormatValue(double value, char* buf, std::size_t size);

}  // namespace mlp::plot::detail
