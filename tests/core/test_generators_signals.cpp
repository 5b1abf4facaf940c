// Signal and event generators G7 (scintillator waveforms), G8 (SoLid-like events), G9 (COVID-like
// regional series) and G12 (seismic traces): deterministic per seed, shapes, documented
// statistics, and the lessons each is built for.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/data/generators/cut_scan.h"
#include "core/data/generators/scintillator.h"
#include "core/data/generators/solid_like.h"

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

TEST_CASE("Cut scan counts S and B and finds the best figure of merit", "[generators-signals]") {
  const Eigen::VectorXd feature = (Eigen::VectorXd(6) << 0.0, 1.0, 2.0, 3.0, 4.0, 5.0).finished();
  const Eigen::VectorXd signal = (Eigen::VectorXd(6) << 1, 1, 0, 1, 0, 0).finished();
  auto scan = mlp::ScanCut(feature, signal, mlp::CutDirection::kKeepBelow, 6);
  REQUIRE(scan.ok());
  REQUIRE(scan.value().size() == 6);
  const mlp::CutScanPoint& at1 = scan.value()[1];  // keep 0 and 1: S = 2, B = 0
  CHECK(at1.threshold == 1.0);
  CHECK(at1.signal == 2.0);
  CHECK(at1.background == 0.0);
  CHECK(at1.s_over_sqrt_b == 0.0);  // undefined at B = 0
  CHECK(at1.s_over_sqrt_s_plus_b == Approx(2.0 / std::sqrt(2.0)));
  const mlp::CutScanPoint& at3 = scan.value()[3];  // S = 3, B = 1
  CHECK(at3.s_over_sqrt_b == Approx(3.0));
  CHECK(at3.s_over_sqrt_s_plus_b == Approx(1.5));
  CHECK(mlp::BestCut(scan.value(), mlp::FigureOfMerit::kSOverSqrtB) == 3);
  CHECK(mlp::BestCut(scan.value(), mlp::FigureOfMerit::kSOverSqrtSPlusB) == 3);
  auto above = mlp::ScanCut(feature, signal, mlp::CutDirection::kKeepAbove, 6);
  REQUIRE(above.ok());
  CHECK(above.value()[0].signal + above.value()[0].background == 6.0);  // threshold = min keeps all
  CHECK_FALSE(mlp::ScanCut(feature, signal, mlp::CutDirection::kKeepBelow, 1).ok());
  CHECK_FALSE(mlp::ScanCut(feature, Eigen::VectorXd(3), mlp::CutDirection::kKeepBelow, 5).ok());
}

TEST_CASE("G8 SoLid-like events: signal share, sources and a positive ΔT figure of merit", "[generators-signals]") {
  mlp::SolidLikeSettings settings;
  settings.seed = 7;
  auto generated = mlp::GenerateSolidLikeEvents(settings);
  REQUIRE(generated.ok());
  const mlp::Dataset& data = generated.value().data;
  const std::vector<mlp::SolidSource>& source = generated.value().source;
  CHECK(data.name == "SoLid-like IBD events (synthetic)");
  CHECK(data.synthetic);
  REQUIRE(data.size() == 20000);
  REQUIRE(source.size() == 20000);
  REQUIRE(data.feature_names.size() == 6);
  CHECK(data.targets.sum() == 200.0);  // round(0.01 · 20000)
  CHECK(mlp::GenerateSolidLikeEvents(settings).value().data.features == data.features);

  // Per-source means follow the documented distributions.
  std::vector<double> count(4, 0.0), energy(4, 0.0), dt(4, 0.0), cubes(4, 0.0);
  int target_mismatches = 0;
  for (Eigen::Index i = 0; i < data.size(); ++i) {
    const size_t k = static_cast<size_t>(source[static_cast<size_t>(i)]);
    target_mismatches += (data.targets(i) == 1.0) != (k == 0);
    count[k] += 1.0;
    energy[k] += data.features(i, 0);
    dt[k] += data.features(i, 2);
    cubes[k] += data.features(i, 4);
  }
  CHECK(target_mismatches == 0);
  for (size_t k = 0; k < 4; ++k) {
    energy[k] /= count[k];
    dt[k] /= count[k];
    cubes[k] /= count[k];
  }
  CHECK(count[1] == Approx(0.6 * 19800).margin(1.0));
  CHECK(count[2] == Approx(0.25 * 19800).margin(1.0));
  CHECK(dt[0] == Approx(60.0).epsilon(0.15));   // τ = 60 µs (truncation at 500 µs is negligible)
  CHECK(dt[1] == Approx(250.0).epsilon(0.05));  // flat in [0, 500)
  CHECK(dt[3] < 1.0);                           // BiPo: τ = 0.43 µs
  CHECK(energy[2] > energy[0]);                 // fast neutrons deposit more
  CHECK(energy[3] < energy[0]);                 // BiPo is low energy
  CHECK(cubes[2] > cubes[0]);

  // The best one-sided ΔT cut beats keeping everything on both figures of merit.
  auto scan = mlp::ScanCut(data.features.col(2), data.targets, mlp::CutDirection::kKeepBelow, 200);
  REQUIRE(scan.ok());
  const mlp::CutScanPoint& all = scan.value().back();
  CHECK(all.signal == 200.0);
  CHECK(all.background == 19800.0);
  const int best = mlp::BestCut(scan.value(), mlp::FigureOfMerit::kSOverSqrtB);
  REQUIRE(best >= 0);
  const mlp::CutScanPoint& cut = scan.value()[static_cast<size_t>(best)];
  INFO("best ΔT cut " << cut.threshold << " µs: S = " << cut.signal << ", B = " << cut.background << ", S/√B = " << cut.s_over_sqrt_b);
  CHECK(cut.s_over_sqrt_b > 0.0);
  CHECK(cut.s_over_sqrt_b > all.s_over_sqrt_b);
  CHECK(cut.threshold < 300.0);
  const int best_sb = mlp::BestCut(scan.value(), mlp::FigureOfMerit::kSOverSqrtSPlusB);
  CHECK(scan.value()[static_cast<size_t>(best_sb)].s_over_sqrt_s_plus_b > all.s_over_sqrt_s_plus_b);

  mlp::SolidLikeSettings bad;
  bad.signal_fraction = 0.0;
  CHECK_FALSE(mlp::GenerateSolidLikeEvents(bad).ok());
  bad = mlp::SolidLikeSettings();
  bad.accidental_weight = bad.fast_neutron_weight = bad.bipo_weight = 0.0;
  CHECK_FALSE(mlp::GenerateSolidLikeEvents(bad).ok());
}
