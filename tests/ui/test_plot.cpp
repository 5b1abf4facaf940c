// mlp::plot: tick placement and labels, colour maps, and headless ImGui frames that draw every
// widget, pan/zoom/reset through simulated mouse input and check the draw data is sound.
#include <catch2/catch.hpp>

#include <array>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/plot/plot.h"
#include "ui/plot/plot_internal.h"
#include "ui/plot/ticks.h"

namespace plot = mlp::plot;

namespace {

// ---- Helpers: ticks ------------------------------------------------------------------------------

// True when `step` is 1, 2 or 5 times a power of ten.
bool IsOneTwoFive(double step) {
  const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (std::fabs(mantissa - m) < 1e-4 * m) return true;
  return false;
}

void CheckTicks(double lo, double hi, int target) {
  INFO("range [" << lo << ", " << hi << "] target " << target);
  const std::vector<double> t = plot::NiceTicks(lo, hi, target);
  REQUIRE(t.size() >= 2);
  const double step = plot::detail::NiceStep(lo, hi, target);
  REQUIRE(step > 0.0);
  CHECK(t[1] - t[0] == Approx(step).epsilon(1e-4));
  CHECK(IsOneTwoFive(step));
  for (std::size_t i = 0; i < t.size(); ++i) {
    CHECK(t[i] >= lo);
    CHECK(t[i] <= hi);
    // Multiples of the step, up to the rounding of values many steps away from zero.
    const double q = t[i] / step;
    CHECK(std::fabs(q - std::round(q)) < 1e-6 + 1e-13 * std::fabs(q));
    if (i > 0) CHECK(std::fabs((t[i] - t[i - 1]) - step) <= 1e-4 * step);
  }
  // The ticks span the range: no gap of a whole step at either end.
  CHECK(t.front() - lo < step * (1 + 1e-9));
  CHECK(hi - t.back() < step * (1 + 1e-9));
  CHECK(static_cast<double>(t.size()) >= target / 2.0);
  CHECK(static_cast<double>(t.size()) <= target * 2.0 + 1.0);
}

std::vector<std::string> Labels(const std::vector<plot::detail::Tick>& ticks, bool labelled_only = true) {
  std::vector<std::string> out;
  for (const auto& t : ticks)
    if (t.labelled || !labelled_only) out.emplace_back(t.label);
  return out;
}

std::string TickLabel(double value, double step) {
  char buf[32];
  plot::detail::FormatTick(value, step, buf, sizeof(buf));
  return buf;
}

std::string Value(double value) {
  char buf[32];
  plot::detail::FormatValue(value, buf, sizeof(buf));
  return buf;
}

// ---- Helpers: colours ----------------------------------------------------------------------------

struct Rgba {
  int r, g, b, a;
};
Rgba Unpack(ImU32 c) {
  return {static_cast<int>(c & 0xFF), static_cast<int>((c >> 8) & 0xFF), static_cast<int>((c >> 16) & 0xFF),
          static_cast<int>(c >> 24)};
}
bool Near(ImU32 c, int r, int g, int b, int tolerance = 1) {
  const Rgba u = Unpack(c);
  return std::abs(u.r - r) <= tolerance && std::abs(u.g - g) <= tolerance && std::abs(u.b - b) <= tolerance &&
         u.a == 255;
}
float Luminance(ImU32 c) {
  const Rgba u = Unpack(c);
  return 0.2126f * u.r + 0.7152f * u.g + 0.0722f * u.b;
}

// ---- Helpers: headless ImGui ---------------------------------------------------------------------

// An ImGui context with a fake 1280x800 display, the app's font and no ini file.
class Headless {
 public:
  Headless() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    if (std::FILE* f = std::fopen(MLP_UI_FONT, "rb")) {
      std::fclose(f);
      io.Fonts->AddFontFromFileTTF(MLP_UI_FONT, 15.0f);
    } else {
      io.Fonts->AddFontDefault();
    }
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    plot::ForgetPlotViews();
    asserts_before_ = mlp::ui::ImGuiAssertFailures();
  }
  ~Headless() {
    plot::ForgetPlotViews();
    ImGui::DestroyContext();
  }

