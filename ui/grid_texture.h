// GridTexture: a value grid from a snapshot shown as a colour-mapped texture, uploaded through
// the Platform only when the snapshot changes.
#pragma once

#include <cstdint>
#include <vector>

#include "ui/platform.h"
#include "ui/plot/plot.h"

namespace mlp::ui {

class GridTexture {
public:
  GridTexture() = default;
  GridTexture(const GridTexture&) = delete;
  GridTexture& operator=(const GridTexture&) = delete;
  GridTexture(GridTexture&& other) noexcept;
  GridTexture& operator=(GridTexture&& other) noexcept;
  ~GridTexture();

  // Colours `values` (size×size, row 0 on top) into the texture; `discrete` snaps values to the
  // two ends of [vmin, vmax] around the midpoint (a hard decision boundary); `wash` (0…1) mixes the
  // colours toward white so that data points drawn on top stay visible.
  void Update(Platform& platform, const std::vector<float>& values, int size, float vmin, float vmax,
              bool discrete = false, float wash = 0.0f);
  ImTextureID id() const { return texture_; }

private:
  Platform* platform_ = nullptr;
  ImTextureID texture_ = nullptr;
  int size_ = 0;
  std::vector<uint32_t> texels_;
  std::vector<float> scratch_;
};

}  // namespace mlp::ui
