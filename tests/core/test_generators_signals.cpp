// Signal and event generators G7 (scintillator waveforms), G8 (SoLid-like events), G9 (COVID-like
// regional series) and G12 (seismic traces): deterministic per seed, shapes, documented
// statistics, and the lessons each is built for.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/data/generators/scintillator.h"

namespace {

// Best accuracy of a one-sided threshold on `value` (either direction) for 0/1 targets.
double BestThresholdAccuracy(const Eigen::VectorXd& value, const Eigen::VectorXd& target) {
  std::vector<Eigen::Index> order(static_cast<size_t>(value.size()));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return value(a) < value(b); });
  const double n = static_cast<double>(value.size());
  const double positives = target.sum();
  double positives_below = 0.0, best = 0.0;
  for (size_t k = 0; k <= order.size(); ++k) {
    const double below = static_cast<double>(k);
    // "class 1 above the threshold" and "class 1 below" after k rows.
    const double above_rule = (below - positives_below) + (positives - positives_below);
    best = std::max({best, above_rule / n, (n - above_rule) / n});
    if (k < order.size()) positives_below += target(order[k]);
  }
  return best;
}

}  // namespace

TEST_CASE("G7 scintillator waveforms: shape, determinism, baseline and pulse start", "[generators-signals]") {
  mlp::ScintillatorSettings settings;
  settings.seed = 3;
  settings.waveforms = 400;
  auto generated = mlp::GenerateScintillatorWaveforms(settings);
  REQUIRE(generated.ok());
  const mlp::Dataset& data = generated.value();
  CHECK(data.name == "Scintillator waveforms (synthetic)");
  CHECK(data.synthetic);
  CHECK(data.layout == mlp::SampleLayout::kSignal);
  CHECK(data.sample_shape == std::vector<int>{1000});
  REQUIRE(data.features.rows() == 400);
  REQUIRE(data.features.cols() == 1000);
  CHECK(data.class_names == std::vector<std::string>{"ES", "NS"});
  CHECK(data.targets.sum() == 200.0);  // round(0.5 · 400) NS rows exactly
  CHECK(mlp::GenerateScintillatorWaveforms(settings).value().features == data.features);
  settings.seed = 4;
  CHECK(mlp::GenerateScintillatorWaveforms(settings).value().features != data.features);

  // Pre-trigger baseline (samples 0–199): mean 0, σ = 0.07 p.e. apart from rare dark counts;
  // the median absolute deviation ignores those: MAD·1.4826 ≈ σ.
  std::vector<double> deviations;
  for (Eigen::Index i = 0; i < 50; ++i) {
    for (int k = 0; k < 200; ++k) deviations.push_back(std::fabs(data.features(i, k)));
  }
  std::nth_element(deviations.begin(), deviations.begin() + deviations.size() / 2, deviations.end());
  CHECK(1.4826 * deviations[deviations.size() / 2] == Approx(0.07).epsilon(0.1));
  // ES pulses peak a few samples after t0 = 250.
  for (Eigen::Index i = 0; i < data.size(); ++i) {
    if (data.targets(i) != 0.0) continue;
    Eigen::Index peak;
    data.features.row(i).maxCoeff(&peak);
    if (data.features(i, peak) > 5.0) {
      CHECK(peak >= 240);
      CHECK(peak <= 270);
    }
  }

  mlp::ScintillatorSettings bad;
  bad.ns_fraction = 1.5;
  CHECK_FALSE(mlp::GenerateScintillatorWaveforms(bad).ok());
  bad = mlp::ScintillatorSettings();
  bad.length = 100;
  CHECK_FALSE(mlp::GenerateScintillatorWaveforms(bad).ok());
  bad = mlp::ScintillatorSettings();
  bad.es_decay_min = 1.0;  // not above the rise constant
  CHECK_FALSE(mlp::GenerateScintillatorWaveforms(bad).ok());
}

TEST_CASE("G7 scintillator: simple cuts separate the classes well but not perfectly", "[generators-signals]") {
  mlp::ScintillatorSettings settings;
  settings.seed = 11;
  auto waves = mlp::GenerateScintillatorWaveforms(settings);
  REQUIRE(waves.ok());
  auto features = mlp::ScintillatorPulseFeatures(waves.value());
  REQUIRE(features.ok());
  const mlp::Dataset& f = features.value();
  REQUIRE(f.feature_names == std::vector<std::string>{"pulse_integral", "peak_height", "tail_fraction"});
  CHECK(f.layout == mlp::SampleLayout::kTabular);
  const double tail_accuracy = BestThresholdAccuracy(f.features.col(2), f.targets);
  const double peak_accuracy = BestThresholdAccuracy(f.features.col(1), f.targets);
  const double integral_accuracy = BestThresholdAccuracy(f.features.col(0), f.targets);
  INFO("best cut accuracy: tail fraction " << tail_accuracy << ", peak " << peak_accuracy << ", integral " << integral_accuracy);
  CHECK(tail_accuracy > 0.85);
  CHECK(tail_accuracy < 0.99);
  CHECK(peak_accuracy < 0.99);
  CHECK(integral_accuracy < tail_accuracy);
  // Mean tail fraction: ES near 0, NS well above.
  double es = 0.0, ns = 0.0;
  for (Eigen::Index i = 0; i < f.size(); ++i) (f.targets(i) == 0.0 ? es : ns) += f.features(i, 2);
  es /= static_cast<double>(f.size()) - f.targets.sum();
  ns /= f.targets.sum();
  CHECK(es < 0.3);
  CHECK(ns > 0.5);

  mlp::Dataset tabular = f;
  CHECK_FALSE(mlp::ScintillatorPulseFeatures(tabular).ok());
}
