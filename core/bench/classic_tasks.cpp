// The classic benchmark's tasks (see classic_tasks.h). The draws mirror bench/classic_bench.py
// line by line; NumPy fills arrays row by row and evaluates `a + b * c + d * e` left to right, and
// so does this file (with -ffp-contract=off, no fused multiply-adds), so x is bit-identical and y
// too wherever the script's y needs no libm function (gp/krr use sin: libm may differ by an ulp).
#include "core/bench/classic_tasks.h"

#include <chrono>
#include <cmath>

#include "core/base/json_writer.h"
#include "core/base/rng.h"
#include "core/base/thread_pool.h"
#include "core/models/classic/clustering/gaussian_mixture.h"
#include "core/models/classic/clustering/kmeans.h"
#include "core/models/classic/clustering/pca.h"
#include "core/models/classic/kernels/gaussian_process.h"
#include "core/models/classic/kernels/kernel_ridge.h"
#include "core/models/classic/linear/logistic_regression.h"
#include "core/models/classic/trees/random_forest.h"

namespace mlp::bench {
namespace {

using Clock = std::chrono::steady_clock;

// rng.randn(rows, cols) / rng.rand(rows, cols): row-major fill.
Eigen::MatrixXd Randn(Rng& rng, Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r)
    for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = rng.Normal();
  return m;
}
Eigen::MatrixXd Rand(Rng& rng, Eigen::Index rows, Eigen::Index cols) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r)
    for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = rng.Uniform();
  return m;
}
Eigen::VectorXd RandnVector(Rng& rng, Eigen::Index n) { return Randn(rng, n, 1).col(0); }

// np.vstack([c + rng.randn(1250, 2) for c in centres])
Eigen::MatrixXd Blobs(Rng& rng, const Eigen::MatrixXd& centres) {
  constexpr Eigen::Index kPerCentre = 1250;
  Eigen::MatrixXd x(centres.rows() * kPerCentre, centres.cols());
  for (Eigen::Index k = 0; k < centres.rows(); ++k) {
    const Eigen::MatrixXd noise = Randn(rng, kPerCentre, centres.cols());
    for (Eigen::Index r = 0; r < kPerCentre; ++r)
      for (Eigen::Index c = 0; c < centres.cols(); ++c) x(k * kPerCentre + r, c) = centres(k, c) + noise(r, c);
  }
  return x;
}

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

}  // namespace

const std::vector<std::string>& ClassicTaskNames() {
  static const std::vector<std::string> names = {"forest", "kmeans", "pca", "gmm", "gp", "krr", "logistic"};
  return names;
}

std::string ClassicTaskTitle(const std::string& task) {
  if (task == "forest") return "random forest 100 trees depth 8, 1599×11";
  if (task == "kmeans") return "k-means k=4, 10 inits, 5000×2";
  if (task == "pca") return "PCA (50 components) of 5000×784";
  if (task == "gmm") return "Gaussian mixture k=4, 5000×2";
  if (task == "gp") return "Gaussian process (fixed kernel), N=2000";
  if (task == "krr") return "kernel ridge RBF, N=2000";
  if (task == "logistic") return "logistic regression, 10000×20";
  return "";
}

Result<ClassicTaskData> MakeClassicTaskData(const std::string& task) {
  if (ClassicTaskTitle(task).empty())
    return Status::Error("Unknown classic benchmark task \"" + task +
                         "\" (forest, kmeans, pca, gmm, gp, krr or logistic).");
  Rng rng(0);
  ClassicTaskData data;

  // x = rng.randn(1599, 11); y = clip(round(5.6 + x[:, :3].sum(1) * 0.4 + rng.randn(1599) * 0.6), 3, 8)
  data.x = Randn(rng, 1599, 11);
  {
    const Eigen::VectorXd noise = RandnVector(rng, 1599);
    data.y.resize(1599);
    for (Eigen::Index r = 0; r < 1599; ++r) {
      const double sum = (data.x(r, 0) + data.x(r, 1)) + data.x(r, 2);
      const double value = (5.6 + sum * 0.4) + noise(r) * 0.6;
      data.y(r) = std::fmin(std::fmax(std::nearbyint(value), 3.0), 8.0);  // np.round: half to even
    }
  }
  if (task == "forest") return data;

  // centres = rng.uniform(-10, 10, (4, 2)); x = vstack(c + randn(1250, 2)); y = zeros
  Eigen::MatrixXd centres(4, 2);
  for (Eigen::Index k = 0; k < 4; ++k)
    for (Eigen::Index c = 0; c < 2; ++c) centres(k, c) = rng.Uniform(-10.0, 10.0);
  data.x = Blobs(rng, centres);
  data.y = Eigen::VectorXd::Zero(data.x.rows());
  if (task == "kmeans") return data;

  // x = rng.rand(5000, 784)
  data.x = Rand(rng, 5000, 784);
  data.y = Eigen::VectorXd::Zero(5000);
  if (task == "pca") return data;

  // The same centres, new noise.
  data.x = Blobs(rng, centres);
  data.y = Eigen::VectorXd::Zero(data.x.rows());
  if (task == "gmm") return data;

  // x = rng.rand(2000, 1) * 4; y = sin(3 * x[:, 0]) + 0.1 * rng.randn(2000)   (gp and krr share them)
  data.x = Rand(rng, 2000, 1) * 4.0;
  {
    const Eigen::VectorXd noise = RandnVector(rng, 2000);
    data.y.resize(2000);
    for (Eigen::Index r = 0; r < 2000; ++r) data.y(r) = std::sin(3.0 * data.x(r, 0)) + 0.1 * noise(r);
  }
  if (task == "gp" || task == "krr") return data;

  // x = rng.randn(10000, 20); y = (x[:, :5].sum(1) + rng.randn(10000) > 0)
  data.x = Randn(rng, 10000, 20);
  {
    const Eigen::VectorXd noise = RandnVector(rng, 10000);
    data.y.resize(10000);
    for (Eigen::Index r = 0; r < 10000; ++r) {
      double sum = data.x(r, 0);
      for (Eigen::Index c = 1; c < 5; ++c) sum += data.x(r, c);
      data.y(r) = sum + noise(r) > 0.0 ? 1.0 : 0.0;
    }
  }
  return data;  // logistic
}

