// EpochHistory: per-epoch metrics of a training run, bounded in memory. Once it holds
// kMaxPoints records it merges neighbours pairwise (keeping the later record of each pair) and
// doubles its stride, so a run of a million epochs still plots its whole shape from ≤ 2048 points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mlp {

struct EpochRecord {
  int64_t epoch = 0;
  float train_loss = 0.0f;
  float test_loss = 0.0f;
  float train_accuracy = 0.0f;  // NaN for regression
  float test_accuracy = 0.0f;   // NaN for regression
};

class EpochHistory {
public:
  static constexpr size_t kMaxPoints = 2048;

  void Add(const EpochRecord& record);
  void Clear();
  const std::vector<EpochRecord>& records() const { return records_; }
  int64_t stride() const { return stride_; }  // epochs between kept records

private:
  std::vector<EpochRecord> records_;
  int64_t stride_ = 1;
  int64_t pending_ = 0;  // epochs seen since the last kept record
};

}  // namespace mlp
