// The catalogue's tree section: decision trees and random forests, for classes and for values.
#include "core/models/classic/model_catalog.h"
#include "core/models/classic/trees/decision_tree.h"
#include "core/models/classic/trees/random_forest.h"

namespace mlp::classic {
namespace {

ParameterSpec Param(std::string key, std::string label, double min, double max, double value, bool integer = true,
                    std::string help = "") {
  return MakeParameter(std::move(key), std::move(label), min, max, value, integer, false, std::move(help));
}
int Depth(double v) { return v < 0.5 ? -1 : static_cast<int>(v); }  // 0 on the slider = unlimited

ModelEntry Tree(bool classifier) {
  ModelEntry e;
  e.id = classifier ? "decision_tree" : "decision_tree_regressor";
  e.title = classifier ? "Decision tree" : "Decision tree (regression)";
  e.group = classifier ? "Classification" : "Regression";
  e.kind = classifier ? ModelKind::kClassifier : ModelKind::kRegressor;
  e.summary = "Asks one yes/no question about one feature at a time, choosing the question that makes the two "
              "groups purest. Each step decides one node, so the map sharpens as the tree grows. A deep tree "
              "memorises the training rows: limit the depth or the leaf size and compare the test score.";
  e.parameters = {Param("depth", "Max depth (0 = unlimited)", 0, 30, 0), Param("min_split", "Min rows to split", 2, 100, 2),
                  Param("min_leaf", "Min rows per leaf", 1, 100, 1)};
  if (classifier) e.parameters.push_back(WithChoices(Param("entropy", "Split criterion", 0, 1, 0), {"Gini", "entropy"}));
  e.make = [classifier](const std::vector<double>& v) -> std::unique_ptr<Model> {
    DecisionTreeSettings s;
    s.criterion = !classifier ? SplitCriterion::kSquaredError : v[3] > 0.5 ? SplitCriterion::kEntropy : SplitCriterion::kGini;
    s.max_depth = Depth(v[0]);
    s.min_samples_split = static_cast<int>(v[1]);
    s.min_samples_leaf = static_cast<int>(v[2]);
    return std::make_unique<DecisionTree>(s);
  };
  return e;
}

ModelEntry Forest(bool classifier) {
  ModelEntry e;
  e.id = classifier ? "random_forest" : "random_forest_regressor";
  e.title = classifier ? "Random forest" : "Random forest (regression)";
  e.group = classifier ? "Classification" : "Regression";
  e.kind = classifier ? ModelKind::kClassifier : ModelKind::kRegressor;
  e.summary = "Many trees, each grown on a bootstrap sample of the rows and looking at a random subset of "
              "features at every node; their votes (or average) are steadier than any one tree. Each step "
              "adds a tree: watch the test score and the out-of-bag score (each row judged only by the trees "
              "that never saw it) rise and level off.";
  e.parameters = {Param("trees", "Trees", 1, 500, 100), Param("depth", "Max depth (0 = unlimited)", 0, 30, 8),
                  Param("min_leaf", "Min rows per leaf", 1, 100, 1)};
  e.make = [classifier](const std::vector<double>& v) -> std::unique_ptr<Model> {
    RandomForestSettings s;
    s.criterion = classifier ? SplitCriterion::kGini : SplitCriterion::kSquaredError;
    s.n_estimators = static_cast<int>(v[0]);
    s.max_depth = Depth(v[1]);
    s.min_samples_leaf = static_cast<int>(v[2]);
    s.oob_score = true;  // the objective the Progress view follows: a free held-out score per tree
    return std::make_unique<RandomForest>(s);
  };
  return e;
}

}  // namespace

void AddTreeModels(std::vector<ModelEntry>* entries) {
  entries->push_back(Tree(true));
  entries->push_back(Forest(true));
  entries->push_back(Tree(false));
  entries->push_back(Forest(false));
}

}  // namespace mlp::classic
