// What every panel of the playground workspace receives: the settings it may edit (setting
// `settings_changed` when it does), the latest snapshot to draw, and shared drawing resources.
#pragma once

#include <array>
#include <memory>
#include <vector>

#include "core/train/session.h"
#include "ui/grid_texture.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

class PlaygroundWorkspace;
struct PlaygroundViewState;

struct PanelContext {
  PlaygroundWorkspace& workspace;
  PlaygroundSettings& settings;
  bool& settings_changed;
  const TrainingSnapshot& snapshot;
  PlaygroundViewState& view;
  const Fonts& fonts;
  WidgetRegistry& widgets;
  const GridTexture& output_texture;
  const std::vector<std::vector<GridTexture>>& neuron_textures;
  const std::vector<GridTexture>& input_textures;  // every feature, in kAllInputFeatures order
  const std::array<std::shared_ptr<const Dataset>, std::size(kAllProblems2D)>& previews;
};

// One function per panel; each draws into the current window/child region.
void DrawControlsBar(PanelContext& context);
// Height the controls bar needs at `width` (its fields wrap into rows on narrow screens).
float ControlsBarHeight(float width);
void DrawDataPanel(PanelContext& context);
void DrawNetworkPanel(PanelContext& context);
void DrawOutputPanel(PanelContext& context);

// A section title in the heading font and muted colour ("DATA", "OUTPUT").
void SectionTitle(const Fonts& fonts, const char* title);

}  // namespace mlp::ui
