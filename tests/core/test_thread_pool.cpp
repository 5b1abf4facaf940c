// ThreadPool: every chunk runs exactly once, nested runs do not deadlock, and results combined in
// chunk order do not depend on the thread count.
#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <vector>

#include "core/base/thread_pool.h"

namespace {
// A floating-point sum whose rounding depends on the order of additions: per-chunk partial sums
// combined in chunk order.
double ChunkedSum(mlp::ThreadPool& pool, const std::vector<double>& values) {
  const int64_t grain = 97;
  const int64_t chunks = (static_cast<int64_t>(values.size()) + grain - 1) / grain;
  std::vector<double> partial(static_cast<size_t>(chunks), 0.0);
  pool.ParallelFor(static_cast<int64_t>(values.size()), grain, [&](int64_t begin, int64_t end) {
    double sum = 0.0;
    for (int64_t i = begin; i < end; ++i) sum += values[static_cast<size_t>(i)];
    partial[static_cast<size_t>(begin / grain)] = sum;
  });
  double total = 0.0;
  for (double p : partial) total += p;
  return total;
}
}  // namespace

TEST_CASE("ThreadPool runs every chunk exactly once", "[threads]") {
  for (int threads : {1, 2, 4}) {
    mlp::ThreadPool pool(threads);
    std::vector<std::atomic<int>> hits(1000);
    pool.Run(1000, [&](int chunk) { hits[static_cast<size_t>(chunk)].fetch_add(1); });
    for (auto& hit : hits) REQUIRE(hit.load() == 1);
  }
}

TEST_CASE("ThreadPool results do not depend on the thread count", "[threads]") {
  std::vector<double> values(10007);
  for (size_t i = 0; i < values.size(); ++i) values[i] = std::sin(static_cast<double>(i)) * 1e3 + 1e-7 * i;
  mlp::ThreadPool one(1), two(2), three(3);
  const double reference = ChunkedSum(one, values);
  CHECK(ChunkedSum(two, values) == reference);
  CHECK(ChunkedSum(three, values) == reference);
}

TEST_CASE("A Run issued from inside a task runs inline", "[threads]") {
  mlp::ThreadPool pool(2);
  std::atomic<int> inner{0};
  pool.Run(4, [&](int) { pool.Run(3, [&](int) { inner.fetch_add(1); }); });
  CHECK(inner.load() == 12);
}

TEST_CASE("ParallelFor covers the range with fixed chunks", "[threads]") {
  mlp::ThreadPool pool(2);
  std::vector<int> covered(1001, 0);
  pool.ParallelFor(1001, 100, [&](int64_t begin, int64_t end) {
    CHECK(begin % 100 == 0);
    CHECK(end - begin <= 100);
    for (int64_t i = begin; i < end; ++i) ++covered[static_cast<size_t>(i)];
  });
  for (int c : covered) REQUIRE(c == 1);
}
