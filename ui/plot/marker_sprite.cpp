#include "ui/plot/marker_sprite.h"

#include <algorithm>
#include <cmath>

namespace mlp::plot {
namespace {

// Disc diameter in texels: large enough to stay round when drawn up to ~12 px across at 2×
// scale, small enough for bilinear minification to stay smooth at 5 px.
constexpr int kSpriteSize = 24;

struct SpriteState {
  const ImFontAtlas* atlas = nullptr;  // the atlas the UVs belong to
  int rect_id = -1;
  ImVec2 uv0, uv1;
  bool baked = false;
};
SpriteState& State() {
  static SpriteState state;
  return state;
}

}  // namespace

void AddMarkerSprite(ImFontAtlas* atlas) {
  SpriteState& state = State();
  state = SpriteState{};
  state.atlas = atlas;
  // One texel of transparent margin on each side keeps bilinear filtering from bleeding.
  state.rect_id = atlas->AddCustomRectRegular(kSpriteSize + 2, kSpriteSize + 2);
}

void BakeMarkerSprite(ImFontAtlas* atlas) {
  SpriteState& state = State();
  if (state.atlas != atlas || state.rect_id < 0) return;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
  const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(state.rect_id);
  if (!pixels || !rect || !rect->IsPacked()) return;
  const float centre = (kSpriteSize + 2) * 0.5f, radius = kSpriteSize * 0.5f;
  for (int y = 0; y < rect->Height; ++y) {
    for (int x = 0; x < rect->Width; ++x) {
      // Coverage of the texel by the disc, from the distance of its centre to the edge.
      const float d = std::hypot(x + 0.5f - centre, y + 0.5f - centre);
      const float coverage = std::clamp(radius - d + 0.5f, 0.0f, 1.0f);
      unsigned char* texel = pixels + (static_cast<size_t>(rect->Y + y) * width + rect->X + x) * 4;
      texel[0] = texel[1] = texel[2] = 255;
      texel[3] = static_cast<unsigned char>(std::lround(coverage * 255.0f));
    }
  }
  state.uv0 = ImVec2(static_cast<float>(rect->X + 1) / width, static_cast<float>(rect->Y + 1) / height);
  state.uv1 = ImVec2(static_cast<float>(rect->X + 1 + kSpriteSize) / width,
                     static_cast<float>(rect->Y + 1 + kSpriteSize) / height);
  state.baked = true;
}

bool HasMarkerSprite() {
  const SpriteState& state = State();
  return state.baked && ImGui::GetCurrentContext() && state.atlas == ImGui::GetIO().Fonts;
}

void AddMarker(ImDrawList* draw_list, ImVec2 center, float radius, ImU32 color) {
  if (!HasMarkerSprite()) {
    draw_list->AddCircleFilled(center, radius, color, 12);
    return;
  }
  const SpriteState& state = State();
  // The sprite's texture is the font atlas, which is the draw list's current texture unless an
  // image was pushed; PrimRectUV needs it to be current, so fall back otherwise.
  if (draw_list->_CmdHeader.TextureId != ImGui::GetIO().Fonts->TexID) {
    draw_list->AddImage(ImGui::GetIO().Fonts->TexID, ImVec2(center.x - radius, center.y - radius),
                        ImVec2(center.x + radius, center.y + radius), state.uv0, state.uv1, color);
    return;
  }
  draw_list->PrimReserve(6, 4);
  draw_list->PrimRectUV(ImVec2(center.x - radius, center.y - radius), ImVec2(center.x + radius, center.y + radius),
                        state.uv0, state.uv1, color);
}

}  // namespace mlp::plot
