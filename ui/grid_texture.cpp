#include "ui/grid_texture.h"

#include <utility>

namespace mlp::ui {

GridTexture::GridTexture(GridTexture&& other) noexcept { *this = std::move(other); }

GridTexture& GridTexture::operator=(GridTexture&& other) noexcept {
  if (this != &other) {
    Release();
    platform_ = std::exchange(other.platform_, nullptr);
    textures_[0] = std::exchange(other.textures_[0], nullptr);
    textures_[1] = std::exchange(other.textures_[1], nullptr);
    front_ = other.front_;
    size_ = std::exchange(other.size_, 0);
    texels_ = std::move(other.texels_);
  }
  return *this;
}

GridTexture::~GridTexture() { Release(); }

void GridTexture::Release() {
  for (ImTextureID& texture : textures_) {
    if (platform_ && texture) platform_->DestroyTexture(texture);
    texture = nullptr;
  }
}

void GridTexture::Update(Platform& platform, const std::vector<float>& values, int size, float vmin, float vmax,
                         bool discrete, float wash) {
  if (size <= 0 || static_cast<int>(values.size()) < size * size) return;
  if (!textures_[0] || size_ != size || platform_ != &platform) {
    Release();
    platform_ = &platform;
    textures_[0] = platform.CreateTexture(size, size);
    textures_[1] = platform.CreateTexture(size, size);
    size_ = size;
  }
  const float* source = values.data();
  if (discrete) {
    const float middle = 0.5f * (vmin + vmax);
    scratch_.resize(static_cast<size_t>(size) * size);
    for (size_t i = 0; i < scratch_.size(); ++i) scratch_[i] = values[i] >= middle ? vmax : vmin;
    source = scratch_.data();
  }
  texels_.resize(static_cast<size_t>(size) * size);
  plot::FillColormapRGBA(plot::Colormap::kDiverging, source, size * size, vmin, vmax, texels_.data());
  if (wash > 0.0f) {
    const uint32_t keep = static_cast<uint32_t>((1.0f - wash) * 256.0f), add = 256 - keep;
    for (uint32_t& texel : texels_) {
      uint32_t washed = texel & 0xFF000000u;  // keep alpha
      for (int shift = 0; shift < 24; shift += 8) {
        const uint32_t channel = (texel >> shift) & 0xFFu;
        washed |= ((channel * keep + 255u * add) >> 8) << shift;
      }
      texel = washed;
    }
  }
  front_ = 1 - front_;
  platform.UpdateTexture(textures_[front_], size, size, texels_.data());
}

}  // namespace mlp::ui
