// Eigen must vectorise in every build, including both WebAssembly builds (where it only does so
// through Emscripten's SSE→SIMD128 headers and a patched copy of Eigen, see scripts/setup.sh).
#include <catch2/catch.hpp>

#include <string>

#include "core/base/build_info.h"
#include "core/base/threads.h"

TEST_CASE("Eigen is vectorised in this build", "[build]") {
  INFO("Eigen reports: " << mlp::SimdDescription());
  CHECK(mlp::SimdEnabled());
  CHECK(mlp::SimdDescription().find("SSE2") != std::string::npos);
#if defined(__EMSCRIPTEN__)
  CHECK(mlp::SimdDescription().find("wasm SIMD128") != std::string::npos);
#endif
}

TEST_CASE("Thread support matches the build", "[build]") {
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  CHECK_FALSE(mlp::kHasThreads);
  CHECK(mlp::HardwareThreads() == 1);
#else
  CHECK(mlp::kHasThreads);
  CHECK(mlp::HardwareThreads() >= 1);
#endif
}
