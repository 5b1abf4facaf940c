// The whole app drawn headless (ImGui without a window or GPU) while a session trains: no ImGui
// assertion fires (they are exceptions here, see below), training advances, controls respond.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <thread>

#include "harness.h"
#include "headless_platform.h"
#include "ui/app.h"

namespace {

using mlp::test::Harness;

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("The workspace draws while a session trains, in both threading modes", "[ui]") {
  for (bool worker : {true, false}) {
    INFO((worker ? "worker thread" : "frame-loop stepping"));
    Harness harness(worker);
    harness.Frame();
    REQUIRE(Contains(harness.app().StatusJson(), "\"epoch\":0"));
    harness.Click("play");
    for (int i = 0; i < 600 && !Contains(harness.app().StatusJson(), "\"epoch\":20"); ++i) {
      harness.Frame();
      if (worker) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    const std::string status = harness.app().StatusJson();
    INFO(status);
    CHECK(Contains(status, "\"running\":true"));
    CHECK_FALSE(Contains(status, "\"epoch\":0,"));
    CHECK(harness.platform().updates() > 0);
    CHECK(harness.platform().bad_calls() == 0);
  }
}

TEST_CASE("Clicking a dataset and the network buttons changes the settings", "[ui]") {
  Harness harness(true);
  harness.Frame();
  harness.Click("dataset:spiral");
  harness.Frame();
  CHECK(Contains(harness.app().StatusJson(), "dataset=spiral"));
  harness.Click("feature:sinx1");
  CHECK(Contains(harness.app().StatusJson(), "sinx1"));
  harness.Click("feature:sinx1");
  CHECK_FALSE(Contains(harness.app().StatusJson(), "sinx1"));
}

TEST_CASE("Page-API commands and settings reach the session, bad ones explain themselves", "[ui]") {
  Harness harness(false, "dataset=xor&layers=3");
  harness.Frame();
  CHECK(Contains(harness.app().StatusJson(), "dataset=xor"));
  CHECK(Contains(harness.app().StatusJson(), "layers=3&"));
  CHECK(harness.app().Command("step").ok());
  for (int i = 0; i < 5; ++i) harness.Frame();
  CHECK(Contains(harness.app().StatusJson(), "\"epoch\":1"));
  CHECK_FALSE(harness.app().Command("fly").ok());
  const mlp::Status bad = harness.app().ApplySettingsQuery("lr=banana");
  CHECK_FALSE(bad.ok());
  CHECK(Contains(bad.message(), "lr"));
  CHECK(harness.app().ApplySettingsQuery("layers=2,2&activation=relu").ok());
  harness.Frame();
  harness.Frame();
  CHECK(Contains(harness.app().StatusJson(), "layers=2,2"));
}

TEST_CASE("A bad link setting starts with defaults and says why", "[ui]") {
  Harness harness(false, "lr=-3");
  harness.Frame();
  CHECK(Contains(harness.app().StatusJson(), "Ignored the link"));
}

TEST_CASE("Divergence shows its message and keeps drawing", "[ui]") {
  Harness harness(false, "dataset=plane&features=x1,x2,x1sq,x2sq&layers=8,8&activation=relu&lr=3");
  harness.Frame();
  REQUIRE(harness.app().Command("play").ok());
  for (int i = 0; i < 400 && !Contains(harness.app().StatusJson(), "\"diverged\":true"); ++i) harness.Frame();
  const std::string status = harness.app().StatusJson();
  CHECK(Contains(status, "\"diverged\":true"));
  CHECK(Contains(status, "learning rate"));
  harness.Frame();
}

TEST_CASE("A frame stays within a vertex budget (software renderers draw every vertex)", "[ui][budget]") {
  // The widest network the controls allow, with test points shown: the heaviest frame a learner
  // can make. 1280×800 at 1× scale.
  Harness harness(false, GENERATE(as<std::string>{}, "", "dataset=spiral&samples=2000&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=8,8,8,8,8,8"));
  for (int i = 0; i < 3; ++i) harness.Frame();
  const ImDrawData* draw_data = ImGui::GetDrawData();
  const int vertices = draw_data->TotalVtxCount;
  int commands = 0;
  for (int i = 0; i < draw_data->CmdListsCount; ++i) commands += draw_data->CmdLists[i]->CmdBuffer.Size;
  std::string lists;
  for (int i = 0; i < draw_data->CmdListsCount; ++i)
    lists += " " + std::string(draw_data->CmdLists[i]->_OwnerName ? draw_data->CmdLists[i]->_OwnerName : "?") + ":" +
             std::to_string(draw_data->CmdLists[i]->VtxBuffer.Size);
  WARN("vertices per frame: " << vertices << ", draw calls: " << commands << " in " << draw_data->CmdListsCount << " lists:" << lists);
  CHECK(vertices < 120000);
}

TEST_CASE("A small embedded window keeps every control on screen", "[ui][layout]") {
  // 900×600 is a common lesson iframe; also what a 1800×1200 canvas at devicePixelRatio 2 lays out.
  Harness harness(true);
  ImGui::GetIO().DisplaySize = ImVec2(900, 600);
  for (int i = 0; i < 3; ++i) harness.Frame();
  const char* names[] = {"play", "step", "reset", "dataset:circle", "dataset:spiral", "regenerate", "feature:x1",
                         "feature:sinx2", "field:lr", "field:activation", "field:reg", "field:regRate", "field:task",
                         "field:optimizer", "field:speed"};
  for (const char* name : names) {
    INFO(name);
    const auto rect = harness.app().WidgetRect(name);
    REQUIRE(rect.has_value());
    CHECK(rect->x >= 0.0f);
    CHECK(rect->y >= 0.0f);
    CHECK(rect->x + rect->z <= 900.0f);
    CHECK(rect->y + rect->w <= 600.0f);
  }
}
