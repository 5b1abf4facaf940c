// RGBA8 textures for the UI's heatmaps and thumbnails, in OpenGL 3 (desktop) and WebGL2 (web):
// the texture half of ui::Platform, shared by both shells.
#pragma once

#include <cstdint>

#include "imgui.h"

namespace mlp::shell {

ImTextureID CreateGlTexture(int width, int height);
void UpdateGlTexture(ImTextureID texture, int width, int height, const uint32_t* rgba);
void DestroyGlTexture(ImTextureID texture);

}  // namespace mlp::shell
