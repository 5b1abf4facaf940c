// KappaRun: the Monte-Carlo κ study (classic::KappaEnsemble) running while the UI watches the
// κ̂ histograms fill. Play continues it on a worker thread (or, without threads, the frame loop
// calls StepFor); each published snapshot is an immutable copy of the cases so far.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/models/classic/montecarlo/kappa_ensemble.h"

namespace mlp {

struct KappaSnapshot {
  std::vector<classic::KappaCase> cases;
  std::vector<double> separation, expected_separation;  // per case (NaN where undefined)
  int64_t done = 0, total = 0;
  bool running = false;
  std::string message;  // why the study stopped early or could not start
};

class KappaRun {
public:
  KappaRun(const classic::KappaEnsembleSettings& settings, bool worker_thread);
  ~KappaRun();
  KappaRun(const KappaRun&) = delete;
  KappaRun& operator=(const KappaRun&) = delete;

  void Play();
  void Pause();
  // Without a worker: runs toys for up to `milliseconds` while playing.
  void StepFor(double milliseconds);
  std::shared_ptr<const KappaSnapshot> Latest() const;

private:
  void Publish();
  void Work();  // the worker: toys until finished or paused

  classic::KappaEnsemble ensemble_;
  bool use_worker_ = false;
  std::atomic<bool> playing_{false};
  std::string message_;  // written by the worker only while it runs; read after joining it
  std::atomic<bool> stop_{false};
  std::atomic<bool> working_{false};  // the worker has not finished its loop yet
  std::thread worker_;
  mutable std::mutex mutex_;
  std::shared_ptr<const KappaSnapshot> latest_;
};

}  // namespace mlp
