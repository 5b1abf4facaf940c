// A Platform for tests: no window, no GL. Textures are counted, not created.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "ui/platform.h"

namespace mlp::test {

class HeadlessPlatform : public ui::Platform {
public:
  explicit HeadlessPlatform(bool worker_threads) : worker_threads_(worker_threads) {}
  std::string BuildFlavour() const override { return "headless"; }
  bool SupportsWorkerThreads() const override { return worker_threads_; }
  using ui::Platform::CreateTexture;
  ImTextureID CreateTexture(int, int, bool) override {
    const intptr_t id = ++next_;
    live_.insert(id);
    return reinterpret_cast<ImTextureID>(id);
  }
  void UpdateTexture(ImTextureID texture, int, int, const uint32_t*) override {
    if (live_.count(reinterpret_cast<intptr_t>(texture))) ++updates_;
    else ++bad_calls_;
  }
  void DestroyTexture(ImTextureID texture) override {
    if (!live_.erase(reinterpret_cast<intptr_t>(texture))) ++bad_calls_;
  }

  // Files the app saved, kept in memory.
  mlp::Result<std::string> SaveFile(const std::string& name, const std::vector<uint8_t>& bytes) override {
    saved_name = name, saved_bytes = bytes;
    return "Kept " + name + " in memory.";
  }
  std::string saved_name;
  std::vector<uint8_t> saved_bytes;

  int updates() const { return updates_; }
  int bad_calls() const { return bad_calls_; }
  size_t live_textures() const { return live_.size(); }

private:
  bool worker_threads_;
  intptr_t next_ = 0;
  std::set<intptr_t> live_;
  int updates_ = 0;
  int bad_calls_ = 0;
};

}  // namespace mlp::test
