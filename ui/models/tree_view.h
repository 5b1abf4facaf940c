// Tree diagram of a decision tree or of one tree of a forest: boxes with the split, impurity, rows
// and value of every node, coloured by the majority class (or the mean target), with pan (drag),
// zoom (wheel, about the cursor) and a double-click to fit the whole tree again.
#pragma once

#include <vector>

#include "core/data/dataset.h"
#include "core/models/classic/trees/tree_nodes.h"

namespace mlp::ui {

struct TreeViewState {
  int tree = 0;                    // which tree of a forest
  float zoom = 0.0f;               // pixels per layout unit; 0: fit the tree on the next draw
  float pan_x = 0.0f, pan_y = 0.0f;  // layout point at the canvas's top-left corner
  int fitted_nodes = -1;           // node count when the view was last fitted (refit as it grows)
};

void DrawTreeDiagram(const classic::TreeNodes& tree, const Dataset& data, TreeViewState& state);

}  // namespace mlp::ui
