// Test runner for the headless UI tests (ImGui frames without a window or GPU).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
