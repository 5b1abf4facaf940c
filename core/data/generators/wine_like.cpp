// G1 construction (see wine_like.h):
//  1. z ~ N(0, R) in 11 dimensions, R a correlation matrix holding the real file's main pairwise
//     correlations (the Gaussian copula); L is its Cholesky factor, z = L·n with n standard normal.
//  2. Each column maps its z through its marginal: normal (mean + sd·z), log-normal with the target
//     mean and SD (the right-skewed columns, and the two acidities, which are skewed in the real
//     file too and would otherwise go negative at −3σ), or, for citric acid, a normal clipped at 0 whose pre-clip parameters are solved
//     so that the clipped values still have the target mean and SD (the real column has many zeros).
//  3. Quality score s = wᵀ z_q + e over q = (alcohol, volatile acidity, sulphates, citric acid), with
//     w = R_q⁻¹ r and Var(e) = 1 − rᵀR_q⁻¹r, so that corr(s, z_i) = r_i exactly. r is the real
//     file's correlation with quality divided by kGradeAttenuation, because cutting s into six
//     grades lowers a Pearson correlation by about that factor. Rows ranked by s receive the grades
//     in kWineQualityCounts order, lowest scores first.
#include "core/data/generators/wine_like.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

#include <Eigen/Cholesky>
#include <Eigen/Dense>

#include "core/base/rng.h"

namespace mlp {
namespace {

enum Column { kFixed, kVolatile, kCitric, kSugar, kChlorides, kFreeSo2, kTotalSo2, kDensity, kPh, kSulphates, kAlcohol };

// Fraction of a latent correlation that survives the cut into six very unequal grades (measured on
// this generator over several seeds: corr(alcohol, quality) / corr(alcohol, score)).
constexpr double kGradeAttenuation = 0.88;

struct PairCorrelation {
  Column a, b;
  double r;
};

// Approximate pairwise correlations of winequality-red.csv; unlisted pairs are 0.
constexpr PairCorrelation kCopulaCorrelations[] = {
    {kFixed, kVolatile, -0.26}, {kFixed, kCitric, 0.67},     {kFixed, kDensity, 0.67},  {kFixed, kPh, -0.68},
    {kFixed, kSulphates, 0.18}, {kVolatile, kCitric, -0.55}, {kVolatile, kSulphates, -0.26},
    {kVolatile, kPh, 0.23},     {kVolatile, kAlcohol, -0.20}, {kCitric, kPh, -0.54},     {kCitric, kDensity, 0.36},
    {kCitric, kSulphates, 0.31}, {kCitric, kAlcohol, 0.11},  {kSugar, kDensity, 0.36},  {kChlorides, kSulphates, 0.37},
    {kChlorides, kDensity, 0.20}, {kChlorides, kAlcohol, -0.22}, {kFreeSo2, kTotalSo2, 0.67},
    {kTotalSo2, kAlcohol, -0.21}, {kDensity, kAlcohol, -0.50}, {kDensity, kPh, -0.34},   {kPh, kAlcohol, 0.21},
    {kSulphates, kAlcohol, 0.09},
};

struct QualityDriver {
  Column column;
  double r;  // the real file's correlation with quality
};
constexpr QualityDriver kQualityDrivers[] = {
    {kAlcohol, 0.48}, {kVolatile, -0.39}, {kSulphates, 0.25}, {kCitric, 0.23}};

Eigen::MatrixXd CopulaCorrelation() {
  Eigen::MatrixXd r = Eigen::MatrixXd::Identity(kWineLikeFeatures, kWineLikeFeatures);
  for (const PairCorrelation& p : kCopulaCorrelations) r(p.a, p.b) = r(p.b, p.a) = p.r;
  return r;
}

// Cholesky factor of R; if rounding of the listed correlations left R indefinite, shrink the
// off-diagonal part towards 0 until it is positive definite (deterministic, no randomness).
Eigen::MatrixXd CopulaFactor(const Eigen::MatrixXd& r) {
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(r.rows(), r.cols());
  for (double keep = 1.0; keep > 0.0; keep -= 0.02) {
    Eigen::LLT<Eigen::MatrixXd> llt(keep * r + (1.0 - keep) * identity);
    if (llt.info() == Eigen::Success) return llt.matrixL();
  }
  return identity;
}

double StandardNormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
double StandardNormalPdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * 3.14159265358979323846); }

// Pre-clip (mean, sd) of X ~ N(m, s) such that max(0, X) has the given mean and sd. Uses the
// censored-normal moments E[Y] = mΦ(a) + sφ(a), E[Y²] = (m² + s²)Φ(a) + msφ(a), a = m/s, and a
// damped fixed-point iteration that converges for the mildly censored case used here.
std::pair<double, double> ClippedNormalParameters(double mean, double sd) {
  double m = mean, s = sd;
  for (int iteration = 0; iteration < 500; ++iteration) {
    const double a = m / s, cdf = StandardNormalCdf(a), pdf = StandardNormalPdf(a);
    const double y1 = m * cdf + s * pdf;
    const double y2 = (m * m + s * s) * cdf + m * s * pdf;
    const double y_sd = std::sqrt(std::max(y2 - y1 * y1, 1e-300));
    m += mean - y1;
    s *= sd / y_sd;
  }
  return {m, s};
}

}  // namespace

