#include "core/metrics/epoch_history.h"

namespace mlp {

void EpochHistory::Add(const EpochRecord& record) {
  if (++pending_ < stride_ && !records_.empty()) return;
  pending_ = 0;
  records_.push_back(record);
  if (records_.size() < kMaxPoints) return;
  // Keep every second record (the later of each pair) and sample half as often from now on.
  size_t kept = 0;
  for (size_t i = 1; i < records_.size(); i += 2) records_[kept++] = records_[i];
  records_.resize(kept);
  stride_ *= 2;
}

void EpochHistory::Clear() {
  records_.clear();
  stride_ = 1;
  pending_ = 0;
}

}  // namespace mlp