  // One frame: `body` runs inside a 1280x800 window named "plots".
  void Frame(const std::function<void()>& body) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(1280, 800), ImGuiCond_FirstUseEver);
    ImGui::Begin("plots", nullptr, ImGuiWindowFlags_NoSavedSettings);
    window_pos_ = ImGui::GetWindowPos();
    body();
    ImGui::End();
    ImGui::Render();
    CheckDrawData();
  }

  ImVec2 window_pos() const { return window_pos_; }

 private:
  // Every index points at a vertex, every vertex is finite, and without large-mesh support no list
  // outgrows 16-bit indices; ImGui's own assertions (reported, not fatal, in this build) stay silent.
  void CheckDrawData() const {
    const ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data != nullptr);
    REQUIRE(data->TotalVtxCount > 0);
    for (int n = 0; n < data->CmdListsCount; ++n) {
      const ImDrawList* list = data->CmdLists[n];
      if (sizeof(ImDrawIdx) == 2 && !(list->Flags & ImDrawListFlags_AllowVtxOffset))
        REQUIRE(list->VtxBuffer.Size <= 65536);
      bool finite = true, indices_ok = true;
      for (const ImDrawVert& v : list->VtxBuffer) finite = finite && std::isfinite(v.pos.x) && std::isfinite(v.pos.y);
      for (const ImDrawCmd& cmd : list->CmdBuffer)
        for (unsigned int i = 0; i < cmd.ElemCount; ++i)
          indices_ok = indices_ok && cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + i] < (unsigned)list->VtxBuffer.Size;
      REQUIRE(finite);
      REQUIRE(indices_ok);
    }
    REQUIRE(mlp::ui::ImGuiAssertFailures() == asserts_before_);
  }

  int asserts_before_ = 0;
  ImVec2 window_pos_;
};

// Triangles (three screen positions each) that `draw` adds to the current window.
std::vector<std::array<ImVec2, 3>> TrianglesOf(const std::function<void()>& draw) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int first_index = dl->IdxBuffer.Size;
  draw();
  std::vector<std::array<ImVec2, 3>> out;
  const unsigned int vtx_offset = dl->CmdBuffer.back().VtxOffset;  // one vertex window in these tests
  for (int i = first_index; i + 2 < dl->IdxBuffer.Size; i += 3)
    out.push_back({dl->VtxBuffer[vtx_offset + dl->IdxBuffer[i]].pos, dl->VtxBuffer[vtx_offset + dl->IdxBuffer[i + 1]].pos,
                   dl->VtxBuffer[vtx_offset + dl->IdxBuffer[i + 2]].pos});
  return out;
}

double Span(plot::Range r) { return r.max - r.min; }

}  // namespace

// ---- Ticks ---------------------------------------------------------------------------------------

TEST_CASE("NiceTicks picks 1-2-5 steps that span the range", "[plot]") {
  CHECK(plot::NiceTicks(0.0, 1.0, 5) == std::vector<double>{0.0, 0.2, 0.4, 0.6, 0.8, 1.0});
  const double ranges[][2] = {{0, 1},       {-1, 1},          {0.13, 0.97},      {-7.3, 123.4},   {0, 100000},
                              {1e-9, 3e-9}, {1000.1, 1000.5}, {-1e12, 3e12},     {-1e300, 1e300}, {1, 1 + 1e-9},
                              {0.5, 2e-3},  {-2e-7, -1e-7},   {3.14159, 3.1416}, {0, 37}};
  for (const auto& r : ranges)
    for (int target : {2, 5, 8, 12}) CheckTicks(std::min(r[0], r[1]), std::max(r[0], r[1]), target);
}

TEST_CASE("NiceTicks handles reversed, degenerate and hostile input without hanging", "[plot]") {
  CHECK(plot::NiceTicks(1.0, 0.0, 5) == plot::NiceTicks(0.0, 1.0, 5));
  CHECK(plot::NiceTicks(3.0, 3.0, 5) == std::vector<double>{3.0});
  CHECK(plot::NiceTicks(0.0, 0.0, 5) == std::vector<double>{0.0});
  CHECK(plot::NiceTicks(1e15, 1e15 + 0.5, 5).size() == 1);  // narrower than double precision
  CHECK(plot::NiceTicks(std::nan(""), 1.0, 5).empty());
  CHECK(plot::NiceTicks(0.0, std::numeric_limits<double>::infinity(), 5).empty());
  CHECK(plot::NiceTicks(-DBL_MAX, DBL_MAX, 5).size() >= 2);
  CHECK(plot::NiceTicks(0.0, 1.0, 0).size() >= 1);
  CHECK(plot::NiceTicks(0.0, 1.0, -4).size() >= 1);
  CHECK(plot::NiceTicks(0.0, 1.0, 1 << 30).size() <= 1001);
  CHECK(plot::NiceTicks(DBL_MIN, 2 * DBL_MIN, 5).size() >= 1);
}

