// Signal and event generators G7 (scintillator waveforms), G8 (SoLid-like events), G9 (COVID-like
// regional series) and G12 (seismic traces): deterministic per seed, shapes, documented
// statistics, and the lessons each is built for.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/data/generators/covid_like.h"
#include "core/data/generators/cut_scan.h"
#include "core/data/generators/poisson.h"
#include "core/data/generators/scintillator.h"
#include "core/data/generators/seismic.h"
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

TEST_CASE("Poisson draws have mean and variance λ on both algorithms", "[generators-signals]") {
  for (double lambda : {0.7, 3.5, 9.9, 10.0, 42.0, 2500.0}) {
    mlp::Rng rng(21);
    const int draws = 20000;
    double sum = 0.0, sum_sq = 0.0;
    bool non_negative = true;
    for (int i = 0; i < draws; ++i) {
      const double k = static_cast<double>(mlp::PoissonDraw(rng, lambda));
      non_negative = non_negative && k >= 0.0;
      sum += k;
      sum_sq += k * k;
    }
    const double mean = sum / draws, variance = sum_sq / draws - mean * mean;
    INFO("lambda " << lambda << ": mean " << mean << ", variance " << variance);
    CHECK(non_negative);
    CHECK(std::fabs(mean - lambda) < 4.0 * std::sqrt(lambda / draws));  // 4 standard errors
    CHECK(variance == Approx(lambda).epsilon(0.05));
  }
  mlp::Rng a(3), b(3);
  for (int i = 0; i < 50; ++i) CHECK(mlp::PoissonDraw(a, 123.0) == mlp::PoissonDraw(b, 123.0));
  CHECK(mlp::PoissonDraw(a, 0.0) == 0);
  CHECK(mlp::PoissonDraw(a, -1.0) == 0);
}

namespace {

// Centred 7-day mean of the reported cases (removes the weekday pattern); NaN at the edges.
std::vector<double> WeeklyMean(const Eigen::VectorXd& cases) {
  std::vector<double> mean(static_cast<size_t>(cases.size()), std::nan(""));
  for (Eigen::Index t = 3; t + 3 < cases.size(); ++t) mean[static_cast<size_t>(t)] = cases.segment(t - 3, 7).mean();
  return mean;
}

double CorrelationOf(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double ab = 0.0, aa = 0.0, bb = 0.0;
  for (size_t i = 0; i < a.size(); ++i) {
    ab += (a[i] - ma) * (b[i] - mb);
    aa += (a[i] - ma) * (a[i] - ma);
    bb += (b[i] - mb) * (b[i] - mb);
  }
  return ab / std::sqrt(aa * bb);
}

}  // namespace

TEST_CASE("G9 COVID-like series: weekend dip, lockdown mobility and a 7-14 day lead", "[generators-signals]") {
  mlp::CovidLikeSettings settings;
  settings.seed = 2;
  auto generated = mlp::GenerateCovidLike(settings);
  REQUIRE(generated.ok());
  const mlp::Dataset& data = generated.value();
  CHECK(data.name == "COVID-like regional cases (synthetic)");
  CHECK(data.synthetic);
  CHECK(data.task == mlp::TaskKind::kRegression);
  REQUIRE(data.size() == 365);
  REQUIRE(data.feature_names == std::vector<std::string>{"day", "weekday", "retail", "transit", "workplaces", "residential"});
  CHECK(mlp::GenerateCovidLike(settings).value().targets == data.targets);
  CHECK(data.targets.minCoeff() >= 0.0);

  // Mobility: baseline before the first lockdown, deep drop inside it, residential up.
  const Eigen::VectorXd retail = data.features.col(2);
  CHECK(std::fabs(retail.segment(10, 40).mean()) < 2.0);
  CHECK(retail.segment(75, 40).mean() == Approx(-0.75 * 70.0).margin(3.0));  // strength 0.7
  CHECK(data.features.col(5).segment(75, 40).mean() > 15.0);

  // Weekend dip: cases relative to their centred weekly mean are lower on Saturday and Sunday.
  const std::vector<double> weekly = WeeklyMean(data.targets);
  double weekend = 0.0, weekdays = 0.0, weekend_days = 0.0, weekday_days = 0.0;
  for (Eigen::Index t = 3; t + 3 < data.size(); ++t) {
    if (!(weekly[static_cast<size_t>(t)] > 20.0)) continue;
    const double ratio = data.targets(t) / weekly[static_cast<size_t>(t)];
    if (data.features(t, 1) >= 5.0) {
      weekend += ratio;
      weekend_days += 1.0;
    } else {
      weekdays += ratio;
      weekday_days += 1.0;
    }
  }
  REQUIRE(weekend_days > 50.0);
  INFO("weekend ratio " << weekend / weekend_days << ", weekday ratio " << weekdays / weekday_days);
  CHECK(weekend / weekend_days == Approx(0.7).margin(0.05));  // 1 − weekend_dip
  CHECK(weekdays / weekday_days > 1.05);

  // Lead/lag: correlate retail mobility at day t with the growth of weekly cases at t + L.
  double best_correlation = -2.0;
  int best_lag = -1;
  for (int lag = 0; lag <= 30; ++lag) {
    std::vector<double> mobility, growth;
    for (int t = 3; t + lag + 4 < data.size(); ++t) {
      const double now = weekly[static_cast<size_t>(t + lag)], next = weekly[static_cast<size_t>(t + lag + 1)];
      if (!(now > 5.0 && next > 5.0)) continue;
      mobility.push_back(retail(t));
      growth.push_back(std::log(next / now));
    }
    const double correlation = CorrelationOf(mobility, growth);
    if (correlation > best_correlation) {
      best_correlation = correlation;
      best_lag = lag;
    }
  }
  INFO("best lag " << best_lag << " days, correlation " << best_correlation);
  CHECK(best_lag >= 7);
  CHECK(best_lag <= 14);
  CHECK(best_correlation > 0.5);

  mlp::CovidLikeSettings bad;
  bad.days = 5;
  CHECK_FALSE(mlp::GenerateCovidLike(bad).ok());
  bad = mlp::CovidLikeSettings();
  bad.lockdowns = {{50, 40, 0.5}};
  CHECK_FALSE(mlp::GenerateCovidLike(bad).ok());
  bad = mlp::CovidLikeSettings();
  bad.weekend_dip = 1.0;
  CHECK_FALSE(mlp::GenerateCovidLike(bad).ok());
}

