// The throughput measurement used by bench_mlp and the web builds returns consistent figures and
// leaves the shared pool as it found it.
#include <catch2/catch.hpp>

#include "core/base/thread_pool.h"
#include "core/train/throughput_benchmark.h"

TEST_CASE("MeasureMlpTraining reports samples, time and threads", "[nn]") {
  const int previous = mlp::SharedPool().threads();
  const mlp::nn::MlpSpec spec = mlp::ClassifierMlpSpec(784, 32, 10);
  const mlp::ThroughputResult result = mlp::MeasureMlpTraining(spec, 64, 1, 0.05);
  CHECK(result.threads == 1);
  CHECK(result.seconds >= 0.05);
  CHECK(result.samples > 0);
  CHECK(result.samples % 64 == 0);
  CHECK(result.samples_per_second == Approx(result.samples / result.seconds));
  CHECK(mlp::SharedPool().threads() == previous);
}
