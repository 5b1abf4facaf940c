// Classification metrics with scikit-learn's definitions: accuracy, per-class and averaged
// precision/recall/F1 (a class never predicted has precision 0, as sklearn's zero_division=0
// warning case), the confusion matrix, and for binary problems the ROC and precision–recall
// curves with their areas (roc_auc_score, average_precision_score).
#pragma once

#include <vector>

#include <Eigen/Core>

namespace mlp {

struct ClassScores {
  double precision = 0.0, recall = 0.0, f1 = 0.0;
  int64_t support = 0;  // true rows of the class
};

struct ClassificationReport {
  double accuracy = 0.0;
  std::vector<ClassScores> per_class;
  double macro_precision = 0.0, macro_recall = 0.0, macro_f1 = 0.0;
  Eigen::MatrixXi confusion;  // rows: true class, columns: predicted class (sklearn's layout)
};

// `truth` and `predicted` hold class indices 0..classes−1.
ClassificationReport ScoreClassification(const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted, int classes);

// A curve through (x, y) points in drawing order, and the area the metric reports.
struct Curve {
  std::vector<double> x, y, thresholds;
  double area = 0.0;
};
// ROC of scores for the positive class (truth 1): points at each distinct score, from (0, 0) to
// (1, 1) like roc_curve(drop_intermediate=False); area by the trapezoid rule (roc_auc_score).
Curve RocCurve(const Eigen::VectorXd& truth, const Eigen::VectorXd& scores);
// Precision (y) against recall (x), one point per distinct score from the lowest threshold up,
// then (0, 1), like precision_recall_curve; area =
// average precision Σ (R_n − R_{n−1}) P_n (average_precision_score, no interpolation).
Curve PrecisionRecallCurve(const Eigen::VectorXd& truth, const Eigen::VectorXd& scores);

struct RegressionReport {
  double r2 = 0.0, mse = 0.0, mae = 0.0;
};
// r2_score (1 − SS_res/SS_tot; 0 when the truth is constant and the fit perfect is 1, as sklearn),
// mean_squared_error, mean_absolute_error.
RegressionReport ScoreRegression(const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted);

}  // namespace mlp
