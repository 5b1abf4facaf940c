// PlotScatter: outlined circle markers, culled to the plot and kept within the vertex budget.
#include <algorithm>
#include <cmath>

#include "ui/plot/marker_sprite.h"
#include "ui/plot/plot_internal.h"

namespace mlp::plot {
namespace {

using detail::PlotContext;

constexpr float kMaxSagittaPixels = 0.3f;  // circle tessellation error, like ImGui's default
constexpr int kMinSegments = 6;
constexpr int kMaxSegments = 32;

// Segments for a circle of `radius` pixels whose polygon deviates at most kMaxSagittaPixels.
int CircleSegments(float radius) {
  if (radius <= kMaxSagittaPixels) return kMinSegments;
  const float n = IM_PI / std::acos(1.0f - kMaxSagittaPixels / radius);
  return std::clamp(static_cast<int>(std::ceil(n)), kMinSegments, kMaxSegments);
}

bool Drawable(const PlotContext& p, float x, float y) {
  return std::isfinite(x) && std::isfinite(y) && (!p.options.log_y || y > 0.0f);
}

}  // namespace

void PlotScatter(const char* label, const float* xs, const float* ys, int count, const ImU32* per_point_colors,
                 ImU32 color, float radius, ImU32 outline) {
  char text[detail::kLabelSize];
  PlotContext* p = detail::BeginItem(label, color, detail::ItemKind::kScatter, text);
  if (!p || !xs || !ys || count <= 0) return;
  const bool fit = p->options.auto_fit_x || p->options.auto_fit_y;

  const float r = std::max(0.5f, detail::Px(radius));
  const float ring = detail::Hairline();
  const ImRect reach(p->plot.Min - ImVec2(r + ring, r + ring), p->plot.Max + ImVec2(r + ring, r + ring));
  int visible = 0;
  for (int i = 0; i < count; ++i) {
    if (!Drawable(*p, xs[i], ys[i])) continue;
    if (fit) {
      p->fit_x_padded.Add(xs[i]);
      p->fit_y_padded.Add(ys[i]);
    }
    if (reach.Contains(p->ToScreen(xs[i], ys[i]))) ++visible;
  }
  if (visible == 0) return;

  ImDrawList* dl = p->draw_list;
  const bool draw_outline = ((outline >> IM_COL32_A_SHIFT) & 0xFF) != 0;
  if (HasMarkerSprite()) {
    // Sprites: 4 vertices a disc (8 with the outline). Thin to every k-th point only if even
    // that would overflow the list's 16-bit indices.
    const long long cost = static_cast<long long>(visible) * 4 * (draw_outline ? 2 : 1);
    const long long budget = std::max(1, detail::VertexBudget(dl));
    const long long stride = std::max<long long>(1, (cost + budget - 1) / budget);
    long long seen = 0;
    for (int i = 0; i < count; ++i) {
      if (!Drawable(*p, xs[i], ys[i])) continue;
      const ImVec2 c = p->ToScreen(xs[i], ys[i]);
      if (!reach.Contains(c) || (seen++ % stride) != 0) continue;
      if (draw_outline) AddMarker(dl, c, r + ring, outline);
      AddMarker(dl, c, r, per_point_colors ? per_point_colors[i] : color);
    }
  } else {
    // Tessellated circles: an anti-aliased filled circle of n segments costs 2n vertices (n
    // without anti-aliasing); the outline is a second circle. Without large-mesh support, degrade
    // (fewer segments, no outline, no anti-aliasing, then every k-th point) rather than overflow.
    int segments = CircleSegments(r + ring);
    bool outline_on = draw_outline;
    bool antialiased = (dl->Flags & ImDrawListFlags_AntiAliasedFill) != 0;
    const long long budget = std::max(1, detail::VertexBudget(dl));
    auto cost = [&]() { return static_cast<long long>(visible) * segments * (antialiased ? 2 : 1) * (outline_on ? 2 : 1); };
    while (cost() > budget && segments > kMinSegments) --segments;
    if (cost() > budget) outline_on = false;
    if (cost() > budget) antialiased = false;
    const long long stride = std::max<long long>(1, (cost() + budget - 1) / budget);

    const ImDrawListFlags saved_flags = dl->Flags;
    if (!antialiased) dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    long long seen = 0;
    for (int i = 0; i < count; ++i) {
      if (!Drawable(*p, xs[i], ys[i])) continue;
      const ImVec2 c = p->ToScreen(xs[i], ys[i]);
      if (!reach.Contains(c) || (seen++ % stride) != 0) continue;
      if (outline_on) dl->AddCircleFilled(c, r + ring, outline, segments);
      dl->AddCircleFilled(c, r, per_point_colors ? per_point_colors[i] : color, segments);
    }
    dl->Flags = saved_flags;
  }

  if (!p->hovered) return;
  const float max_d = std::max(r + detail::Px(3.0f), detail::Em(0.6f));
  float best_d2 = p->has_point_hit ? p->point_hit.distance2 : max_d * max_d;
  int best = -1;
  for (int i = 0; i < count; ++i) {
    if (!Drawable(*p, xs[i], ys[i])) continue;
    const ImVec2 c = p->ToScreen(xs[i], ys[i]);
    const float d2 = ImLengthSqr(ImVec2(c.x - p->mouse.x, c.y - p->mouse.y));
    if (d2 < best_d2) best_d2 = d2, best = i;
  }
  if (best < 0) return;
  detail::HoverHit& hit = p->point_hit;
  std::copy(text, text + detail::kLabelSize, hit.text);
  hit.color = per_point_colors ? per_point_colors[best] : color;
  hit.kind = detail::ItemKind::kScatter;
  hit.x = xs[best];
  hit.y = ys[best];
  hit.screen = p->ToScreen(xs[best], ys[best]);
  hit.distance2 = best_d2;
  hit.radius = r;
  p->has_point_hit = true;
}

}  // namespace mlp::plot
