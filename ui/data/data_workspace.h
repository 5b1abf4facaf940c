// DataWorkspace: the Data tab. The learner picks a source (built-in, generated, or their own file),
// chooses features and target for a table, builds a preprocessing chain and a split, looks at the
// data through several views, and checks that a small network learns from it. Slow work (decoding,
// parsing, generating, preparing) runs as a BackgroundJob; the UI thread only draws.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/background_job.h"
#include "core/data/catalog/catalog.h"
#include "core/data/import/import_files.h"
#include "core/data/io/table.h"
#include "core/data/recipe/data_recipe.h"
#include "core/train/dataset_trainer.h"
#include "ui/platform.h"
#include "ui/theme.h"
#include "ui/widget_registry.h"

namespace mlp::ui {

// Columns of an imported table waiting for the learner's choice of features and target.
struct StagedTable {
  io::Table table;
  std::string description;       // what the importer found
  std::vector<bool> feature;     // per column: use as a feature
  int target = -1;               // column index
  TaskKind task = TaskKind::kClassification;
};

enum class DataView { kTable, kHistograms, kCorrelation, kScatterMatrix, kClassBalance, kGallery, kScatter3D };

// View state only (what to show), kept across data changes where it still makes sense.
struct DataViewState {
  DataView view = DataView::kTable;
  bool select_tab = false;       // `view` was set by a command: select its tab once
  bool show_prepared = true;     // views show the data after the chain (else as loaded)
  int table_page = 0;
  int gallery_page = 0;
  std::vector<int> matrix_columns;  // scatter-matrix columns (at most 5)
  int axes3d[3] = {0, 1, 2};
  float yaw = 0.6f, pitch = 0.35f;  // 3-D view rotation, radians
  uint64_t gallery_version = 0;     // which data/page the gallery texture shows
  int gallery_texture_w = 0, gallery_texture_h = 0;
  ImTextureID gallery_texture = nullptr;
};

// The "does it learn?" run on the prepared data.
struct CheckRun {
  DatasetTrainerSettings settings;
  std::unique_ptr<DatasetTrainer> trainer;
  bool running = false;
  std::string message;
  std::vector<float> epochs, train_loss, test_loss;  // plot arrays
};

class DataWorkspace {
public:
  explicit DataWorkspace(Platform& platform);
  ~DataWorkspace();

  // Every frame, before drawing: finishes background jobs and trains the check run for up to
  // `budget_ms` (this is the UI thread's share; the run is small).
  void Update(double budget_ms);
  void Draw(const Fonts& fonts, WidgetRegistry& widgets);

  // Page API and shells.
  void SelectSource(const std::string& id);           // a catalogue id; built-ins are fetched
  // A whole recipe at once (lessons): source with parameter values by key, seed, chain and split.
  // The chain and split are kept when the data arrive.
  Status LoadRecipe(const std::string& source, const std::vector<std::pair<std::string, double>>& values,
                    uint32_t seed, std::vector<PreprocessSpec> steps, const SplitSpec& split);
  void ImportFiles(std::vector<InputFile> files);     // dropped or picked files
  Status UseStagedTable();                            // the column choice is confirmed
  void StartCheckRun();
  void StopCheckRun();
  std::string StatusJson() const;                     // for tests: rows, columns, split, run

  // Read by the panels.
  const DataSource* source() const { return FindDataSource(source_id_); }
  const std::string& source_id() const { return source_id_; }
  std::vector<double>& values() { return values_; }
  uint32_t& seed() { return seed_; }
  void Regenerate();  // after a parameter or seed change
  std::optional<StagedTable>& staged() { return staged_; }
  std::vector<PreprocessSpec>& steps() { return steps_; }
  SplitSpec& split() { return split_; }
  void RecipeChanged();  // after the chain or split changed
  // Appends a step over all columns (page API); fails with the recipe's message if it does not fit.
  Status AddStep(const PreprocessSpec& step);
  const std::shared_ptr<const Dataset>& raw() const { return raw_; }
  const std::optional<PreparedData>& prepared() const { return prepared_; }
  // The same prepared data, shared with model workspaces (null until data are loaded); a new
  // pointer whenever the data, split or chain change.
  std::shared_ptr<const PreparedData> shared_prepared() const { return shared_prepared_; }
  const std::string& origin() const { return origin_; }
  const std::string& message() const { return message_; }
  bool busy() const { return job_.busy() || fetching_; }
  double progress() const { return job_.progress(); }
  const std::string& busy_label() const { return busy_label_; }
  DataViewState& view() { return view_; }
  CheckRun& check() { return check_; }
  Platform& platform() { return platform_; }
  bool& show_file_browser() { return show_file_browser_; }

private:
  void StartJob(std::string label, BackgroundJob::Work work);
  void SetRaw(std::shared_ptr<const Dataset> raw, std::string origin);

  Platform& platform_;
  std::string source_id_;
  std::vector<double> values_;
  uint32_t seed_ = 0;
  std::shared_ptr<const Dataset> raw_;
  std::string origin_;                  // "generated", "built-in", "imported from x.csv"
  std::optional<StagedTable> staged_;
  std::vector<PreprocessSpec> steps_;
  SplitSpec split_;
  std::optional<PreparedData> prepared_;
  std::shared_ptr<const PreparedData> shared_prepared_;
  std::string message_;                 // the last error, for the user
  DataViewState view_;
  CheckRun check_;

  // The one background job and where it leaves its result.
  BackgroundJob job_;
  std::string busy_label_;
  std::function<void()> on_job_done_;   // runs on the UI thread after Poll reports completion
  bool fetching_ = false;               // waiting for the shell to deliver a dataset file
  uint64_t fetch_generation_ = 0;       // a newer pick makes an older fetch's answer stale
  bool show_file_browser_ = false;
  bool started_ = false;                // a source was chosen, or the tab was shown
  bool keep_steps_on_load_ = false;     // a lesson's chain waits for its data
};

// Panels of the Data tab (one file each).
void DrawSourcePanel(DataWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);
void DrawColumnChooser(DataWorkspace& workspace, WidgetRegistry& widgets);
void DrawRecipePanel(DataWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);
void DrawCheckPanel(DataWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);
void DrawDataViews(DataWorkspace& workspace, const Fonts& fonts, WidgetRegistry& widgets);
// Shows the view with this key ("table", "images", …); false for an unknown key.
bool SelectDataView(DataWorkspace& workspace, std::string_view key);
// A browser of the local file system for shells without their own picker (desktop).
void DrawFileBrowser(DataWorkspace& workspace, bool* open);

}  // namespace mlp::ui
