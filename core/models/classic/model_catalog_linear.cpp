// The catalogue's linear section: least squares, ridge, lasso and gradient-descent regression,
// logistic regression (Newton and gradient descent), and k-nearest neighbours (the other
// "fit a simple rule to the rows" family of the same lesson).
#include "core/models/classic/linear/gradient_descent_regression.h"
#include "core/models/classic/linear/lasso.h"
#include "core/models/classic/linear/least_squares.h"
#include "core/models/classic/linear/logistic_regression.h"
#include "core/models/classic/model_catalog.h"
#include "core/models/classic/neighbors/k_neighbors.h"

namespace mlp::classic {
namespace {

ParameterSpec Param(std::string key, std::string label, double min, double max, double value, bool integer = false,
                    bool logarithmic = false, std::string help = "") {
  return MakeParameter(std::move(key), std::move(label), min, max, value, integer, logarithmic, std::move(help));
}

ParameterSpec Intercept() {
  return WithChoices(Param("intercept", "Intercept", 0, 1, 1, true, false,
                           "fit a constant term b, or make the fit go through the origin"),
                     {"through the origin", "fitted"});
}

ModelEntry Entry(std::string id, std::string title, std::string group, ModelKind kind, std::string summary) {
  ModelEntry e;
  e.id = std::move(id);
  e.title = std::move(title);
  e.group = std::move(group);
  e.kind = kind;
  e.summary = std::move(summary);
  return e;
}

void AddRegressors(std::vector<ModelEntry>* entries) {
  ModelEntry ols = Entry("linear_regression", "Linear regression (least squares)", "Regression", ModelKind::kRegressor,
                         "The straight line (or plane) with the smallest sum of squared errors, solved exactly in one "
                         "step. Add polynomial features in the data chain to see it over-fit.");
  ols.parameters = {Intercept()};
  ols.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
    return std::make_unique<LinearRegression>(LinearRegressionSettings{v[0] > 0.5});
  };
  entries->push_back(std::move(ols));

  ModelEntry ridge = Entry("ridge", "Ridge regression", "Regression", ModelKind::kRegressor,
                           "Least squares plus a penalty alpha·|w|² that keeps the weights small: a larger alpha "
                           "gives a flatter, more stable fit. Solved exactly in one step.");
  ridge.parameters = {Param("alpha", "alpha", 1e-6, 1e6, 1.0, false, true), Intercept()};
  ridge.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
    return std::make_unique<RidgeRegression>(RidgeSettings{v[0], v[1] > 0.5});
  };
  entries->push_back(std::move(ridge));

  ModelEntry lasso = Entry("lasso", "Lasso regression", "Regression", ModelKind::kRegressor,
                           "Least squares plus alpha·|w|₁, which sets unhelpful weights exactly to zero. Each step "
                           "is one coordinate-descent sweep over the features; watch weights switch off as alpha grows.");
  lasso.parameters = {Param("alpha", "alpha", 1e-4, 1e3, 1.0, false, true), Intercept(),
                      Param("max_iter", "Sweeps (max)", 1, 10000, 1000, true, true)};
  lasso.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
    return std::make_unique<LassoRegression>(LassoSettings{v[0], v[1] > 0.5, static_cast<int>(v[2]), 1e-4});
  };
  entries->push_back(std::move(lasso));

  ModelEntry gd = Entry("linear_gd", "Linear regression (gradient descent)", "Regression", ModelKind::kRegressor,
                        "The same least-squares line, found by walking downhill on the mean squared error one step "
                        "at a time. Too large a learning rate overshoots and diverges; standardised features help.");
  gd.parameters = {Param("learning_rate", "Learning rate", 1e-5, 1.0, 0.01, false, true),
                   Param("max_iter", "Steps (max)", 1, 100000, 1000, true, true), Intercept()};
  gd.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
    return std::make_unique<GradientDescentRegression>(
        GradientDescentRegressionSettings{v[0], static_cast<int>(v[1]), 0.0, v[2] > 0.5});
  };
  entries->push_back(std::move(gd));
}

void AddClassifiers(std::vector<ModelEntry>* entries) {
  ModelEntry logistic = Entry("logistic_regression", "Logistic regression", "Classification",
                              ModelKind::kClassifier,
                              "A linear score per class turned into probabilities (sigmoid for two classes, softmax "
                              "for more). C is the inverse penalty: small C, simpler boundary. Each step is one "
                              "Newton step; it converges in a handful.");
  logistic.parameters = {Param("c", "C", 1e-4, 1e4, 1.0, false, true), Intercept()};
  logistic.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
    return std::make_unique<LogisticRegression>(LogisticRegressionSettings{v[0], v[1] > 0.5, 100, 1e-4});
  };
  entries->push_back(std::move(logistic));

  ModelEntry logistic_gd = Entry("logistic_gd", "Logistic regression (gradient descent)", "Classification",
                                 ModelKind::kClassifier,
                                 "The same model trained by plain gradient descent on the average log-loss: watch "
                                 "the boundary turn and sharpen step by step.");
  logistic_gd.parameters = {Param("c", "C", 1e-4, 1e4, 1.0, false, true),
                            Param("learning_rate", "Learning rate", 1e-4, 10.0, 0.1, false, true),
                            Param("max_iter", "Steps (max)", 1, 100000, 1000, true, true), Intercept()};
  logistic_gd.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
    return std::make_unique<LogisticRegressionGD>(
        LogisticRegressionGDSettings{v[0], v[3] > 0.5, v[1], static_cast<int>(v[2]), 1e-6});
  };
  entries->push_back(std::move(logistic_gd));
}

ParameterSpec Neighbours() { return Param("k", "Neighbours k", 1, 50, 5, true); }
ParameterSpec Weighting() {
  return WithChoices(Param("weights", "Votes", 0, 1, 0, true, false,
                           "one vote per neighbour, or votes weighted by 1/distance"),
                     {"uniform", "by 1/distance"});
}
NeighborWeights WeightsFrom(double v) { return v > 0.5 ? NeighborWeights::kDistance : NeighborWeights::kUniform; }

void AddNeighbours(std::vector<ModelEntry>* entries) {
  ModelEntry classifier = Entry("knn_classifier", "k-nearest neighbours", "Classification", ModelKind::kClassifier,
                                "Labels a point by a vote of the k closest training points (Euclidean distance). "
                                "Small k follows every wiggle of the data, large k smooths; scale the features first.");
  classifier.parameters = {Neighbours(), Weighting()};
  classifier.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
    return std::make_unique<KNeighborsClassifier>(KNeighborsSettings{static_cast<int>(v[0]), WeightsFrom(v[1])});
  };
  entries->push_back(std::move(classifier));

  ModelEntry regressor = Entry("knn_regressor", "k-nearest neighbours regression", "Regression",
                               ModelKind::kRegressor,
                               "Predicts the average target of the k closest training points: a step-like curve "
                               "that smooths as k grows.");
  regressor.parameters = {Neighbours(), Weighting()};
  regressor.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
    return std::make_unique<KNeighborsRegressor>(KNeighborsSettings{static_cast<int>(v[0]), WeightsFrom(v[1])});
  };
  entries->push_back(std::move(regressor));
}

}  // namespace

void AddLinearModels(std::vector<ModelEntry>* entries) {
  AddRegressors(entries);
  AddClassifiers(entries);
  AddNeighbours(entries);
}

}  // namespace mlp::classic
