// The desktop app: an SDL2 window with an OpenGL 3 context running the same ImGui app as the web.
//
//   ml_playground [--settings "dataset=spiral&layers=8,8"] [--play] [--quit-after SECONDS]
//
// --play starts training at once; --quit-after quits after that many seconds and prints the
// final status as JSON (used by the Xvfb test).
#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>
#include <string>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "native/frame_signature.h"
#include "native/gl_textures.h"
#include "ui/app.h"

namespace {

class DesktopPlatform : public mlp::shell::GlTexturePlatform {
public:
  std::string BuildFlavour() const override { return "native"; }
  bool SupportsWorkerThreads() const override { return true; }
};

struct Arguments {
  std::string settings;
  std::vector<std::string> commands;  // page-API commands run at start ("tab:data", "data:iris")
  bool play = false;
  double quit_after = -1.0;  // seconds; negative: run until the window closes
};

bool ParseArguments(int argc, char** argv, Arguments* args) {
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--settings") && i + 1 < argc) {
      args->settings = argv[++i];
    } else if (!std::strcmp(argv[i], "--command") && i + 1 < argc) {
      args->commands.push_back(argv[++i]);
    } else if (!std::strcmp(argv[i], "--play")) {
      args->play = true;
    } else if (!std::strcmp(argv[i], "--quit-after") && i + 1 < argc) {
      args->quit_after = std::strtod(argv[++i], nullptr);
    } else {
      std::fprintf(stderr, "usage: %s [--settings QUERY] [--command NAME]... [--play] [--quit-after SECONDS]\n", argv[0]);
      return false;
    }
  }
  return true;
}

// Physical pixels per logical pixel, from the display's DPI (96 is 1×).
float ContentScale(SDL_Window* window) {
  float dpi = 96.0f;
  if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(window), &dpi, nullptr, nullptr) != 0) return 1.0f;
  return std::max(1.0f, dpi / 96.0f);
}

// A dropped file's name and bytes (an unreadable file arrives empty and the importer says so).
mlp::InputFile ReadDroppedFile(const char* path) {
  mlp::InputFile file;
  const char* slash = std::strrchr(path, '/');
  file.name = slash ? slash + 1 : path;
  std::ifstream in(path, std::ios::binary);
  file.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return file;
}

std::string AssetPath(const char* relative);

// Built-in dataset files: $MLP_DATASETS_DIR, else assets/data next to the executable, else the
// source tree's build/datasets (where scripts/setup.sh writes them).
std::string DatasetsDirectory() {
  if (const char* env = std::getenv("MLP_DATASETS_DIR"); env && *env) return env;
  const std::string beside = AssetPath("assets/data");
  if (std::ifstream(beside + "/iris.npz")) return beside;
  return MLP_DEFAULT_DATASETS_DIR;
}

std::string AssetPath(const char* relative) {
  char* base = SDL_GetBasePath();
  std::string path = base ? std::string(base) + relative : std::string(relative);
  SDL_free(base);
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  Arguments args;
  if (!ParseArguments(argc, argv, &args)) return 2;
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "ML Playground could not start SDL: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_Window* window = SDL_CreateWindow("ML Playground", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                        SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
  if (!gl) {
    std::fprintf(stderr, "ML Playground needs OpenGL 3.2: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(window, gl);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init("#version 150");

  {
    DesktopPlatform platform;
    mlp::ui::AppOptions options;
    options.font_regular = AssetPath("assets/fonts/ui-regular.ttf");
    options.font_medium = AssetPath("assets/fonts/ui-medium.ttf");
    options.settings_query = args.settings;
    platform.SetDatasetsDirectory(DatasetsDirectory());
    mlp::ui::App app(platform, options);
    if (!app.startup_message().empty()) std::fprintf(stderr, "%s\n", app.startup_message().c_str());
    for (const std::string& command : args.commands)
      if (const mlp::Status status = app.Command(command); !status.ok()) std::fprintf(stderr, "%s\n", status.message().c_str());
    if (args.play) app.Command("play");

    bool font_texture_ready = false;
    mlp::shell::RenderSkipper skipper;
    const Uint64 start = SDL_GetPerformanceCounter();
    auto elapsed = [&] { return double(SDL_GetPerformanceCounter() - start) / double(SDL_GetPerformanceFrequency()); };
    while (args.quit_after < 0 || elapsed() < args.quit_after) {
      SDL_Event event;
      bool quit = false;
      while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) quit = true;
        if (event.type == SDL_DROPFILE && event.drop.file) {  // a file dropped on the window: import it
          app.ImportFiles({ReadDroppedFile(event.drop.file)});
          SDL_free(event.drop.file);
        }
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
            event.window.windowID == SDL_GetWindowID(window))
          quit = true;
      }
      if (quit) break;
      if (app.PrepareFrame(ContentScale(window)) && font_texture_ready) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        platform.textures_changed = true;
      }
      ImGui_ImplOpenGL3_NewFrame();
      font_texture_ready = true;
      ImGui_ImplSDL2_NewFrame();
      ImGuiIO& io = ImGui::GetIO();
      if (io.DeltaTime <= 0.0f) io.DeltaTime = 1.0f / 60.0f;
      ImGui::NewFrame();
      app.Draw();
      ImGui::Render();
      // An unchanged frame is not drawn again (see frame_signature.h); wait a display interval
      // instead of spinning, as the swap would have.
      if (!skipper.ShouldRender(ImGui::GetDrawData(), platform.textures_changed)) {
        SDL_Delay(16);
        continue;
      }
      platform.textures_changed = false;
      glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                 static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
      glClearColor(mlp::ui::kClearColor[0], mlp::ui::kClearColor[1], mlp::ui::kClearColor[2], mlp::ui::kClearColor[3]);
      glClear(GL_COLOR_BUFFER_BIT);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
      SDL_GL_SwapWindow(window);
    }
    if (args.quit_after >= 0) std::printf("%s\n%s\n", app.StatusJson().c_str(), app.DataStatusJson().c_str());
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(gl);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}
