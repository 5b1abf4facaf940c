// Image gallery: a page of samples with their labels, composed into one texture per page (one
// upload, one draw call, however many images).
#include <algorithm>
#include <cstdio>

#include "ui/data/views/view_common.h"
#include "ui/panels/widgets.h"

namespace mlp::ui {
namespace {
constexpr int kColumns = 10, kRows = 5;
constexpr int kPerPage = kColumns * kRows;

// Signals (waveforms, seismograms): the first traces of the page as small line plots.
void DrawSignalGallery(DataWorkspace& workspace, const Dataset& data) {
  constexpr int kTraces = 12;
  int& page = workspace.view().gallery_page;
  const int pages = static_cast<int>(std::max<int64_t>(1, (data.size() + kTraces - 1) / kTraces));
  page = std::clamp(page, 0, pages - 1);
  if (ImGui::ArrowButton("##sprev", ImGuiDir_Left)) page = std::max(0, page - 1);
  ImGui::SameLine();
  ImGui::Text("traces %d–%d of %lld", page * kTraces + 1, static_cast<int>(std::min<int64_t>((page + 1) * kTraces, data.size())),
              static_cast<long long>(data.size()));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##snext", ImGuiDir_Right)) page = std::min(pages - 1, page + 1);
  const int length = static_cast<int>(data.features.cols());
  std::vector<float> xs(static_cast<size_t>(length)), ys(static_cast<size_t>(length));
  for (int i = 0; i < length; ++i) xs[static_cast<size_t>(i)] = static_cast<float>(i);
  const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 2) / 3;
  const float height = (ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y * 4) / 4;
  for (int k = 0; k < kTraces && page * kTraces + k < data.size(); ++k) {
    const Eigen::Index row = page * kTraces + k;
    for (int i = 0; i < length; ++i) ys[static_cast<size_t>(i)] = static_cast<float>(data.features(row, i));
    if (k % 3 != 0) ImGui::SameLine();
    plot::PlotOptions options;
    options.auto_fit_x = options.auto_fit_y = true;
    options.show_legend = false;
    options.allow_pan_zoom = false;
    const std::string label = TargetText(data, row);
    options.x_label = label.c_str();
    const std::string id = "##trace" + std::to_string(k);
    if (!plot::BeginPlot(id.c_str(), ImVec2(width, std::max(height, ImGui::GetFontSize() * 4)), options)) continue;
    plot::PlotLine(label.c_str(), xs.data(), ys.data(), length, RowColors(data)(row), 1.0f);
    plot::EndPlot();
  }
}

}  // namespace

void DrawGalleryView(DataWorkspace& workspace) {
  const Dataset* data = workspace.raw().get();  // images as loaded: the chain may have flattened them
  if (data && data->layout == SampleLayout::kSignal) {
    DrawSignalGallery(workspace, *data);
    return;
  }
  if (!data || data->layout != SampleLayout::kImage || data->sample_shape.size() < 2) {
    ImGui::TextDisabled("This dataset holds no images or signals. Pick MNIST, Fashion-MNIST, the 8×8 digits, or an image or waveform generator.");
    return;
  }
  DataViewState& view = workspace.view();
  const int h = data->sample_shape[data->sample_shape.size() - 2], w = data->sample_shape.back();
  const int frames = static_cast<int>(data->features.cols() / (static_cast<int64_t>(h) * w));
  const int pages = static_cast<int>(std::max<int64_t>(1, (data->size() + kPerPage - 1) / kPerPage));
  view.gallery_page = std::clamp(view.gallery_page, 0, pages - 1);
  if (ImGui::ArrowButton("##gprev", ImGuiDir_Left)) view.gallery_page = std::max(0, view.gallery_page - 1);
  ImGui::SameLine();
  ImGui::Text("page %d of %d", view.gallery_page + 1, pages);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##gnext", ImGuiDir_Right)) view.gallery_page = std::min(pages - 1, view.gallery_page + 1);
  if (frames > 1) {
    ImGui::SameLine();
    Caption(("first of " + std::to_string(frames) + " frames per sample").c_str());
  }

  const int first = view.gallery_page * kPerPage;
  const int count = static_cast<int>(std::min<int64_t>(kPerPage, data->size() - first));
  const int atlas_w = kColumns * (w + 1), atlas_h = kRows * (h + 1);
  const uint64_t version = (reinterpret_cast<uintptr_t>(data) << 8) ^ static_cast<uint64_t>(view.gallery_page + 1);
  if (view.gallery_version != version) {
    view.gallery_version = version;
    if (view.gallery_texture && (view.gallery_texture_w != atlas_w || view.gallery_texture_h != atlas_h)) {
      workspace.platform().DestroyTexture(view.gallery_texture);
      view.gallery_texture = nullptr;
    }
    if (!view.gallery_texture) {
      view.gallery_texture = workspace.platform().CreateTexture(atlas_w, atlas_h, /*pixelated=*/true);
      view.gallery_texture_w = atlas_w;
      view.gallery_texture_h = atlas_h;
    }
    std::vector<uint32_t> texels(static_cast<size_t>(atlas_w) * atlas_h, IM_COL32(255, 255, 255, 255));
    for (int i = 0; i < count; ++i) {
      const int ox = (i % kColumns) * (w + 1), oy = (i / kColumns) * (h + 1);
      for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
          const double v = std::clamp(data->features(first + i, y * w + x), 0.0, 1.0);
          const auto g = static_cast<uint8_t>(255.0 * v);  // grey scale as stored: 1 is white
          texels[static_cast<size_t>(oy + y) * atlas_w + ox + x] = IM_COL32(g, g, g, 255);
        }
    }
    workspace.platform().UpdateTexture(view.gallery_texture, atlas_w, atlas_h, texels.data());
  }

  // Cells as large as fit, with a line of label text under each.
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float label = ImGui::GetTextLineHeightWithSpacing();
  const float cell = std::max(8.0f, std::min(avail.x / kColumns, (avail.y - label * kRows) / kRows * static_cast<float>(w) / h));
  const float cell_h = cell * h / w;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i < count; ++i) {
    const int cx = i % kColumns, cy = i / kColumns;
    const ImVec2 p(origin.x + cx * cell, origin.y + cy * (cell_h + label));
    const ImVec2 uv0(static_cast<float>(cx * (w + 1)) / atlas_w, static_cast<float>(cy * (h + 1)) / atlas_h);
    const ImVec2 uv1(uv0.x + static_cast<float>(w) / atlas_w, uv0.y + static_cast<float>(h) / atlas_h);
    draw->AddImage(view.gallery_texture, ImVec2(p.x + 1, p.y + 1), ImVec2(p.x + cell - 2, p.y + cell_h - 2), uv0, uv1);
    const std::string text = TargetText(*data, first + i);
    draw->AddText(ImVec2(p.x + 2, p.y + cell_h), colors::kMutedText, text.c_str());
  }
  ImGui::Dummy(ImVec2(cell * kColumns, (cell_h + label) * ((count + kColumns - 1) / kColumns)));
}

}  // namespace mlp::ui
