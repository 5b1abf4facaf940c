// Colour maps (piecewise-linear in sRGB between published stops) and the qualitative series palette.
#include <algorithm>
#include <array>
#include <cmath>

#include "ui/plot/plot.h"

namespace mlp::plot {
namespace {

struct Rgb {
  float r, g, b;  // 0..255, sRGB
};

// TensorFlow Playground's colour scale: d3 domain [-1, 0, 1] -> #f59322, #e8eaeb, #0877bd.
constexpr Rgb kDiverging[] = {{245, 147, 34}, {232, 234, 235}, {8, 119, 189}};

// matplotlib's viridis (van der Walt & Smith, CC0), every 8th of its 256 entries plus the last;
// entry i sits at t = i / 255, so the final interval is 7/255 wide instead of 8/255.
constexpr Rgb kViridis[] = {
    {68.1f, 1.2f, 84.0f},    {70.6f, 12.8f, 95.8f},   {72.0f, 24.2f, 106.4f},  {72.1f, 34.7f, 115.6f},
    {71.1f, 44.7f, 123.3f},  {69.0f, 54.6f, 129.3f},  {66.0f, 64.1f, 133.8f},  {62.5f, 73.4f, 137.0f},
    {58.6f, 82.2f, 139.2f},  {54.6f, 90.7f, 140.5f},  {50.9f, 98.8f, 141.4f},  {47.3f, 106.7f, 142.0f},
    {44.0f, 114.4f, 142.3f}, {41.0f, 122.0f, 142.3f}, {38.0f, 129.6f, 142.1f}, {35.1f, 137.1f, 141.5f},
    {32.5f, 144.6f, 140.4f}, {30.7f, 152.1f, 138.6f}, {30.8f, 159.6f, 136.0f}, {33.7f, 167.0f, 132.5f},
    {40.3f, 174.4f, 127.9f}, {50.1f, 181.5f, 122.2f}, {62.7f, 188.4f, 115.3f}, {77.5f, 195.0f, 107.1f},
    {94.2f, 201.2f, 97.6f},  {112.2f, 206.8f, 87.0f}, {131.6f, 212.0f, 75.0f}, {151.9f, 216.4f, 62.0f},
    {173.0f, 220.3f, 48.3f}, {194.4f, 223.5f, 35.0f}, {215.6f, 226.3f, 25.4f}, {236.2f, 228.8f, 26.5f},
    {253.3f, 231.1f, 36.7f},
};

// ColorBrewer "Blues" (9 classes), light to dark, evenly spaced.
constexpr Rgb kBlues[] = {{247, 251, 255}, {222, 235, 247}, {198, 219, 239},
                          {158, 202, 225}, {107, 174, 214}, {66, 146, 198},
                          {33, 113, 181},  {8, 81, 156},    {8, 48, 107}};

// Tableau 10 (matplotlib's default cycle): blue and orange first, like the diverging map's ends.
constexpr ImU32 kPalette[] = {
    IM_COL32(31, 119, 180, 255),  IM_COL32(255, 127, 14, 255), IM_COL32(44, 160, 44, 255),
    IM_COL32(214, 39, 40, 255),   IM_COL32(148, 103, 189, 255), IM_COL32(140, 86, 75, 255),
    IM_COL32(227, 119, 194, 255), IM_COL32(127, 127, 127, 255), IM_COL32(188, 189, 34, 255),
    IM_COL32(23, 190, 207, 255)};

ImU32 Pack(const Rgb& c) {
  auto byte = [](float v) { return static_cast<ImU32>(std::clamp(v, 0.0f, 255.0f) + 0.5f); };
  return IM_COL32(byte(c.r), byte(c.g), byte(c.b), 255);
}

Rgb Lerp(const Rgb& a, const Rgb& b, float f) {
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

ImU32 SampleStops(const Rgb* stops, int count, float t) {
  const float pos = t * (count - 1);
  const int i = std::min(static_cast<int>(pos), count - 2);
  return Pack(Lerp(stops[i], stops[i + 1], pos - i));
}

ImU32 SampleViridis(float t) {
  constexpr int kLast = static_cast<int>(sizeof(kViridis) / sizeof(kViridis[0])) - 1;
  const float index = t * 255.0f;  // position among the original 256 entries
  int i = std::min(static_cast<int>(index / 8.0f), kLast - 1);
  const float start = i * 8.0f, end = (i + 1 == kLast) ? 255.0f : (i + 1) * 8.0f;
  return Pack(Lerp(kViridis[i], kViridis[i + 1], (index - start) / (end - start)));
}

// 256-entry lookup tables, built on first use, so filling a texture costs one lookup per texel.
const std::array<ImU32, 256>& Table(Colormap map) {
  static const auto build = [](Colormap m) {
    std::array<ImU32, 256> table{};
    for (int i = 0; i < 256; ++i) table[i] = SampleColormap(m, i / 255.0f);
    return table;
  };
  static const std::array<ImU32, 256> diverging = build(Colormap::kDiverging);
  static const std::array<ImU32, 256> viridis = build(Colormap::kViridis);
  static const std::array<ImU32, 256> blues = build(Colormap::kBlues);
  switch (map) {
    case Colormap::kViridis: return viridis;
    case Colormap::kBlues: return blues;
    case Colormap::kDiverging: break;
  }
  return diverging;
}

}  // namespace

ImU32 SampleColormap(Colormap map, float t) {
  if (std::isnan(t)) return IM_COL32(0, 0, 0, 0);
  t = std::clamp(t, 0.0f, 1.0f);
  switch (map) {
    case Colormap::kViridis: return SampleViridis(t);
    case Colormap::kBlues: return SampleStops(kBlues, 9, t);
    case Colormap::kDiverging: break;
  }
  return SampleStops(kDiverging, 3, t);
}

void FillColormapRGBA(Colormap map, const float* values, int count, float vmin, float vmax,
                      uint32_t* rgba_out) {
  const std::array<ImU32, 256>& table = Table(map);
  const float span = vmax - vmin;
  const float scale = (span != 0.0f && std::isfinite(span)) ? 255.0f / span : 0.0f;
  for (int i = 0; i < count; ++i) {
    const float v = values[i];
    if (std::isnan(v)) {
      rgba_out[i] = IM_COL32(0, 0, 0, 0);
      continue;
    }
    // scale == 0 (vmin == vmax) maps everything to the middle of the map.
    const float index = scale != 0.0f ? (v - vmin) * scale : 127.5f;
    rgba_out[i] = table[static_cast<int>(std::clamp(index, 0.0f, 255.0f) + 0.5f)];
  }
}

ImU32 PaletteColor(int index) {
  constexpr int kCount = static_cast<int>(sizeof(kPalette) / sizeof(kPalette[0]));
  return kPalette[((index % kCount) + kCount) % kCount];
}

}  // namespace mlp::plot
