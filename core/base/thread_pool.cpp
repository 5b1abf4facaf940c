#include "core/base/thread_pool.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <memory>

#include "core/base/threads.h"

namespace mlp {
namespace {
thread_local bool tls_inside_task = false;

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// Spins until done() or kSpinMicroseconds pass; true if done() became true.
template <typename Done>
bool SpinUntil(const Done& done) {
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0;; ++i) {
    if (done()) return true;
    if ((i & 63) == 63 && std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() >
                              ThreadPool::kSpinMicroseconds)
      return false;
    CpuRelax();
  }
}
}  // namespace

int HardwareThreads() {
#if MLP_HAS_THREADS
  return std::max(1u, std::thread::hardware_concurrency());
#else
  return 1;
#endif
}

ThreadPool::ThreadPool(int threads) {
  assert(threads >= 1 && "a pool needs at least the calling thread");
  if (!kHasThreads) threads = 1;
  for (int i = 1; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_.store(true);
  }
  wake_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void ThreadPool::Drain() {
  // Claims chunks until none are left.
  int done_here = 0;
  for (int chunk = next_chunk_.fetch_add(1); chunk < chunks_; chunk = next_chunk_.fetch_add(1)) {
    (*task_)(chunk);
    ++done_here;
  }
  if (done_here > 0 && finished_chunks_.fetch_add(done_here) + done_here == chunks_) {
    std::lock_guard<std::mutex> lock(mutex_);  // pairs with the caller's wait on done_
    done_.notify_all();
  }
}

void ThreadPool::WorkerLoop() {
  tls_inside_task = true;
  uint64_t seen = 0;
  for (;;) {
    SpinUntil([&] { return generation_.load() != seen || stopping_.load(); });
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_.load() || generation_.load() != seen; });
      if (stopping_.load()) return;
      seen = generation_.load();
    }
    Drain();
  }
}

void ThreadPool::Run(int chunks, const std::function<void(int)>& task) {
  if (chunks <= 0) return;
  if (workers_.empty() || chunks == 1 || tls_inside_task) {
    for (int chunk = 0; chunk < chunks; ++chunk) task(chunk);
    return;
  }
  std::lock_guard<std::mutex> run_lock(run_mutex_);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    task_ = &task;
    chunks_ = chunks;
    finished_chunks_.store(0);
    next_chunk_.store(0);
    generation_.fetch_add(1);
  }
  wake_.notify_all();
  tls_inside_task = true;
  Drain();
  tls_inside_task = false;
  if (!SpinUntil([&] { return finished_chunks_.load() == chunks_; })) {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return finished_chunks_.load() == chunks_; });
  }
  std::lock_guard<std::mutex> lock(mutex_);
  task_ = nullptr;
}

namespace {
std::unique_ptr<ThreadPool>& SharedPoolSlot() {
  static std::unique_ptr<ThreadPool> pool;
  return pool;
}
std::mutex& SharedPoolMutex() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace

ThreadPool& SharedPool() {
  std::lock_guard<std::mutex> lock(SharedPoolMutex());
  auto& pool = SharedPoolSlot();
  if (!pool) pool = std::make_unique<ThreadPool>(HardwareThreads());
  return *pool;
}

void SetSharedPoolThreads(int threads) {
  std::lock_guard<std::mutex> lock(SharedPoolMutex());
  auto& pool = SharedPoolSlot();
  if (pool && pool->threads() == threads) return;
  pool.reset();
  pool = std::make_unique<ThreadPool>(std::max(1, threads));
}

}  // namespace mlp
