#include "native/frame_signature.h"

#include <cstring>

namespace mlp::shell {
namespace {

// 64-bit multiply-xorshift hash over whole words; collisions would only cost one skipped frame.
struct Hasher {
  uint64_t state = 0x9E3779B97F4A7C15ull;
  void Word(uint64_t word) {
    state ^= word + 0x9E3779B97F4A7C15ull + (state << 6) + (state >> 2);
    state *= 0xFF51AFD7ED558CCDull;
    state ^= state >> 33;
  }
  void Bytes(const void* data, size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      Word(word);
    }
    uint64_t tail = 0;
    std::memcpy(&tail, bytes + i, size - i);
    Word(tail ^ size);
  }
};

}  // namespace

uint64_t FrameSignature(const ImDrawData* draw_data) {
  Hasher hash;
  hash.Bytes(&draw_data->DisplaySize, sizeof draw_data->DisplaySize);
  hash.Bytes(&draw_data->FramebufferScale, sizeof draw_data->FramebufferScale);
  for (int list = 0; list < draw_data->CmdListsCount; ++list) {
    const ImDrawList* cmd_list = draw_data->CmdLists[list];
    hash.Bytes(cmd_list->VtxBuffer.Data, static_cast<size_t>(cmd_list->VtxBuffer.Size) * sizeof(ImDrawVert));
    hash.Bytes(cmd_list->IdxBuffer.Data, static_cast<size_t>(cmd_list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : cmd_list->CmdBuffer) {
      hash.Bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
      hash.Word(reinterpret_cast<uintptr_t>(cmd.TextureId));
      hash.Word((uint64_t{cmd.VtxOffset} << 32) | cmd.IdxOffset);
      hash.Word(cmd.ElemCount);
    }
  }
  return hash.state;
}

bool RenderSkipper::ShouldRender(const ImDrawData* draw_data, bool textures_changed) {
  const uint64_t signature = FrameSignature(draw_data);
  const bool render = textures_changed || !has_last_ || signature != last_signature_;
  last_signature_ = signature;
  has_last_ = true;
  return render;
}

}  // namespace mlp::shell
