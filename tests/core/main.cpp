// Test runner for the core tests. Catch2 prints the random seed it uses (--rng-seed), so a
// failing run can be replayed from its log line; our own tests seed mlp::Rng explicitly.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdio>

int main(int argc, char* argv[]) {
  Catch::Session session;
  if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
  std::printf("core_tests: Catch2 rng seed %u (replay with --rng-seed %u)\n",
              session.config().rngSeed(), session.config().rngSeed());
  return session.run();
}
