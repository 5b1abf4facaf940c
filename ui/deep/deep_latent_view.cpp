// The latent view of a generative model (core/deep/latent_model.h): where the validation rows'
// latent means fall, coloured by their label or value; what the decoder makes of them
// (reconstructions); what it makes of random points of the prior (samples); and how the output
// changes across the first two latent dimensions (traversal grid). All of it refreshes while the
// model trains (DeepRun recomputes the views every couple of seconds and after each epoch).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/data/views/view_common.h"
#include "ui/deep/deep_views.h"

namespace mlp::ui {
namespace {

constexpr int kViewSlot = 1;  // output_texture version = snapshot version · 8 + slot

// Scatter of the latent means: one series per class (so the legend names them), or one series
// coloured by value for a numeric target.
void DrawLatentScatter(const deep::DeepSnapshot& s, const deep::LatentViews& latent, const Dataset& data, ImVec2 size) {
  plot::PlotOptions options;
  options.auto_fit_x = options.auto_fit_y = true;
  options.equal_aspect = true;
  options.x_label = "latent z0 (mean)";
  options.y_label = latent.latent_dim > 1 ? "latent z1 (mean)" : "(1-D latent)";
  if (!plot::BeginPlot("##deep-latent", size, options)) return;
  const int n = static_cast<int>(latent.points_x.size());
  if (data.task == TaskKind::kClassification && data.num_classes() > 0) {
    std::vector<float> xs, ys;
    for (int k = 0; k < data.num_classes(); ++k) {
      xs.clear(), ys.clear();
      for (int i = 0; i < n; ++i)
        if (static_cast<int>(latent.point_values[static_cast<size_t>(i)]) == k)
          xs.push_back(latent.points_x[static_cast<size_t>(i)]), ys.push_back(latent.points_y[static_cast<size_t>(i)]);
      const std::string label = k < static_cast<int>(data.class_names.size()) ? data.class_names[static_cast<size_t>(k)] : std::to_string(k);
      plot::PlotScatter(label.c_str(), xs.data(), ys.data(), static_cast<int>(xs.size()), nullptr, plot::PaletteColor(k), 3.0f);
    }
  } else {
    float lo = INFINITY, hi = -INFINITY;
    for (float v : latent.point_values) lo = std::min(lo, v), hi = std::max(hi, v);
    std::vector<ImU32> colours(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
      colours[static_cast<size_t>(i)] =
          plot::SampleColormap(plot::Colormap::kViridis, hi > lo ? (latent.point_values[static_cast<size_t>(i)] - lo) / (hi - lo) : 0.5f);
    plot::PlotScatter(data.target_name.c_str(), latent.points_x.data(), latent.points_y.data(), n, colours.data(),
                      plot::SampleColormap(plot::Colormap::kViridis, 0.7f), 3.0f);
  }
  // The traversal grid's square, so the two views can be read together.
  const float e = latent.traversal_extent;
  const float bx[] = {-e, e, e, -e, -e}, by[] = {-e, -e, e, e, -e};
  plot::PlotLine("traversal square", bx, by, 5, colors::kMutedText, 1.0f);
  plot::EndPlot();
  (void)s;
}

}  // namespace

void DrawDeepLatentView(DeepWorkspace& workspace, const deep::DeepSnapshot& s) {
  if (!s.views || !s.views->has_latent) {
    ImGui::TextDisabled(s.autoencoder ? "The latent space is drawn after a reset and then while the model trains."
                                      : "This model has no latent space: the latent view is for variational autoencoders.");
    return;
  }
  const deep::LatentViews& latent = s.views->latent;
  const Dataset& raw = *workspace.data()->raw;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float left = std::floor(avail.x * 0.46f);
  ImGui::BeginGroup();
  ImGui::Text("%zu validation rows · latent dimension %d%s", latent.points_x.size(), latent.latent_dim,
              latent.latent_dim > 2 ? " (first two shown)" : "");
  DrawLatentScatter(s, latent, raw, ImVec2(left, avail.y - ImGui::GetTextLineHeightWithSpacing()));
  ImGui::EndGroup();
  ImGui::SameLine();
  ImGui::BeginGroup();
  // Decoded outputs are images when the input is one image per row of the same size.
  std::vector<float> pixels;
  int h = 0, w = 0;
  const bool images = !latent.reconstruction_rows.empty() && RowImage(raw, latent.reconstruction_rows.front(), &pixels, &h, &w) &&
                      static_cast<int64_t>(h) * w == latent.output_size;
  if (!images) {
    ImGui::TextWrapped("The decoded outputs are not single images (%d numbers each), so only the latent scatter is drawn.",
                       latent.output_size);
    ImGui::EndGroup();
    return;
  }
  const int recon = static_cast<int>(latent.reconstruction_rows.size());
  const int side = latent.traversal_side;
  const int columns = std::max({recon, 8, side});
  const int sample_rows = (latent.sample_count + 7) / 8;
  AtlasTexture& texture = workspace.output_texture();
  const uint64_t version = s.version * 8 + kViewSlot;
  AtlasBuilder atlas(columns * (w + 1), (2 + sample_rows) * (h + 1) + side * h, texture.version != version);
  std::vector<AtlasCell> originals, reconstructions, samples;
  const size_t size = static_cast<size_t>(latent.output_size);
  for (int i = 0; i < recon; ++i) {
    RowImage(raw, latent.reconstruction_rows[static_cast<size_t>(i)], &pixels, &h, &w);
    originals.push_back(atlas.PutGreyRange(i * (w + 1), 0, h, w, pixels.data()));
    reconstructions.push_back(atlas.PutGreyRange(i * (w + 1), h + 1, h, w, latent.reconstructions.data() + i * size));
  }
  for (int i = 0; i < latent.sample_count; ++i)
    samples.push_back(atlas.PutGreyRange((i % 8) * (w + 1), (2 + i / 8) * (h + 1), h, w, latent.samples.data() + i * size));
  const int grid_y = (2 + sample_rows) * (h + 1);
  for (int i = 0; i < side * side; ++i)
    atlas.PutGreyRange((i % side) * w, grid_y + (i / side) * h, h, w, latent.traversal.data() + i * size);
  UploadIfNew(workspace, texture, atlas, version);

  const float right = avail.x - left - spacing;
  const float cell = std::min(std::floor((right - 7 * 4.0f) / 8.0f), ImGui::GetFontSize() * 4.0f);
  ImGui::TextUnformatted("Validation images (top) and their reconstructions");
  DrawAtlasGrid(texture, originals, cell);
  DrawAtlasGrid(texture, reconstructions, cell);
  ImGui::TextUnformatted("Samples: random points of the prior N(0, I), decoded");
  DrawAtlasGrid(texture, samples, cell * 0.75f);
  char title[96];
  std::snprintf(title, sizeof title, "Traversal: z0 from %.1f to %.1f (right), z1 upwards", -latent.traversal_extent,
                latent.traversal_extent);
  ImGui::TextUnformatted(title);
  const float grid = std::max(ImGui::GetFontSize() * 6.0f, std::min(right, ImGui::GetContentRegionAvail().y - 4.0f));
  DrawAtlasCell(texture, {0, grid_y, side * w, side * h}, grid);
  ImGui::EndGroup();
}

}  // namespace mlp::ui
