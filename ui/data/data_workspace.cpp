#include "ui/data/data_workspace.h"

#include <algorithm>
#include <cmath>

#include "core/base/json_writer.h"
#include "core/base/threads.h"
#include "core/data/builtin/builtin_datasets.h"

namespace mlp::ui {
namespace {

// Imports larger than this are refused before they are decoded (the web build's heap is limited).
constexpr int64_t kImportBudgetBytes = int64_t{768} << 20;

}  // namespace

// Nothing is loaded until the tab is first drawn: the page must not download a dataset that
// nobody looks at.
DataWorkspace::DataWorkspace(Platform& platform) : platform_(platform) {}

DataWorkspace::~DataWorkspace() {
  job_.Cancel();
  if (view_.gallery_texture) platform_.DestroyTexture(view_.gallery_texture);
}

void DataWorkspace::StartJob(std::string label, BackgroundJob::Work work) {
  busy_label_ = std::move(label);
  message_.clear();
  job_.Start(std::move(work));
}

void DataWorkspace::SelectSource(const std::string& id) {
  started_ = true;
  const DataSource* found = FindDataSource(id);
  if (!found) {
    message_ = "There is no dataset called '" + id + "'.";
    return;
  }
  source_id_ = id;
  values_ = DefaultValues(*found);
  staged_.reset();
  if (found->kind == SourceKind::kGenerator) {
    Regenerate();
    return;
  }
  // Built-in: fetch the asset (the web page downloads it only now), then decode it off-thread.
  job_.Cancel();
  fetching_ = true;
  busy_label_ = "Downloading " + found->title + "…";
  message_.clear();
  const uint64_t generation = ++fetch_generation_;
  platform_.FetchDatasetFile(found->asset_file, [this, generation, id](bool ok, std::vector<uint8_t> bytes, std::string error) {
    if (generation != fetch_generation_) return;  // the learner picked something else meanwhile
    fetching_ = false;
    if (!ok) {
      message_ = error;
      return;
    }
    auto result = std::make_shared<Result<Dataset>>(Status::Error("cancelled"));
    auto input = std::make_shared<std::vector<uint8_t>>(std::move(bytes));
    StartJob("Decoding…", [result, input, id](JobProgress&) { *result = DecodeBuiltinDataset(id, *input); });
    on_job_done_ = [this, result] {
      if (!result->ok()) {
        message_ = result->status().message();
        return;
      }
      SetRaw(std::make_shared<const Dataset>(std::move(*result).value()), "built-in");
    };
  });
}

Status DataWorkspace::LoadRecipe(const std::string& source, const std::vector<std::pair<std::string, double>>& values,
                                 uint32_t seed, std::vector<PreprocessSpec> steps, const SplitSpec& split) {
  const DataSource* found = FindDataSource(source);
  if (!found) return Status::Error("There is no dataset called '" + source + "'.");
  steps_ = std::move(steps);
  split_ = split;
  seed_ = seed;
  keep_steps_on_load_ = true;
  if (found->kind == SourceKind::kBuiltin) {
    SelectSource(source);
    return {};
  }
  source_id_ = source;
  started_ = true;
  staged_.reset();
  values_ = DefaultValues(*found);
  for (const auto& [key, value] : values) {
    bool known = false;
    for (size_t i = 0; i < found->parameters.size(); ++i)
      if (found->parameters[i].key == key) values_[i] = value, known = true;
    if (!known) return Status::Error("Dataset '" + source + "' has no parameter '" + key + "'.");
  }
  Regenerate();
  return {};
}

void DataWorkspace::Regenerate() {
  const DataSource* found = source();
  if (!found || found->kind != SourceKind::kGenerator) return;
  ++fetch_generation_;
  fetching_ = false;
  auto result = std::make_shared<Result<Dataset>>(Status::Error("cancelled"));
  const DataSource& generator = *found;
  StartJob("Generating…", [result, &generator, values = values_, seed = seed_](JobProgress&) {
    *result = GenerateFromSource(generator, values, seed);
  });
  on_job_done_ = [this, result] {
    if (!result->ok()) {
      message_ = result->status().message();
      return;
    }
    SetRaw(std::make_shared<const Dataset>(std::move(*result).value()), "generated (synthetic)");
  };
}

void DataWorkspace::ImportFiles(std::vector<InputFile> files) {
  if (files.empty()) return;
  started_ = true;
  ++fetch_generation_;
  fetching_ = false;
  std::string names = files[0].name;
  if (files.size() > 1) names += " and " + std::to_string(files.size() - 1) + " more";
  auto result = std::make_shared<Result<Imported>>(Status::Error("cancelled"));
  auto input = std::make_shared<std::vector<InputFile>>(std::move(files));
  StartJob("Reading " + names + "…", [result, input](JobProgress& progress) {
    ImportOptions options;
    options.memory_budget_bytes = kImportBudgetBytes;
    options.progress = [&progress](double fraction) {
      progress.fraction = fraction;
      return !progress.cancelled.load();
    };
    *result = mlp::ImportFiles(*input, options);
  });
  on_job_done_ = [this, result, names] {
    if (!result->ok()) {
      message_ = "Could not import " + names + ": " + result->status().message();
      return;  // the current data stays as it was
    }
    Imported imported = std::move(*result).value();
    if (imported.dataset) {
      source_id_.clear();
      SetRaw(std::make_shared<const Dataset>(std::move(*imported.dataset)), "imported from " + names);
      return;
    }
    if (!imported.table) return;
    StagedTable staged;
    staged.table = std::move(*imported.table);
    staged.table.name = names;
    staged.description = imported.description;
    const int columns = static_cast<int>(staged.table.columns.size());
    staged.target = columns - 1;  // the usual layout: features first, the label last
    staged.feature.assign(static_cast<size_t>(columns), true);
    if (columns > 0) staged.feature[static_cast<size_t>(columns - 1)] = false;
    if (columns > 0) {
      const io::Column& last = staged.table.columns.back();
      bool integral = last.kind == io::ColumnKind::kCategorical;
      if (!integral) {
        integral = true;
        for (double v : last.numbers) integral &= std::isnan(v) || v == std::floor(v);
      }
      staged.task = integral ? TaskKind::kClassification : TaskKind::kRegression;
    }
    staged_ = std::move(staged);
  };
}

Status DataWorkspace::UseStagedTable() {
  if (!staged_) return Status::Error("No imported table is waiting for a column choice.");
  std::vector<int> features;
  for (size_t c = 0; c < staged_->feature.size(); ++c)
    if (staged_->feature[c] && static_cast<int>(c) != staged_->target) features.push_back(static_cast<int>(c));
  int64_t dropped = 0;
  auto data = io::TableToDataset(staged_->table, features, staged_->target, staged_->task, &dropped);
  if (!data.ok()) {
    message_ = data.status().message();
    return data.status();
  }
  std::string origin = "imported from " + staged_->table.name;
  if (dropped > 0) origin += " (" + std::to_string(dropped) + " rows without a target left out)";
  source_id_.clear();
  // Text columns need an encoding step: offer one-hot right away so the chain is usable as is.
  std::vector<PreprocessSpec> steps;
  if (!data.value().categorical_columns.empty())
    steps.push_back({PreprocessKind::kOneHot, data.value().categorical_columns, 2});
  bool missing = !data.value().features.allFinite();
  if (missing) steps.insert(steps.begin(), {PreprocessKind::kImputeMostFrequent, {}, 2});
  staged_.reset();
  SetRaw(std::make_shared<const Dataset>(std::move(data).value()), std::move(origin));
  steps_ = std::move(steps);  // after SetRaw, which drops a chain written for other columns
  RecipeChanged();
  return {};
}

void DataWorkspace::SetRaw(std::shared_ptr<const Dataset> raw, std::string origin) {
  raw_ = std::move(raw);
  origin_ = std::move(origin);
  view_.table_page = view_.gallery_page = 0;
  view_.gallery_version = 0;
  const int columns = static_cast<int>(raw_->features.cols());
  view_.matrix_columns.clear();
  for (int c = 0; c < std::min(columns, 4); ++c) view_.matrix_columns.push_back(c);
  for (int a = 0; a < 3; ++a) view_.axes3d[a] = std::min(a, std::max(columns - 1, 0));
  // A chain written for other columns would not fit: keep it only while the column count matches
  // (or when a lesson chose it for exactly these data).
  if (!keep_steps_on_load_ && !steps_.empty() && prepared_ && prepared_->raw &&
      prepared_->raw->features.cols() != raw_->features.cols())
    steps_.clear();
  keep_steps_on_load_ = false;
  if (split_.coordinate_column >= columns) split_.coordinate_column = 0;
  if (split_.kind == SplitKind::kStratified && raw_->task != TaskKind::kClassification) split_.kind = SplitKind::kRandom;
  StopCheckRun();
  check_.trainer.reset();
  RecipeChanged();
}

void DataWorkspace::RecipeChanged() {
  if (!raw_) return;
  StopCheckRun();
  check_.trainer.reset();
  auto prepared = PrepareData(raw_, steps_, split_);
  if (!prepared.ok()) {
    message_ = prepared.status().message();
    prepared_.reset();
    shared_prepared_.reset();
    return;
  }
  message_.clear();
  prepared_ = std::move(prepared).value();
  shared_prepared_ = std::make_shared<const PreparedData>(*prepared_);
  view_.gallery_version = 0;
}

Status DataWorkspace::AddStep(const PreprocessSpec& step) {
  if (!raw_) return Status::Error("Load a dataset before adding preprocessing steps.");
  steps_.push_back(step);
  RecipeChanged();
  return message_.empty() ? Status() : Status::Error(message_);
}

void DataWorkspace::StartCheckRun() {
  if (!prepared_) {
    check_.message = "Nothing to train on: " + (message_.empty() ? std::string("load a dataset first.") : message_);
    return;
  }
  auto trainer = DatasetTrainer::Create(*prepared_, check_.settings);
  if (!trainer.ok()) {
    check_.message = trainer.status().message();
    return;
  }
  check_.trainer = std::move(trainer).value();
  check_.message.clear();
  check_.running = true;
}

void DataWorkspace::StopCheckRun() { check_.running = false; }

void DataWorkspace::Update(double budget_ms) {
  if (job_.Poll() && on_job_done_) {
    auto done = std::move(on_job_done_);
    on_job_done_ = nullptr;
    done();
  }
  if (check_.running && check_.trainer) {
    if (Status status = check_.trainer->TrainFor(budget_ms); !status.ok()) {
      check_.message = status.message();
      check_.running = false;
    }
    const auto& records = check_.trainer->history().records();
    check_.epochs.resize(records.size());
    check_.train_loss.resize(records.size());
    check_.test_loss.resize(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      check_.epochs[i] = static_cast<float>(records[i].epoch);
      check_.train_loss[i] = records[i].train_loss;
      check_.test_loss[i] = records[i].test_loss;
    }
  }
}

std::string DataWorkspace::StatusJson() const {
  JsonWriter json;
  json.Add("source", source_id_)
      .Add("origin", origin_)
      .Add("busy", busy())
      .Add("message", message_)
      .Add("staged", staged_.has_value())
      .Add("stagedColumns", staged_ ? static_cast<long long>(staged_->table.columns.size()) : 0LL)
      .Add("rows", raw_ ? static_cast<long long>(raw_->size()) : 0LL)
      .Add("rawColumns", raw_ ? static_cast<long long>(raw_->features.cols()) : 0LL)
      .Add("classes", raw_ ? static_cast<long long>(raw_->num_classes()) : 0LL)
      .Add("synthetic", raw_ && raw_->synthetic)
      .Add("columns", prepared_ ? static_cast<long long>(prepared_->data->features.cols()) : 0LL)
      .Add("trainRows", prepared_ ? static_cast<long long>(prepared_->split.train.size()) : 0LL)
      .Add("testRows", prepared_ ? static_cast<long long>(prepared_->split.test.size()) : 0LL)
      .Add("chain", prepared_ ? prepared_->chain : std::string())
      .Add("checkRunning", check_.running)
      .Add("checkEpoch", check_.trainer ? static_cast<long long>(check_.trainer->epoch()) : 0LL)
      .Add("checkTestAccuracy", check_.trainer ? static_cast<double>(check_.trainer->latest().test_accuracy) : NAN)
      .Add("checkTrainLoss", check_.trainer ? static_cast<double>(check_.trainer->latest().train_loss) : NAN)
      .Add("checkMessage", check_.message);
  return json.Finish();
}

}  // namespace mlp::ui

namespace mlp::ui {

void DataWorkspace::Draw(const Fonts& fonts, WidgetRegistry& widgets) {
  if (!started_) {  // first look at the tab: open on the iris flowers (1 KB)
    started_ = true;
    if (!raw_ && !busy() && !staged_) SelectSource("iris");
  }
  const float scale = ImGui::GetFontSize() / 15.0f;
  const ImVec2 available = ImGui::GetContentRegionAvail();
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float left = std::clamp(available.x * 0.24f, 220.0f * scale, 360.0f * scale);
  const float middle = std::clamp(available.x * 0.22f, 220.0f * scale, 340.0f * scale);
  ImGui::BeginChild("##data-source", ImVec2(left, available.y), true);
  DrawSourcePanel(*this, fonts, widgets);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##data-recipe", ImVec2(middle, available.y), true);
  DrawRecipePanel(*this, fonts, widgets);
  ImGui::Spacing();
  DrawCheckPanel(*this, fonts, widgets);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##data-views", ImVec2(std::max(100.0f, available.x - left - middle - 2 * spacing), available.y), true);
  DrawDataViews(*this, fonts, widgets);
  ImGui::EndChild();
  DrawFileBrowser(*this, &show_file_browser_);
}

}  // namespace mlp::ui
