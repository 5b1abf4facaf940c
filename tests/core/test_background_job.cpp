// BackgroundJob: work finishes exactly once, its results are visible after Poll, and Cancel stops it.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/base/background_job.h"
#include "core/base/threads.h"

TEST_CASE("BackgroundJob: Poll reports completion once and the result is visible", "[background-job]") {
  mlp::BackgroundJob job;
  int result = 0;
  job.Start([&result](mlp::JobProgress& progress) {
    progress.fraction = 0.5;
    result = 42;
  });
  CHECK(job.busy());
  int completions = 0;
  for (int i = 0; i < 2000 && completions == 0; ++i) {
    completions += job.Poll();
    if (!completions) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  REQUIRE(completions == 1);
  CHECK(result == 42);
  CHECK_FALSE(job.busy());
  CHECK_FALSE(job.Poll());
}

TEST_CASE("BackgroundJob: Cancel stops long work and a new Start replaces it", "[background-job]") {
  mlp::BackgroundJob job;
  bool saw_cancel = false;
  job.Start([&saw_cancel](mlp::JobProgress& progress) {
    for (int i = 0; i < 4000 && !progress.cancelled; ++i) std::this_thread::sleep_for(std::chrono::microseconds(50));
    saw_cancel = progress.cancelled;
  });
  job.Poll();  // single-threaded build: runs now (and finishes, as nobody can cancel it meanwhile)
  job.Cancel();
  CHECK_FALSE(job.busy());
  if (mlp::kHasThreads) CHECK(saw_cancel);
  int value = 0;
  job.Start([&value](mlp::JobProgress&) { value = 7; });
  while (!job.Poll()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(value == 7);
}
