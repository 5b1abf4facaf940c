// Platform: everything that differs between the shells (desktop, web threaded, web single-
// threaded, headless tests) reaches the app through this interface — ui/ has no #ifdefs.
#pragma once

#include <cstdint>
#include <string>

#include "imgui.h"

namespace mlp::ui {

class Platform {
public:
  virtual ~Platform() = default;

  // "native", "threaded" or "single-threaded" (the web builds), "headless" in tests.
  virtual std::string BuildFlavour() const = 0;
  // Whether training sessions may run on their own thread (else the frame loop steps them).
  virtual bool SupportsWorkerThreads() const = 0;

  // RGBA8 textures for heatmaps and thumbnails; rgba holds width·height texels, row 0 on top.
  virtual ImTextureID CreateTexture(int width, int height) = 0;
  virtual void UpdateTexture(ImTextureID texture, int width, int height, const uint32_t* rgba) = 0;
  virtual void DestroyTexture(ImTextureID texture) = 0;

  // The current settings as a URL query ("dataset=spiral&lr=0.03"), whenever they change. The web
  // shell puts it in the page's address so the link reopens this run; elsewhere it is ignored.
  virtual void PublishSettings(const std::string& query) {}
};

}  // namespace mlp::ui
