#include "ui/playground_workspace.h"

#include <algorithm>
#include <cmath>

#include "core/train/input_features.h"
#include "ui/panels/panel_context.h"

namespace mlp::ui {

PlaygroundWorkspace::PlaygroundWorkspace(Platform& platform, const PlaygroundSettings& settings)
    : platform_(platform), settings_(settings) {
  const SessionMode mode = platform.SupportsWorkerThreads() ? SessionMode::kWorkerThread : SessionMode::kCallerSteps;
  session_ = std::make_unique<Session>(settings_, mode);
  settings_ = session_->Latest()->settings;  // the session may have refused impossible settings
  // Small fixed previews for the dataset buttons.
  for (size_t i = 0; i < previews_.size(); ++i) {
    Rng rng(7);
    Generator2DSettings preview;
    preview.problem = kAllProblems2D[i];
    preview.samples = 160;
    previews_[i] = std::make_shared<Dataset>(Generate2D(preview, rng));
  }
}

void PlaygroundWorkspace::StepSession(double budget_ms) {
  if (session_->mode() == SessionMode::kCallerSteps) session_->StepFor(budget_ms);
}

void PlaygroundWorkspace::Regenerate() {
  ++settings_.data_seed;
  SettingsChanged();
}

Status PlaygroundWorkspace::ApplyQuery(std::string_view query) {
  if (Status status = mlp::ApplyQuery(query, &settings_); !status.ok()) return status;
  SettingsChanged();
  return {};
}

void PlaygroundWorkspace::SettingsChanged() { session_->ApplySettings(settings_); }

void PlaygroundWorkspace::UpdateTextures(const TrainingSnapshot& snapshot) {
  if (snapshot.version == textures_version_ && view_.discretize_output == textures_discrete_) return;
  textures_version_ = snapshot.version;
  textures_discrete_ = view_.discretize_output;
  const NetworkGrids& grids = snapshot.grids;
  const bool classification = snapshot.settings.task() == TaskKind::kClassification;
  output_texture_.Update(platform_, grids.output, grids.size, classification ? 0.0f : -1.0f, 1.0f,
                         view_.discretize_output, /*wash=*/0.3f);

  neuron_textures_.resize(grids.neurons.size());
  for (size_t layer = 0; layer < grids.neurons.size(); ++layer) {
    neuron_textures_[layer].resize(grids.neurons[layer].size());
    for (size_t neuron = 0; neuron < grids.neurons[layer].size(); ++neuron)
      neuron_textures_[layer][neuron].Update(platform_, grids.neurons[layer][neuron], grids.size, -1.0f, 1.0f);
  }
  if (input_textures_.empty()) {
    // Every input feature over the plane (they never change), each scaled by its largest magnitude.
    nn::MatrixF features;
    BuildInputFeatures(kAllFeatureMask, PlaneGridPoints(Session::kGridSize), &features);
    input_textures_.resize(features.cols());
    for (Eigen::Index f = 0; f < features.cols(); ++f) {
      const std::vector<float> values(features.col(f).data(), features.col(f).data() + features.rows());
      const float extent = std::max(1e-6f, features.col(f).cwiseAbs().maxCoeff());
      input_textures_[f].Update(platform_, values, Session::kGridSize, -extent, extent);
    }
  }
}

void PlaygroundWorkspace::Draw(const Fonts& fonts, WidgetRegistry& widgets) {
  const std::shared_ptr<const TrainingSnapshot> snapshot = session_->Latest();
  UpdateTextures(*snapshot);
  bool changed = false;
  PanelContext context{*this,           settings_,        changed,         *snapshot,
                       view_,           fonts,            widgets,         output_texture_,
                       neuron_textures_, input_textures_, previews_};

  const float scale = ImGui::GetFontSize() / 15.0f;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float bar_height = ControlsBarHeight(available.x - 2 * ImGui::GetStyle().WindowPadding.x);
  ImGui::BeginChild("##controls", ImVec2(available.x, bar_height), true, ImGuiWindowFlags_NoScrollbar);
  DrawControlsBar(context);
  ImGui::EndChild();

  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float body_height = ImGui::GetContentRegionAvail().y;
  const float data_width = std::clamp(available.x * 0.19f, 210.0f * scale, 300.0f * scale);
  const float output_width = std::clamp(available.x * 0.32f, 300.0f * scale, 560.0f * scale);
  const float network_width = std::max(200.0f * scale, available.x - data_width - output_width - 2 * spacing);

  ImGui::BeginChild("##data", ImVec2(data_width, body_height), true);
  DrawDataPanel(context);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##network", ImVec2(network_width, body_height), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  DrawNetworkPanel(context);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##output", ImVec2(0, body_height), true);
  DrawOutputPanel(context);
  ImGui::EndChild();

  if (changed) SettingsChanged();
}

void SectionTitle(const Fonts& fonts, const char* title) {
  ImGui::PushFont(fonts.heading);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colors::kMutedText));
  ImGui::TextUnformatted(title);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace mlp::ui
