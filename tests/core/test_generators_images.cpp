// Synthetic image generators G3 (hands), G4 (lung slices), G5 (storms) and G11 (circle aggregates):
// deterministic per seed, shapes and ranges, the statistics their headers document, and errors for
// impossible settings. A checksum per generator pins the numbers across builds (native and wasm).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <complex>
#include <cstdio>
#include <ctime>
#include <vector>

#include "core/base/rng.h"
#include "core/data/generators/circle_aggregates.h"
#include "core/data/generators/hand_images.h"
#include "core/data/generators/lung_slices.h"
#include "core/data/generators/storms.h"

namespace {

constexpr double kPi = 3.14159265358979323846;

bool InUnitRange(const Eigen::MatrixXd& m) { return m.size() > 0 && m.minCoeff() >= 0.0 && m.maxCoeff() <= 1.0; }

// Number of 4-connected components of pixels > 0.5 in a row-major n × n image.
int ForegroundComponents(const Eigen::RowVectorXd& image, int n) {
  std::vector<int> label(static_cast<size_t>(n) * static_cast<size_t>(n), 0);
  int components = 0;
  std::vector<int> stack;
  for (int start = 0; start < n * n; ++start) {
    if (image(start) <= 0.5 || label[static_cast<size_t>(start)] != 0) continue;
    ++components;
    stack.push_back(start);
    label[static_cast<size_t>(start)] = components;
    while (!stack.empty()) {
      const int p = stack.back();
      stack.pop_back();
      const int y = p / n, x = p % n;
      const int next[4][2] = {{y - 1, x}, {y + 1, x}, {y, x - 1}, {y, x + 1}};
      for (const auto& q : next) {
        if (q[0] < 0 || q[0] >= n || q[1] < 0 || q[1] >= n) continue;
        const int j = q[0] * n + q[1];
        if (image(j) > 0.5 && label[static_cast<size_t>(j)] == 0) {
          label[static_cast<size_t>(j)] = components;
          stack.push_back(j);
        }
      }
    }
  }
  return components;
}

double Correlation(const std::vector<double>& a, const std::vector<double>& b) {
  double ma = 0, mb = 0;
  for (size_t i = 0; i < a.size(); ++i) { ma += a[i]; mb += b[i]; }
  ma /= a.size();
  mb /= b.size();
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

// Sum of every value in row order: a fixed-order reduction, so it is reproducible bit for bit.
double Checksum(const mlp::Dataset& d) {
  double sum = 0.0;
  for (Eigen::Index r = 0; r < d.features.rows(); ++r) {
    for (Eigen::Index c = 0; c < d.features.cols(); ++c) sum += d.features(r, c);
    for (Eigen::Index c = 0; c < d.dense_targets.cols(); ++c) sum += d.dense_targets(r, c);
    sum += d.targets(r);
  }
  return sum;
}

}  // namespace

// ---- G11 circle aggregates ----

TEST_CASE("Circle aggregates: deterministic per seed, image layout, values in [0, 1]", "[generators-images]") {
  mlp::CircleAggregateSettings s;
  s.samples = 40;
  s.seed = 7;
  const auto a = mlp::GenerateCircleAggregates(s), b = mlp::GenerateCircleAggregates(s);
  s.seed = 8;
  const auto c = mlp::GenerateCircleAggregates(s);
  REQUIRE(a.ok());
  REQUIRE(c.ok());
  const mlp::Dataset& d = a.value();
  CHECK(d.features == b.value().features);
  CHECK(d.targets == b.value().targets);
  CHECK(d.features != c.value().features);
  CHECK(d.features.rows() == 40);
  CHECK(d.features.cols() == 64 * 64);
  CHECK(d.layout == mlp::SampleLayout::kImage);
  CHECK(d.sample_shape == std::vector<int>{64, 64});
  CHECK(d.synthetic);
  CHECK(d.name.find("(synthetic)") != std::string::npos);
  CHECK(d.class_names == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(d.feature_names.size() == 64u * 64u);
  CHECK(InUnitRange(d.features));
  for (Eigen::Index i = 0; i < d.features.rows(); ++i) {
    for (Eigen::Index j = 0; j < d.features.cols(); ++j) REQUIRE((d.features(i, j) == 0.0 || d.features(i, j) == 1.0));
  }
}

TEST_CASE("Circle aggregates: every image is one connected aggregate and labels are uniform", "[generators-images]") {
  for (bool random_radius : {false, true}) {
    mlp::CircleAggregateSettings s;
    s.samples = 300;
    s.seed = 3;
    s.random_radius = random_radius;
    const auto result = mlp::GenerateCircleAggregates(s);
    REQUIRE(result.ok());
    const mlp::Dataset& d = result.value();
    std::vector<int> count(5, 0);
    std::vector<double> area(5, 0.0);
    for (Eigen::Index i = 0; i < d.features.rows(); ++i) {
      const Eigen::RowVectorXd image = d.features.row(i);
      INFO("image " << i << ", k = " << d.targets(i) + 1 << ", random radius " << random_radius);
      REQUIRE(ForegroundComponents(image, 64) == 1);
      const int k = static_cast<int>(d.targets(i));
      ++count[static_cast<size_t>(k)];
      area[static_cast<size_t>(k)] += image.sum();
    }
    for (int k = 0; k < 5; ++k) {
      CHECK(count[static_cast<size_t>(k)] >= 35);  // expected 60 each; 35 is more than 3 sd below
      CHECK(count[static_cast<size_t>(k)] <= 85);
      area[static_cast<size_t>(k)] /= count[static_cast<size_t>(k)];
    }
    // More discs cover more pixels on average (the label matches the content).
    for (int k = 1; k < 5; ++k) CHECK(area[static_cast<size_t>(k)] > area[static_cast<size_t>(k - 1)]);
    if (!random_radius) {
      // One disc of radius 10 covers about π·10² ≈ 317 pixel centres.
      CHECK(area[0] == Approx(kPi * 100.0).epsilon(0.03));
    }
  }
}

TEST_CASE("Circle aggregates: diffraction pattern matches a direct DFT, both FFT sizes", "[generators-images]") {
  for (int n : {16, 12}) {  // radix-2 and the direct DFT path
    mlp::Rng rng(5);
    std::vector<double> image(static_cast<size_t>(n * n));
    for (double& v : image) v = rng.Uniform();
    std::vector<double> expected(image.size());
    double low = INFINITY, high = -INFINITY;
    for (int u = 0; u < n; ++u) {
      for (int v = 0; v < n; ++v) {
        std::complex<double> sum = 0.0;
        for (int y = 0; y < n; ++y) {
          for (int x = 0; x < n; ++x) sum += image[static_cast<size_t>(y * n + x)] * std::polar(1.0, -2.0 * kPi * (u * y + v * x) / n);
        }
        const double value = std::log1p(std::norm(sum));
        expected[static_cast<size_t>(((u + n / 2) % n) * n + (v + n / 2) % n)] = value;
        low = std::min(low, value);
        high = std::max(high, value);
      }
    }
    mlp::DiffractionPattern(image.data(), n);
    for (size_t i = 0; i < image.size(); ++i) REQUIRE(image[i] == Approx((expected[i] - low) / (high - low)).margin(1e-9));
  }
  mlp::CircleAggregateSettings s;
  s.samples = 10;
  s.diffraction = true;
  s.noise_sd = 0.05;
  s.blur_sigma = 1.0;
  const auto result = mlp::GenerateCircleAggregates(s);
  REQUIRE(result.ok());
  CHECK(InUnitRange(result.value().features));
  // A non-negative image's strongest frequency is zero, shifted to the centre.
  for (Eigen::Index i = 0; i < 10; ++i) CHECK(result.value().features(i, 32 * 64 + 32) == 1.0);
  CHECK(result.value().name.find("diffraction") != std::string::npos);
}

TEST_CASE("Circle aggregates: impossible settings are refused", "[generators-images]") {
  auto fails = [](auto change) {
    mlp::CircleAggregateSettings s;
    s.samples = 5;
    change(s);
    const auto result = mlp::GenerateCircleAggregates(s);
    return !result.ok() && !result.status().message().empty();
  };
  CHECK(fails([](auto& s) { s.image_size = 7; }));
  CHECK(fails([](auto& s) { s.samples = 0; }));
  CHECK(fails([](auto& s) { s.radius = 40; }));
  CHECK(fails([](auto& s) { s.radius = 0; }));
  CHECK(fails([](auto& s) { s.random_radius = true; s.radius_min = 12; s.radius_max = 6; }));
  CHECK(fails([](auto& s) { s.max_overlap_fraction = 1.5; }));
  CHECK(fails([](auto& s) { s.max_circles = 0; }));
  CHECK(fails([](auto& s) { s.samples = 20000; }));  // 20000 · 4096 > 64M values
  CHECK(fails([](auto& s) { s.image_size = 16; s.radius = 7; s.seed = 1; s.samples = 50; }));  // five r = 7 discs cannot fit in 16 px
}

// ---- G3 hand images ----

TEST_CASE("Hand images: deterministic per seed, shape, range and poses", "[generators-images]") {
  mlp::HandImageSettings s;
  s.samples = 60;
  s.seed = 11;
  std::vector<mlp::HandPose> poses;
  const auto a = mlp::GenerateHandImages(s, &poses), b = mlp::GenerateHandImages(s);
  s.seed = 12;
  const auto c = mlp::GenerateHandImages(s);
  REQUIRE(a.ok());
  REQUIRE(c.ok());
  const mlp::Dataset& d = a.value();
  CHECK(d.features == b.value().features);
  CHECK(d.features != c.value().features);
  CHECK(d.sample_shape == std::vector<int>{32, 32});
  CHECK(d.features.cols() == 1024);
  CHECK(d.task == mlp::TaskKind::kRegression);
  CHECK(d.synthetic);
  CHECK(InUnitRange(d.features));
  REQUIRE(poses.size() == 60u);
  for (size_t i = 0; i < poses.size(); ++i) {
    CHECK(d.targets(static_cast<Eigen::Index>(i)) == poses[i].rotation_deg);
    CHECK(std::fabs(poses[i].rotation_deg) <= 25.0);
    CHECK(std::fabs(poses[i].scale - 1.0) <= 0.15);
  }
}

TEST_CASE("Hand images: bright hand on dark ground, flip mirrors, rotation turns the hand", "[generators-images]") {
  mlp::HandImageSettings s;
  s.samples = 400;
  s.seed = 2;
  std::vector<mlp::HandPose> poses;
  const auto result = mlp::GenerateHandImages(s, &poses);
  REQUIRE(result.ok());
  const Eigen::MatrixXd& x = result.value().features;
  double corners = 0.0, centre = 0.0;
  std::vector<double> asymmetry_plain, asymmetry_flipped, axis_angle, rotation;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    auto at = [&](int y, int col) { return x(i, y * 32 + col); };
    for (int k = 0; k < 3; ++k) corners += at(k, k) + at(k, 31 - k) + at(31 - k, k) + at(31 - k, 31 - k);
    for (int y = 14; y < 18; ++y) for (int col = 14; col < 18; ++col) centre += at(y, col);
    // Left-minus-right mass, and the principal axis of the intensity above background.
    double left = 0.0, right = 0.0, m = 0.0, mx = 0.0, my = 0.0;
    for (int y = 0; y < 32; ++y) {
      for (int col = 0; col < 32; ++col) {
        const double w = std::max(at(y, col) - 0.1, 0.0);
        (col < 16 ? left : right) += w;
        m += w; mx += w * col; my += w * y;
      }
    }
    mx /= m; my /= m;
    double sxx = 0.0, syy = 0.0, sxy = 0.0;
    for (int y = 0; y < 32; ++y) {
      for (int col = 0; col < 32; ++col) {
        const double w = std::max(at(y, col) - 0.1, 0.0);
        sxx += w * (col - mx) * (col - mx); syy += w * (y - my) * (y - my); sxy += w * (col - mx) * (y - my);
      }
    }
    // Long axis angle from vertical; a screen-counter-clockwise turn tilts the top to the left.
    const double angle = 0.5 * std::atan2(2.0 * sxy, syy - sxx) * 180.0 / kPi;
    const mlp::HandPose& pose = poses[static_cast<size_t>(i)];
    (pose.flipped ? asymmetry_flipped : asymmetry_plain).push_back((left - right) / m);
    if (!pose.flipped) { axis_angle.push_back(angle); rotation.push_back(pose.rotation_deg); }
  }
  corners /= 12.0 * x.rows();
  centre /= 16.0 * x.rows();
  CHECK(corners < 0.1);
  CHECK(centre > 0.4);
  auto mean = [](const std::vector<double>& v) { double total = 0; for (double a : v) total += a; return total / static_cast<double>(v.size()); };
  REQUIRE(asymmetry_plain.size() > 150);
  REQUIRE(asymmetry_flipped.size() > 150);
  // The thumb sits on the left in the plain hand and on the right in the mirrored one.
  CHECK(mean(asymmetry_plain) > 0.02);
  CHECK(mean(asymmetry_flipped) < -0.02);
  CHECK(std::fabs(Correlation(axis_angle, rotation)) > 0.8);
}

TEST_CASE("Hand images: impossible settings are refused", "[generators-images]") {
  auto fails = [](auto change) {
    mlp::HandImageSettings s;
    s.samples = 5;
    change(s);
    const auto result = mlp::GenerateHandImages(s);
    return !result.ok() && !result.status().message().empty();
  };
  CHECK(fails([](auto& s) { s.image_size = 4; }));
  CHECK(fails([](auto& s) { s.samples = 0; }));
  CHECK(fails([](auto& s) { s.scale_range = 1.0; }));
  CHECK(fails([](auto& s) { s.flip_probability = 1.5; }));
  CHECK(fails([](auto& s) { s.max_rotation_deg = -1.0; }));
  CHECK(fails([](auto& s) { s.image_size = 1024; s.samples = 100; }));  // 100 · 1024² > 64M values
}

// ---- G4 lung slices ----

TEST_CASE("Lung slices: deterministic per seed, shapes, masks inside bright blobs", "[generators-images]") {
  mlp::LungSliceSettings s;
  s.samples = 12;
  s.image_size = 64;
  s.seed = 4;
  const auto a = mlp::GenerateLungSlices(s), b = mlp::GenerateLungSlices(s);
  s.seed = 5;
  const auto c = mlp::GenerateLungSlices(s);
  REQUIRE(a.ok());
  REQUIRE(c.ok());
  const mlp::Dataset& d = a.value();
  CHECK(d.features == b.value().features);
  CHECK(d.dense_targets == b.value().dense_targets);
  CHECK(d.features != c.value().features);
  CHECK(d.sample_shape == std::vector<int>{64, 64});
  CHECK(d.dense_targets.rows() == 12);
  CHECK(d.dense_targets.cols() == 64 * 64);
  CHECK(d.class_names.size() == 2u);
  CHECK(d.synthetic);
  CHECK(InUnitRange(d.features));
  for (Eigen::Index i = 0; i < d.features.rows(); ++i) {
    const double lesion = d.dense_targets.row(i).sum();
    CHECK(d.targets(i) == (lesion > 0 ? 1.0 : 0.0));
    for (Eigen::Index j = 0; j < d.features.cols(); ++j) {
      const double m = d.dense_targets(i, j);
      REQUIRE((m == 0.0 || m == 1.0));
      if (m == 1.0) REQUIRE(d.features(i, j) > 0.5);  // nodule ≈ 0.72–0.85 plus noise; air and lung are dark
    }
  }
}

TEST_CASE("Lung slices: lesion pixels are 1-3% of the set, most slices have one", "[generators-images]") {
  mlp::LungSliceSettings s;
  s.samples = 40;
  s.seed = 21;
  const auto result = mlp::GenerateLungSlices(s);
  REQUIRE(result.ok());
  const mlp::Dataset& d = result.value();
  const double share = d.dense_targets.mean();
  INFO("lesion pixel share " << share);
  CHECK(share > 0.01);
  CHECK(share < 0.03);
  const double with_lesion = d.targets.mean();
  CHECK(with_lesion > 0.6);  // expected 0.8
  CHECK(with_lesion < 0.97);
  // The whole image is not just bright: lungs are dark, the body mid-grey, air black.
  CHECK(d.features.mean() > 0.15);
  CHECK(d.features.mean() < 0.5);
  CHECK(d.features(0, 0) < 0.15);  // a corner is air
}

TEST_CASE("Lung slices: impossible settings are refused", "[generators-images]") {
  auto fails = [](auto change) {
    mlp::LungSliceSettings s;
    s.samples = 2;
    change(s);
    const auto result = mlp::GenerateLungSlices(s);
    return !result.ok() && !result.status().message().empty();
  };
  CHECK(fails([](auto& s) { s.image_size = 0; }));
  CHECK(fails([](auto& s) { s.samples = -3; }));
  CHECK(fails([](auto& s) { s.max_nodules = -1; }));
  CHECK(fails([](auto& s) { s.nodule_radius_min_px = 8; s.nodule_radius_max_px = 4; }));
  CHECK(fails([](auto& s) { s.lesion_free_share = 2.0; }));
  CHECK(fails([](auto& s) { s.samples = 3000; }));  // 3000 · 2 · 128² > 64M values
}

// ---- G5 storms ----

TEST_CASE("Storms: tracks rise to a peak of 30-150 kt and decay, lengths 40-200", "[generators-images]") {
  mlp::StormSettings s;
  s.seed = 9;
  const auto a = mlp::GenerateStormTracks(s), b = mlp::GenerateStormTracks(s);
  s.seed = 10;
  const auto c = mlp::GenerateStormTracks(s);
  REQUIRE(a.ok());
  REQUIRE(a.value().size() == 30u);
  CHECK(a.value()[0].wind_kt == b.value()[0].wind_kt);
  CHECK(a.value()[0].wind_kt != c.value()[0].wind_kt);
  for (const mlp::StormTrack& track : a.value()) {
    const std::vector<double>& v = track.wind_kt;
    CHECK(v.size() >= 40u);
    CHECK(v.size() <= 200u);
    CHECK(track.phase_rad.size() == v.size());
    CHECK(track.arms >= 2);
    CHECK(track.arms <= 4);
    const auto peak = std::max_element(v.begin(), v.end());
    CHECK(*peak >= 30.0);
    CHECK(*peak <= 150.0);
    const double peak_at = static_cast<double>(peak - v.begin()) / v.size();
    CHECK(peak_at > 0.15);  // clean peak at 0.3–0.6 of the storm; noise may move it a little
    CHECK(peak_at < 0.75);
    CHECK(v.front() < 0.6 * *peak + 10.0);
    CHECK(v.back() < 0.6 * *peak + 10.0);
    CHECK(*std::min_element(v.begin(), v.end()) > 0.0);
    for (size_t t = 1; t < v.size(); ++t) REQUIRE(track.phase_rad[t] - track.phase_rad[t - 1] == Approx(s.rotation_per_kt * v[t]));
  }
}

TEST_CASE("Storms: frames, series and sequences read the same tracks", "[generators-images]") {
  mlp::StormSettings s;
  s.seed = 1;
  s.storms = 3;
  s.image_size = 32;
  s.frame_stride = 10;
  const auto tracks = mlp::GenerateStormTracks(s);
  const auto images = mlp::GenerateStormImages(s), images_again = mlp::GenerateStormImages(s);
  REQUIRE(tracks.ok());
  REQUIRE(images.ok());
  const mlp::Dataset& d = images.value();
  CHECK(d.features == images_again.value().features);
  CHECK(d.sample_shape == std::vector<int>{32, 32});
  CHECK(d.task == mlp::TaskKind::kRegression);
  CHECK(d.synthetic);
  CHECK(InUnitRange(d.features));
  Eigen::Index rows = 0;
  for (const auto& track : tracks.value()) rows += (static_cast<Eigen::Index>(track.wind_kt.size()) + 9) / 10;
  REQUIRE(d.features.rows() == rows);
  CHECK(d.targets(1) == tracks.value()[0].wind_kt[10]);

  const auto series = mlp::GenerateStormSeries(s);
  REQUIRE(series.ok());
  const mlp::Dataset& t = series.value();
  CHECK(t.feature_names == std::vector<std::string>{"storm_id", "step", "wind_speed_kt"});
  Eigen::Index expected_rows = 0;
  for (const auto& track : tracks.value()) expected_rows += static_cast<Eigen::Index>(track.wind_kt.size()) - 1;
  REQUIRE(t.features.rows() == expected_rows);
  for (Eigen::Index r = 0; r + 1 < t.features.rows(); ++r) {
    if (t.features(r + 1, 0) == t.features(r, 0)) REQUIRE(t.targets(r) == t.features(r + 1, 2));
  }

  s.pixel_noise_sd = 0.0;
  const auto sequences = mlp::GenerateStormSequences(s);
  REQUIRE(sequences.ok());
  const mlp::Dataset& q = sequences.value();
  CHECK(q.sample_shape == std::vector<int>{4, 32, 32});
  CHECK(q.features.cols() == 4 * 1024);
  CHECK(q.dense_targets.cols() == 3 * 1024);
  // Row 1 is the window starting at step 16 of storm 0: its first predicted frame is step 20.
  std::vector<double> frame(1024);
  mlp::RenderStormFrame(tracks.value()[0], 20, 32, frame.data());
  for (int p = 0; p < 1024; ++p) REQUIRE(q.dense_targets(1, p) == frame[static_cast<size_t>(p)]);
  CHECK(q.targets(1) == tracks.value()[0].wind_kt[20]);
}

TEST_CASE("Storms: stronger storms have a smaller eye and brighter clouds", "[generators-images]") {
  std::vector<double> weak(64 * 64), strong(64 * 64);
  mlp::RenderStormFrame(40.0, 0.3, 32.0, 32.0, 3, 0.35, 64, weak.data());
  mlp::RenderStormFrame(140.0, 0.3, 32.0, 32.0, 3, 0.35, 64, strong.data());
  // 3 px from the centre: inside the weak storm's eye (radius ≈ 4.7 px), on the strong one's eyewall (≈ 2.2 px).
  CHECK(weak[32 * 64 + 35] < 0.2);
  CHECK(strong[32 * 64 + 35] > 0.5);
  CHECK(weak[32 * 64 + 32] < 0.1);  // the eye itself is dark
  CHECK(strong[32 * 64 + 32] < 0.1);
  double sum_weak = 0, sum_strong = 0;
  for (size_t i = 0; i < weak.size(); ++i) { sum_weak += weak[i]; sum_strong += strong[i]; }
  CHECK(sum_strong > sum_weak);
  // Rotation: turning the phase by 2π/arms gives the same picture.
  std::vector<double> turned(64 * 64);
  mlp::RenderStormFrame(140.0, 0.3 + 2.0 * kPi / 3.0, 32.0, 32.0, 3, 0.35, 64, turned.data());
  for (size_t i = 0; i < turned.size(); ++i) REQUIRE(turned[i] == Approx(strong[i]).margin(1e-9));
}

TEST_CASE("Storms: impossible settings are refused", "[generators-images]") {
  auto fails = [](auto change) {
    mlp::StormSettings s;
    s.storms = 2;
    s.image_size = 16;
    change(s);
    const auto images = mlp::GenerateStormImages(s);
    const auto sequences = mlp::GenerateStormSequences(s);
    return !images.ok() && !sequences.ok() && !images.status().message().empty();
  };
  CHECK(fails([](auto& s) { s.storms = 0; }));
  CHECK(fails([](auto& s) { s.min_length = 50; s.max_length = 40; }));
  CHECK(fails([](auto& s) { s.min_peak_kt = -5; }));
  CHECK(fails([](auto& s) { s.image_size = 6; }));
  CHECK(fails([](auto& s) { s.pixel_noise_sd = -1; }));
  CHECK(fails([](auto& s) { s.storms = 100000; }));  // 100000 · 200 steps > 16M
  mlp::StormSettings s;
  s.storms = 2;
  s.frame_stride = 0;
  CHECK_FALSE(mlp::GenerateStormImages(s).ok());
  s.frame_stride = 4;
  s.min_length = s.max_length = 5;
  s.input_frames = 6;
  CHECK_FALSE(mlp::GenerateStormSequences(s).ok());  // no storm is long enough for one window
  CHECK(mlp::GenerateStormSeries(s).ok());
}

// ---- the same numbers on every build ----

TEST_CASE("Image generators: checksums of small seeded sets are stable across builds", "[generators-images]") {
  mlp::CircleAggregateSettings circles;
  circles.samples = 20;
  circles.seed = 42;
  mlp::CircleAggregateSettings diffraction = circles;
  diffraction.diffraction = true;
  diffraction.random_radius = true;
  diffraction.noise_sd = 0.05;
  mlp::HandImageSettings hands;
  hands.samples = 20;
  hands.seed = 42;
  mlp::LungSliceSettings lungs;
  lungs.samples = 3;
  lungs.seed = 42;
  mlp::StormSettings storms;
  storms.storms = 2;
  storms.seed = 42;
  storms.frame_stride = 20;
  const double sums[5] = {Checksum(mlp::GenerateCircleAggregates(circles).value()), Checksum(mlp::GenerateCircleAggregates(diffraction).value()),
                          Checksum(mlp::GenerateHandImages(hands).value()), Checksum(mlp::GenerateLungSlices(lungs).value()),
                          Checksum(mlp::GenerateStormImages(storms).value())};
  std::printf("image generator checksums: %.17g %.17g %.17g %.17g %.17g\n", sums[0], sums[1], sums[2], sums[3], sums[4]);
  // Printed by the native Release build (x86-64, glibc, -march=native). Bit-identical sums cannot be
  // asked for across builds: -march=native lets GCC fuse multiply-adds (FMA), which moved the storm
  // sum by 2 ulp against the wasm build and a native build without -march=native (both print
  // ...307356; the other four sums were bit-identical in all three), and libm's (glibc, musl) may
  // round sin/cos/exp/log differently. 1e-9 relative still catches any change of the random stream
  // or of a formula. The circle images are 0/1 pixels: their sum is an integer, checked exactly.
  const double expected[5] = {15480, 19957.777462683523, 3288.8019796300277, 12720.224045765366, 16377.336059307358};
  CHECK(sums[0] == expected[0]);
  for (int i = 1; i < 5; ++i) CHECK(sums[i] == Approx(expected[i]).epsilon(1e-9));
}

// Not run by default: ./core_tests "[.generators-images-timing]" prints the time of each default set.
TEST_CASE("Image generators: time of the default settings", "[.generators-images-timing]") {
  auto time = [](const char* what, auto generate) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    const bool ok = generate();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const double cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    std::printf("%-40s %8.1f ms wall %8.1f ms cpu %s\n", what, ms, cpu_ms, ok ? "" : "FAILED");
    CHECK(ok);
  };
  time("circle aggregates (1000 x 64^2)", [] { return mlp::GenerateCircleAggregates({}).ok(); });
  time("circle diffraction (1000 x 64^2)", [] { mlp::CircleAggregateSettings s; s.diffraction = true; return mlp::GenerateCircleAggregates(s).ok(); });
  time("hand images (8000 x 32^2)", [] { return mlp::GenerateHandImages({}).ok(); });
  time("lung slices (119 x 128^2)", [] { return mlp::GenerateLungSlices({}).ok(); });
  time("storm frames (30 storms, stride 4)", [] { return mlp::GenerateStormImages({}).ok(); });
  time("storm series (30 storms)", [] { return mlp::GenerateStormSeries({}).ok(); });
  time("storm sequences (30 storms)", [] { return mlp::GenerateStormSequences({}).ok(); });
}
