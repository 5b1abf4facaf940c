#include "ui/ode/ode_workspace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/base/json_writer.h"
#include "ui/panels/panel_context.h"
#include "ui/plot/plot.h"

namespace mlp::ui {

void OdeWorkspace::Reset() {
  deep::NeuralOdeModelSettings model;
  model.field.hidden_widths = {hidden_};
  model.optimizer.learning_rate = learning_rate_;
  model.batch_size = 16;
  model.batch_time = 10;
  model.max_steps = steps_;
  model.solver.rk4_step = 0.025;  // one RK4 step per observation interval of the default spiral
  OdeSpiralSettings spiral;
  spiral.cubic = cubic_ == 1;
  spiral.noise_sd = noise_;
  run_ = std::make_unique<OdeRun>(model, spiral, static_cast<uint32_t>(seed_), platform_.SupportsWorkerThreads());
}

void OdeWorkspace::Play() {
  if (!run_) Reset();
  run_->Play();
}

void OdeWorkspace::DrawControls(const Fonts& fonts, WidgetRegistry& widgets) {
  if (!lesson_title_.empty()) {
    SectionTitle(fonts, "LESSON");
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", lesson_title_.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", lesson_text_.c_str());
  }
  SectionTitle(fonts, "NEURAL ODE");
  ImGui::TextWrapped(
      "Instead of predicting the next state, a network learns the velocity dy/dt = f(y); an ODE solver turns "
      "that field into trajectories, and the training error is pushed back through every solver step. Each "
      "step fits 16 random windows of 10 observations.");
  SectionTitle(fonts, "DATA");
  const char* spirals[] = {"linear spiral: dy/dt = A y", "cubic spiral: dy/dt = A y^3"};
  ImGui::SetNextItemWidth(-1);
  if (ImGui::Combo("##spiral", &cubic_, spirals, 2)) Reset();
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderFloat("##noise", &noise_, 0.0f, 0.2f, "observation noise %.3f");
  if (ImGui::IsItemDeactivatedAfterEdit()) Reset();
  SectionTitle(fonts, "MODEL");
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderInt("##hidden", &hidden_, 4, 64, "hidden tanh units %d");
  if (ImGui::IsItemDeactivatedAfterEdit()) Reset();
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderFloat("##lr", &learning_rate_, 1e-4f, 0.1f, "Adam learning rate %.4f", ImGuiSliderFlags_Logarithmic);
  if (ImGui::IsItemDeactivatedAfterEdit()) Reset();
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderInt("##steps", &steps_, 50, 3000, "%d steps", ImGuiSliderFlags_Logarithmic);
  if (ImGui::IsItemDeactivatedAfterEdit()) Reset();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputInt("seed", &seed_)) seed_ = std::max(seed_, 0), Reset();
  const auto s = run_ ? run_->Latest() : nullptr;
  const bool running = s && s->running;
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ImGui::Button(running ? "Pause" : "Play", ImVec2(half, 0))) running ? Pause() : Play();
  widgets.RecordLastItem("ode:play");
  ImGui::SameLine();
  if (ImGui::Button("Reset", ImVec2(half, 0))) Reset();
  widgets.RecordLastItem("ode:reset");
  if (s) {
    ImGui::ProgressBar(s->max_steps ? static_cast<float>(s->steps) / static_cast<float>(s->max_steps) : 0.0f, ImVec2(-1, 0));
    ImGui::TextDisabled("step %lld · window loss %.3g", static_cast<long long>(s->steps),
                        s->loss_history.empty() ? NAN : s->loss_history.back());
    ImGui::TextDisabled("whole-series error %.3g", s->extrapolation_mse);
    if (!s->message.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kWarning), "%s", s->message.c_str());
  }
}

