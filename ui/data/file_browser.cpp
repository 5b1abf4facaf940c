// A minimal browser of the local file system, for the desktop app (the browser build uses the
// page's own file picker). Lists folders and files, opens the chosen file through the importer.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "ui/data/data_workspace.h"

namespace mlp::ui {
namespace {
namespace fs = std::filesystem;

struct BrowserState {
  fs::path folder;
  std::vector<fs::directory_entry> entries;
  std::string error;
  bool loaded = false;
};

void Load(BrowserState& state, const fs::path& folder) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  if (ec) {
    state.error = "Cannot list " + folder.string() + ": " + ec.message();
    return;
  }
  std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
    std::error_code e;
    const bool da = a.is_directory(e), db = b.is_directory(e);
    return da != db ? da : a.path().filename() < b.path().filename();
  });
  state.folder = folder;
  state.entries = std::move(entries);
  state.error.clear();
  state.loaded = true;
}

}  // namespace

void DrawFileBrowser(DataWorkspace& workspace, bool* open) {
  static BrowserState state;
  if (!*open) return;
  if (!state.loaded) {
    std::error_code ec;
    Load(state, fs::current_path(ec));
  }
  ImGui::OpenPopup("Import a file");
  const ImVec2 size(ImGui::GetFontSize() * 40, ImGui::GetFontSize() * 28);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal("Import a file", open)) return;
  ImGui::TextWrapped("%s", state.folder.string().c_str());
  if (ImGui::Button("Up") && state.folder.has_parent_path()) Load(state, state.folder.parent_path());
  if (!state.error.empty()) ImGui::TextWrapped("%s", state.error.c_str());
  ImGui::BeginChild("##entries", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()), true);
  fs::path chosen_folder, chosen_file;
  for (const fs::directory_entry& entry : state.entries) {
    std::error_code ec;
    const bool folder = entry.is_directory(ec);
    const std::string label = (folder ? "[folder] " : "") + entry.path().filename().string();
    if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_AllowDoubleClick) && ImGui::IsMouseDoubleClicked(0))
      (folder ? chosen_folder : chosen_file) = entry.path();
  }
  ImGui::EndChild();
  ImGui::TextDisabled("Double-click a file to import it.");
  if (!chosen_folder.empty()) Load(state, chosen_folder);
  if (!chosen_file.empty()) {
    std::ifstream in(chosen_file, std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    workspace.ImportFiles({InputFile{chosen_file.filename().string(), std::move(bytes)}});
    *open = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace mlp::ui
