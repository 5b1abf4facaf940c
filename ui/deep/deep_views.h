// Shared by the Deep models tab's views: small images (samples, filters, feature maps) composed
// into one atlas texture per view, so a page of them is one upload and one texture.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ui/deep/deep_workspace.h"
#include "ui/plot/plot.h"

namespace mlp::ui {

// Texels of an atlas under construction (white background), and where each image went.
struct AtlasCell {
  int x = 0, y = 0, w = 0, h = 0;  // texels
};
class AtlasBuilder {
public:
  // With `write` false only the cells' places are computed (the texture is already up to date).
  AtlasBuilder(int width, int height, bool write = true);
  // Writes an h × w image (row-major, `stride` floats between pixels, as channels-last maps have)
  // at (x, y). Grey: per-image min–max, high = white. Diverging: symmetric around 0 over ±`scale`.
  AtlasCell PutGrey(int x, int y, int h, int w, const float* values, int stride = 1);
  AtlasCell PutColormap(int x, int y, int h, int w, const float* values, int stride, plot::Colormap map, float lo,
                        float hi);
  // Grey over a fixed range (pixels and probabilities in [0, 1]), so images compare across cells.
  AtlasCell PutGreyRange(int x, int y, int h, int w, const float* values, float lo = 0.0f, float hi = 1.0f);
  // The image in grey with the true mask tinted green and the predicted one (p > ½) red; where
  // they agree the tint is yellow.
  AtlasCell PutMaskOverlay(int x, int y, int h, int w, const float* image, const float* truth, const float* predicted);
  int width() const { return width_; }
  int height() const { return height_; }
  const std::vector<uint32_t>& texels() const { return texels_; }

private:
  int width_, height_;
  bool write_;
  std::vector<uint32_t> texels_;
};

// Draws atlas cells in a grid that wraps at the available width, each `cell` pixels wide (height
// by its aspect), with an optional caption line under each (`captions` empty or one per cell).
void DrawAtlasGrid(const AtlasTexture& texture, const std::vector<AtlasCell>& cells, float cell,
                   const std::vector<std::string>& captions = {}, const std::vector<ImU32>& caption_colors = {});

// One raw dataset row as an image: its pixels (first frame of a sequence), or false when the
// dataset does not hold images.
bool RowImage(const Dataset& data, int64_t row, std::vector<float>* pixels, int* height, int* width);

// Uploads `atlas` into `texture` when it was built for a newer `version` (a snapshot version).
void UploadIfNew(DeepWorkspace& workspace, AtlasTexture& texture, const AtlasBuilder& atlas, uint64_t version);
// Draws texture region `cell` at the cursor, `width` pixels wide, with a thin frame, and advances.
void DrawAtlasCell(const AtlasTexture& texture, const AtlasCell& cell, float width, ImU32 frame = 0);

void DrawDeepFilterView(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets);
// A generative model's latent space: scatter of the validation means, reconstructions, samples from
// the prior and a traversal grid (deep_latent_view.cpp).
void DrawDeepLatentView(DeepWorkspace& workspace, const deep::DeepSnapshot& s);
// Masks: image / truth / prediction / overlay for validation rows, with Dice and IoU.
void DrawDeepSegmentationView(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets);
// Frame sequences: the input frames then the true and the generated next frames, played back.
void DrawDeepFrameView(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets);
// Regressors and forecasters: predicted against true values, and a series' forecast when the rows
// belong to series.
void DrawDeepPredictionView(DeepWorkspace& workspace, const deep::DeepSnapshot& s, WidgetRegistry& widgets);

}  // namespace mlp::ui
