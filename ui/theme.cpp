#include "ui/theme.h"

#include <cstdio>

#include "ui/plot/marker_sprite.h"

namespace mlp::ui {
namespace {

constexpr float kBodySize = 15.0f;
constexpr float kHeadingSize = 13.0f;
constexpr float kLargeSize = 24.0f;

bool Readable(const std::string& path) {
  if (FILE* file = std::fopen(path.c_str(), "rb")) {
    std::fclose(file);
    return true;
  }
  return false;
}

// Latin, Latin-1, Greek (λ, σ, η), general punctuation (– • …), sub/superscripts (x₁), arrows,
// the minus sign and geometric shapes.
const ImWchar* GlyphRanges() {
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2000, 0x206F, 0x2070, 0x209F,
                                   0x2190, 0x21FF, 0x2212, 0x2212, 0x25A0, 0x25FF, 0};
  return ranges;
}

}  // namespace

Fonts LoadFonts(const std::string& regular_ttf, const std::string& medium_ttf, float scale, std::string* warning) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts fonts;
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 2;
  config.PixelSnapH = false;
  if (Readable(regular_ttf)) {
    fonts.body = io.Fonts->AddFontFromFileTTF(regular_ttf.c_str(), kBodySize * scale, &config, GlyphRanges());
    const std::string& heading = Readable(medium_ttf) ? medium_ttf : regular_ttf;
    fonts.heading = io.Fonts->AddFontFromFileTTF(heading.c_str(), kHeadingSize * scale, &config, GlyphRanges());
    fonts.large = io.Fonts->AddFontFromFileTTF(regular_ttf.c_str(), kLargeSize * scale, &config, GlyphRanges());
  }
  if (!fonts.body) {
    if (warning) *warning = "UI font not found at " + regular_ttf + "; using ImGui's built-in font.";
    ImFontConfig fallback;
    fallback.SizePixels = 13.0f * scale;
    fonts.body = fonts.heading = fonts.large = io.Fonts->AddFontDefault(&fallback);
  }
  io.FontDefault = fonts.body;
  plot::AddMarkerSprite(io.Fonts);
  io.Fonts->Build();
  plot::BakeMarkerSprite(io.Fonts);
  return fonts;
}

void ApplyTheme(float scale) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(8, 4);
  style.ItemSpacing = ImVec2(8, 7);
  style.ItemInnerSpacing = ImVec2(6, 4);
  style.ScrollbarSize = 12;
  style.GrabMinSize = 10;
  style.WindowRounding = 0;
  style.ChildRounding = 4;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.PopupRounding = 3;
  style.ScrollbarRounding = 6;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  style.FrameBorderSize = 1;
  // Filled shapes without an anti-aliased fringe (half the vertices; edges of axis-aligned frames
  // look the same). Lines keep their anti-aliasing.
  style.AntiAliasedFill = false;

  ImVec4* c = style.Colors;
  const ImVec4 text(0.20f, 0.20f, 0.20f, 1.0f);
  const ImVec4 accent(0.031f, 0.467f, 0.741f, 1.0f);  // #0877bd
  c[ImGuiCol_Text] = text;
  c[ImGuiCol_TextDisabled] = ImVec4(0.55f, 0.55f, 0.55f, 1.0f);
  // Panels are not filled: the shell clears the screen to kClearColor and panels are outlined.
  // Software renderers (SwiftShader in a browser without a GPU) pay ~20 ms per full-screen
  // blended layer, so every large fill we avoid is frame time saved.
  c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0);
  c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
  c[ImGuiCol_Border] = ImVec4(0.87f, 0.87f, 0.87f, 1.0f);
  c[ImGuiCol_FrameBg] = ImVec4(0.975f, 0.975f, 0.975f, 1.0f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.93f, 0.96f, 0.99f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.88f, 0.93f, 0.98f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.95f, 0.95f, 0.95f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.88f, 0.93f, 0.98f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.80f, 0.88f, 0.96f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.88f, 0.93f, 0.98f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.84f, 0.91f, 0.98f, 1.0f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.78f, 0.87f, 0.96f, 1.0f);
  c[ImGuiCol_SliderGrab] = accent;
  c[ImGuiCol_SliderGrabActive] = ImVec4(0.02f, 0.36f, 0.60f, 1.0f);
  c[ImGuiCol_CheckMark] = accent;
  c[ImGuiCol_Separator] = ImVec4(0.87f, 0.87f, 0.87f, 1.0f);
  c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = ImVec4(0.94f, 0.94f, 0.94f, 1.0f);
  c[ImGuiCol_MenuBarBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_PlotLines] = accent;
  c[ImGuiCol_PlotHistogram] = accent;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace mlp::ui
