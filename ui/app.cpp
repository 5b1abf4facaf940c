#include "ui/app.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/base/build_info.h"
#include "core/base/json_writer.h"
#include "core/base/thread_pool.h"
#include "core/lessons/lesson.h"

namespace mlp::ui {
namespace {
// Time the frame loop gives a caller-stepped session per frame: enough to train visibly, little
// enough to keep 60 frames per second.
constexpr double kCallerStepBudgetMs = 7.0;
}  // namespace

App::App(Platform& platform, const AppOptions& options) : platform_(platform), options_(options) {
  ImGui::GetIO().IniFilename = nullptr;  // layout is computed each frame; nothing to persist
  // A link may name a lesson (?lesson=svm-moons); the other keys are playground settings.
  std::string lesson, query;
  for (size_t start = 0; start <= options.settings_query.size();) {
    size_t end = options.settings_query.find('&', start);
    if (end == std::string::npos) end = options.settings_query.size();
    const std::string part = options.settings_query.substr(start, end - start);
    if (part.rfind("lesson=", 0) == 0) lesson = part.substr(7);
    else if (!part.empty()) query += (query.empty() ? "" : "&") + part;
    start = end + 1;
  }
  PlaygroundSettings settings;
  if (!query.empty()) {
    if (Status status = ApplyQuery(query, &settings); !status.ok())
      startup_message_ = "Ignored the link's settings: " + status.message();
  }
  workspace_ = std::make_unique<PlaygroundWorkspace>(platform, settings);
  data_ = std::make_unique<DataWorkspace>(platform);
  models_ = std::make_unique<ModelsWorkspace>(platform);
  montecarlo_ = std::make_unique<MonteCarloWorkspace>(platform);
  ode_ = std::make_unique<OdeWorkspace>(platform);
  deep_ = std::make_unique<DeepWorkspace>(platform);
  if (!lesson.empty())
    if (Status status = OpenLesson(lesson); !status.ok()) startup_message_ = status.message();
}

Status App::OpenLesson(std::string_view id) {
  const Lesson* lesson = FindLesson(id);
  if (!lesson) {
    std::string known;
    for (const Lesson& l : Lessons()) known += (known.empty() ? "" : ", ") + l.id;
    return Status::Error("There is no lesson '" + std::string(id) + "'. Lessons: " + known + ".");
  }
  if (lesson->workspace == "ode") {  // the neural-ODE lab brings its own spiral
    ode_->SetLesson(lesson->title, lesson->explanation);
    ode_->Reset();
    ode_->Play();
    tab_ = Tab::kOde;
    select_tab_ = true;
    return {};
  }
  if (lesson->workspace == "deep") {  // data as any lesson, a network from the deep catalogue
    if (Status status = data_->LoadRecipe(lesson->source, lesson->source_values, lesson->data_seed, lesson->steps,
                                          lesson->split);
        !status.ok())
      return status;
    if (Status status = deep_->SelectModel(lesson->model); !status.ok()) return status;
    for (const auto& [key, value] : lesson->model_values)
      if (Status status = deep_->SetParameter(key, value); !status.ok()) return status;
    if (Status status = deep_->ShowView(lesson->view); !status.ok()) return status;
    deep_->SetLesson(lesson->title, lesson->explanation);
    deep_->PlayOnNextData();
    tab_ = Tab::kDeep;
    select_tab_ = true;
    return {};
  }
  if (lesson->workspace == "montecarlo") {  // a simulation lab: no data or model to load
    montecarlo_->SetLesson(lesson->title, lesson->explanation);
    montecarlo_->RunStudy();
    tab_ = Tab::kMonteCarlo;
    select_tab_ = true;
    return {};
  }
  if (Status status = data_->LoadRecipe(lesson->source, lesson->source_values, lesson->data_seed, lesson->steps,
                                        lesson->split);
      !status.ok())
    return status;
  if (Status status = models_->LoadPreset(lesson->model, lesson->model_values, lesson->model_seed, lesson->view);
      !status.ok())
    return status;
  models_->SetLesson(lesson->id, lesson->title, lesson->explanation);
  tab_ = Tab::kModels;
  select_tab_ = true;
  return {};
}

App::~App() = default;

bool App::PrepareFrame(float content_scale) {
  const auto now = std::chrono::steady_clock::now();
  if (has_last_frame_) {
    const double frame_ms = std::chrono::duration<double, std::milli>(now - last_frame_).count();
    frames_.Add(frame_ms);
    governor_.AddFrame(frame_ms, workspace_->snapshot()->running);
  }
  last_frame_ = now;
  has_last_frame_ = true;
  widgets_.BeginFrame();
  workspace_->SetTrainingShare(governor_.share());
  workspace_->StepSession(kCallerStepBudgetMs * governor_.share());
  data_->Update(kCallerStepBudgetMs * governor_.share());
  models_->Update(data_->shared_prepared(), kCallerStepBudgetMs * governor_.share());
  montecarlo_->Update(kCallerStepBudgetMs * governor_.share());
  ode_->Update(kCallerStepBudgetMs * governor_.share());
  deep_->Update(data_->shared_prepared(), kCallerStepBudgetMs * governor_.share());

  content_scale = std::clamp(content_scale, 0.5f, 4.0f);
  if (std::abs(content_scale - scale_) < 0.01f) return false;
  scale_ = content_scale;
  std::string warning;
  fonts_ = LoadFonts(options_.font_regular, options_.font_medium, scale_, &warning);
  if (!warning.empty()) startup_message_ = warning;
  ApplyTheme(scale_);
  return true;
}

void App::Draw() {
  std::string query = ToQuery(workspace_->settings());
  if (!models_->lesson_id().empty()) query = "lesson=" + models_->lesson_id() + "&" + query;
  if (query != published_settings_) {
    published_settings_ = query;
    platform_.PublishSettings(query);
  }

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoBackground;  // the shell clears to the same colour: one full-screen layer less to fill
  ImGui::Begin("ML Playground", nullptr, flags);
  const float status_height = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.y;
  if (ImGui::BeginTabBar("##tabs")) {
    const struct {
      Tab tab;
      const char* title;
      const char* key;
    } tabs[] = {{Tab::kPlayground, "Neural-network playground", "tab:playground"},
                {Tab::kData, "Data", "tab:data"},
                {Tab::kModels, "Classic models", "tab:models"},
                {Tab::kDeep, "Deep models", "tab:deep"},
                {Tab::kMonteCarlo, "Monte Carlo", "tab:montecarlo"},
                {Tab::kOde, "Neural ODE", "tab:ode"}};
    for (const auto& t : tabs) {
      const ImGuiTabItemFlags flags = select_tab_ && tab_ == t.tab ? ImGuiTabItemFlags_SetSelected : 0;
      const bool open = ImGui::BeginTabItem(t.title, nullptr, flags);
      widgets_.RecordLastItem(t.key);
      if (!open) continue;
      if (!select_tab_) tab_ = t.tab;
      ImGui::EndTabItem();
    }
    select_tab_ = false;
    ImGui::EndTabBar();
  }
  ImGui::BeginChild("##workspace", ImVec2(0, -status_height), false, ImGuiWindowFlags_NoScrollbar);
  switch (tab_) {
    case Tab::kPlayground: workspace_->Draw(fonts_, widgets_); break;
    case Tab::kData: data_->Draw(fonts_, widgets_); break;
    case Tab::kModels: models_->Draw(fonts_, widgets_); break;
    case Tab::kMonteCarlo: montecarlo_->Draw(fonts_, widgets_); break;
    case Tab::kOde: ode_->Draw(fonts_, widgets_); break;
    case Tab::kDeep: deep_->Draw(fonts_, widgets_); break;
  }
  ImGui::EndChild();
  DrawStatusBar();
  ImGui::End();
}

void App::DrawStatusBar() {
  // Refreshed twice a second: readable, and an unchanged status line lets an idle frame be skipped.
  const auto now = std::chrono::steady_clock::now();
  if (status_line_.empty() || now - status_line_time_ > std::chrono::milliseconds(500)) {
    status_line_time_ = now;
    const auto snapshot = workspace_->snapshot();
    const std::string flavour = platform_.BuildFlavour();
    const bool worker = workspace_->session().mode() == SessionMode::kWorkerThread;
    char line[360];
    std::snprintf(line, sizeof line,
                  "%s build  ·  %s  ·  %d pool thread%s  ·  SIMD: %s  ·  %.0f fps (%.1f ms)  ·  %.0f epochs/s  ·  "
                  "training share %.0f%%",
                  flavour.c_str(), worker ? "training on a worker thread" : "training in the frame loop",
                  SharedPool().threads(), SharedPool().threads() == 1 ? "" : "s", SimdDescription().c_str(),
                  frames_.Fps(), frames_.MedianMs(), snapshot->epochs_per_second, governor_.share() * 100.0);
    if (ImGui::CalcTextSize(line).x > ImGui::GetContentRegionAvail().x) {  // narrow: the essentials
      std::snprintf(line, sizeof line, "%s  ·  %d thread%s  ·  %s  ·  %.0f fps  ·  %.0f epochs/s", flavour.c_str(),
                    SharedPool().threads(), SharedPool().threads() == 1 ? "" : "s",
                    SimdEnabled() ? "SIMD" : "no SIMD", frames_.Fps(), snapshot->epochs_per_second);
    }
    status_line_ = line;
  }
  const char* line = status_line_.c_str();
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
  ImGui::TextUnformatted(line);
  ImGui::PopStyleColor();
  if (!startup_message_.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kWarning), "  %s", startup_message_.c_str());
  }
}

