#include "core/train/model_run.h"

#include <algorithm>
#include <cmath>

#include "core/base/threads.h"

namespace mlp {
namespace {

constexpr double kPublishIntervalMs = 33.0;  // ~30 snapshots per second while playing
constexpr int kCurvePoints = 200;

Eigen::MatrixXd Rows(const Eigen::MatrixXd& x, const std::vector<int64_t>& rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), x.cols());
  for (size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = x.row(rows[i]);
  return out;
}
Eigen::VectorXd Rows(const Eigen::VectorXd& y, const std::vector<int64_t>& rows) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) out(static_cast<Eigen::Index>(i)) = y(rows[i]);
  return out;
}

}  // namespace

ModelRun::ModelRun(std::unique_ptr<classic::Model> model, std::shared_ptr<const PreparedData> data,
                   const ModelRunOptions& options)
    : model_(std::move(model)), data_(std::move(data)), options_(options) {
  const Dataset& d = *data_->data;
  train_x_ = Rows(d.features, data_->split.train);
  test_x_ = Rows(d.features, data_->split.test);
  train_y_ = Rows(d.targets, data_->split.train);
  test_y_ = Rows(d.targets, data_->split.test);
  const Eigen::Index features = d.features.cols();
  feature_means_ = train_x_.rows() > 0 ? Eigen::RowVectorXd(train_x_.colwise().mean()) : Eigen::RowVectorXd::Zero(features);
  options_.plane_x = std::clamp(options_.plane_x, 0, static_cast<int>(std::max<Eigen::Index>(features - 1, 0)));
  options_.plane_y = std::clamp(options_.plane_y, 0, static_cast<int>(std::max<Eigen::Index>(features - 1, 0)));

  // The plane spans the training range of the two features, with a 5% margin.
  const auto range = [&](int column, double* lo, double* hi) {
    *lo = train_x_.rows() ? train_x_.col(column).minCoeff() : 0.0;
    *hi = train_x_.rows() ? train_x_.col(column).maxCoeff() : 1.0;
    const double pad = std::max(1e-9, (*hi - *lo) * 0.05);
    *lo -= pad;
    *hi += pad;
  };
  double x_lo, x_hi, y_lo, y_hi;
  range(options_.plane_x, &x_lo, &x_hi);
  range(options_.plane_y, &y_lo, &y_hi);
  const int n = options_.grid_size;
  grid_inputs_ = feature_means_.replicate(static_cast<Eigen::Index>(n) * n, 1);
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      grid_inputs_(r * n + c, options_.plane_x) = x_lo + (x_hi - x_lo) * (c + 0.5) / n;
      grid_inputs_(r * n + c, options_.plane_y) = y_hi - (y_hi - y_lo) * (r + 0.5) / n;
    }
  BuildCurveInputs();

  auto first = std::make_shared<ModelSnapshot>();
  first->x_min = x_lo, first->x_max = x_hi, first->y_min = y_lo, first->y_max = y_hi;
  latest_ = first;
  Apply(Command::kReset);
  if (options_.worker_thread && kHasThreads) worker_ = std::thread([this] { WorkerLoop(); });
}