TEST_CASE("Tick labels are compact, distinct and never -0", "[plot]") {
  using plot::detail::LinearTicks;
  using plot::detail::Tick;
  std::vector<Tick> ticks;
  LinearTicks(-1.0, 1.0, 5, &ticks);
  CHECK(Labels(ticks) == std::vector<std::string>{"-1", "-0.5", "0", "0.5", "1"});
  LinearTicks(0.0, 1.0, 5, &ticks);
  CHECK(Labels(ticks) == std::vector<std::string>{"0", "0.2", "0.4", "0.6", "0.8", "1"});
  LinearTicks(0.0, 3e6, 4, &ticks);
  CHECK(Labels(ticks) == std::vector<std::string>{"0", "1e6", "2e6", "3e6"});
  LinearTicks(1000.1, 1000.5, 5, &ticks);
  const std::vector<std::string> fine = Labels(ticks);
  REQUIRE(fine.size() >= 3);
  for (std::size_t i = 1; i < fine.size(); ++i) CHECK(fine[i] != fine[i - 1]);
  CHECK(fine.front() == "1000.1");

  CHECK(TickLabel(0.1 + 0.2 - 0.3, 0.1) == "0");
  CHECK(TickLabel(-1e-17, 0.5) == "0");
  CHECK(TickLabel(2.5e-5, 5e-6) == "2.5e-5");
  CHECK(TickLabel(-0.25, 0.05) == "-0.25");
  CHECK(Value(-0.0) == "0");
  CHECK(Value(-1e-300) == "-1e-300");
  CHECK(Value(0.123456) == "0.1235");
  CHECK(Value(12345.6) == "12346");
  CHECK(Value(1.2e-5) == "1.2e-5");
  CHECK(Value(3e7) == "3e7");
  CHECK(Value(2.0) == "2");
  CHECK(Value(std::nan("")) == "nan");
}

TEST_CASE("Log ticks label decades, add minor ticks and fall back to linear inside a decade", "[plot]") {
  using plot::detail::LogTicks;
  std::vector<plot::detail::Tick> ticks;
  LogTicks(0.01, 100.0, 8, &ticks);
  CHECK(Labels(ticks) == std::vector<std::string>{"0.01", "0.1", "1", "10", "100"});
  CHECK(ticks.size() == 5 + 4 * 8);  // 2..9 in each of the four decades
  LogTicks(1e-8, 1e8, 6, &ticks);
  const auto wide = Labels(ticks);
  CHECK(wide.size() >= 3);
  CHECK(wide.size() <= 9);
  CHECK(wide.front() == "1e-6");  // every third decade: 1e-6, 1e-3, 1, 1000, 1e6
  CHECK(wide.size() == 5);
  LogTicks(0.05, 0.8, 10, &ticks);  // 1.2 decades, room for 1-2-5 labels
  CHECK(Labels(ticks) == std::vector<std::string>{"0.05", "0.1", "0.2", "0.5"});
  LogTicks(0.02, 0.75, 2, &ticks);  // one decade mark in view: the 5s keep two or more labels
  CHECK(Labels(ticks) == std::vector<std::string>{"0.05", "0.1", "0.5"});
  LogTicks(2.0, 8.0, 5, &ticks);
  CHECK(Labels(ticks).size() >= 3);  // linear labels inside one decade
  LogTicks(-1.0, 10.0, 5, &ticks);
  CHECK(ticks.empty());
}

// ---- Colour maps -------------------------------------------------------------------------------

