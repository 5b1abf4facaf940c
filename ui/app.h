// App: the whole playground UI. A shell creates it once its window and GL context exist, calls
// PrepareFrame() before ImGui::NewFrame() and Draw() between NewFrame() and Render(). The page
// API and the tests drive it through Command(), ApplySettingsQuery() and StatusJson().
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/status.h"
#include "ui/frame_stats.h"
#include "ui/data/data_workspace.h"
#include "ui/deep/deep_workspace.h"
#include "ui/models/models_workspace.h"
#include "ui/montecarlo/montecarlo_workspace.h"
#include "ui/ode/ode_workspace.h"
#include "ui/platform.h"
#include "ui/playground_workspace.h"
#include "ui/theme.h"
#include "ui/training_governor.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

struct AppOptions {
  std::string font_regular;      // TTF path (the web build embeds it in the module's file system)
  std::string font_medium;       // TTF path for headings
  float content_scale = 1.0f;    // physical pixels per logical pixel (HiDPI)
  std::string settings_query;    // initial settings, e.g. from the page URL
};

class App {
public:
  App(Platform& platform, const AppOptions& options);
  ~App();

  // Before ImGui::NewFrame(): records frame timing, steps a caller-stepped session, and rebuilds
  // the fonts when the content scale changed. Returns true if the font atlas was rebuilt (the
  // shell must then re-upload the font texture).
  bool PrepareFrame(float content_scale);
  // Between ImGui::NewFrame() and ImGui::Render(): the whole UI, filling the display.
  void Draw();

  // Page API: "play", "pause", "step", "reset", "regenerate"; "tab:playground", "tab:data";
  // "data:<source id>" picks a dataset; "data:use-columns", "data:train", "data:pause",
  // "data:add-step:<std|minmax|log1p|onehot|ordinal|impute_mean|…>";
  // "tab:models", "model:<id>", "model:play", "model:pause", "model:step", "model:reset",
  // "model:sweep", "model-view:<view>", "lesson:<id>"; "tab:montecarlo", "montecarlo:simulate",
  // "montecarlo:run", "montecarlo:pause"; "tab:ode", "ode:play", "ode:pause", "ode:reset";
  // "tab:deep", "deep:<model id>", "deep:play", "deep:pause", "deep:step", "deep:reset",
  // "deep-param:<key>=<value>", "deep-view:<summary|training|confusion|filters>".
  Status Command(std::string_view name);
  // Files the user dropped on the window or picked (shells call this).
  void ImportFiles(std::vector<InputFile> files);
  // Opens a lesson: its data, split, chain, model and view (see core/lessons/lesson.h).
  Status OpenLesson(std::string_view id);
  std::string DataStatusJson() const { return data_->StatusJson(); }
  std::string ModelStatusJson() const { return models_->StatusJson(); }
  std::string MonteCarloStatusJson() const { return montecarlo_->StatusJson(); }
  std::string OdeStatusJson() const { return ode_->StatusJson(); }
  std::string DeepStatusJson() const { return deep_->StatusJson(); }
  Status ApplySettingsQuery(std::string_view query);
  std::string StatusJson() const;
  std::optional<ImVec4> WidgetRect(std::string_view name) const { return widgets_.Find(name); }
  const std::string& startup_message() const { return startup_message_; }

private:
  void DrawStatusBar();

  Platform& platform_;
  AppOptions options_;
  float scale_ = 0.0f;
  Fonts fonts_;
  std::string startup_message_;  // e.g. a rejected URL setting, shown in the status bar
  std::unique_ptr<PlaygroundWorkspace> workspace_;
  std::unique_ptr<DataWorkspace> data_;
  std::unique_ptr<ModelsWorkspace> models_;
  std::unique_ptr<MonteCarloWorkspace> montecarlo_;
  std::unique_ptr<OdeWorkspace> ode_;
  std::unique_ptr<DeepWorkspace> deep_;
  enum class Tab { kPlayground, kData, kModels, kDeep, kMonteCarlo, kOde };
  Tab tab_ = Tab::kPlayground;
  bool select_tab_ = false;  // a command switched tabs: select it in the tab bar once
  WidgetRegistry widgets_;
  FrameStats frames_;
  TrainingGovernor governor_;
  std::string status_line_;
  std::string published_settings_;  // last query given to Platform::PublishSettings
  std::chrono::steady_clock::time_point status_line_time_{};
  std::chrono::steady_clock::time_point last_frame_{};
  bool has_last_frame_ = false;
};

}  // namespace mlp::ui
