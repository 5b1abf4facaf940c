// The web shell: Emscripten's GLFW window on the page's <canvas id="canvas">, WebGL2, the ImGui
// app, and the C functions behind the page's `window.playground` API (see web/loader.js).
//
// The canvas backing store follows its CSS size × devicePixelRatio every frame, and the UI is
// scaled by the same ratio, so it is sharp on high-DPI screens.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/base/json_writer.h"
#include "core/base/thread_pool.h"
#include "core/base/threads.h"
#include "core/bench/classic_tasks.h"
#include "core/bench/deep_tasks.h"
#include "core/train/throughput_benchmark.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "native/frame_signature.h"
#include "native/gl_textures.h"
#include "ui/app.h"

namespace {

class WebPlatform : public mlp::shell::GlTexturePlatform {
public:
  std::string BuildFlavour() const override { return mlp::kHasThreads ? "threaded" : "single-threaded"; }
  bool SupportsWorkerThreads() const override { return mlp::kHasThreads; }
  // Keeps the address bar a link to this run (a forced ?build= stays).
  void PublishSettings(const std::string& query) override {
    EM_ASM(
        {
          const params = new URLSearchParams(UTF8ToString($0));
          const build = new URLSearchParams(location.search).get("build");
          if (build) params.set("build", build);
          history.replaceState(history.state, "", location.pathname + "?" + params.toString() + location.hash);
        },
        query.c_str());
  }
  // The page fetches the file (relative to the page, under assets/data/) and answers through
  // mlp_dataset_fetched with the same request number.
  void FetchDatasetFile(const std::string& file, BytesCallback done) override {
    const int request = next_request_++;
    pending_[request] = std::move(done);
    EM_ASM({ Module.fetchDataset(UTF8ToString($0), $1); }, file.c_str(), request);
  }
  void DatasetFetched(int request, bool ok, std::vector<uint8_t> bytes, std::string error) {
    const auto it = pending_.find(request);
    if (it == pending_.end()) return;
    BytesCallback done = std::move(it->second);
    pending_.erase(it);
    done(ok, std::move(bytes), std::move(error));
  }
  bool RequestOpenFiles() override {
    EM_ASM({ Module.openFilePicker(); });
    return true;
  }

