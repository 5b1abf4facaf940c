// ThreadPool: a fixed set of workers for data-parallel kernels.
//
// Determinism: the caller splits work into chunks whose boundaries depend only on the problem
// size, never on the thread count, and combines per-chunk results in chunk order. A chunk is
// always computed by the same code on the same inputs, so results are bit-identical with 1 or N
// threads, natively and in both web builds.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace mlp {

class ThreadPool {
public:
  // `threads` counts the calling thread too: 1 means everything runs inline on the caller.
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int threads() const { return static_cast<int>(workers_.size()) + 1; }

  // Calls task(chunk) once for every chunk in [0, chunks) and returns when all are done. The
  // caller works too. A Run issued from inside a task runs inline (no nested parallelism).
  void Run(int chunks, const std::function<void(int chunk)>& task);

  // Splits [0, count) into ceil(count / grain) ranges of `grain` items (the last may be shorter)
  // and calls body(begin, end) for each. Small problems (one chunk) run inline with no handoff.
  // A template so that no std::function holding several captures is allocated per call.
  template <typename Body>
  void ParallelFor(int64_t count, int64_t grain, const Body& body) {
    if (count <= 0) return;
    grain = grain < 1 ? 1 : grain;
    const int64_t chunks = (count + grain - 1) / grain;
    if (chunks == 1) {
      body(int64_t{0}, count);
      return;
    }
    struct Range {
      const Body* body;
      int64_t count, grain;
    } range{&body, count, grain};
    Run(static_cast<int>(chunks), [r = &range](int chunk) {  // one pointer: fits std::function inline
      const int64_t begin = chunk * r->grain;
      (*r->body)(begin, begin + r->grain < r->count ? begin + r->grain : r->count);
    });
  }

  // How long an idle worker (and a caller waiting for the last chunk) spins before sleeping.
  // Waking a sleeping thread costs ~50 µs on the development VM, as much as a whole block of a
  // training step's matrix product; training issues products back to back, so a short spin keeps
  // the workers hot, and an idle pool still sleeps after this long.
  static constexpr double kSpinMicroseconds = 300.0;

private:
  void WorkerLoop();
  void Drain();

  std::vector<std::thread> workers_;
  std::mutex run_mutex_;  // one Run at a time
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable done_;
  const std::function<void(int)>* task_ = nullptr;
  int chunks_ = 0;
  std::atomic<int> next_chunk_{0};
  std::atomic<int> finished_chunks_{0};
  std::atomic<uint64_t> generation_{0};  // written under mutex_, read by spinning workers
  std::atomic<bool> stopping_{false};
};

// The pool shared by every kernel of the process: one pool, never nested (nested pools made a
// well-known framework 3x slower on two cores). Sized on first use by SetSharedPoolThreads or
// to HardwareThreads().
ThreadPool& SharedPool();
// Resizes the shared pool; call when no kernel is running (start-up, benchmarks, tests).
void SetSharedPoolThreads(int threads);

}  // namespace mlp