TEST_CASE("Colour maps hit their published endpoints and mid-points", "[plot]") {
  using plot::Colormap;
  CHECK(Near(plot::SampleColormap(Colormap::kDiverging, 0.0f), 0xf5, 0x93, 0x22));
  CHECK(Near(plot::SampleColormap(Colormap::kDiverging, 0.5f), 0xe8, 0xea, 0xeb));
  CHECK(Near(plot::SampleColormap(Colormap::kDiverging, 1.0f), 0x08, 0x77, 0xbd));
  CHECK(Near(plot::SampleColormap(Colormap::kViridis, 0.0f), 68, 1, 84));
  CHECK(Near(plot::SampleColormap(Colormap::kViridis, 0.5f), 33, 145, 140, 2));  // matplotlib: #21918c
  CHECK(Near(plot::SampleColormap(Colormap::kViridis, 1.0f), 253, 231, 37));
  CHECK(Near(plot::SampleColormap(Colormap::kBlues, 0.0f), 247, 251, 255));
  CHECK(Near(plot::SampleColormap(Colormap::kBlues, 0.5f), 107, 174, 214));
  CHECK(Near(plot::SampleColormap(Colormap::kBlues, 1.0f), 8, 48, 107));
  for (Colormap map : {Colormap::kDiverging, Colormap::kViridis, Colormap::kBlues}) {
    CHECK(plot::SampleColormap(map, -3.0f) == plot::SampleColormap(map, 0.0f));
    CHECK(plot::SampleColormap(map, 7.0f) == plot::SampleColormap(map, 1.0f));
    CHECK((plot::SampleColormap(map, std::nanf("")) >> 24) == 0u);
  }
  // Sequential maps must read as ordered: lightness changes monotonically.
  for (int i = 1; i <= 64; ++i) {
    const float a = (i - 1) / 64.0f, b = i / 64.0f;
    CHECK(Luminance(plot::SampleColormap(Colormap::kViridis, b)) > Luminance(plot::SampleColormap(Colormap::kViridis, a)));
    CHECK(Luminance(plot::SampleColormap(Colormap::kBlues, b)) < Luminance(plot::SampleColormap(Colormap::kBlues, a)));
  }
}

TEST_CASE("FillColormapRGBA clamps, writes IM_COL32 byte order and makes NaN transparent", "[plot]") {
  const float values[] = {-5.0f, -1.0f, 0.0f, 1.0f, 9.0f, std::nanf("")};
  uint32_t texels[6] = {};
  plot::FillColormapRGBA(plot::Colormap::kDiverging, values, 6, -1.0f, 1.0f, texels);
  const ImU32 low = plot::SampleColormap(plot::Colormap::kDiverging, 0.0f);
  const ImU32 high = plot::SampleColormap(plot::Colormap::kDiverging, 1.0f);
  CHECK(texels[0] == low);
  CHECK(texels[1] == low);
  CHECK(Near(texels[2], 0xe8, 0xea, 0xeb, 2));
  CHECK(texels[3] == high);
  CHECK(texels[4] == high);
  CHECK((texels[5] >> 24) == 0u);
  unsigned char bytes[4];
  std::memcpy(bytes, &texels[0], 4);  // what glTexImage2D(GL_RGBA, GL_UNSIGNED_BYTE) reads
  CHECK(bytes[0] == 0xf5);
  CHECK(bytes[1] == 0x93);
  CHECK(bytes[2] == 0x22);
  CHECK(bytes[3] == 0xff);
  const float flat[] = {3.0f};
  plot::FillColormapRGBA(plot::Colormap::kBlues, flat, 1, 3.0f, 3.0f, texels);  // vmin == vmax
  CHECK(Near(texels[0], 107, 174, 214, 2));
}

TEST_CASE("Grid row 0 is the top of the data rectangle", "[plot]") {
  int row = -1, col = -1;
  const plot::Range x{0, 4}, y{-1, 1};
  REQUIRE(plot::detail::GridCellAt(x, y, 2, 4, 0.5, 0.9, &row, &col));
  CHECK(row == 0);
  CHECK(col == 0);
  REQUIRE(plot::detail::GridCellAt(x, y, 2, 4, 3.9, -0.9, &row, &col));
  CHECK(row == 1);
  CHECK(col == 3);
  REQUIRE(plot::detail::GridCellAt(x, y, 2, 4, 4.0, -1.0, &row, &col));  // the far edge is inside
  CHECK(row == 1);
  CHECK(col == 3);
  CHECK_FALSE(plot::detail::GridCellAt(x, y, 2, 4, 4.5, 0.0, &row, &col));
}

