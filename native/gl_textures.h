// RGBA8 textures for the UI's heatmaps and thumbnails, in OpenGL 3 (desktop) and WebGL2 (web),
// shared by both shells.
#pragma once

#include <cstdint>

#include "imgui.h"
#include "ui/platform.h"

namespace mlp::shell {

ImTextureID CreateGlTexture(int width, int height, bool pixelated);
void UpdateGlTexture(ImTextureID texture, int width, int height, const uint32_t* rgba);
void DestroyGlTexture(ImTextureID texture);

// The texture half of ui::Platform for both GL shells; remembers whether a texture changed since
// the last rendered frame (an unchanged frame with unchanged draw data is not drawn again).
class GlTexturePlatform : public ui::Platform {
public:
  using ui::Platform::CreateTexture;
  ImTextureID CreateTexture(int width, int height, bool pixelated) override { return CreateGlTexture(width, height, pixelated); }
  void UpdateTexture(ImTextureID texture, int width, int height, const uint32_t* rgba) override {
    UpdateGlTexture(texture, width, height, rgba);
    textures_changed = true;
  }
  void DestroyTexture(ImTextureID texture) override { DestroyGlTexture(texture); }

  bool textures_changed = false;  // since the last rendered frame; the shell resets it
};

}  // namespace mlp::shell
