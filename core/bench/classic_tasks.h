// The classic-model benchmark of issue 4: seven tasks (random forest, k-means, PCA, Gaussian
// mixture, Gaussian process, kernel ridge, logistic regression) whose arrays are drawn here exactly
// as bench/classic_bench.py draws them with NumPy (one RandomState(0), same draw order), so the
// native tool (bench/bench_classic), the web builds (playground.benchmarkClassic) and scikit-learn
// time the same data. Figures only: nothing here passes or fails.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/base/status.h"
#include "core/models/classic/model.h"

namespace mlp::bench {

// Task names in classic_bench.py's order: forest, kmeans, pca, gmm, gp, krr, logistic.
const std::vector<std::string>& ClassicTaskNames();
// "random forest 100 trees depth 8, 1599×11", …; empty for an unknown name.
std::string ClassicTaskTitle(const std::string& task);

struct ClassicTaskData {
  Eigen::MatrixXd x;  // rows × features, as NumPy's array (row r = x[r])
  Eigen::VectorXd y;  // targets; zeros for the unsupervised tasks (as the script saves them)
};

// The task's arrays. Draws every earlier task's numbers too (the script uses one RandomState for
// all), so a later task costs the earlier draws (~4 M numbers before gmm): milliseconds.
Result<ClassicTaskData> MakeClassicTaskData(const std::string& task);

// The model with the benchmark's settings (the script's scikit-learn estimator counterpart).
std::unique_ptr<classic::Model> MakeClassicTaskModel(const std::string& task);
// Classes passed to Fit: 2 for logistic, 0 (regression / unsupervised) otherwise.
int ClassicTaskClasses(const std::string& task);

struct ClassicTiming {
  std::string task;
  double fit_s = 0.0;      // Model::Fit (Reset + every Step), steady_clock seconds
  double predict_s = 0.0;  // Predict on the training rows (Transform for PCA, as sklearn's)
  double checksum = 0.0;   // sum of the predictions (or the transform), to see the work was done
  int threads = 1;         // threads of the shared pool during the run
};

// Fits and predicts the task's model on `data`, timing each with steady_clock.
Result<ClassicTiming> TimeClassicTask(const std::string& task, const ClassicTaskData& data);
// MakeClassicTaskData then TimeClassicTask (the data are built outside the timing).
Result<ClassicTiming> RunClassicTask(const std::string& task);

// {"task": "forest", "fit_s": …, "predict_s": …, "checksum": …, "threads": …}
std::string ClassicTimingJson(const ClassicTiming& timing);

}  // namespace mlp::bench