// ---- Headless frames ---------------------------------------------------------------------------

TEST_CASE("Every widget draws sound geometry headless, including 100k points and NaN gaps", "[plot]") {
  Headless ui;
  const int kBig = 100000;
  std::vector<float> bx(kBig), by(kBig);
  for (int i = 0; i < kBig; ++i) {
    bx[i] = static_cast<float>(i);
    by[i] = std::exp(-i / 30000.0f) + 0.05f * std::sin(i * 1.7f);  // a noisy, decaying loss
  }
  const float gx[] = {0, 1, 2, 3, 4}, gy[] = {0, 0, std::nanf(""), 0, 0};
  const float wx[] = {0, 1, 2}, wy[] = {0.5f, 1e6f, -0.5f};  // leaves the view far above
  std::vector<float> sx, sy;
  std::vector<ImU32> sc;
  for (int i = 0; i < 300; ++i) {
    sx.push_back(std::cos(i * 0.37f) * (i / 300.0f));
    sy.push_back(std::sin(i * 0.37f) * (i / 300.0f));
    sc.push_back(plot::PaletteColor(i % 2));
  }
  std::vector<float> grid(40 * 40);
  for (int r = 0; r < 40; ++r)
    for (int c = 0; c < 40; ++c) grid[r * 40 + c] = std::sin(r * 0.2f) * std::cos(c * 0.15f);

  for (int frame = 0; frame < 4; ++frame) {
    ui.Frame([&] {
      plot::PlotOptions lines;
      lines.x_label = "step";
      lines.y_label = "loss";
      lines.auto_fit_x = lines.auto_fit_y = true;
      REQUIRE(plot::BeginPlot("##lines", ImVec2(600, 300), lines));
      const plot::PlotView view = plot::GetPlotView();
      const float width = view.plot_max.x - view.plot_min.x;
      const auto big = TrianglesOf([&] { plot::PlotLine("noisy", bx.data(), by.data(), kBig, plot::PaletteColor(0)); });
      CHECK(!big.empty());
      CHECK(big.size() < 12 * width);  // bounded by pixels, not by the 100k points
      plot::EndPlot();
      ImGui::SameLine();

      plot::PlotOptions gaps;
      gaps.x = {0, 4};
      gaps.y = {-1, 1};
      REQUIRE(plot::BeginPlot("##gaps", ImVec2(400, 200), gaps));
      const auto gap = TrianglesOf([&] { plot::PlotLine("gap", gx, gy, 5, plot::PaletteColor(1), 2.0f); });
      const auto wild = TrianglesOf([&] { plot::PlotLine("wild", wx, wy, 3, plot::PaletteColor(2), 2.0f); });
      const plot::PlotView gv = plot::GetPlotView();
      plot::EndPlot();
      const float scale = (gv.plot_max.x - gv.plot_min.x) / 4.0f;
      CHECK(!gap.empty());
      for (const auto& tri : gap) {  // no triangle bridges the NaN at x = 2
        float lo = FLT_MAX, hi = -FLT_MAX;
        for (const ImVec2& v : tri) {
          lo = std::min(lo, (v.x - gv.plot_min.x) / scale);
          hi = std::max(hi, (v.x - gv.plot_min.x) / scale);
        }
        CHECK_FALSE((lo < 1.5f && hi > 2.5f));
      }
      CHECK(!wild.empty());
      for (const auto& tri : wild)  // clipped to the plot, not sent a million pixels away
        for (const ImVec2& v : tri) {
          CHECK(v.y > gv.plot_min.y - 10.0f);
          CHECK(v.y < gv.plot_max.y + 10.0f);
        }

      plot::PlotOptions field;
      field.x = field.y = {-1, 1};
      field.equal_aspect = true;
      REQUIRE(plot::BeginPlot("##field", ImVec2(420, 300), field));
      plot::PlotHeatmap("##heat", grid.data(), 40, 40, {-1, 0}, {-1, 1}, plot::Colormap::kDiverging, -1, 1);
      plot::PlotImage("##image", reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)), {0, 1}, {-1, 1}, grid.data(),
                      40, 40);
      plot::PlotScatter("points", sx.data(), sy.data(), 300, sc.data(), plot::PaletteColor(0));
      const plot::PlotView fv = plot::GetPlotView();
      plot::EndPlot();
      const double ux = Span(fv.x) / (fv.plot_max.x - fv.plot_min.x);
      const double uy = Span(fv.y) / (fv.plot_max.y - fv.plot_min.y);
      CHECK(ux == Approx(uy).epsilon(1e-6));  // equal aspect
      ImGui::SameLine();
      plot::ColorBar("##bar", plot::Colormap::kDiverging, -1.0f, 1.0f, ImVec2(0, 300), "P(blue)");
      ImGui::SameLine();

      plot::PlotOptions logs;
      logs.log_y = true;
      logs.auto_fit_x = logs.auto_fit_y = true;
      REQUIRE(plot::BeginPlot("##log", ImVec2(400, 200), logs));
      plot::PlotLine("loss", bx.data(), by.data(), 2000, plot::PaletteColor(3));
      plot::EndPlot();
      for (int i = 0; i < 3; ++i) {
        ImGui::PushID(i);
        plot::Thumbnail("##thumb", reinterpret_cast<ImTextureID>(static_cast<intptr_t>(2)), ImVec2(0, 0), i == 1);
        ImGui::PopID();
        ImGui::SameLine();
      }
      ImGui::NewLine();
    });
  }
}

