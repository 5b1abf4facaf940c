// Fit and predict times of the classic models on the benchmark tasks of issue 4. Reads each task's
// data from <dir>/<task>_x.npy and _y.npy (written by bench/classic_bench.py, which also times
// scikit-learn on the same arrays and prints the ratios) and prints one JSON line per task:
//   {"task": "...", "fit_s": ..., "predict_s": ...}
// Usage: bench_classic <dir>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>

#include "core/data/io/npy.h"
#include "core/models/classic/clustering/gaussian_mixture.h"
#include "core/models/classic/clustering/kmeans.h"
#include "core/models/classic/clustering/pca.h"
#include "core/models/classic/kernels/gaussian_process.h"
#include "core/models/classic/kernels/kernel_ridge.h"
#include "core/models/classic/linear/logistic_regression.h"
#include "core/models/classic/trees/random_forest.h"

namespace {

using namespace mlp::classic;
using Clock = std::chrono::steady_clock;

Eigen::MatrixXd ReadMatrix(const std::string& path, bool column) {
  std::ifstream in(path, std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto array = mlp::io::ParseNpy(bytes.data(), bytes.size());
  if (!array.ok()) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), array.status().message().c_str());
    std::exit(1);
  }
  const auto& a = array.value();
  const Eigen::Index rows = a.shape.empty() ? 1 : a.shape[0];
  const Eigen::Index cols = column || a.shape.size() < 2 ? 1 : a.shape[1];
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r)
    for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = a.values[static_cast<size_t>(r * cols + c)];
  return m;
}

double Seconds(Clock::time_point since) { return std::chrono::duration<double>(Clock::now() - since).count(); }

void Run(const std::string& dir, const std::string& task, std::unique_ptr<Model> model, int classes) {
  const Eigen::MatrixXd x = ReadMatrix(dir + "/" + task + "_x.npy", false);
  const Eigen::VectorXd y = ReadMatrix(dir + "/" + task + "_y.npy", true).col(0);
  auto start = Clock::now();
  const mlp::Status status = model->Fit(x, y, classes, 0);
  const double fit = Seconds(start);
  if (!status.ok()) {
    std::fprintf(stderr, "%s: %s\n", task.c_str(), status.message().c_str());
    return;
  }
  start = Clock::now();
  const Eigen::VectorXd predicted = model->Predict(x);
  const double predict = Seconds(start);
  std::printf("{\"task\": \"%s\", \"fit_s\": %.6f, \"predict_s\": %.6f, \"checksum\": %.6g}\n", task.c_str(), fit, predict,
              predicted.sum());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <dir with the task arrays>\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  RandomForestSettings forest;
  forest.n_estimators = 100;
  forest.max_depth = 8;
  forest.criterion = SplitCriterion::kSquaredError;
  Run(dir, "forest", std::make_unique<RandomForest>(forest), 0);
  KMeansSettings kmeans;
  kmeans.clusters = 4;
  kmeans.runs = 10;
  Run(dir, "kmeans", std::make_unique<KMeans>(kmeans), 0);
  PcaSettings pca;
  pca.components = 50;
  Run(dir, "pca", std::make_unique<Pca>(pca), 0);
  GaussianMixtureSettings gmm;
  gmm.components = 4;
  Run(dir, "gmm", std::make_unique<GaussianMixture>(gmm), 0);
  GaussianProcessSettings gp;
  gp.optimize = false;
  gp.alpha = 1e-2;
  Run(dir, "gp", std::make_unique<GaussianProcessRegressor>(gp), 0);
  KernelRidgeSettings krr;
  krr.alpha = 1.0;
  Run(dir, "krr", std::make_unique<KernelRidge>(krr), 0);
  Run(dir, "logistic", std::make_unique<LogisticRegression>(LogisticRegressionSettings{}), 2);
  return 0;
}
