#include "core/metrics/classification_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mlp {

ClassificationReport ScoreClassification(const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted, int classes) {
  ClassificationReport report;
  report.confusion = Eigen::MatrixXi::Zero(classes, classes);
  const Eigen::Index n = truth.size();
  int64_t correct = 0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const int t = static_cast<int>(truth(i)), p = static_cast<int>(predicted(i));
    if (t < 0 || t >= classes || p < 0 || p >= classes) continue;
    ++report.confusion(t, p);
    correct += t == p;
  }
  report.accuracy = n > 0 ? static_cast<double>(correct) / static_cast<double>(n) : 0.0;
  report.per_class.resize(static_cast<size_t>(classes));
  for (int k = 0; k < classes; ++k) {
    const double tp = report.confusion(k, k);
    const double predicted_k = report.confusion.col(k).sum(), actual_k = report.confusion.row(k).sum();
    ClassScores& s = report.per_class[static_cast<size_t>(k)];
    s.precision = predicted_k > 0 ? tp / predicted_k : 0.0;
    s.recall = actual_k > 0 ? tp / actual_k : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
    s.support = static_cast<int64_t>(actual_k);
    report.macro_precision += s.precision / classes;
    report.macro_recall += s.recall / classes;
    report.macro_f1 += s.f1 / classes;
  }
  return report;
}

namespace {

// Cumulative true and false positives at each distinct score, highest score first (sklearn's
// _binary_clf_curve).
void CountsByThreshold(const Eigen::VectorXd& truth, const Eigen::VectorXd& scores, std::vector<double>* tps,
                       std::vector<double>* fps, std::vector<double>* thresholds) {
  std::vector<Eigen::Index> order(static_cast<size_t>(scores.size()));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return scores(a) > scores(b); });
  double tp = 0, fp = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    (truth(order[i]) > 0.5 ? tp : fp) += 1;
    if (i + 1 == order.size() || scores(order[i + 1]) != scores(order[i])) {
      tps->push_back(tp);
      fps->push_back(fp);
      thresholds->push_back(scores(order[i]));
    }
  }
}

}  // namespace

Curve RocCurve(const Eigen::VectorXd& truth, const Eigen::VectorXd& scores) {
  std::vector<double> tps, fps, thresholds;
  CountsByThreshold(truth, scores, &tps, &fps, &thresholds);
  Curve curve;
  curve.x.push_back(0.0);
  curve.y.push_back(0.0);
  curve.thresholds.push_back(thresholds.empty() ? 1.0 : thresholds.front() + 1.0);
  const double positives = tps.empty() ? 0 : tps.back(), negatives = fps.empty() ? 0 : fps.back();
  for (size_t i = 0; i < tps.size(); ++i) {
    curve.x.push_back(negatives > 0 ? fps[i] / negatives : NAN);
    curve.y.push_back(positives > 0 ? tps[i] / positives : NAN);
    curve.thresholds.push_back(thresholds[i]);
  }
  for (size_t i = 1; i < curve.x.size(); ++i)
    curve.area += (curve.x[i] - curve.x[i - 1]) * (curve.y[i] + curve.y[i - 1]) / 2;
  return curve;
}

Curve PrecisionRecallCurve(const Eigen::VectorXd& truth, const Eigen::VectorXd& scores) {
  std::vector<double> tps, fps, thresholds;
  CountsByThreshold(truth, scores, &tps, &fps, &thresholds);
  Curve curve;
  const double positives = tps.empty() ? 0 : tps.back();
  // Every distinct threshold, listed from the lowest (recall 1) up, as scikit-learn 1.2 does.
  const size_t last = tps.size();
  for (size_t j = last; j-- > 0;) {
    const double predicted = tps[j] + fps[j];
    curve.y.push_back(predicted > 0 ? tps[j] / predicted : 0.0);
    curve.x.push_back(positives > 0 ? tps[j] / positives : NAN);
    curve.thresholds.push_back(thresholds[j]);
  }
  curve.x.push_back(0.0);
  curve.y.push_back(1.0);
  // Average precision: Σ (R_n − R_{n−1}) P_n over thresholds from high to low.
  double previous_recall = 0.0;
  for (size_t i = curve.x.size() - 1; i-- > 0;) {
    curve.area += (curve.x[i] - previous_recall) * curve.y[i];
    previous_recall = curve.x[i];
  }
  return curve;
}

RegressionReport ScoreRegression(const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted) {
  RegressionReport report;
  const Eigen::Index n = truth.size();
  if (n == 0) return report;
  const Eigen::ArrayXd error = (truth - predicted).array();
  report.mse = error.square().mean();
  report.mae = error.abs().mean();
  const double ss_res = error.square().sum();
  const double ss_tot = (truth.array() - truth.mean()).square().sum();
  report.r2 = ss_tot > 0 ? 1.0 - ss_res / ss_tot : (ss_res == 0 ? 1.0 : 0.0);
  return report;
}

}  // namespace mlp
