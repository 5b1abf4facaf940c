#include "core/lessons/lesson.h"

namespace mlp {
namespace {

PreprocessSpec Standardise() { return {PreprocessKind::kStandardise, {}, 2}; }
SplitSpec RandomSplit(double test_fraction, uint32_t seed) {
  SplitSpec split;
  split.test_fraction = test_fraction;
  split.seed = seed;
  return split;
}

std::vector<Lesson> MakeLessons() {
  std::vector<Lesson> lessons;
  {
    Lesson l;
    l.id = "kernel-ridge-sinusoid";
    l.title = "Kernel ridge on a noisy sinusoid";
    l.section = "Kernel methods";
    l.explanation =
        "Two hundred noisy samples of a sine wave. A straight line cannot follow it; kernel ridge regression "
        "with an RBF kernel can, because it fits a weighted sum of bumps centred on the training points. "
        "Lower alpha to let the curve chase the noise, raise it to smooth; raise gamma to make each bump "
        "narrower. The course standardises x and uses sigma = 1 (gamma 0.5) with alpha 0.01: R² ≈ 0.98.";
    l.source = "sinusoid";
    l.data_seed = 1234;
    l.steps = {Standardise()};
    l.split = RandomSplit(0.25, 0);
    l.model = "kernel_ridge";
    l.model_values = {{"alpha", 0.01}, {"kernel", 2}, {"gamma", 0.5}};
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "gaussian-process-toy";
    l.title = "A Gaussian process through four points";
    l.section = "Kernel methods";
    l.explanation =
        "Only four observations. The Gaussian process draws the most likely curve through them and, just as "
        "important, a band showing where it is unsure: narrow at the data, wide in between and outside. Each "
        "step adjusts the length scale, signal and noise to make the data most probable.";
    l.source = "gp_toy";
    l.data_seed = 1234;
    l.split = RandomSplit(0.25, 0);
    l.model = "gaussian_process";
    l.model_values = {{"length", 0.3}, {"noise", 0.01}, {"fit", 1}};
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "svm-moons";
    l.title = "A support-vector machine bends around the moons";
    l.section = "Kernel methods";
    l.explanation =
        "Two interleaving half-moons cannot be split by a straight line. An RBF-kernel SVM draws a curved "
        "boundary with the widest possible margin. Try C: small C accepts a few mistakes for a smoother "
        "boundary, large C insists on separating every training point. Gamma sets how local each support "
        "vector's influence is.";
    l.source = "moons_2d";
    l.source_values = {{"samples", 300}, {"noise", 0.2}};
    l.data_seed = 1;
    l.split = RandomSplit(0.3, 0);
    l.model = "svc";
    l.model_values = {{"c", 1.0}, {"kernel", 2}, {"gamma", 0.5}};
    l.view = "map";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "decision-tree-iris";
    l.title = "A decision tree sorts the iris flowers";
    l.section = "Trees and forests";
    l.explanation =
        "Each step of the tree asks one more question such as 'is the petal length below 2.45 cm?'. The first "
        "question already separates setosa perfectly; versicolor and virginica need several more, and a tree "
        "without limits keeps splitting until every training flower is right. Compare train and test accuracy "
        "in Metrics, then limit the depth to 3.";
    l.source = "iris";
    l.split = RandomSplit(0.25, 0);
    l.model = "decision_tree";
    l.view = "map";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "random-forest-wine-quality";
    l.title = "A random forest predicts wine quality";
    l.section = "Trees and forests";
    l.explanation =
        "The red-wine-like table (synthetic, with the course's quality counts) and a forest of 100 trees of "
        "depth 8, one tree per step. Follow the test error in Metrics: it falls quickly for the first trees and "
        "then flattens, because averaging more trees of the same kind helps less and less. The course's forest "
        "reaches a test MSE of about 0.34 on the real file.";
    l.source = "wine_like";
    l.split = RandomSplit(0.2, 42);
    l.model = "random_forest_regressor";
    l.model_values = {{"trees", 100}, {"depth", 8}};
    l.view = "metrics";
    lessons.push_back(std::move(l));
  }
  return lessons;
}

}  // namespace

const std::vector<Lesson>& Lessons() {
  static const std::vector<Lesson> lessons = MakeLessons();
  return lessons;
}

const Lesson* FindLesson(std::string_view id) {
  for (const Lesson& lesson : Lessons())
    if (lesson.id == id) return &lesson;
  return nullptr;
}

}  // namespace mlp
