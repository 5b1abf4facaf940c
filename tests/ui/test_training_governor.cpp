// TrainingGovernor: slow frames lower the training share, fast ones restore it; idle frames
// change nothing.
#include <catch2/catch.hpp>

#include "ui/training_governor.h"

TEST_CASE("The governor backs training off when frames are slow and restores it", "[ui][governor]") {
  mlp::ui::TrainingGovernor governor;
  CHECK(governor.share() == 1.0);
  for (int i = 0; i < 16; ++i) governor.AddFrame(33.3, true);
  const double backed_off = governor.share();
  CHECK(backed_off < 1.0);
  for (int i = 0; i < 16 * 20; ++i) governor.AddFrame(50.0, true);
  CHECK(governor.share() == Approx(0.1));  // never below the floor: training always progresses
  for (int i = 0; i < 16 * 5; ++i) governor.AddFrame(60.0, false);
  CHECK(governor.share() == Approx(0.1));  // idle frames say nothing about training's cost
  for (int i = 0; i < 16 * 40; ++i) governor.AddFrame(16.7, true);
  CHECK(governor.share() == 1.0);
}
