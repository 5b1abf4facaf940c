// Dear ImGui compile-time configuration (IMGUI_USER_CONFIG) for every target that builds ImGui.
// ImGui's assertions stay on in release builds but report instead of aborting: a learner's session
// must not die on a UI invariant, and the headless UI tests count the reports and fail on any.
#pragma once

#include <cstdio>

namespace mlp::ui {
// Number of ImGui assertions that failed in this process.
inline int& ImGuiAssertFailures() {
  static int failures = 0;
  return failures;
}
inline void ReportImGuiAssert(const char* expression, const char* file, int line) {
  if (++ImGuiAssertFailures() <= 20) std::fprintf(stderr, "ImGui assertion failed: %s (%s:%d)\n", expression, file, line);
}
}  // namespace mlp::ui

#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ::mlp::ui::ReportImGuiAssert(#_EXPR, __FILE__, __LINE__))
