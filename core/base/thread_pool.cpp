#include "core/base/thread_pool.h"

#include <algorithm>
#include <cassert>
#include <memory>

#include "core/base/threads.h"

namespace mlp {
namespace {
thread_local bool tls_inside_task = false;
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
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void ThreadPool::Drain() {
  // Claims chunks until none are left; returns how many this thread finished via the counter.
  int done_here = 0;
  for (int chunk = next_chunk_.fetch_add(1); chunk < chunks_; chunk = next_chunk_.fetch_add(1)) {
    (*task_)(chunk);
    ++done_here;
  }
  if (done_here > 0) {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_chunks_ += done_here;
    if (finished_chunks_ == chunks_) done_.notify_all();
  }
}

void ThreadPool::WorkerLoop() {
  tls_inside_task = true;
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
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
    finished_chunks_ = 0;
    next_chunk_.store(0);
    ++generation_;
  }
  wake_.notify_all();
  tls_inside_task = true;
  Drain();
  tls_inside_task = false;
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [&] { return finished_chunks_ == chunks_; });
  task_ = nullptr;
}

void ThreadPool::ParallelFor(int64_t count, int64_t grain,
                             const std::function<void(int64_t, int64_t)>& body) {
  if (count <= 0) return;
  grain = std::max<int64_t>(1, grain);
  const int64_t chunks = (count + grain - 1) / grain;
  if (chunks == 1) {
    body(0, count);
    return;
  }
  Run(static_cast<int>(chunks), [&](int chunk) {
    const int64_t begin = chunk * grain;
    body(begin, std::min(count, begin + grain));
  });
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