const std::vector<std::string>& WineLikeColumnNames() {
  static const std::vector<std::string> names = {
      "fixed acidity", "volatile acidity",    "citric acid",          "residual sugar",
      "chlorides",     "free sulfur dioxide", "total sulfur dioxide", "density",
      "pH",            "sulphates",           "alcohol",              "quality"};
  return names;
}

const std::array<WineMarginal, kWineLikeFeatures>& WineLikeMarginals() {
  static const std::array<WineMarginal, kWineLikeFeatures> marginals = {{
      {8.32, 1.74, true},        // fixed acidity, g(tartaric acid)/dm³
      {0.528, 0.179, true},      // volatile acidity, g(acetic acid)/dm³
      {0.271, 0.195, false},     // citric acid, g/dm³, clipped at 0
      {2.54, 1.41, true},        // residual sugar, g/dm³
      {0.087, 0.047, true},      // chlorides, g(sodium chloride)/dm³
      {15.9, 10.5, true},        // free sulfur dioxide, mg/dm³
      {46.5, 32.9, true},        // total sulfur dioxide, mg/dm³
      {0.99675, 0.00189, false}, // density, g/cm³
      {3.31, 0.154, false},      // pH
      {0.658, 0.170, true},      // sulphates, g(potassium sulphate)/dm³
      {10.42, 1.07, false},      // alcohol, % vol
  }};
  return marginals;
}

Dataset GenerateWineLike(const WineLikeSettings& settings) {
  Rng rng(settings.seed);
  const Eigen::MatrixXd correlation = CopulaCorrelation();
  const Eigen::MatrixXd factor = CopulaFactor(correlation);

  // Quality weights in the latent space (step 3 of the file comment).
  constexpr int kDrivers = static_cast<int>(std::size(kQualityDrivers));
  Eigen::MatrixXd driver_correlation(kDrivers, kDrivers);
  Eigen::VectorXd driver_target(kDrivers);
  for (int i = 0; i < kDrivers; ++i) {
    driver_target(i) = kQualityDrivers[i].r / kGradeAttenuation;
    for (int j = 0; j < kDrivers; ++j) driver_correlation(i, j) = correlation(kQualityDrivers[i].column, kQualityDrivers[j].column);
  }
  const Eigen::VectorXd weights = driver_correlation.ldlt().solve(driver_target);
  const double noise_sd = std::sqrt(std::max(1.0 - driver_target.dot(weights), 0.0)) * settings.noise_scale;

  const auto [citric_mean, citric_sd] = ClippedNormalParameters(WineLikeMarginals()[kCitric].mean, WineLikeMarginals()[kCitric].sd);

  Dataset data;
  data.name = "Red-wine-like (synthetic)";
  data.task = TaskKind::kRegression;
  data.features.resize(kWineLikeRows, kWineLikeFeatures);
  data.feature_names.assign(WineLikeColumnNames().begin(), WineLikeColumnNames().begin() + kWineLikeFeatures);
  std::vector<double> score(kWineLikeRows);
  Eigen::VectorXd standard(kWineLikeFeatures);
  for (int row = 0; row < kWineLikeRows; ++row) {
    for (int c = 0; c < kWineLikeFeatures; ++c) standard(c) = rng.Normal();
    const Eigen::VectorXd z = factor * standard;
    for (int c = 0; c < kWineLikeFeatures; ++c) {
      const WineMarginal& m = WineLikeMarginals()[static_cast<size_t>(c)];
      double value;
      if (c == kCitric) {
        value = std::max(0.0, citric_mean + citric_sd * z(c));
      } else if (m.log_normal) {
        const double log_var = std::log1p((m.sd * m.sd) / (m.mean * m.mean));
        value = std::exp(std::log(m.mean) - 0.5 * log_var + std::sqrt(log_var) * z(c));
      } else {
        value = m.mean + m.sd * z(c);
      }
      data.features(row, c) = value;
    }
    double s = noise_sd * rng.Normal();
    for (int i = 0; i < kDrivers; ++i) s += weights(i) * z(kQualityDrivers[i].column);
    score[static_cast<size_t>(row)] = s;
  }

  // Grades by rank of the score; stable sort so ties (probability 0) still give a fixed order.
  std::vector<int> order(kWineLikeRows);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return score[static_cast<size_t>(a)] < score[static_cast<size_t>(b)]; });
  data.targets.resize(kWineLikeRows);
  size_t next = 0;
  for (size_t grade = 0; grade < kWineQualityCounts.size(); ++grade) {
    for (int k = 0; k < kWineQualityCounts[grade]; ++k) data.targets(order[next++]) = kWineLowestQuality + static_cast<double>(grade);
  }
  return data;
}

}  // namespace mlp
