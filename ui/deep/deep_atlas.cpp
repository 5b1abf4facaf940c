// Atlas textures for the Deep models tab (deep_views.h).
#include <algorithm>
#include <cmath>

#include "ui/deep/deep_views.h"

namespace mlp::ui {

AtlasBuilder::AtlasBuilder(int width, int height, bool write)
    : width_(std::max(width, 1)), height_(std::max(height, 1)), write_(write),
      texels_(write ? static_cast<size_t>(width_) * height_ : 0, IM_COL32(255, 255, 255, 255)) {}

AtlasCell AtlasBuilder::PutGrey(int x, int y, int h, int w, const float* values, int stride) {
  if (!write_) return {x, y, w, h};
  float lo = INFINITY, hi = -INFINITY;
  for (int i = 0; i < h * w; ++i)
    if (std::isfinite(values[static_cast<size_t>(i) * stride]))
      lo = std::min(lo, values[static_cast<size_t>(i) * stride]), hi = std::max(hi, values[static_cast<size_t>(i) * stride]);
  if (!(hi > lo)) lo = std::min(lo, 0.0f), hi = lo + 1.0f;
  for (int r = 0; r < h && y + r < height_; ++r)
    for (int c = 0; c < w && x + c < width_; ++c) {
      const float v = (values[static_cast<size_t>(r * w + c) * stride] - lo) / (hi - lo);
      const auto g = static_cast<uint8_t>(255.0f * std::clamp(std::isfinite(v) ? v : 0.0f, 0.0f, 1.0f));
      texels_[static_cast<size_t>(y + r) * width_ + x + c] = IM_COL32(g, g, g, 255);
    }
  return {x, y, w, h};
}

AtlasCell AtlasBuilder::PutColormap(int x, int y, int h, int w, const float* values, int stride, plot::Colormap map,
                                    float lo, float hi) {
  if (!write_) return {x, y, w, h};
  const float span = hi > lo ? hi - lo : 1.0f;
  for (int r = 0; r < h && y + r < height_; ++r)
    for (int c = 0; c < w && x + c < width_; ++c) {
      const float v = values[static_cast<size_t>(r * w + c) * stride];
      texels_[static_cast<size_t>(y + r) * width_ + x + c] =
          plot::SampleColormap(map, std::isfinite(v) ? (v - lo) / span : 0.0f) | IM_COL32(0, 0, 0, 255);
    }
  return {x, y, w, h};
}

AtlasCell AtlasBuilder::PutGreyRange(int x, int y, int h, int w, const float* values, float lo, float hi) {
  if (!write_) return {x, y, w, h};
  const float span = hi > lo ? hi - lo : 1.0f;
  for (int r = 0; r < h && y + r < height_; ++r)
    for (int c = 0; c < w && x + c < width_; ++c) {
      const float v = (values[static_cast<size_t>(r) * w + c] - lo) / span;
      const auto g = static_cast<uint8_t>(255.0f * std::clamp(std::isfinite(v) ? v : 0.0f, 0.0f, 1.0f));
      texels_[static_cast<size_t>(y + r) * width_ + x + c] = IM_COL32(g, g, g, 255);
    }
  return {x, y, w, h};
}

AtlasCell AtlasBuilder::PutMaskOverlay(int x, int y, int h, int w, const float* image, const float* truth, const float* predicted) {
  if (!write_) return {x, y, w, h};
  for (int r = 0; r < h && y + r < height_; ++r)
    for (int c = 0; c < w && x + c < width_; ++c) {
      const size_t i = static_cast<size_t>(r) * w + c;
      const float g = 200.0f * std::clamp(std::isfinite(image[i]) ? image[i] : 0.0f, 0.0f, 1.0f);
      const bool t = truth[i] > 0.5f, p = predicted[i] > 0.5f;
      // Tints mix the grey with pure colours so the anatomy stays visible under the mask.
      const float red = t || p ? (p ? 255.0f : g * 0.5f) : g, green = t ? 220.0f : (p ? g * 0.4f : g);
      const float blue = t || p ? g * 0.3f : g;
      texels_[static_cast<size_t>(y + r) * width_ + x + c] =
          IM_COL32(static_cast<uint8_t>(red), static_cast<uint8_t>(green), static_cast<uint8_t>(blue), 255);
    }
  return {x, y, w, h};
}

void UploadIfNew(DeepWorkspace& workspace, AtlasTexture& texture, const AtlasBuilder& atlas, uint64_t version) {
  if (texture.version == version) return;
  texture.Upload(workspace.platform(), atlas.width(), atlas.height(), atlas.texels());
  texture.version = version;
}

void DrawAtlasCell(const AtlasTexture& texture, const AtlasCell& c, float width, ImU32 frame) {
  const float height = width * static_cast<float>(c.h) / static_cast<float>(std::max(c.w, 1));
  if (!texture.id || texture.width == 0) {
    ImGui::Dummy(ImVec2(width, height));
    return;
  }
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 uv0(static_cast<float>(c.x) / texture.width, static_cast<float>(c.y) / texture.height);
  const ImVec2 uv1(static_cast<float>(c.x + c.w) / texture.width, static_cast<float>(c.y + c.h) / texture.height);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddImage(texture.id, p, ImVec2(p.x + width, p.y + height), uv0, uv1);
  draw->AddRect(p, ImVec2(p.x + width, p.y + height), frame ? frame : colors::kPanelBorder, 0.0f, 0, frame ? 2.0f : 1.0f);
  ImGui::Dummy(ImVec2(width, height));
}

void DrawAtlasGrid(const AtlasTexture& texture, const std::vector<AtlasCell>& cells, float cell,
                   const std::vector<std::string>& captions, const std::vector<ImU32>& caption_colors) {
  if (!texture.id || cells.empty()) return;
  const float gap = 4.0f;
  const float line = captions.empty() ? 0.0f : ImGui::GetTextLineHeightWithSpacing();
  const int columns = std::max(1, static_cast<int>((ImGui::GetContentRegionAvail().x + gap) / (cell + gap)));
  float row_height = 0;
  for (const AtlasCell& c : cells) row_height = std::max(row_height, cell * static_cast<float>(c.h) / std::max(c.w, 1));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (size_t i = 0; i < cells.size(); ++i) {
    const AtlasCell& c = cells[i];
    const int cx = static_cast<int>(i) % columns, cy = static_cast<int>(i) / columns;
    const ImVec2 p(origin.x + cx * (cell + gap), origin.y + cy * (row_height + line + gap));
    const float h = cell * static_cast<float>(c.h) / std::max(c.w, 1);
    const ImVec2 uv0(static_cast<float>(c.x) / texture.width, static_cast<float>(c.y) / texture.height);
    const ImVec2 uv1(static_cast<float>(c.x + c.w) / texture.width, static_cast<float>(c.y + c.h) / texture.height);
    draw->AddImage(texture.id, p, ImVec2(p.x + cell, p.y + h), uv0, uv1);
    draw->AddRect(p, ImVec2(p.x + cell, p.y + h), colors::kPanelBorder);
    if (i < captions.size())
      draw->AddText(ImVec2(p.x, p.y + h + 1), i < caption_colors.size() ? caption_colors[i] : colors::kMutedText,
                    captions[i].c_str());
  }
  const int rows = (static_cast<int>(cells.size()) + columns - 1) / columns;
  ImGui::Dummy(ImVec2(std::min<float>(static_cast<float>(cells.size()), static_cast<float>(columns)) * (cell + gap),
                      rows * (row_height + line + gap)));
}

bool RowImage(const Dataset& data, int64_t row, std::vector<float>* pixels, int* height, int* width) {
  if (data.layout != SampleLayout::kImage || data.sample_shape.size() < 2 || row < 0 || row >= data.size()) return false;
  const int h = static_cast<int>(data.sample_shape[data.sample_shape.size() - 2]);
  const int w = static_cast<int>(data.sample_shape.back());
  if (static_cast<int64_t>(h) * w > data.features.cols()) return false;
  pixels->resize(static_cast<size_t>(h) * w);
  for (int i = 0; i < h * w; ++i) (*pixels)[static_cast<size_t>(i)] = static_cast<float>(data.features(row, i));
  *height = h, *width = w;
  return true;
}

}  // namespace mlp::ui