  // The browser's download of a Blob made from a copy of the bytes.
  mlp::Result<std::string> SaveFile(const std::string& name, const std::vector<uint8_t>& bytes) override {
    EM_ASM({ Module.downloadFile(UTF8ToString($0), HEAPU8.slice($1, $1 + $2)); }, name.c_str(), bytes.data(), bytes.size());
    return "Downloaded " + name + " (" + std::to_string(bytes.size()) + " bytes).";
  }

private:
  std::map<int, BytesCallback> pending_;
  int next_request_ = 1;
};

struct Shell {
  GLFWwindow* window = nullptr;
  WebPlatform platform;
  std::unique_ptr<mlp::ui::App> app;
  mlp::shell::RenderSkipper skipper;
  bool font_texture_ready = false;
  std::string reply;  // storage for strings returned to JavaScript
  std::vector<mlp::InputFile> import_batch;  // files the page is handing over (mlp_import_*)
};
Shell* g_shell = nullptr;

// Keeps the canvas backing store at CSS size × devicePixelRatio.
float SyncCanvasSize() {
  const double ratio = emscripten_get_device_pixel_ratio();
  double css_width = 0, css_height = 0;
  emscripten_get_element_css_size("#canvas", &css_width, &css_height);
  const int width = std::max(1, static_cast<int>(std::lround(css_width * ratio)));
  const int height = std::max(1, static_cast<int>(std::lround(css_height * ratio)));
  int current_width = 0, current_height = 0;
  glfwGetWindowSize(g_shell->window, &current_width, &current_height);
  if (current_width != width || current_height != height) glfwSetWindowSize(g_shell->window, width, height);
  return static_cast<float>(ratio);
}

void Frame() {
  Shell& shell = *g_shell;
  const float scale = SyncCanvasSize();
  if (shell.app->PrepareFrame(scale) && shell.font_texture_ready) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    shell.platform.textures_changed = true;
  }
  ImGui_ImplOpenGL3_NewFrame();
  shell.font_texture_ready = true;
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;  // headless browsers can report 0
  ImGui::NewFrame();
  shell.app->Draw();
  ImGui::Render();
  // An unchanged frame is not drawn again: the canvas keeps the last one (see frame_signature.h).
  if (!shell.skipper.ShouldRender(ImGui::GetDrawData(), shell.platform.textures_changed)) return;
  shell.platform.textures_changed = false;
  int width = 0, height = 0;
  glfwGetFramebufferSize(shell.window, &width, &height);
  glViewport(0, 0, width, height);
  glClearColor(mlp::ui::kClearColor[0], mlp::ui::kClearColor[1], mlp::ui::kClearColor[2], mlp::ui::kClearColor[3]);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

const char* Reply(std::string text) {
  g_shell->reply = std::move(text);
  return g_shell->reply.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* mlp_status_json() { return Reply(g_shell ? g_shell->app->StatusJson() : "{}"); }

EMSCRIPTEN_KEEPALIVE const char* mlp_command(const char* name) {
  return Reply(g_shell->app->Command(name ? name : "").message());
}

EMSCRIPTEN_KEEPALIVE const char* mlp_apply_settings(const char* query) {
  return Reply(g_shell->app->ApplySettingsQuery(query ? query : "").message());
}

EMSCRIPTEN_KEEPALIVE const char* mlp_widget_rect(const char* name) {
  const auto rect = g_shell->app->WidgetRect(name ? name : "");
  if (!rect) return Reply("");
  return Reply(mlp::JsonWriter().Add("x", rect->x).Add("y", rect->y).Add("w", rect->z).Add("h", rect->w).Finish());
}

// Trains MLP 784-128-10 (batch 64, SGD) on random data for about `seconds`; blocks the page.
EMSCRIPTEN_KEEPALIVE const char* mlp_benchmark_json(int threads, double seconds) {
  const mlp::ThroughputResult result =
      mlp::MeasureMlpTraining(mlp::ClassifierMlpSpec(784, 128, 10), 64, std::max(1, threads), seconds);
  return Reply(mlp::JsonWriter()
                   .Add("samplesPerSecond", result.samples_per_second)
                   .Add("threads", result.threads)
                   .Add("samples", static_cast<long long>(result.samples))
                   .Add("seconds", result.seconds)
                   .Finish());
}

// Fits and predicts one classic benchmark task (core/bench/classic_tasks.h: forest, kmeans, pca,
// gmm, gp, krr, logistic) with `threads` threads in the shared pool (0 or less: leave it as it is);
// blocks the page. The task's arrays are drawn before the timing starts.
EMSCRIPTEN_KEEPALIVE const char* mlp_benchmark_classic_json(const char* task, int threads) {
  const int previous_threads = mlp::SharedPool().threads();
  if (threads > 0) mlp::SetSharedPoolThreads(threads);
  const auto timing = mlp::bench::RunClassicTask(task ? task : "");
  if (threads > 0) mlp::SetSharedPoolThreads(previous_threads);
  if (!timing.ok()) return Reply(mlp::JsonWriter().Add("task", task ? task : "").Add("error", timing.status().message()).Finish());
  return Reply(mlp::bench::ClassicTimingJson(timing.value()));
}

// Trains one deep benchmark task (core/bench/deep_tasks.h: mlp, cnn, vae) on random data for about
// `seconds` after a few warm-up steps, with `threads` threads in the shared pool (0 or less: leave
// it as it is); blocks the page. A task whose network this build lacks answers available: false.
EMSCRIPTEN_KEEPALIVE const char* mlp_benchmark_deep_json(const char* task, int threads, double seconds) {
  const auto timing = mlp::bench::RunDeepTask(task ? task : "", threads, seconds);
  if (!timing.ok()) return Reply(mlp::JsonWriter().Add("task", task ? task : "").Add("error", timing.status().message()).Finish());
  return Reply(mlp::bench::DeepTimingJson(timing.value()));
}

// Files the user picked or dropped: the page calls begin, add per file (the bytes are copied; the
// page frees its buffer), then end, which starts the import.
EMSCRIPTEN_KEEPALIVE void mlp_import_begin() { g_shell->import_batch.clear(); }
EMSCRIPTEN_KEEPALIVE void mlp_import_add(const char* name, const uint8_t* data, int size) {
  g_shell->import_batch.push_back({name ? name : "file", std::vector<uint8_t>(data, data + std::max(size, 0))});
}
EMSCRIPTEN_KEEPALIVE void mlp_import_end() { g_shell->app->ImportFiles(std::move(g_shell->import_batch)); }

// The answer to WebPlatform::FetchDatasetFile: bytes (copied) or an error message.
EMSCRIPTEN_KEEPALIVE void mlp_dataset_fetched(int request, const uint8_t* data, int size, const char* error) {
  const bool ok = error == nullptr || error[0] == '\0';
  std::vector<uint8_t> bytes;
  if (ok && data) bytes.assign(data, data + std::max(size, 0));
  g_shell->platform.DatasetFetched(request, ok, std::move(bytes), ok ? "" : error);
}

EMSCRIPTEN_KEEPALIVE const char* mlp_data_status_json() { return Reply(g_shell ? g_shell->app->DataStatusJson() : "{}"); }
EMSCRIPTEN_KEEPALIVE const char* mlp_model_status_json() { return Reply(g_shell ? g_shell->app->ModelStatusJson() : "{}"); }
EMSCRIPTEN_KEEPALIVE const char* mlp_ode_status_json() { return Reply(g_shell ? g_shell->app->OdeStatusJson() : "{}"); }
EMSCRIPTEN_KEEPALIVE const char* mlp_deep_status_json() { return Reply(g_shell ? g_shell->app->DeepStatusJson() : "{}"); }
EMSCRIPTEN_KEEPALIVE const char* mlp_montecarlo_status_json() {
  return Reply(g_shell ? g_shell->app->MonteCarloStatusJson() : "{}");
}

}  // extern "C"

int main(int argc, char** argv) {
  std::string settings;
  for (int i = 1; i + 1 < argc; ++i)
    if (!std::strcmp(argv[i], "--settings")) settings = argv[i + 1];

  if (!glfwInit()) {
    std::fprintf(stderr, "ML Playground: GLFW could not start\n");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  glfwWindowHint(GLFW_ALPHA_BITS, 0);  // an opaque canvas composites more cheaply
  static Shell shell;
  g_shell = &shell;
  shell.window = glfwCreateWindow(1280, 800, "ML Playground", nullptr, nullptr);
  if (!shell.window) {
    std::fprintf(stderr, "ML Playground needs WebGL2, which this browser did not provide\n");
    return 1;
  }
  glfwMakeContextCurrent(shell.window);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplGlfw_InitForOpenGL(shell.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  mlp::ui::AppOptions options;
  options.font_regular = "/assets/fonts/ui-regular.ttf";
  options.font_medium = "/assets/fonts/ui-medium.ttf";
  options.settings_query = settings;
  shell.app = std::make_unique<mlp::ui::App>(shell.platform, options);
  if (!shell.app->startup_message().empty()) std::fprintf(stderr, "%s\n", shell.app->startup_message().c_str());
  std::printf("ML Playground ready (%s build)\n", shell.platform.BuildFlavour().c_str());
  emscripten_set_main_loop(Frame, 0, false);
  return 0;
}