TEST_CASE("Auto-fit follows the data until the user pans, legend clicks hide items", "[plot]") {
  Headless ui;
  const float xs[] = {0, 1, 2, 3}, small[] = {0, 1, 0.5f, 0.2f}, big[] = {0, 100, 50, 20};
  plot::PlotView view;
  auto draw = [&] {
    plot::PlotOptions o;
    o.auto_fit_x = o.auto_fit_y = true;
    REQUIRE(plot::BeginPlot("##fit", ImVec2(500, 300), o));
    plot::PlotLine("small", xs, small, 4, plot::PaletteColor(0));
    plot::PlotLine("big", xs, big, 4, plot::PaletteColor(1));
    plot::EndPlot();
    view = plot::GetPlotView();
  };
  for (int i = 0; i < 3; ++i) ui.Frame(draw);
  CHECK(view.x.min == Approx(0.0));
  CHECK(view.x.max == Approx(3.0));
  CHECK(view.y.min < 0.0);
  CHECK(view.y.max > 100.0);
  CHECK(view.y.max < 110.0);

  // Click the second legend entry ("big"): rows start 0.9 font heights below the plot top.
  ImGuiIO& io = ImGui::GetIO();
  const float font = 15.0f;
  io.MousePos = ImVec2(view.plot_max.x - 1.5f * font, view.plot_min.y + 0.9f * font + 1.25f * font + 0.5f * font);
  ui.Frame(draw);
  io.MouseDown[0] = true;
  ui.Frame(draw);
  io.MouseDown[0] = false;
  for (int i = 0; i < 3; ++i) ui.Frame(draw);
  CHECK(view.y.max < 2.0);  // only "small" is fitted now
  CHECK_FALSE(view.user_changed);
}

TEST_CASE("Auto-fit of a single point keeps the initial range when it contains the point", "[plot]") {
  Headless ui;
  const float x0[] = {0.0f}, y0[] = {0.69f}, x5[] = {5.0f};
  plot::PlotView inside, outside;
  for (int i = 0; i < 3; ++i)
    ui.Frame([&] {
      plot::PlotOptions o;
      o.auto_fit_x = o.auto_fit_y = true;
      REQUIRE(plot::BeginPlot("##one", ImVec2(300, 200), o));
      plot::PlotLine("loss", x0, y0, 1, plot::PaletteColor(0));
      plot::EndPlot();
      inside = plot::GetPlotView();
      REQUIRE(plot::BeginPlot("##far", ImVec2(300, 200), o));
      plot::PlotLine("loss", x5, y0, 1, plot::PaletteColor(0));
      plot::EndPlot();
      outside = plot::GetPlotView();
    });
  CHECK(inside.x.min == 0.0);
  CHECK(inside.x.max == 1.0);
  CHECK(inside.y.min == 0.0);
  CHECK(inside.y.max == 1.0);
  CHECK(outside.x.min == Approx(4.5));
  CHECK(outside.x.max == Approx(5.5));
}

