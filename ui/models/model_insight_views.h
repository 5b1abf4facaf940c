// Model-specific drawing: overlays on the prediction map (level lines, centres and their paths,
// covariance ellipses, support vectors, principal axes) and the views only some models have
// (importance bars, the PCA projection with its explained variance).
#pragma once

#include "core/data/recipe/data_recipe.h"
#include "core/train/model_run.h"

namespace mlp::ui {

// Inside the map's BeginPlot/EndPlot, after the image and before the rows: what the model adds
// over features (fx, fy).
void DrawMapOverlays(const ModelSnapshot& snapshot, const PreparedData& data, int fx, int fy);
// Support vectors circled: after the rows, so the rings sit on top of them.
void DrawSupportVectors(const ModelSnapshot& snapshot, const PreparedData& data, int fx, int fy);
// One line under the map naming what the overlays mean ("solid: boundary; thin: margins").
void DrawMapLegend(const ModelSnapshot& snapshot);

// Horizontal bars, largest first, with the feature names.
void DrawImportanceView(const ModelSnapshot& snapshot, const Dataset& data);
// Training rows on the first two principal axes coloured by label, and the explained-variance bars.
void DrawProjectionView(const ModelSnapshot& snapshot, const PreparedData& data);

}  // namespace mlp::ui
