// OdeRun: a neural ODE learning the G13 spiral while the UI watches — the learned trajectory
// from the first observed state, the learned vector field on a grid, the loss per step. Play runs
// optimiser steps on a worker thread (or, without threads, in the frame loop through StepFor);
// snapshots are immutable copies published a few times a second.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/data/generators/ode_spiral.h"
#include "core/deep/neural_ode_model.h"

namespace mlp {

struct OdeSnapshot {
  std::string description;
  int64_t steps = 0, max_steps = 0;
  std::vector<double> loss_history;
  Eigen::VectorXd times;           // observation times
  Eigen::MatrixXd observed;        // N × 2 observed states
  Eigen::MatrixXd learned;         // N × 2: the learned field solved from the first observed state
  double extrapolation_mse = 0.0;  // mean squared distance of `learned` to `observed` (rows 1…)
  deep::VectorFieldGrid field;     // the learned field on a 21 × 21 grid around the data
  bool running = false;
  std::string message;             // a failed step or impossible settings
};

class OdeRun {
public:
  OdeRun(const deep::NeuralOdeModelSettings& model, const OdeSpiralSettings& spiral, uint32_t seed, bool worker_thread);
  ~OdeRun();
  OdeRun(const OdeRun&) = delete;
  OdeRun& operator=(const OdeRun&) = delete;

  void Play();
  void Pause();
  void StepFor(double milliseconds);  // without a worker, while playing
  std::shared_ptr<const OdeSnapshot> Latest() const;

private:
  bool StepOnce();  // false when finished or failed
  void Publish();
  void Work();

  deep::NeuralOdeModel model_;
  deep::OdeObservations data_;
  bool ready_ = false;
  bool use_worker_ = false;
  std::atomic<bool> playing_{false}, stop_{false}, working_{false};
  std::string message_;  // written by the worker only while it runs; read after joining it
  std::thread worker_;
  mutable std::mutex mutex_;
  std::shared_ptr<const OdeSnapshot> latest_;
};

}  // namespace mlp