TEST_CASE("Dragging pans, the wheel zooms around the cursor, double-click resets", "[plot]") {
  Headless ui;
  const float xs[] = {0, 5, 10}, ys[] = {-1, 1, 0};
  plot::PlotView view;
  bool tooltip = false;
  auto draw = [&] {
    plot::PlotOptions o;
    o.x = {0, 10};
    o.y = {-1, 1};
    REQUIRE(plot::BeginPlot("##view", ImVec2(600, 400), o));
    plot::PlotLine("curve", xs, ys, 3, plot::PaletteColor(0));
    plot::EndPlot();
    view = plot::GetPlotView();
  };
  auto frame = [&] {
    ui.Frame(draw);
    ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
    tooltip = tip && tip->Active;
  };
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  frame();
  const plot::PlotView start = view;
  const ImVec2 centre((view.plot_min.x + view.plot_max.x) / 2, (view.plot_min.y + view.plot_max.y) / 2);
  const ImVec2 window_before = ui.window_pos();

  io.MousePos = centre;
  frame();
  CHECK(view.hovered);
  CHECK(tooltip);  // the hover read-out
  CHECK(view.mouse_x == Approx(5.0).margin(0.05));

  // Drag right by 120 px and down by 60 px: the data follows the cursor.
  io.MouseDown[0] = true;
  frame();
  io.MousePos = ImVec2(centre.x + 60, centre.y + 30);
  frame();
  io.MousePos = ImVec2(centre.x + 120, centre.y + 60);
  frame();
  CHECK_FALSE(tooltip);  // no read-out while dragging
  io.MouseDown[0] = false;
  frame();
  const double px_per_x = (start.plot_max.x - start.plot_min.x) / Span(start.x);
  const double px_per_y = (start.plot_max.y - start.plot_min.y) / Span(start.y);
  CHECK(view.x.min == Approx(start.x.min - 120 / px_per_x).margin(0.02));
  CHECK(view.y.min == Approx(start.y.min + 60 / px_per_y).margin(0.02));
  CHECK(Span(view.x) == Approx(Span(start.x)));
  CHECK(view.user_changed);
  CHECK(ui.window_pos().x == window_before.x);  // the drag belonged to the plot, not the window
  CHECK(ui.window_pos().y == window_before.y);

  // Wheel up two notches: the spans shrink and the point under the cursor stays put.
  frame();
  const plot::PlotView before_zoom = view;
  io.MouseWheel = 2.0f;
  frame();
  io.MouseWheel = 0.0f;
  frame();
  CHECK(Span(view.x) < Span(before_zoom.x) * 0.8);
  CHECK(Span(view.y) < Span(before_zoom.y) * 0.8);
  CHECK(view.mouse_x == Approx(before_zoom.mouse_x).margin(1e-3));
  CHECK(view.mouse_y == Approx(before_zoom.mouse_y).margin(1e-3));

  // Wheel over the x axis (below the plot) zooms x only.
  const plot::PlotView before_axis_zoom = view;
  io.MousePos = ImVec2(centre.x, view.plot_max.y + 10);
  frame();
  io.MouseWheel = -1.0f;
  frame();
  io.MouseWheel = 0.0f;
  CHECK(Span(view.x) > Span(before_axis_zoom.x) * 1.1);
  CHECK(Span(view.y) == Approx(Span(before_axis_zoom.y)));

  // Double-click restores the initial view.
  io.MousePos = centre;
  frame();
  io.MouseDown[0] = true;
  frame();
  io.MouseDown[0] = false;
  frame();
  io.MouseDown[0] = true;
  frame();
  io.MouseDown[0] = false;
  frame();
  CHECK(view.x.min == Approx(0.0));
  CHECK(view.x.max == Approx(10.0));
  CHECK(view.y.min == Approx(-1.0));
  CHECK(view.y.max == Approx(1.0));
  CHECK_FALSE(view.user_changed);
}

