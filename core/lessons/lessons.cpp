#include "core/lessons/lesson.h"
#include "core/lessons/lesson_parts.h"

namespace mlp {

SplitSpec RandomSplit(double test_fraction, uint32_t seed) {
  SplitSpec split;
  split.test_fraction = test_fraction;
  split.seed = seed;
  return split;
}

namespace {

PreprocessSpec Standardise() { return {PreprocessKind::kStandardise, {}, 2}; }

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
        "narrower. The course standardises x and uses sigma = 1 (gamma 0.5) with alpha 0.01: R² about 0.98.";
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
        "vector's influence is. The ringed points are the support vectors: the only training points the "
        "boundary depends on. The thin lines are the margins; points inside them pay a penalty.";
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
        "Each step of the tree asks one more question such as 'is the petal width at most 0.8 cm?'. The first "
        "question already separates setosa perfectly; versicolor and virginica need several more, and a tree "
        "without limits keeps splitting until every training flower is right. Compare train and test accuracy "
        "in Metrics, then limit the depth to 3. The Tree view shows every question, how many flowers reach "
        "each box and how mixed they are; Prediction map shows the rectangles those questions cut.";
    l.source = "iris";
    l.split = RandomSplit(0.25, 0);
    l.model = "decision_tree";
    l.view = "tree";
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
        "reaches a test MSE of about 0.34 on the real file. Importance shows which measurements the trees split "
        "on most: alcohol by far, then volatile acidity and sulphates, the three the real data's forests rank "
        "highest too. Tree shows any one of the hundred.";
    l.source = "wine_like";
    l.split = RandomSplit(0.2, 42);
    l.model = "random_forest_regressor";
    l.model_values = {{"trees", 100}, {"depth", 8}};
    l.view = "metrics";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "least-squares-line";
    l.title = "Least squares through ten noisy points";
    l.section = "Regression";
    l.explanation =
        "Ten points scattered around a line through the origin with slope 10. Least squares picks the slope "
        "that makes the summed squared vertical distances smallest. Fitted on all ten points without an "
        "intercept (as the course does) the slope is 10.375 and R² is 0.966; here one point is held out for "
        "testing. Switch the intercept on and see how little it changes.";
    l.source = "line_noise";
    l.data_seed = 123;
    l.split = RandomSplit(0.1, 0);
    l.model = "linear_regression";
    l.model_values = {{"intercept", 0}};
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "logistic-breast-cancer";
    l.title = "Logistic regression on tumour measurements";
    l.section = "Classification";
    l.explanation =
        "Thirty measurements of cell nuclei, standardised, and a logistic regression that turns a weighted sum "
        "of them into a probability of a benign tumour. Each step is one Newton iteration. In Metrics, look "
        "beyond accuracy: the confusion matrix shows which mistakes it makes, and the ROC and precision-recall "
        "curves show what moving the 0.5 threshold would trade.";
    l.source = "breast_cancer";
    l.steps = {Standardise()};
    l.split = RandomSplit(0.25, 0);
    l.model = "logistic_regression";
    l.view = "metrics";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "kmeans-two-clusters";
    l.title = "k-means finds two clusters";
    l.section = "Clustering";
    l.explanation =
        "Two hundred points from two round clouds, and k-means with k = 2. Step through it: every point goes to "
        "its nearest centre, then each centre moves to the mean of its points. The inertia in Progress only "
        "goes down. The large dots are the centres and the lines their path so far. Try k = 3 or 4: k-means "
        "always finds k groups, whether or not they are there.";
    l.source = "two_clusters";
    l.data_seed = 123;
    l.split = RandomSplit(0.25, 0);
    l.model = "kmeans";
    l.model_values = {{"k", 2}};
    l.view = "map";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "gaussian-mixture-blobs";
    l.title = "A Gaussian mixture fits three blobs";
    l.section = "Clustering";
    l.explanation =
        "Three blobs and a mixture of three Gaussians fitted by expectation-maximisation. Unlike k-means, "
        "every point belongs to every component with some probability, and each component has its own "
        "spread, drawn as its 1 and 2 standard-deviation ellipses. Each step is one EM iteration; the map "
        "shows the most likely component and grey contours of the fitted density.";
    l.source = "blobs";
    l.data_seed = 0;
    l.split = RandomSplit(0.25, 0);
    l.model = "gaussian_mixture";
    l.model_values = {{"k", 3}};
    l.view = "map";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "pca-rotated-gaussian";
    l.title = "Principal components of a tilted cloud";
    l.section = "Dimensionality reduction";
    l.explanation =
        "A thousand points from a correlated two-dimensional Gaussian. The first principal component points "
        "along the cloud's long axis and carries about 88% of the variance (the course prints 0.8798). The arrows on the map are the two "
        "axes; Projection shows the points in the axes' coordinates and each axis's share of the variance.";
    l.source = "rotated_gaussian";
    l.data_seed = 123;
    l.split = RandomSplit(0.25, 0);
    l.model = "pca";
    l.view = "map";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "polynomial-overfitting";
    l.title = "A degree-8 polynomial through ten points";
    l.section = "Regression";
    l.explanation =
        "The same ten noisy points as the straight-line lesson, now with x expanded into x, x², ..., x⁸ (the "
        "polynomial step in the data chain) before least squares. Seven points train it; three are held out. "
        "Eight weights can pass through seven points exactly, so the training error vanishes while the curve "
        "swings between and beyond them. Open Complexity: the training error drops to rounding noise once the "
        "degree reaches 6 (seven numbers with the intercept, seven points), while the test error is lowest "
        "for degree 1 - the truth here is a straight line, so every extra power only fits noise. That gap is "
        "over-fitting. Then try Ridge on the same data: its penalty keeps the weights small and the curve calm.";
    l.source = "line_noise";
    l.data_seed = 123;
    l.steps = {Standardise(), {PreprocessKind::kPolynomial, {}, 8}};
    l.split = RandomSplit(0.3, 0);
    l.model = "linear_regression";
    l.model_values = {{"intercept", 1}};
    l.view = "fit";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "lasso-sparse-polynomial";
    l.title = "Lasso switches weights off";
    l.section = "Regression";
    l.explanation =
        "A noisy sine wave and twelve polynomial features of x: far more flexibility than the data need. Lasso "
        "adds alpha times the sum of the absolute weights to the squared error, and that penalty does something "
        "ridge's squared penalty never does: it sets weights exactly to zero. Each step is one coordinate-descent "
        "sweep; Weights shows the survivors (zero ones are grey). Raise alpha and more switch off; Complexity "
        "shows the test error over alpha, lowest in between too little and too much.";
    l.source = "sinusoid";
    l.source_values = {{"samples", 120}, {"cycles", 1}, {"noise", 0.2}, {"offset", 0}};
    l.data_seed = 1234;
    l.steps = {Standardise(), {PreprocessKind::kPolynomial, {}, 12}, Standardise()};
    l.split = RandomSplit(0.3, 0);
    l.model = "lasso";
    l.model_values = {{"alpha", 0.01}};
    l.view = "importance";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "knn-moons";
    l.title = "k nearest neighbours vote";
    l.section = "Classification";
    l.explanation =
        "No training at all: a new point takes the majority class of the k training points closest to it. "
        "With k = 1 every training point is its own island, so training accuracy is perfect and the boundary "
        "is ragged; larger k smooths the boundary until, at very large k, it ignores the moons' shape. "
        "Complexity sweeps k and shows both errors: the best k sits where the test error bottoms out.";
    l.source = "moons_2d";
    l.source_values = {{"samples", 400}, {"noise", 0.35}};
    l.data_seed = 3;
    l.split = RandomSplit(0.3, 0);
    l.model = "knn_classifier";
    l.model_values = {{"k", 15}};
    l.view = "map";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "monte-carlo-kappa";
    l.title = "Can LEP see the muon asymmetry?";
    l.section = "Monte-Carlo simulation";
    l.workspace = "montecarlo";
    l.explanation =
        "Is kappa = 0.07 distinguishable from 0? One experiment gives one fitted kappa with an error bar; "
        "toy experiments show the whole spread. With 2,000 events per year the three kappa values overlap "
        "heavily (about 1.3 standard deviations apart); with 20,000 they separate at about 4, and with "
        "200,000 at about 13. The error shrinks like 2.49 divided by the square root of the number of events.";
    lessons.push_back(std::move(l));
  }
  AddDeepLessons(lessons);
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
