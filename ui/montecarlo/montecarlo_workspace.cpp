#include "ui/montecarlo/montecarlo_workspace.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/base/json_writer.h"
#include "ui/panels/panel_context.h"
#include "ui/panels/widgets.h"
#include "ui/plot/plot.h"

namespace mlp::ui {
namespace {

constexpr int kBins = 40;
const ImU32 kKappaColors[3] = {IM_COL32(245, 147, 34, 255), IM_COL32(90, 90, 90, 255), IM_COL32(8, 119, 189, 255)};

ImU32 Translucent(ImU32 color) { return (color & ~IM_COL32_A_MASK) | (90u << IM_COL32_A_SHIFT); }

}  // namespace

MonteCarloWorkspace::MonteCarloWorkspace(Platform& platform) : platform_(platform) {
  study_settings_.toys = 100;
}

void MonteCarloWorkspace::Simulate() {
  pending_ = std::make_shared<Experiment>();
  pending_->kappa = kappa_;
  pending_->seed = static_cast<uint32_t>(seed_);
  job_.Start([out = pending_, events = events_](JobProgress&) {
    MuonPairSettings settings;
    settings.kappa = out->kappa;
    settings.events = events;
    settings.seed = out->seed;
    auto sample = SampleMuonCosTheta(settings);
    if (!sample.ok()) {
      out->message = sample.status().message();
      return;
    }
    out->cos_theta = std::move(sample).value();
    auto fit = FitKappaMaximumLikelihood(out->cos_theta);
    if (fit.ok()) out->fit = fit.value();
    else out->message = fit.status().message();
  });
}

void MonteCarloWorkspace::RunStudy() {
  study_ = std::make_unique<KappaRun>(study_settings_, platform_.SupportsWorkerThreads());
  study_->Play();
  ShowStudy();
}

void MonteCarloWorkspace::Update(double budget_ms) {
  if (job_.Poll() && pending_) experiment_ = std::move(pending_);
  if (study_) study_->StepFor(budget_ms);
}

void MonteCarloWorkspace::DrawControls(const Fonts& fonts, WidgetRegistry& widgets) {
  if (!lesson_title_.empty()) {
    SectionTitle(fonts, "LESSON");
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", lesson_title_.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", lesson_text_.c_str());
  }
  SectionTitle(fonts, "THE MUON ASYMMETRY");
  ImGui::TextWrapped(
      "Near the Z boson the angle between the incoming positron and the outgoing muon follows "
      "(1 + cos²θ) + κ·cos θ. Events are drawn by accept-reject: propose cos θ uniformly, keep it with "
      "probability proportional to the density. κ is then found by maximising the likelihood of the sample; "
      "its error is one over the square root of the curvature there.");
  SectionTitle(fonts, "ONE EXPERIMENT");
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderFloat("##kappa", &kappa_, -0.3f, 0.3f, "true kappa %.3f");
  widgets.RecordLastItem("montecarlo:kappa");
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderInt("##events", &events_, 100, 300000, "%d events", ImGuiSliderFlags_Logarithmic);
  ImGui::SetNextItemWidth(-1);
  ImGui::InputInt("seed", &seed_);
  seed_ = std::max(seed_, 0);
  if (ImGui::Button("Simulate and fit", ImVec2(-1, 0))) {
    Simulate();
    view_ = View::kExperiment, select_view_ = true;
  }
  widgets.RecordLastItem("montecarlo:simulate");

  SectionTitle(fonts, "TOY EXPERIMENTS");
  ImGui::TextWrapped("Repeat the experiment many times for kappa = -0.07, 0 and +0.07 with each era's number of "
                     "events, and see how far apart the fitted values land.");
  ImGui::SetNextItemWidth(-1);
  ImGui::SliderInt("##toys", &study_settings_.toys, 10, 1000, "%d toys per case", ImGuiSliderFlags_Logarithmic);
  for (size_t s = 0; s < kLuminosityScenarios.size(); ++s) {
    bool on = study_settings_.scenarios[s];
    char label[96];
    std::snprintf(label, sizeof label, "%s##scenario%zu", std::string(kLuminosityScenarios[s].name).c_str(), s);
    if (ImGui::Checkbox(label, &on)) study_settings_.scenarios[s] = on;
  }
  ImGui::Checkbox("upper event count of each era", &study_settings_.high_event_count);
  const auto snapshot = study_ ? study_->Latest() : nullptr;
  const bool running = snapshot && snapshot->running;
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (ImGui::Button(running ? "Pause" : (snapshot && snapshot->done < snapshot->total && snapshot->done > 0) ? "Continue" : "Run toys",
                    ImVec2(half, 0))) {
    if (running) study_->Pause();
    else if (snapshot && snapshot->done < snapshot->total && snapshot->done > 0) study_->Play(), ShowStudy();
    else RunStudy();
  }
  widgets.RecordLastItem("montecarlo:run");
  ImGui::SameLine();
  if (ImGui::Button("New study", ImVec2(half, 0))) RunStudy();
  widgets.RecordLastItem("montecarlo:new");
  if (snapshot) {
    ImGui::ProgressBar(snapshot->total ? static_cast<float>(snapshot->done) / static_cast<float>(snapshot->total) : 0.0f,
                       ImVec2(-1, 0));
    if (!snapshot->message.empty()) ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kWarning), "%s", snapshot->message.c_str());
  }
}