void ModelRun::BuildCurveInputs() {
  // Along the raw column under plane_x (the same column when the chain keeps columns), over its
  // training range plus 5%, the other raw inputs at their training mean.
  const Dataset& raw = *data_->raw;
  const Eigen::Index raw_columns = raw.features.cols();
  curve_column_ = std::clamp(options_.plane_x, 0, static_cast<int>(std::max<Eigen::Index>(raw_columns - 1, 0)));
  const Eigen::MatrixXd raw_train = Rows(raw.features, data_->split.train);
  double lo = 0.0, hi = 1.0;
  if (raw_train.rows() > 0 && raw_columns > 0) {
    lo = raw_train.col(curve_column_).minCoeff(), hi = raw_train.col(curve_column_).maxCoeff();
    const double pad = std::max(1e-9, (hi - lo) * 0.05);
    lo -= pad, hi += pad;
  }
  Eigen::MatrixXd raw_curve = (raw_train.rows() > 0 ? Eigen::RowVectorXd(raw_train.colwise().mean())
                                                     : Eigen::RowVectorXd::Zero(raw_columns)).replicate(kCurvePoints, 1);
  curve_raw_x_.resize(kCurvePoints);
  for (int i = 0; i < kCurvePoints; ++i) {
    curve_raw_x_(i) = lo + (hi - lo) * i / (kCurvePoints - 1);
    if (raw_columns > 0) raw_curve(i, curve_column_) = curve_raw_x_(i);
  }
  if (data_->fitted_chain && data_->fitted_chain->fitted() && raw_columns > 0) {
    auto transformed = data_->fitted_chain->Transform(raw_curve);
    // Means of text columns or imputed gaps can make a row the chain refuses; then follow the
    // model's own first input instead.
    if (transformed.ok() && transformed.value().cols() == train_x_.cols() && transformed.value().allFinite()) {
      curve_inputs_ = std::move(transformed).value();
      return;
    }
  } else if (raw_columns == train_x_.cols()) {
    curve_inputs_ = std::move(raw_curve);
    return;
  }
  curve_column_ = -1;  // the curve runs along the model's feature plane_x instead
  const double x_lo = train_x_.rows() ? train_x_.col(options_.plane_x).minCoeff() : 0.0;
  const double x_hi = train_x_.rows() ? train_x_.col(options_.plane_x).maxCoeff() : 1.0;
  curve_inputs_ = feature_means_.replicate(kCurvePoints, 1);
  for (int i = 0; i < kCurvePoints; ++i) {
    curve_raw_x_(i) = x_lo + (x_hi - x_lo) * i / (kCurvePoints - 1);
    curve_inputs_(i, options_.plane_x) = curve_raw_x_(i);
  }
}

ModelRun::~ModelRun() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void ModelRun::Post(Command command) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    commands_.push_back(command);
  }
  wake_.notify_all();
}
void ModelRun::Play() { Post(Command::kPlay); }
void ModelRun::Pause() { Post(Command::kPause); }
void ModelRun::Step() { Post(Command::kStep); }
void ModelRun::Reset() { Post(Command::kReset); }

std::shared_ptr<const ModelSnapshot> ModelRun::Latest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return latest_;
}

void ModelRun::Apply(Command command) {
  switch (command) {
    case Command::kPlay: running_ = reset_ok_ && !model_->progress().finished; break;
    case Command::kPause: running_ = false; break;
    case Command::kStep: pending_steps_ += reset_ok_ ? 1 : 0; break;
    case Command::kReset: {
      running_ = false;
      pending_steps_ = 0;
      objective_history_.clear();
      const Dataset& d = *data_->data;
      const int classes = d.task == TaskKind::kClassification ? d.num_classes() : 0;
      const Status status = model_->Reset(train_x_, train_y_, classes, options_.seed);
      reset_ok_ = status.ok();
      message_ = status.ok() ? "" : status.message();
      break;
    }
    case Command::kNone: break;
  }
  Publish();
}

void ModelRun::DoStep() {
  if (const Status status = model_->Step(); !status.ok()) {
    message_ = status.message();
    running_ = false;
    pending_steps_ = 0;
    return;
  }
  objective_history_.push_back(model_->progress().objective);
  if (model_->progress().finished) running_ = false;
}

