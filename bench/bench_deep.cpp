// Training throughput of the deep benchmark's networks (core/bench/deep_tasks.h: mlp, cnn, vae),
// natively, with the same code the web builds run for playground.benchmarkDeep. Prints one JSON
// line per task and thread count (DeepTimingJson), which bench/deep_web_bench.mjs reads; a task
// whose network is not in this build prints "available": false and its note instead of figures.
// Usage: bench_deep [--seconds S (default 3)] [--threads 1,2] [task ...]   (tasks: all)
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/bench/deep_tasks.h"

int main(int argc, char** argv) {
  double seconds = 3.0;
  std::vector<int> threads = {1, 2};
  std::vector<std::string> tasks;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--seconds" && i + 1 < argc) {
      seconds = std::atof(argv[++i]);
    } else if (arg == "--threads" && i + 1 < argc) {
      threads.clear();
      std::stringstream list(argv[++i]);
      for (std::string item; std::getline(list, item, ',');) threads.push_back(std::atoi(item.c_str()));
    } else {
      tasks.push_back(arg);
    }
  }
  if (tasks.empty())
    for (const auto& t : mlp::bench::DeepTasks()) tasks.push_back(t.name);
  std::fprintf(stderr, "bench_deep: Eigen SIMD %s, %.1f s per run\n", Eigen::SimdInstructionSetsInUse(), seconds);
  int failures = 0;
  for (const std::string& task : tasks) {
    for (int n : threads) {
      const auto timing = mlp::bench::RunDeepTask(task, n, seconds);
      if (!timing.ok()) {
        std::fprintf(stderr, "bench_deep: %s\n", timing.status().message().c_str());
        ++failures;
        continue;
      }
      std::printf("%s\n", mlp::bench::DeepTimingJson(timing.value()).c_str());
      std::fflush(stdout);
    }
  }
  return failures ? 1 : 0;
}
