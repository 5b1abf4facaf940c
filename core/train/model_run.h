// ModelRun: one classic model training on prepared data, watched by the UI. Like Session for the
// network playground: commands in (play, pause, step, reset), immutable snapshots out. Each
// published snapshot carries what the generic views draw — progress and objective history,
// train/test scores, predictions over a plane of two chosen features, and a 1-D curve.
// With threads the model steps on its own worker; without, the frame loop calls StepFor(ms).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/data/recipe/data_recipe.h"
#include "core/metrics/classification_metrics.h"
#include "core/models/classic/model.h"

namespace mlp {

struct ModelRunOptions {
  uint32_t seed = 0;
  int plane_x = 0, plane_y = 1;  // feature columns spanning the prediction map
  int grid_size = 64;            // map resolution per side
  bool worker_thread = true;     // false, or a build without threads: the caller steps (StepFor)
};

struct ModelSnapshot {
  uint64_t version = 0;
  classic::ModelKind kind = classic::ModelKind::kRegressor;
  std::string description;
  classic::Progress progress;
  bool running = false;
  std::string message;                    // a failed step's explanation, for the user
  std::vector<double> objective_history;  // one value per step
  // Scores (classifiers and regressors); for clusterers `train_report` compares clusters to labels
  // only when the data are labelled.
  ClassificationReport train_report, test_report;
  RegressionReport train_regression, test_regression;
  Curve roc, pr;                          // binary classifiers with probabilities, on test rows
  Eigen::VectorXd test_predicted;         // per test row
  // Prediction map over features (plane_x, plane_y); other features at their training mean.
  int grid_size = 0;
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  std::vector<float> grid;                // grid_size² values, row 0 at y_max
  // A field over the same grid whose level lines the map draws (SVM margins, mixture density);
  // empty when the model has none.
  std::vector<float> field;
  std::vector<double> field_levels;
  // The model's insides for the model-specific views (published from Reset on).
  classic::ModelInsight insight;
  // 1-D: the model's prediction along raw input column `curve_column` (the others at their
  // training mean), 200 points, passed through the data's preprocessing chain — so polynomial or
  // standardised features still give a curve over the input the learner knows.
  int curve_column = 0;  // −1: the curve runs along the model's feature plane_x instead
  std::vector<float> curve_x, curve_y;
  std::vector<float> curve_low, curve_high;  // mean ± 2σ where the model has a predictive σ
};

class ModelRun {
public:
  ModelRun(std::unique_ptr<classic::Model> model, std::shared_ptr<const PreparedData> data, const ModelRunOptions& options);
  ~ModelRun();
  ModelRun(const ModelRun&) = delete;
  ModelRun& operator=(const ModelRun&) = delete;

  void Play();
  void Pause();
  void Step();   // one more unit of progress, then paused
  void Reset();  // back to the unfitted model (same seed)
  // Caller-steps mode: applies commands and steps for up to `milliseconds`. Does nothing when the
  // run has its own worker thread.
  void StepFor(double milliseconds);
  // Whether a worker thread steps the model (false without threads, even if one was asked for).
  bool has_worker() const { return worker_.joinable(); }
  std::shared_ptr<const ModelSnapshot> Latest() const;

private:
  enum class Command { kNone, kPlay, kPause, kStep, kReset };
  void Post(Command command);
  void Apply(Command command);
  void DoStep();
  void Publish();
  void WorkerLoop();
  void BuildCurveInputs();

  std::unique_ptr<classic::Model> model_;
  std::shared_ptr<const PreparedData> data_;
  ModelRunOptions options_;
  Eigen::MatrixXd train_x_, test_x_;
  Eigen::VectorXd train_y_, test_y_;
  Eigen::RowVectorXd feature_means_;
  Eigen::MatrixXd grid_inputs_, curve_inputs_;
  Eigen::VectorXd curve_raw_x_;  // the raw input along the curve
  int curve_column_ = 0;
  bool reset_ok_ = false;
  bool running_ = false;
  int pending_steps_ = 0;
  std::string message_;
  std::vector<double> objective_history_;
  std::chrono::steady_clock::time_point last_publish_{};

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<Command> commands_;
  std::shared_ptr<const ModelSnapshot> latest_;
  uint64_t version_ = 0;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace mlp
