// mlp_train — trains a playground preset without a window and prints one line per epoch.
//
//   mlp_train --preset spiral --epochs 200 [--seed 1] [--set "lr=0.03&layers=8,8"] [--threads N]
//   mlp_train --list
//
// Exit status: 0 trained, 1 training diverged or failed, 2 bad command line.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/base/thread_pool.h"
#include "core/train/network_trainer.h"
#include "core/train/presets.h"

namespace {

int Usage(const char* program) {
  std::fprintf(stderr,
               "usage: %s --preset NAME [--epochs N] [--seed S] [--set QUERY] [--threads N]\n"
               "       %s --list\n",
               program, program);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string preset_name, overrides;
  long epochs = 100;
  long seed = -1;
  int threads = 0;
  for (int i = 1; i < argc; ++i) {
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* arg = argv[i];
    const char* value = nullptr;
    if (!std::strcmp(arg, "--list")) {
      for (const mlp::Preset& preset : mlp::Presets())
        std::printf("%-16s %s\n", std::string(preset.name).c_str(), std::string(preset.description).c_str());
      return 0;
    } else if (!std::strcmp(arg, "--preset") && (value = next())) {
      preset_name = value;
    } else if (!std::strcmp(arg, "--epochs") && (value = next())) {
      epochs = std::strtol(value, nullptr, 10);
    } else if (!std::strcmp(arg, "--seed") && (value = next())) {
      seed = std::strtol(value, nullptr, 10);
    } else if (!std::strcmp(arg, "--set") && (value = next())) {
      overrides += (overrides.empty() ? "" : "&") + std::string(value);
    } else if (!std::strcmp(arg, "--threads") && (value = next())) {
      threads = std::atoi(value);
    } else {
      return Usage(argv[0]);
    }
  }
  if (preset_name.empty() || epochs < 0) return Usage(argv[0]);

  auto settings = mlp::PresetSettings(preset_name);
  if (!settings.ok()) {
    std::fprintf(stderr, "%s\n", settings.status().message().c_str());
    return 2;
  }
  if (seed >= 0) settings.value().seed = static_cast<uint32_t>(seed);
  if (mlp::Status status = mlp::ApplyQuery(overrides, &settings.value()); !status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 2;
  }
  if (threads > 0) mlp::SetSharedPoolThreads(threads);

  auto trainer = mlp::NetworkTrainer::Create(settings.value());
  if (!trainer.ok()) {
    std::fprintf(stderr, "%s\n", trainer.status().message().c_str());
    return 1;
  }
  mlp::NetworkTrainer& run = *trainer.value();
  std::printf("# preset %s: %s\n", preset_name.c_str(), mlp::ToQuery(run.settings()).c_str());
  std::printf("# %lld parameters, %zu training and %zu test points\n",
              static_cast<long long>(run.network().ParameterCount()), run.split()->train.size(), run.split()->test.size());
  std::printf("%6s %12s %12s %10s %10s\n", "epoch", "train_loss", "test_loss", "train_acc", "test_acc");
  auto print = [](const mlp::EpochRecord& r) {
    std::printf("%6lld %12.6f %12.6f %10.4f %10.4f\n", static_cast<long long>(r.epoch), r.train_loss, r.test_loss,
                r.train_accuracy, r.test_accuracy);
  };
  print(run.latest());
  for (long epoch = 0; epoch < epochs; ++epoch) {
    if (mlp::Status status = run.TrainEpoch(); !status.ok()) {
      std::fflush(stdout);
      std::fprintf(stderr, "%s\n", status.message().c_str());
      return 1;
    }
    print(run.latest());
  }
  return 0;
}