void MonteCarloWorkspace::DrawExperiment() {
  if (!experiment_) {
    ImGui::TextDisabled("Simulating...");
    return;
  }
  const Experiment& e = *experiment_;
  if (!e.message.empty()) {
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors::kWarning), "%s", e.message.c_str());
    return;
  }
  const double n = static_cast<double>(e.cos_theta.size());
  ImGui::Text("%.0f events with kappa = %.3f. Fitted kappa = %.4f +/- %.4f (%.1f standard errors from 0); "
              "forward-backward asymmetry A_FB = 3 kappa / 8 = %.4f.",
              n, e.kappa, e.fit.kappa, e.fit.sigma, e.fit.sigma > 0 ? std::fabs(e.fit.kappa) / e.fit.sigma : 0.0,
              3 * e.fit.kappa / 8);
  std::vector<float> edges(kBins + 1), counts(kBins, 0.0f);
  for (int b = 0; b <= kBins; ++b) edges[static_cast<size_t>(b)] = -1.0f + 2.0f * b / kBins;
  for (double c : e.cos_theta) counts[static_cast<size_t>(std::clamp(static_cast<int>((c + 1) / 2 * kBins), 0, kBins - 1))] += 1;
  // Expected counts per bin: N × bin width × density, for the fitted and the true κ.
  std::vector<float> xs, fitted, truth;
  const double width = 2.0 / kBins;
  for (int i = 0; i <= 200; ++i) {
    const double c = -1.0 + 2.0 * i / 200;
    xs.push_back(static_cast<float>(c));
    fitted.push_back(static_cast<float>(n * width * MuonPairDensity(c, e.fit.kappa)));
    truth.push_back(static_cast<float>(n * width * MuonPairDensity(c, e.kappa)));
  }
  plot::PlotOptions options;
  options.auto_fit_x = options.auto_fit_y = true;
  options.x_label = "cos theta";
  options.y_label = "events per bin";
  if (plot::BeginPlot("##mc-histogram", ImVec2(-1, -1), options)) {
    plot::PlotBars("simulated events", edges.data(), counts.data(), kBins, Translucent(colors::kPositive));
    plot::PlotLine("true density", xs.data(), truth.data(), static_cast<int>(xs.size()), colors::kTrainCurve, 1.5f);
    plot::PlotLine("fitted density", xs.data(), fitted.data(), static_cast<int>(xs.size()), colors::kNegative, 2.5f);
    plot::EndPlot();
  }
}

