// Marker sprite: an anti-aliased disc baked into ImGui's font atlas, so a scatter marker costs one
// textured quad (4 vertices, the font texture, no extra draw call) instead of a tessellated circle
// (~2 vertices per segment). Software renderers pay per vertex; a 500-point scatter drops from
// ~20k to ~4k vertices.
#pragma once

#include "imgui.h"

namespace mlp::plot {

// Reserves the sprite in `atlas`. Call after adding fonts and before the atlas is built.
void AddMarkerSprite(ImFontAtlas* atlas);
// Draws the disc into the built atlas's RGBA pixels and records its UVs. Call after building
// (e.g. after GetTexDataAsRGBA32) and before the backend uploads the texture.
void BakeMarkerSprite(ImFontAtlas* atlas);
// True when the sprite of the current ImGui context's atlas is ready to draw.
bool HasMarkerSprite();
// A filled disc of `radius` pixels centred at `center` (falls back to AddCircleFilled).
void AddMarker(ImDrawList* draw_list, ImVec2 center, float radius, ImU32 color);

}  // namespace mlp::plot