void OdeWorkspace::DrawViews() {
  const auto s = run_ ? run_->Latest() : nullptr;
  if (!s || s->observed.rows() == 0) {
    ImGui::TextDisabled(s && !s->message.empty() ? s->message.c_str() : "Press Play to train.");
    return;
  }
  ImGui::TextDisabled("%s", s->description.c_str());
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float top = avail.y * 0.62f;
  const float side = std::min(avail.x * 0.5f, top);
  std::vector<float> ox, oy, lx, ly, t;
  for (Eigen::Index i = 0; i < s->observed.rows(); ++i) {
    ox.push_back(static_cast<float>(s->observed(i, 0)));
    oy.push_back(static_cast<float>(s->observed(i, 1)));
    t.push_back(static_cast<float>(s->times(i)));
  }
  for (Eigen::Index i = 0; i < s->learned.rows(); ++i) {
    lx.push_back(static_cast<float>(s->learned(i, 0)));
    ly.push_back(static_cast<float>(s->learned(i, 1)));
  }
  // Phase portrait: the learned field as short arrows (length ∝ speed, scaled to the grid), the
  // observations, and the trajectory the field gives from the first observation.
  plot::PlotOptions phase;
  phase.auto_fit_x = phase.auto_fit_y = true;
  phase.equal_aspect = true;
  phase.x_label = "x";
  phase.y_label = "y";
  if (plot::BeginPlot("##ode-phase", ImVec2(side, top), phase)) {
    const deep::VectorFieldGrid& g = s->field;
    if (g.points.rows() > 0) {
      double top_speed = 1e-12;
      for (Eigen::Index i = 0; i < g.velocities.rows(); ++i) top_speed = std::max(top_speed, g.velocities.row(i).norm());
      const double cell = g.xs.size() > 1 ? g.xs(1) - g.xs(0) : 1.0;
      std::vector<float> ax, ay;
      const float nan = std::nanf("");
      for (Eigen::Index i = 0; i < g.points.rows(); ++i) {
        const double scale = 0.9 * cell / top_speed;
        const double x0 = g.points(i, 0), y0 = g.points(i, 1);
        const double dx = scale * g.velocities(i, 0), dy = scale * g.velocities(i, 1);
        const double x1 = x0 + dx, y1 = y0 + dy;
        // A two-stroke head, 30% of the arrow's length, so the direction reads at a glance.
        const double hx = 0.3 * dx, hy = 0.3 * dy;
        ax.insert(ax.end(), {float(x0), float(x1), nan, float(x1 - hx + 0.5 * hy), float(x1), float(x1 - hx - 0.5 * hy), nan});
        ay.insert(ay.end(), {float(y0), float(y1), nan, float(y1 - hy - 0.5 * hx), float(y1), float(y1 - hy + 0.5 * hx), nan});
      }
      plot::PlotLine("learned field", ax.data(), ay.data(), static_cast<int>(ax.size()), IM_COL32(150, 150, 150, 200), 1.2f);
    }
    plot::PlotScatter("observed", ox.data(), oy.data(), static_cast<int>(ox.size()), nullptr, colors::kTestCurve, 1.8f,
                      IM_COL32(0, 0, 0, 0));
    if (!lx.empty()) plot::PlotLine("learned trajectory", lx.data(), ly.data(), static_cast<int>(lx.size()), colors::kNegative, 2.0f);
    plot::EndPlot();
  }
  ImGui::SameLine();
  plot::PlotOptions series;
  series.auto_fit_x = series.auto_fit_y = true;
  series.x_label = "t";
  series.y_label = "state";
  if (plot::BeginPlot("##ode-series", ImVec2(-1, top), series)) {
    plot::PlotLine("observed x", t.data(), ox.data(), static_cast<int>(t.size()), colors::kTestCurve, 1.5f);
    plot::PlotLine("observed y", t.data(), oy.data(), static_cast<int>(t.size()), colors::kTrainCurve, 1.5f);
    if (lx.size() == t.size()) {
      plot::PlotLine("learned x", t.data(), lx.data(), static_cast<int>(t.size()), colors::kNegative, 2.0f);
      plot::PlotLine("learned y", t.data(), ly.data(), static_cast<int>(t.size()), IM_COL32(196, 64, 32, 255), 2.0f);
    }
    plot::EndPlot();
  }
  std::vector<float> steps, losses;
  for (size_t i = 0; i < s->loss_history.size(); ++i) {
    steps.push_back(static_cast<float>(i + 1));
    losses.push_back(static_cast<float>(s->loss_history[i]));
  }
  plot::PlotOptions loss;
  loss.auto_fit_x = loss.auto_fit_y = true;
  loss.log_y = true;
  loss.x_label = "step";
  loss.y_label = "window loss (MSE)";
  if (plot::BeginPlot("##ode-loss", ImVec2(-1, -1), loss)) {
    plot::PlotLine("loss", steps.data(), losses.data(), static_cast<int>(steps.size()), colors::kTrainCurve, 1.5f);
    plot::EndPlot();
  }
}

void OdeWorkspace::Draw(const Fonts& fonts, WidgetRegistry& widgets) {
  if (!run_) Reset();  // show the untrained field and the data at once
  const float scale = ImGui::GetFontSize() / 15.0f;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float left = std::clamp(available.x * 0.26f, 240.0f * scale, 380.0f * scale);
  ImGui::BeginChild("##ode-panel", ImVec2(left, available.y), true);
  DrawControls(fonts, widgets);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##ode-views", ImVec2(0, available.y), true);
  DrawViews();
  ImGui::EndChild();
}

std::string OdeWorkspace::StatusJson() const {
  const auto s = run_ ? run_->Latest() : nullptr;
  JsonWriter json;
  json.Add("steps", s ? static_cast<long long>(s->steps) : 0LL)
      .Add("maxSteps", s ? static_cast<long long>(s->max_steps) : 0LL)
      .Add("loss", s && !s->loss_history.empty() ? s->loss_history.back() : NAN)
      .Add("firstLoss", s && !s->loss_history.empty() ? s->loss_history.front() : NAN)
      .Add("extrapolationMse", s ? s->extrapolation_mse : NAN)
      .Add("running", s && s->running)
      .Add("message", s ? s->message : std::string());
  return json.Finish();
}

}  // namespace mlp::ui
