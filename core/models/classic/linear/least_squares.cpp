#include "core/models/classic/linear/least_squares.h"

#include <cmath>
#include <limits>

#include <Eigen/SVD>

#include "core/base/format.h"
#include "core/models/classic/supervised_checks.h"

namespace mlp::classic {
namespace {

// The centred problem: x − x̄ and y − ȳ (or the raw data without an intercept).
struct CentredProblem {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  Eigen::RowVectorXd x_mean;
  double y_mean = 0.0;
};

CentredProblem Centre(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, bool fit_intercept) {
  CentredProblem problem{x, y, Eigen::RowVectorXd::Zero(x.cols()), 0.0};
  if (fit_intercept) {
    problem.x_mean = x.colwise().mean();
    problem.y_mean = y.mean();
    problem.x.rowwise() -= problem.x_mean;
    problem.y.array() -= problem.y_mean;
  }
  return problem;
}

// Thin SVD with lstsq's cut-off: singular values ≤ eps·σ_max count as zero.
Eigen::BDCSVD<Eigen::MatrixXd> Decompose(const Eigen::MatrixXd& x) {
  Eigen::BDCSVD<Eigen::MatrixXd> svd(x, Eigen::ComputeThinU | Eigen::ComputeThinV);
  svd.setThreshold(std::numeric_limits<double>::epsilon());
  return svd;
}

// w = V diag(f(s)) Uᵀ y with f(s) = s/(s² + α), and 0 for the singular values cut off.
Eigen::VectorXd SolveFiltered(const Eigen::BDCSVD<Eigen::MatrixXd>& svd, const Eigen::VectorXd& y, double alpha) {
  const Eigen::VectorXd& s = svd.singularValues();
  const Eigen::Index rank = svd.rank();
  Eigen::VectorXd projected = svd.matrixU().leftCols(rank).transpose() * y;
  for (Eigen::Index i = 0; i < rank; ++i) projected(i) *= s(i) / (s(i) * s(i) + alpha);
  return svd.matrixV().leftCols(rank) * projected;
}

Status CheckFinite(const Eigen::VectorXd& coef, const std::string& model) {
  if (coef.allFinite()) return {};
  return Status::Error(model + " produced non-finite coefficients; the features are too large or "
                       "collinear: standardise them or add ridge regularisation.");
}

}  // namespace

std::string LinearRegression::Describe() const {
  return settings_.fit_intercept ? "least squares" : "least squares (no intercept)";
}

Status LinearRegression::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int, uint32_t) {
  ClearFit(x.cols(), "training MSE");
  x_.resize(0, 0);
  y_.resize(0);
  rank_ = 0;
  singular_values_.resize(0);
  if (Status status = CheckRegressionData(x, y, "Least squares"); !status.ok()) return status;
  x_ = x;
  y_ = y;
  return {};
}

Status LinearRegression::Step() {
  if (progress_.finished) return {};
  if (x_.rows() == 0) return Status::Error("Least squares has no training data: call Reset first.");
  const CentredProblem problem = Centre(x_, y_, settings_.fit_intercept);
  const Eigen::BDCSVD<Eigen::MatrixXd> svd = Decompose(problem.x);
  rank_ = svd.rank();
  singular_values_ = svd.singularValues();
  if (rank_ == 0) {
    coef_.setZero();  // every column constant (or zero): only the intercept explains anything
  } else {
    coef_ = SolveFiltered(svd, problem.y, 0.0);
  }
  if (Status status = CheckFinite(coef_, "Least squares"); !status.ok()) return status;
  intercept_ = settings_.fit_intercept ? problem.y_mean - problem.x_mean.dot(coef_) : 0.0;
  fitted_ = true;
  progress_.steps = 1;
  progress_.finished = true;
  progress_.objective = MeanSquaredError(y_, Predict(x_));
  return {};
}

std::string RidgeRegression::Describe() const {
  return "ridge (alpha = " + FormatNumber(settings_.alpha) + (settings_.fit_intercept ? ")" : ", no intercept)");
}

Status RidgeRegression::Reset(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, int, uint32_t) {
  ClearFit(x.cols(), "penalised squared error");
  x_.resize(0, 0);
  y_.resize(0);
  if (!(settings_.alpha >= 0.0) || !std::isfinite(settings_.alpha))
    return Status::Error("Ridge needs a penalty alpha ≥ 0 (0 is plain least squares).");
  if (Status status = CheckRegressionData(x, y, "Ridge"); !status.ok()) return status;
  x_ = x;
  y_ = y;
  return {};
}

Status RidgeRegression::Step() {
  if (progress_.finished) return {};
  if (x_.rows() == 0) return Status::Error("Ridge has no training data: call Reset first.");
  const CentredProblem problem = Centre(x_, y_, settings_.fit_intercept);
  const Eigen::BDCSVD<Eigen::MatrixXd> svd = Decompose(problem.x);
  coef_ = svd.rank() == 0 ? Eigen::VectorXd::Zero(x_.cols()) : SolveFiltered(svd, problem.y, settings_.alpha);
  if (Status status = CheckFinite(coef_, "Ridge"); !status.ok()) return status;
  intercept_ = settings_.fit_intercept ? problem.y_mean - problem.x_mean.dot(coef_) : 0.0;
  fitted_ = true;
  progress_.steps = 1;
  progress_.finished = true;
  const Eigen::VectorXd prediction = Predict(x_);
  progress_.objective = (y_ - prediction).squaredNorm() + settings_.alpha * coef_.squaredNorm();
  return {};
}

}  // namespace mlp::classic
