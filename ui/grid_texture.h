// GridTexture: a value grid from a snapshot shown as a colour-mapped texture, uploaded through
// the Platform only when the snapshot changes. Double-buffered: each update writes the texture the
// last frame did not draw, so the GPU never has to finish (or copy) a frame in flight first —
// with ANGLE on a software GPU that stall cost ~1 ms per texture per frame.
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
  ImTextureID id() const { return textures_[front_]; }

private:
  void Release();

  Platform* platform_ = nullptr;
  ImTextureID textures_[2] = {nullptr, nullptr};
  int front_ = 0;  // the texture frames draw
  int size_ = 0;
  std::vector<uint32_t> texels_;
  std::vector<float> scratch_;
};

}  // namespace mlp::ui