TEST_CASE("Log axes skip values <= 0, SetNextPlotView sets the view, margins scale with the font", "[plot]") {
  Headless ui;
  const float xs[] = {0, 1, 2, 3}, ys[] = {-1.0f, 0.0f, 0.01f, 10.0f};
  plot::PlotView log_view, forced;
  float left_margin[2] = {0, 0};
  for (int pass = 0; pass < 2; ++pass) {
    ImGui::GetIO().FontGlobalScale = pass == 0 ? 1.0f : 2.0f;  // what a high-DPI screen does to fonts
    for (int i = 0; i < 3; ++i)
      ui.Frame([&] {
        plot::PlotOptions o;
        o.log_y = true;
        o.auto_fit_y = true;
        o.y_label = "loss";
        const float frame_left = ImGui::GetCursorScreenPos().x;
        REQUIRE(plot::BeginPlot("##log", ImVec2(500, 300), o));
        plot::PlotLine("loss", xs, ys, 4, plot::PaletteColor(0));
        plot::EndPlot();
        log_view = plot::GetPlotView();
        left_margin[pass] = log_view.plot_min.x - frame_left;
        if (i == 2) plot::SetNextPlotView({2, 3}, {-5, 5});
        REQUIRE(plot::BeginPlot("##forced", ImVec2(300, 200), plot::PlotOptions{}));
        plot::EndPlot();
        forced = plot::GetPlotView();
      });
  }
  CHECK(log_view.y.min > 0.0);
  CHECK(log_view.y.min < 0.01);
  CHECK(log_view.y.max > 10.0);
  CHECK(forced.x.min == 2.0);
  CHECK(forced.x.max == 3.0);
  CHECK(forced.y.min == -5.0);
  CHECK(forced.user_changed);
  CHECK(left_margin[1] / left_margin[0] > 1.6f);
  CHECK(left_margin[1] / left_margin[0] < 2.4f);
}

TEST_CASE("Heatmaps read row-major and column-major grids alike, row 0 at the top", "[plot]") {
  Headless ui;
  const float row_major[] = {0, 1, 2, 3, 4, 5};  // 2 rows x 3 cols
  const float col_major[] = {0, 3, 1, 4, 2, 5};  // the same matrix stored by columns
  struct Vertex {
    ImVec2 pos;
    ImU32 col;
  };
  auto vertices_of = [](const std::function<void()>& draw) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int before = dl->VtxBuffer.Size;
    draw();
    std::vector<Vertex> out;
    for (int i = before; i < dl->VtxBuffer.Size; ++i) out.push_back({dl->VtxBuffer[i].pos, dl->VtxBuffer[i].col});
    return out;
  };
  std::vector<Vertex> a, b;
  plot::PlotView view;
  ui.Frame([&] {
    plot::PlotOptions o;
    o.x = {0, 3};
    o.y = {0, 2};
    REQUIRE(plot::BeginPlot("##heat", ImVec2(400, 300), o));
    a = vertices_of([&] { plot::PlotHeatmap("##r", row_major, 2, 3, {0, 3}, {0, 2}, plot::Colormap::kViridis, 0, 5); });
    b = vertices_of([&] { plot::PlotHeatmap("##c", col_major, 2, 3, {0, 3}, {0, 2}, plot::Colormap::kViridis, 0, 5, true); });
    plot::EndPlot();
    view = plot::GetPlotView();
  });
  REQUIRE(a.size() == 6 * 4);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].col == b[i].col);
    CHECK(a[i].pos.x == b[i].pos.x);
    CHECK(a[i].pos.y == b[i].pos.y);
  }
  // Value 0 (row 0, col 0) is the top-left cell; value 5 the bottom-right one.
  const float mid_y = 0.5f * (view.plot_min.y + view.plot_max.y);
  const float third_x = view.plot_min.x + (view.plot_max.x - view.plot_min.x) / 3.0f;
  int lows = 0, highs = 0;
  for (const Vertex& v : a) {
    if (v.col == plot::SampleColormap(plot::Colormap::kViridis, 0.0f)) {
      ++lows;
      CHECK(v.pos.y <= mid_y + 1.0f);
      CHECK(v.pos.x <= third_x + 1.0f);
    }
    if (v.col == plot::SampleColormap(plot::Colormap::kViridis, 1.0f)) {
      ++highs;
      CHECK(v.pos.y >= mid_y - 1.0f);
      CHECK(v.pos.x >= 2.0f * third_x - view.plot_min.x - 1.0f);
    }
  }
  CHECK(lows == 4);
  CHECK(highs == 4);
}
