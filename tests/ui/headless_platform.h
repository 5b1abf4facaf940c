// A Platform for tests: no window, no GL. Textures are counted, not created.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "ui/platform.h"

namespace mlp::test {

class HeadlessPlatform : public ui::Platform {
public:
  explicit HeadlessPlatform(bool worker_threads) : worker_threads_(worker_threads) {}
  std::string BuildFlavour() const override { return "headless"; }
  bool SupportsWorkerThreads() const override { return worker_threads_; }
  ImTextureID CreateTexture(int, int) override {
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