void MonteCarloWorkspace::DrawStudy() {
  const auto s = study_ ? study_->Latest() : nullptr;
  if (!s || s->cases.empty()) {
    ImGui::TextDisabled("Press Run toys to start the study.");
    return;
  }
  // One plot per scenario: the κ̂ histograms of its three κ values with their Gaussian fits.
  std::vector<int> scenarios;
  for (const auto& c : s->cases)
    if (scenarios.empty() || scenarios.back() != c.scenario) scenarios.push_back(c.scenario);
  const float height = (ImGui::GetContentRegionAvail().y - ImGui::GetStyle().ItemSpacing.y * scenarios.size()) / scenarios.size();
  for (int scenario : scenarios) {
    const LuminosityScenario& sc = kLuminosityScenarios[static_cast<size_t>(scenario)];
    // A common binning over the scenario's estimates.
    double lo = INFINITY, hi = -INFINITY;
    int64_t events = 0;
    size_t toys = 0;
    for (const auto& c : s->cases)
      if (c.scenario == scenario) {
        events = c.events, toys += c.estimates.size();
        for (double k : c.estimates) lo = std::min(lo, k), hi = std::max(hi, k);
      }
    if (toys == 0) {  // the study runs the eras in turn: this one has not started
      ImGui::TextDisabled("%s: %lld events per experiment; its toys start when the eras before it finish.", std::string(sc.name).c_str(),
                          static_cast<long long>(events > 0 ? events : sc.EventsLow()));
      ImGui::Dummy(ImVec2(1, std::max(80.0f, height - ImGui::GetTextLineHeightWithSpacing())));
      continue;
    }
    std::string caption = std::string(sc.name) + ": " + std::to_string(events) + " events per experiment.";
    for (size_t i = 0; i < s->cases.size(); ++i) {
      const auto& c = s->cases[i];
      if (c.scenario != scenario || c.kappa == 0.0 || !std::isfinite(s->separation[i])) continue;
      char part[96];
      std::snprintf(part, sizeof part, "  kappa %+.2f vs 0: %.1f sigma (expected %.1f).", c.kappa, s->separation[i],
                    s->expected_separation[i]);
      caption += part;
    }
    ImGui::TextDisabled("%s", caption.c_str());
    if (!(hi > lo)) lo -= 0.1, hi += 0.1;
    const int bins = 30;
    const double width = (hi - lo) / bins;
    plot::PlotOptions options;
    options.auto_fit_x = options.auto_fit_y = true;  // the toys keep widening the range
    options.x_label = "fitted kappa";
    options.y_label = "toys";
    char id[32];
    std::snprintf(id, sizeof id, "##study%d", scenario);
    if (plot::BeginPlot(id, ImVec2(-1, std::max(80.0f, height - ImGui::GetTextLineHeightWithSpacing())), options)) {
      int k = 0;
      for (const auto& c : s->cases) {
        if (c.scenario != scenario) continue;
        const ImU32 color = kKappaColors[k++ % 3];
        std::vector<float> edges(bins + 1), counts(bins, 0.0f);
        for (int b = 0; b <= bins; ++b) edges[static_cast<size_t>(b)] = static_cast<float>(lo + b * width);
        for (double e : c.estimates) counts[static_cast<size_t>(std::clamp(static_cast<int>((e - lo) / width), 0, bins - 1))] += 1;
        char label[48];
        std::snprintf(label, sizeof label, "kappa = %+.2f", c.kappa);
        char bars_label[64];
        std::snprintf(bars_label, sizeof bars_label, "##bars%s", label);
        plot::PlotBars(bars_label, edges.data(), counts.data(), bins, Translucent(color));
        if (c.estimates.size() >= 2 && c.sd > 0) {  // the Gaussian with the toys' mean and spread
          std::vector<float> xs, ys;
          for (int i = 0; i <= 120; ++i) {
            const double x = lo - width + (hi - lo + 2 * width) * i / 120;
            const double z = (x - c.mean) / c.sd;
            xs.push_back(static_cast<float>(x));
            ys.push_back(static_cast<float>(c.estimates.size() * width * std::exp(-0.5 * z * z) / (c.sd * std::sqrt(2 * M_PI))));
          }
          plot::PlotLine(label, xs.data(), ys.data(), static_cast<int>(xs.size()), color, 2.0f);
        }
      }
      plot::EndPlot();
    }
  }
}

void MonteCarloWorkspace::Draw(const Fonts& fonts, WidgetRegistry& widgets) {
  if (!experiment_ && !job_.busy()) Simulate();  // the first visit shows an experiment at once
  const float scale = ImGui::GetFontSize() / 15.0f;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float left = std::clamp(available.x * 0.26f, 240.0f * scale, 380.0f * scale);
  ImGui::BeginChild("##mc-panel", ImVec2(left, available.y), true);
  DrawControls(fonts, widgets);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##mc-views", ImVec2(0, available.y), true);
  if (ImGui::BeginTabBar("##mc-tabs")) {
    const struct { View view; const char* title; const char* key; } tabs[] = {
        {View::kExperiment, "One experiment", "montecarlo-view:experiment"}, {View::kStudy, "Toy experiments", "montecarlo-view:study"}};
    for (const auto& tab : tabs) {
      const bool force = select_view_ && view_ == tab.view;
      const bool open = ImGui::BeginTabItem(tab.title, nullptr, force ? ImGuiTabItemFlags_SetSelected : 0);
      widgets.RecordLastItem(tab.key);
      if (!open) continue;
      if (!select_view_) view_ = tab.view;
      ImGui::EndTabItem();
    }
    select_view_ = false;
    ImGui::EndTabBar();
  }
  if (view_ == View::kExperiment) DrawExperiment();
  else DrawStudy();
  ImGui::EndChild();
  (void)fonts;
}

std::string MonteCarloWorkspace::StatusJson() const {
  const auto s = study_ ? study_->Latest() : nullptr;
  JsonWriter json;
  json.Add("experimentEvents", experiment_ ? static_cast<long long>(experiment_->cos_theta.size()) : 0LL)
      .Add("fittedKappa", experiment_ ? experiment_->fit.kappa : NAN)
      .Add("fittedSigma", experiment_ ? experiment_->fit.sigma : NAN)
      .Add("toysDone", s ? static_cast<long long>(s->done) : 0LL)
      .Add("toysTotal", s ? static_cast<long long>(s->total) : 0LL)
      .Add("studyRunning", s && s->running)
      .Add("separation", s && !s->separation.empty() ? s->separation.front() : NAN);
  return json.Finish();
}

}  // namespace mlp::ui