std::unique_ptr<classic::Model> MakeClassicTaskModel(const std::string& task) {
  using namespace mlp::classic;
  if (task == "forest") {
    RandomForestSettings forest;
    forest.n_estimators = 100;
    forest.max_depth = 8;
    forest.criterion = SplitCriterion::kSquaredError;
    return std::make_unique<RandomForest>(forest);
  }
  if (task == "kmeans") {
    KMeansSettings kmeans;
    kmeans.clusters = 4;
    kmeans.runs = 10;
    return std::make_unique<KMeans>(kmeans);
  }
  if (task == "pca") {
    PcaSettings pca;
    pca.components = 50;
    return std::make_unique<Pca>(pca);
  }
  if (task == "gmm") {
    GaussianMixtureSettings gmm;
    gmm.components = 4;
    return std::make_unique<GaussianMixture>(gmm);
  }
  if (task == "gp") {
    GaussianProcessSettings gp;
    gp.optimize = false;  // sklearn: optimizer=None, ConstantKernel(1) * RBF(1)
    gp.alpha = 1e-2;
    return std::make_unique<GaussianProcessRegressor>(gp);
  }
  if (task == "krr") {
    KernelRidgeSettings krr;  // RBF, gamma 1
    krr.alpha = 1.0;
    return std::make_unique<KernelRidge>(krr);
  }
  if (task == "logistic") return std::make_unique<LogisticRegression>(LogisticRegressionSettings{});
  return nullptr;
}

int ClassicTaskClasses(const std::string& task) { return task == "logistic" ? 2 : 0; }

Result<ClassicTiming> TimeClassicTask(const std::string& task, const ClassicTaskData& data) {
  std::unique_ptr<classic::Model> model = MakeClassicTaskModel(task);
  if (!model) return Status::Error("Unknown classic benchmark task \"" + task + "\".");
  ClassicTiming timing;
  timing.task = task;
  timing.threads = SharedPool().threads();
  auto start = Clock::now();
  const Status status = model->Fit(data.x, data.y, ClassicTaskClasses(task), 0);
  timing.fit_s = Seconds(start);
  if (!status.ok()) return Status::Error(task + ": " + status.message());
  start = Clock::now();
  if (model->kind() == classic::ModelKind::kProjector) {
    const Eigen::MatrixXd projected = model->Transform(data.x);
    timing.predict_s = Seconds(start);
    timing.checksum = projected.sum();
  } else {
    const Eigen::VectorXd predicted = model->Predict(data.x);
    timing.predict_s = Seconds(start);
    timing.checksum = predicted.sum();
  }
  return timing;
}

Result<ClassicTiming> RunClassicTask(const std::string& task) {
  Result<ClassicTaskData> data = MakeClassicTaskData(task);
  if (!data.ok()) return data.status();
  return TimeClassicTask(task, data.value());
}

std::string ClassicTimingJson(const ClassicTiming& timing) {
  return JsonWriter()
      .Add("task", timing.task)
      .Add("fit_s", timing.fit_s)
      .Add("predict_s", timing.predict_s)
      .Add("checksum", timing.checksum)
      .Add("threads", timing.threads)
      .Finish();
}

}  // namespace mlp::bench
