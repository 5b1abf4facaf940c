// FrameSignature: a fingerprint of a frame's ImGui draw data (vertices, indices, commands, display
// size). A shell that sees the same fingerprint as the frame on screen — and no texture changed —
// skips the GL work: the browser then keeps the last canvas and the GPU (often a software one)
// rests. Input still runs every frame; anything that changes the picture changes the fingerprint.
#pragma once

#include <cstdint>

#include "imgui.h"

namespace mlp::shell {

uint64_t FrameSignature(const ImDrawData* draw_data);

// Decides whether a frame must be rendered.
class RenderSkipper {
public:
  // Call after ImGui::Render(); `textures_changed` if any texture was updated this frame.
  bool ShouldRender(const ImDrawData* draw_data, bool textures_changed);

private:
  uint64_t last_signature_ = 0;
  bool has_last_ = false;
};

}  // namespace mlp::shell