void ModelRun::Publish() {
  auto snapshot = std::make_shared<ModelSnapshot>();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    snapshot->x_min = latest_->x_min, snapshot->x_max = latest_->x_max;
    snapshot->y_min = latest_->y_min, snapshot->y_max = latest_->y_max;
  }
  ModelSnapshot& s = *snapshot;
  s.kind = model_->kind();
  s.description = model_->Describe();
  s.progress = model_->progress();
  s.running = running_ || pending_steps_ > 0;
  s.message = message_;
  s.objective_history = objective_history_;
  s.grid_size = options_.grid_size;
  s.curve_column = curve_column_;
  if (reset_ok_ && s.progress.steps > 0) {
    const Dataset& d = *data_->data;
    const bool labelled = d.task == TaskKind::kClassification && d.num_classes() > 1;
    const Eigen::VectorXd train_predicted = model_->Predict(train_x_);
    s.test_predicted = test_x_.rows() ? model_->Predict(test_x_) : Eigen::VectorXd();
    if (s.kind == classic::ModelKind::kClassifier && labelled) {
      s.train_report = ScoreClassification(train_y_, train_predicted, d.num_classes());
      if (test_x_.rows()) s.test_report = ScoreClassification(test_y_, s.test_predicted, d.num_classes());
      if (d.num_classes() == 2 && test_x_.rows()) {
        const Eigen::MatrixXd probabilities = model_->PredictProbabilities(test_x_);
        if (probabilities.cols() == 2) {
          s.roc = RocCurve(test_y_, probabilities.col(1));
          s.pr = PrecisionRecallCurve(test_y_, probabilities.col(1));
        }
      }
    } else if (s.kind == classic::ModelKind::kRegressor) {
      s.train_regression = ScoreRegression(train_y_, train_predicted);
      if (test_x_.rows()) s.test_regression = ScoreRegression(test_y_, s.test_predicted);
    }
    const Eigen::VectorXd grid = model_->Predict(grid_inputs_);
    s.grid.assign(grid.data(), grid.data() + grid.size());
    const Eigen::VectorXd field = model_->ContourField(grid_inputs_);
    if (field.size() == grid.size()) {
      s.field.assign(field.data(), field.data() + field.size());
      s.field_levels = model_->ContourLevels(field);
    }
    const Eigen::VectorXd curve = model_->Predict(curve_inputs_);
    s.curve_x.resize(static_cast<size_t>(curve.size()));
    s.curve_y.resize(static_cast<size_t>(curve.size()));
    for (Eigen::Index i = 0; i < curve.size(); ++i) {
      s.curve_x[static_cast<size_t>(i)] = static_cast<float>(curve_raw_x_(i));
      s.curve_y[static_cast<size_t>(i)] = static_cast<float>(curve(i));
    }
    const Eigen::VectorXd sigma = model_->PredictStd(curve_inputs_);
    if (sigma.size() == curve.size()) {
      for (Eigen::Index i = 0; i < curve.size(); ++i) {
        s.curve_low.push_back(static_cast<float>(curve(i) - 2 * sigma(i)));
        s.curve_high.push_back(static_cast<float>(curve(i) + 2 * sigma(i)));
      }
    }
  }
  if (reset_ok_) s.insight = model_->Insight();
  std::lock_guard<std::mutex> lock(mutex_);
  s.version = ++version_;
  latest_ = std::move(snapshot);
  last_publish_ = std::chrono::steady_clock::now();
}

void ModelRun::StepFor(double milliseconds) {
  if (has_worker()) return;  // the worker owns the model
  std::vector<Command> commands;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    commands.swap(commands_);
  }
  for (Command c : commands) Apply(c);
  const auto start = std::chrono::steady_clock::now();
  bool stepped = false;
  while ((running_ || pending_steps_ > 0) &&
         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() < milliseconds) {
    DoStep();
    pending_steps_ = std::max(0, pending_steps_ - 1);
    stepped = true;
  }
  const double since = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - last_publish_).count();
  if (stepped && (since >= kPublishIntervalMs || !(running_ || pending_steps_ > 0))) Publish();
}

void ModelRun::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    wake_.wait(lock, [this] { return stopping_ || !commands_.empty() || running_ || pending_steps_ > 0; });
    if (stopping_) break;
    std::vector<Command> commands;
    commands.swap(commands_);
    lock.unlock();
    for (Command c : commands) Apply(c);
    if (running_ || pending_steps_ > 0) {
      DoStep();
      pending_steps_ = std::max(0, pending_steps_ - 1);
      const double since = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - last_publish_).count();
      if (since >= kPublishIntervalMs || !(running_ || pending_steps_ > 0)) Publish();
    }
    lock.lock();
  }
}

}  // namespace mlp
