// ModelRun drives any classic::Model: steps on command, publishes scores, a prediction map and a
// curve, and behaves the same on a worker thread and in caller steps. The model here is a small
// nearest-centroid classifier written for the test (its centroids move a third of the way per step).
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/data/catalog/catalog.h"
#include "core/base/threads.h"
#include "core/train/model_run.h"

using namespace mlp;

namespace {

class SteppingCentroids : public classic::Model {
public:
  classic::ModelKind kind() const override { return classic::ModelKind::kClassifier; }
  std::string Describe() const override { return "test centroids"; }
  Status Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int classes, uint32_t) override {
    if (classes < 2) return Status::Error("needs classes");
    target_ = Eigen::MatrixXd::Zero(classes, x.cols());
    Eigen::VectorXd counts = Eigen::VectorXd::Zero(classes);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      target_.row(static_cast<Eigen::Index>(y(i))) += x.row(i);
      counts(static_cast<Eigen::Index>(y(i))) += 1;
    }
    for (int k = 0; k < classes; ++k) target_.row(k) /= std::max(1.0, counts(k));
    centres_ = Eigen::MatrixXd::Zero(classes, x.cols());
    progress_ = {};
    progress_.objective_name = "distance to target";
    return {};
  }
  Status Step() override {
    centres_ += (target_ - centres_) / 3.0;
    ++progress_.steps;
    progress_.objective = (target_ - centres_).norm();
    progress_.finished = progress_.steps >= 6;
    return {};
  }
  classic::Progress progress() const override { return progress_; }
  Eigen::VectorXd Predict(const Eigen::MatrixXd& x) const override {
    Eigen::VectorXd out(x.rows());
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
      Eigen::Index best;
      (centres_.rowwise() - x.row(i)).rowwise().squaredNorm().minCoeff(&best);
      out(i) = static_cast<double>(best);
    }
    return out;
  }
  Eigen::MatrixXd PredictProbabilities(const Eigen::MatrixXd& x) const override {
    Eigen::MatrixXd p = Eigen::MatrixXd::Zero(x.rows(), centres_.rows());
    const Eigen::VectorXd k = Predict(x);
    for (Eigen::Index i = 0; i < x.rows(); ++i) p(i, static_cast<Eigen::Index>(k(i))) = 1.0;
    return p;
  }

private:
  Eigen::MatrixXd target_, centres_;
  classic::Progress progress_;
};

std::shared_ptr<const PreparedData> TwoBlobs() {
  const DataSource* source = FindDataSource("blobs");
  auto data = GenerateFromSource(*source, {200, 2, 2, 0.8}, 4);
  REQUIRE(data.ok());
  auto prepared = PrepareData(std::make_shared<const Dataset>(std::move(data).value()), {}, {});
  REQUIRE(prepared.ok());
  return std::make_shared<const PreparedData>(std::move(prepared).value());
}

std::shared_ptr<const ModelSnapshot> RunToEnd(ModelRun& run) {
  run.Play();
  for (int i = 0; i < 5000; ++i) {
    run.StepFor(5);  // a no-op when a worker steps the model
    auto s = run.Latest();
    if (s->progress.finished && !s->running) return s;
    if (run.has_worker()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  FAIL("the run did not finish");
  return nullptr;
}

}  // namespace

TEST_CASE("ModelRun: plays a model to the end and publishes scores, map and curve", "[model-run]") {
  for (bool worker : {true, false}) {
    INFO((worker ? "worker thread" : "caller steps"));
    ModelRunOptions options;
    options.worker_thread = worker;
    options.grid_size = 16;
    ModelRun run(std::make_unique<SteppingCentroids>(), TwoBlobs(), options);
    CHECK(run.Latest()->progress.steps == 0);
    CHECK(run.has_worker() == (worker && kHasThreads));
    const auto s = RunToEnd(run);
    CHECK(s->progress.steps == 6);
    CHECK(s->objective_history.size() == 6u);
    CHECK(s->objective_history.back() < s->objective_history.front());
    CHECK(s->test_report.accuracy > 0.95);  // two well separated blobs
    CHECK(s->train_report.confusion.sum() == 150);
    CHECK(s->grid.size() == 256u);
    CHECK(s->curve_x.size() == 200u);
    CHECK(s->roc.area > 0.95);
    CHECK(s->x_min < s->x_max);
  }
}

TEST_CASE("ModelRun: step, reset and a refused fit", "[model-run]") {
  ModelRunOptions options;
  options.worker_thread = false;
  ModelRun run(std::make_unique<SteppingCentroids>(), TwoBlobs(), options);
  run.Step();
  run.Step();
  run.StepFor(50);
  CHECK(run.Latest()->progress.steps == 2);
  CHECK_FALSE(run.Latest()->running);
  run.Reset();
  run.StepFor(5);
  CHECK(run.Latest()->progress.steps == 0);

  // Unlabelled data: the model refuses in Reset and the snapshot carries its message.
  const DataSource* source = FindDataSource("rotated_gaussian");
  auto data = GenerateFromSource(*source, DefaultValues(*source), 1);
  REQUIRE(data.ok());
  auto prepared = PrepareData(std::make_shared<const Dataset>(std::move(data).value()), {}, {});
  REQUIRE(prepared.ok());
  ModelRun refused(std::make_unique<SteppingCentroids>(), std::make_shared<const PreparedData>(std::move(prepared).value()), options);
  CHECK(refused.Latest()->message == "needs classes");
  refused.Play();
  refused.StepFor(5);
  CHECK(refused.Latest()->progress.steps == 0);
}