Status App::Command(std::string_view name) {
  if (name == "play") {
    workspace_->Play();
  } else if (name == "pause") {
    workspace_->Pause();
  } else if (name == "step") {
    workspace_->Step();
  } else if (name == "reset") {
    workspace_->Reset();
  } else if (name == "regenerate") {
    workspace_->Regenerate();
  } else if (name == "tab:playground" || name == "tab:data" || name == "tab:models" || name == "tab:montecarlo" ||
             name == "tab:deep" || name == "tab:ode") {
    tab_ = name == "tab:data" ? Tab::kData : name == "tab:models" ? Tab::kModels
         : name == "tab:montecarlo" ? Tab::kMonteCarlo : name == "tab:deep" ? Tab::kDeep
         : name == "tab:ode" ? Tab::kOde : Tab::kPlayground;
    select_tab_ = true;
  } else if (name == "ode:play" || name == "ode:pause" || name == "ode:reset") {
    if (name == "ode:play") ode_->Play();
    if (name == "ode:pause") ode_->Pause();
    if (name == "ode:reset") ode_->Reset();
    tab_ = Tab::kOde;
    select_tab_ = true;
  } else if (name == "montecarlo:simulate" || name == "montecarlo:run" || name == "montecarlo:pause") {
    if (name == "montecarlo:simulate") montecarlo_->Simulate();
    if (name == "montecarlo:run") montecarlo_->RunStudy();
    if (name == "montecarlo:pause") montecarlo_->PauseStudy();
    tab_ = Tab::kMonteCarlo;
    select_tab_ = true;
  } else if (name == "model:sweep") {
    if (!models_->StartSweep()) return Status::Error("This model has nothing to sweep (clusterers and projectors do not).");
  } else if (name == "model:play" || name == "model:pause" || name == "model:step" || name == "model:reset") {
    if (name == "model:play") models_->Play();
    if (name == "model:pause") models_->Pause();
    if (name == "model:step") models_->Step();
    if (name == "model:reset") models_->Reset();
  } else if (name.rfind("model-view:", 0) == 0) {
    tab_ = Tab::kModels;
    select_tab_ = true;
    return models_->ShowView(name.substr(11));
  } else if (name == "deep:save") {
    return deep_->SaveWeights();
  } else if (name == "deep:play" || name == "deep:pause" || name == "deep:step" || name == "deep:reset") {
    if (name == "deep:play") deep_->Play();
    if (name == "deep:pause") deep_->Pause();
    if (name == "deep:step") deep_->Step();
    if (name == "deep:reset") deep_->Reset();
  } else if (name.rfind("deep-view:", 0) == 0) {
    tab_ = Tab::kDeep;
    select_tab_ = true;
    return deep_->ShowView(name.substr(10));
  } else if (name.rfind("deep-param:", 0) == 0) {  // "deep-param:epochs=2"
    const std::string setting(name.substr(11));
    const size_t equals = setting.find('=');
    char* end = nullptr;
    const double value = equals == std::string::npos ? NAN : std::strtod(setting.c_str() + equals + 1, &end);
    if (equals == std::string::npos || end == setting.c_str() + equals + 1 || *end != '\0' || !std::isfinite(value))
      return Status::Error("Write a deep-model parameter as deep-param:<key>=<number>, e.g. deep-param:epochs=2.");
    return deep_->SetParameter(setting.substr(0, equals), value);
  } else if (name.rfind("deep:", 0) == 0) {
    return deep_->SelectModel(std::string(name.substr(5)));
  } else if (name.rfind("lesson:", 0) == 0) {
    return OpenLesson(name.substr(7));
  } else if (name.rfind("model:", 0) == 0) {
    return models_->SelectModel(std::string(name.substr(6)));
  } else if (name == "data:use-columns") {
    return data_->UseStagedTable();
  } else if (name == "data:train") {
    data_->StartCheckRun();
  } else if (name == "data:pause") {
    data_->StopCheckRun();
  } else if (name.rfind("view:", 0) == 0) {
    if (!SelectDataView(*data_, name.substr(5))) return Status::Error("Unknown data view '" + std::string(name) + "'.");
    tab_ = Tab::kData;
    select_tab_ = true;
  } else if (name.rfind("data:add-step:", 0) == 0) {
    const std::string_view key = name.substr(14);
    for (PreprocessKind kind : kAllPreprocessKinds)
      if (PreprocessKey(kind) == key) return data_->AddStep({kind, {}, 2});
    return Status::Error("Unknown preprocessing step '" + std::string(key) + "'.");
  } else if (name.rfind("data:", 0) == 0) {
    const std::string id(name.substr(5));
    if (!FindDataSource(id)) return Status::Error("There is no dataset called '" + id + "'.");
    data_->SelectSource(id);
  } else {
    return Status::Error("Unknown command '" + std::string(name) +
                         "': use play, pause, step, reset, regenerate, tab:playground, tab:data, tab:models, tab:deep, view:<view>, data:<dataset>, model:<id>, model-view:<view>, lesson:<id>, model:play/pause/step/reset, deep:<id>, deep:play/pause/step/reset/save, deep-param:<key>=<value> or deep-view:<view>.");
  }
  return {};
}

