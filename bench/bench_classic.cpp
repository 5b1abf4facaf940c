// Fit and predict times of the classic models on the benchmark tasks of issue 4. The arrays are
// drawn in C++ by core/bench/classic_tasks (the same code the web builds' benchmarkClassic runs),
// reproducing bench/classic_bench.py's NumPy draws. Prints one JSON line per task:
//   {"task": "...", "fit_s": ..., "predict_s": ..., "checksum": ..., "threads": ...,
//    "x_max_diff": ..., "y_max_diff": ...}
// With --compare DIR, each task's arrays are also read from DIR/<task>_x.npy and _y.npy (written by
// classic_bench.py) and the largest absolute difference from ours is reported (0 = identical);
// without it the two fields are absent.
// Usage: bench_classic [--compare DIR] [task ...]      (tasks: all, in the script's order)
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/base/json_writer.h"
#include "core/bench/classic_tasks.h"
#include "core/data/io/npy.h"

namespace {

// The .npy array as a rows × cols matrix (a 1-d array is one column).
mlp::Result<Eigen::MatrixXd> ReadMatrix(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return mlp::Status::Error("cannot open " + path);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto array = mlp::io::ParseNpy(bytes.data(), bytes.size());
  if (!array.ok()) return mlp::Status::Error(path + ": " + array.status().message());
  const auto& a = array.value();
  const Eigen::Index rows = a.shape.empty() ? 1 : a.shape[0];
  const Eigen::Index cols = a.shape.size() < 2 ? 1 : a.shape[1];
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r)
    for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = a.values[static_cast<size_t>(r * cols + c)];
  return m;
}

// Largest |ours − theirs|; infinity when the shapes differ or the file cannot be read.
double MaxDifference(const Eigen::MatrixXd& ours, const std::string& path) {
  const auto theirs = ReadMatrix(path);
  if (!theirs.ok()) {
    std::fprintf(stderr, "%s\n", theirs.status().message().c_str());
    return INFINITY;
  }
  if (theirs.value().rows() != ours.rows() || theirs.value().cols() != ours.cols()) return INFINITY;
  return (theirs.value() - ours).cwiseAbs().maxCoeff();
}

}  // namespace

int main(int argc, char** argv) {
  std::string compare_dir;
  std::vector<std::string> tasks;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--compare" && i + 1 < argc) {
      compare_dir = argv[++i];
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "usage: %s [--compare DIR] [task ...]\n", argv[0]);
      return 2;
    } else {
      tasks.push_back(arg);
    }
  }
  if (tasks.empty()) tasks = mlp::bench::ClassicTaskNames();

  int failures = 0;
  for (const std::string& task : tasks) {
    const auto data = mlp::bench::MakeClassicTaskData(task);
    if (!data.ok()) {
      std::fprintf(stderr, "%s\n", data.status().message().c_str());
      ++failures;
      continue;
    }
    const auto timing = mlp::bench::TimeClassicTask(task, data.value());
    if (!timing.ok()) {
      std::fprintf(stderr, "%s\n", timing.status().message().c_str());
      ++failures;
      continue;
    }
    std::string line = mlp::bench::ClassicTimingJson(timing.value());
    if (!compare_dir.empty()) {
      mlp::JsonWriter diffs;
      diffs.Add("x_max_diff", MaxDifference(data.value().x, compare_dir + "/" + task + "_x.npy"));
      diffs.Add("y_max_diff", MaxDifference(data.value().y, compare_dir + "/" + task + "_y.npy"));
      line = line.substr(0, line.size() - 1) + ", " + diffs.Finish().substr(1);  // merge the two objects
    }
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  }
  return failures ? 1 : 0;
}
