// Runs the whole app headless: ImGui frames with a fake display, clicks at named widgets.
#pragma once

#include <catch2/catch.hpp>

#include <cfloat>
#include <memory>
#include <string>

#include "headless_platform.h"
#include "ui/app.h"
#include "ui/imgui_user_config.h"

namespace mlp::test {

// Runs ImGui frames with a fake display; a mouse click can be injected at a named widget.
class Harness {
public:
  explicit Harness(bool worker_threads, const std::string& settings = "") : platform_(worker_threads) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    mlp::ui::AppOptions options;
    options.font_regular = MLP_UI_FONT;
    options.font_medium = MLP_UI_FONT;
    options.settings_query = settings;
    platform_.SetDatasetsDirectory(MLP_DATASETS_DIR);
    app_ = std::make_unique<mlp::ui::App>(platform_, options);
  }
  ~Harness() {
    app_.reset();
    ImGui::DestroyContext();
  }

  void Frame() {
    app_->PrepareFrame(1.0f);
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // what a backend would upload
    ImGui::NewFrame();
    app_->Draw();
    ImGui::Render();
    REQUIRE(ImGui::GetDrawData()->TotalVtxCount > 0);
    REQUIRE(mlp::ui::ImGuiAssertFailures() == 0);
  }

  // Presses and releases the left button over a named widget (two frames each), after two frames
  // that lay the widget out for the current state: a worker may have changed it since the last
  // frame, and a scrollbar that the new content needs appears one frame later still.
  void Click(const char* name) {
    Frame();
    Frame();
    const auto rect = app_->WidgetRect(name);
    REQUIRE(rect.has_value());
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(rect->x + rect->z * 0.5f, rect->y + rect->w * 0.5f);
    Frame();
    io.MouseDown[0] = true;
    Frame();
    io.MouseDown[0] = false;
    Frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  }

  // Whether a named widget was drawn in the last frame.
  bool Has(const char* name) const { return app_->WidgetRect(name).has_value(); }

  mlp::ui::App& app() { return *app_; }
  mlp::test::HeadlessPlatform& platform() { return platform_; }

private:
  mlp::test::HeadlessPlatform platform_;
  std::unique_ptr<mlp::ui::App> app_;
};

}  // namespace mlp::test
