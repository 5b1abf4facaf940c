// Platform: everything that differs between the shells (desktop, web threaded, web single-
// threaded, headless tests) reaches the app through this interface — ui/ has no #ifdefs.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/base/status.h"
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
  // Smooth (linear) filtering suits fields; `pixelated` (nearest) keeps small images — digits,
  // masks, filters — crisp when they are drawn many times their size.
  virtual ImTextureID CreateTexture(int width, int height, bool pixelated) = 0;
  ImTextureID CreateTexture(int width, int height) { return CreateTexture(width, height, false); }
  virtual void UpdateTexture(ImTextureID texture, int width, int height, const uint32_t* rgba) = 0;
  virtual void DestroyTexture(ImTextureID texture) = 0;

  // The current settings as a URL query ("dataset=spiral&lr=0.03"), whenever they change. The web
  // shell puts it in the page's address so the link reopens this run; elsewhere it is ignored.
  virtual void PublishSettings(const std::string& query) {}

  // A bundled dataset file (converted by scripts/setup.sh) by name, e.g. "iris.npz". `done` gets
  // the bytes or an error message, on the UI thread: later on the web (fetched over HTTP, only
  // when a learner picks the set), at once on the desktop (read from DatasetsDirectory()).
  using BytesCallback = std::function<void(bool ok, std::vector<uint8_t> bytes, std::string error)>;
  virtual void FetchDatasetFile(const std::string& file, BytesCallback done);
  // Where the desktop shell and the tests read dataset files from.
  virtual std::string DatasetsDirectory() const { return datasets_directory_; }
  void SetDatasetsDirectory(std::string directory) { datasets_directory_ = std::move(directory); }

  // Opens the shell's own file picker (the browser's), whose files come back through
  // App::ImportFiles. Returns false when the shell has none: the app then shows its own browser
  // of the local file system.
  virtual bool RequestOpenFiles() { return false; }

  // Hands a file the learner asked to keep (trained weights) to the shell: the browser downloads
  // it, the desktop writes it to the working directory. Returns what happened, for the UI
  // ("Saved to /home/…/cnn_simple.mlpw"), or an error.
  virtual Result<std::string> SaveFile(const std::string& name, const std::vector<uint8_t>& bytes);

private:
  std::string datasets_directory_;
};

}  // namespace mlp::ui