TEST_CASE("G12 seismic events: S/P amplitude ratio and spectral centroid by class", "[generators-signals]") {
  mlp::SeismicSettings settings;
  settings.seed = 9;
  settings.traces = 150;
  auto generated = mlp::GenerateSeismicEvents(settings);
  REQUIRE(generated.ok());
  const mlp::SeismicEvents& events = generated.value();
  const mlp::Dataset& data = events.data;
  CHECK(data.name == "Seismic event classes (synthetic)");
  CHECK(data.synthetic);
  CHECK(data.layout == mlp::SampleLayout::kSignal);
  CHECK(data.sample_shape == std::vector<int>{1024});
  REQUIRE(data.size() == 150);
  CHECK(data.class_names == std::vector<std::string>{"earthquake", "explosion", "noise"});
  CHECK(data.features.cwiseAbs().maxCoeff() == Approx(1.0));  // normalised traces
  CHECK(mlp::GenerateSeismicEvents(settings).value().data.features == data.features);

  // S/P ratio: max |x| in the S window [t_S, t_S + 2 s) over max |x| in the P window [t_P, t_S).
  const double rate = settings.sampling_rate_hz;
  std::vector<double> ratio_sum(2, 0.0), count(3, 0.0);
  for (Eigen::Index i = 0; i < data.size(); ++i) {
    const int label = static_cast<int>(data.targets(i));
    count[static_cast<size_t>(label)] += 1.0;
    if (label == mlp::kSeismicNoise) {
      CHECK(std::isnan(events.p_arrival_s[static_cast<size_t>(i)]));
      continue;
    }
    const int p = static_cast<int>(events.p_arrival_s[static_cast<size_t>(i)] * rate);
    const int s = static_cast<int>(events.s_arrival_s[static_cast<size_t>(i)] * rate);
    const double p_peak = data.features.row(i).segment(p, s - p).cwiseAbs().maxCoeff();
    const double s_peak = data.features.row(i).segment(s, static_cast<Eigen::Index>(2 * rate)).cwiseAbs().maxCoeff();
    ratio_sum[static_cast<size_t>(label)] += s_peak / p_peak;
  }
  CHECK(count[0] == 50.0);
  CHECK(count[1] == 50.0);
  const double earthquake_ratio = ratio_sum[0] / count[0], explosion_ratio = ratio_sum[1] / count[1];
  INFO("mean S/P: earthquakes " << earthquake_ratio << ", explosions " << explosion_ratio);
  CHECK(earthquake_ratio > 1.5);
  CHECK(explosion_ratio < 0.7);

  // Spectral centroid: explosions are richer in high frequencies than earthquakes.
  auto spectral = mlp::SeismicSpectralFeatures(data, rate);
  REQUIRE(spectral.ok());
  REQUIRE(spectral.value().features.cols() == 7);
  std::vector<double> centroid(3, 0.0);
  for (Eigen::Index i = 0; i < data.size(); ++i) centroid[static_cast<size_t>(data.targets(i))] += spectral.value().features(i, 0);
  for (size_t c = 0; c < 3; ++c) centroid[c] /= count[c];
  INFO("mean centroid (Hz): earthquake " << centroid[0] << ", explosion " << centroid[1] << ", noise " << centroid[2]);
  CHECK(centroid[1] > centroid[0] + 3.0);

  // The FFT behind the features: a pure 10 Hz tone has its centroid at 10 Hz.
  mlp::Dataset tone;
  tone.layout = mlp::SampleLayout::kSignal;
  tone.sample_shape = {1024};
  tone.features.resize(1, 1024);
  for (int k = 0; k < 1024; ++k) tone.features(0, k) = std::sin(2.0 * 3.14159265358979323846 * 12.5 * k / 100.0);
  tone.targets = Eigen::VectorXd::Zero(1);
  CHECK(mlp::SeismicSpectralFeatures(tone, 100.0).value().features(0, 0) == Approx(12.5).margin(1e-6));

  mlp::SeismicSettings bad;
  bad.length = 256;
  CHECK_FALSE(mlp::GenerateSeismicEvents(bad).ok());
  bad = mlp::SeismicSettings();
  bad.sampling_rate_hz = 20.0;
  CHECK_FALSE(mlp::GenerateSeismicEvents(bad).ok());
  CHECK_FALSE(mlp::SeismicSpectralFeatures(spectral.value(), rate).ok());
}
