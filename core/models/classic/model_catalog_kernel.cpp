// The catalogue's kernel-methods section: support-vector classifier, kernel ridge, Gaussian process.
#include "core/models/classic/kernels/gaussian_process.h"
#include "core/models/classic/kernels/kernel_ridge.h"
#include "core/models/classic/kernels/support_vector_classifier.h"
#include "core/models/classic/model_catalog.h"

namespace mlp::classic {
namespace {

ParameterSpec Param(std::string key, std::string label, double min, double max, double value, bool integer = false,
                    bool logarithmic = false, std::string help = "") {
  return MakeParameter(std::move(key), std::move(label), min, max, value, integer, logarithmic, std::move(help));
}

// Kernel choice as a slider position: 0 linear, 1 polynomial, 2 RBF.
ParameterSpec KernelChoice(double value) {
  return WithChoices(Param("kernel", "Kernel", 0, 2, value, true, false,
                           "polynomial: (gamma·x·x' + coef0)^degree; RBF: exp(−gamma·|x − x'|²)"),
                     {"linear", "polynomial", "RBF"});
}
KernelType KernelFrom(double v) {
  return v < 0.5 ? KernelType::kLinear : v < 1.5 ? KernelType::kPolynomial : KernelType::kRbf;
}

}  // namespace

void AddKernelModels(std::vector<ModelEntry>* entries) {
  {
    ModelEntry e;
    e.id = "svc";
    e.title = "Support-vector machine";
    e.group = "Classification";
    e.kind = ModelKind::kClassifier;
    e.summary = "Finds the widest margin between classes; only the points on or inside the margin (the support "
                "vectors) decide it. C trades margin width for training errors; gamma sets how local an RBF "
                "kernel is. Each step runs a batch of SMO iterations.";
    e.parameters = {Param("c", "C", 1e-3, 1e3, 1.0, false, true), KernelChoice(2),
                    Param("gamma", "gamma", 1e-3, 1e2, 1.0, false, true), Param("degree", "degree", 1, 6, 3, true)};
    e.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
      SupportVectorSettings s;
      s.c = v[0];
      s.kernel.type = KernelFrom(v[1]);
      s.kernel.gamma = v[2];
      s.kernel.degree = static_cast<int>(v[3]);
      return std::make_unique<SupportVectorClassifier>(s);
    };
    entries->push_back(std::move(e));
  }
  {
    ModelEntry e;
    e.id = "kernel_ridge";
    e.title = "Kernel ridge regression";
    e.group = "Regression";
    e.kind = ModelKind::kRegressor;
    e.summary = "Ridge regression in the feature space of a kernel: a smooth curve through noisy data. alpha "
                "shrinks the fit; an RBF kernel's gamma sets how wiggly it may be.";
    // Defaults suit features on a unit scale (the course standardises x and uses σ = 1, gamma 0.5).
    e.parameters = {Param("alpha", "alpha", 1e-6, 1e2, 0.01, false, true), KernelChoice(2),
                    Param("gamma", "gamma", 1e-3, 1e3, 10.0, false, true), Param("degree", "degree", 1, 8, 3, true)};
    e.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
      KernelRidgeSettings s;
      s.alpha = v[0];
      s.kernel.type = KernelFrom(v[1]);
      s.kernel.gamma = v[2];
      s.kernel.degree = static_cast<int>(v[3]);
      return std::make_unique<KernelRidge>(s);
    };
    entries->push_back(std::move(e));
  }
  {
    ModelEntry e;
    e.id = "gaussian_process";
    e.title = "Gaussian-process regression";
    e.group = "Regression";
    e.kind = ModelKind::kRegressor;
    e.summary = "A distribution over functions: the mean is the prediction and the spread says how sure it is "
                "(widest far from data). With 'fit' on, each step climbs the marginal likelihood of the length "
                "scale, signal and noise.";
    e.parameters = {Param("length", "Length scale", 1e-3, 1e2, 1.0, false, true),
                    Param("noise", "Noise variance", 1e-8, 10, 0.01, false, true),
                    WithChoices(Param("fit", "Hyperparameters", 0, 1, 1, true), {"fixed", "fit by marginal likelihood"})};
    e.make = [](const std::vector<double>& v) -> std::unique_ptr<Model> {
      GaussianProcessSettings s;
      s.length_scale = v[0];
      s.white_noise = true;
      s.noise_level = v[1];
      s.optimize = v[2] > 0.5;
      return std::make_unique<GaussianProcessRegressor>(s);
    };
    entries->push_back(std::move(e));
  }
}

}  // namespace mlp::classic
