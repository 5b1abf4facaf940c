// Whether this build can start threads. The single-threaded WebAssembly build compiles
// std::thread but aborts at run time if one is started, so every thread goes through here.
#pragma once

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define MLP_HAS_THREADS 0
#else
#define MLP_HAS_THREADS 1
#endif

namespace mlp {

constexpr bool kHasThreads = MLP_HAS_THREADS != 0;

// Logical cores the machine offers (1 in a build without threads).
int HardwareThreads();

}  // namespace mlp