void App::ImportFiles(std::vector<InputFile> files) {
  // Trained weights go to the deep model they were saved from; everything else is data.
  const auto is_weights = [](const InputFile& f) {
    return f.name.size() > 5 && f.name.compare(f.name.size() - 5, 5, ".mlpw") == 0;
  };
  if (!files.empty() && std::all_of(files.begin(), files.end(), is_weights)) {
    tab_ = Tab::kDeep;
    select_tab_ = true;
    deep_->LoadWeights(std::move(files.back().bytes), files.back().name);
    return;
  }
  tab_ = Tab::kData;
  select_tab_ = true;
  data_->ImportFiles(std::move(files));
}

Status App::ApplySettingsQuery(std::string_view query) { return workspace_->ApplyQuery(query); }

std::string App::StatusJson() const {
  const auto snapshot = workspace_->snapshot();
  const EpochRecord& latest = snapshot->latest;
  const bool classification = snapshot->settings.task() == TaskKind::kClassification;
  JsonWriter json;
  json.Add("flavour", platform_.BuildFlavour())
      .Add("simd", SimdDescription())
      .Add("simdEnabled", SimdEnabled())
      .Add("threads", SharedPool().threads())
      .Add("workerThread", workspace_->session().mode() == SessionMode::kWorkerThread)
      .Add("epoch", static_cast<long long>(snapshot->epoch))
      .Add("running", snapshot->running)
      .Add("diverged", snapshot->diverged)
      .Add("problem", classification ? "classification" : "regression")
      .Add("dataset", ProblemKey(snapshot->settings.problem))
      .Add("trainLoss", static_cast<double>(latest.train_loss))
      .Add("testLoss", static_cast<double>(latest.test_loss))
      .Add("trainAccuracy", classification ? static_cast<double>(latest.train_accuracy) : NAN)
      .Add("testAccuracy", classification ? static_cast<double>(latest.test_accuracy) : NAN)
      .Add("parameters", static_cast<long long>(snapshot->parameter_count))
      .Add("message", snapshot->message.empty() ? startup_message_ : snapshot->message)
      .Add("fps", frames_.Fps())
      .Add("frameMsMedian", frames_.MedianMs())
      .Add("frames", static_cast<long long>(frames_.count()))
      .Add("epochsPerSecond", snapshot->epochs_per_second)
      .Add("trainingShare", governor_.share())
      .Add("settings", ToQuery(workspace_->settings()))
      .Add("tab", tab_ == Tab::kData ? "data" : tab_ == Tab::kModels ? "models" : tab_ == Tab::kMonteCarlo ? "montecarlo"
                  : tab_ == Tab::kDeep ? "deep" : tab_ == Tab::kOde ? "ode" : "playground");
  return json.Finish();
}

}  // namespace mlp::ui
