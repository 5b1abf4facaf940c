// G5 data sets built on GenerateStormTracks (see storms.h): frames, the wind series, and frame
// windows. Pixel noise comes from a second stream (seed XOR 0x9E3779B9), drawn in row order, so the
// tracks, and hence the series, are the same whatever the image settings.
#include <algorithm>
#include <vector>

#include "core/base/rng.h"
#include "core/data/generators/image_common.h"
#include "core/data/generators/storms.h"

namespace mlp {
namespace {

int64_t FramesPerStorm(int length, int stride) { return (length + stride - 1) / stride; }

}  // namespace

Result<Dataset> GenerateStormImages(const StormSettings& s) {
  if (s.frame_stride < 1) return Status::Error("Storm frames: the frame stride must be at least 1.");
  if (s.pixel_noise_sd < 0.0) return Status::Error("Storm frames: the pixel noise must not be negative.");
  Result<std::vector<StormTrack>> tracks = GenerateStormTracks(s);
  if (!tracks.ok()) return tracks.status();
  int64_t rows = 0;
  for (const StormTrack& track : tracks.value()) rows += FramesPerStorm(static_cast<int>(track.wind_kt.size()), s.frame_stride);
  const int n = s.image_size;
  const int64_t pixels = static_cast<int64_t>(n) * n;
  if (Status status = CheckImageBudget("Storm frames", n, rows, pixels); !status.ok()) return status;

  Dataset data;
  data.name = "Storm satellite frames (synthetic)";
  data.task = TaskKind::kRegression;
  data.target_name = "wind_speed_kt";
  data.layout = SampleLayout::kImage;
  data.sample_shape = {n, n};
  data.feature_names = PixelFeatureNames(data.sample_shape);
  data.synthetic = true;
  data.features.resize(rows, pixels);
  data.targets.resize(rows);
  Rng noise(s.seed ^ 0x9E3779B9u);  // golden-ratio constant: a stream unrelated to any track seed
  RowBlockWriter writer(data.features);
  int64_t row = 0;
  int storm = 0;
  for (const StormTrack& track : tracks.value()) {
    for (int t = 0; t < static_cast<int>(track.wind_kt.size()); t += s.frame_stride, ++row) {
      double* frame = writer.Next();
      RenderStormFrame(track, t, n, frame);
      AddNoiseAndClamp(frame, pixels, s.pixel_noise_sd, noise);
      data.targets(row) = track.wind_kt[static_cast<size_t>(t)];
      data.groups.push_back(storm);
      data.steps.push_back(t);
    }
    ++storm;
  }
  writer.Flush();
  return data;
}

Result<Dataset> GenerateStormSeries(const StormSettings& s) {
  Result<std::vector<StormTrack>> tracks = GenerateStormTracks(s);
  if (!tracks.ok()) return tracks.status();
  int64_t rows = 0;
  for (const StormTrack& track : tracks.value()) rows += static_cast<int64_t>(track.wind_kt.size()) - 1;
  Dataset data;
  data.name = "Storm wind-speed series (synthetic)";
  data.task = TaskKind::kRegression;
  data.feature_names = {"storm_id", "step", "wind_speed_kt"};
  data.target_name = "next_wind_speed_kt";
  data.synthetic = true;
  data.features.resize(rows, 3);
  data.targets.resize(rows);
  int64_t row = 0;
  for (size_t id = 0; id < tracks.value().size(); ++id) {
    const std::vector<double>& v = tracks.value()[id].wind_kt;
    for (size_t t = 0; t + 1 < v.size(); ++t, ++row) {
      data.features(row, 0) = static_cast<double>(id);
      data.features(row, 1) = static_cast<double>(t);
      data.features(row, 2) = v[t];
      data.targets(row) = v[t + 1];
      data.groups.push_back(static_cast<int>(id));
      data.steps.push_back(static_cast<int>(t));
    }
  }
  return data;
}

Result<Dataset> GenerateStormSequences(const StormSettings& s) {
  if (s.input_frames < 1 || s.predicted_frames < 1 || s.window_stride < 1) {
    return Status::Error("Storm sequences: input frames, predicted frames and the window stride must be at least 1.");
  }
  if (s.pixel_noise_sd < 0.0) return Status::Error("Storm sequences: the pixel noise must not be negative.");
  Result<std::vector<StormTrack>> tracks = GenerateStormTracks(s);
  if (!tracks.ok()) return tracks.status();
  const int window = s.input_frames + s.predicted_frames;
  int64_t rows = 0;
  for (const StormTrack& track : tracks.value()) {
    const int length = static_cast<int>(track.wind_kt.size());
    if (length >= window) rows += (length - window) / s.window_stride + 1;
  }
  if (rows == 0) return Status::Error("Storm sequences: every storm is shorter than input + predicted frames; use fewer frames.");
  const int n = s.image_size;
  const int64_t pixels = static_cast<int64_t>(n) * n;
  if (Status status = CheckImageBudget("Storm sequences", n, rows, window * pixels); !status.ok()) return status;
  // One storm's frames are held at once.
  if (Status status = CheckImageBudget("Storm sequences", n, s.max_length, pixels); !status.ok()) return status;

  Dataset data;
  data.name = "Storm frame sequences (synthetic)";
  data.task = TaskKind::kRegression;
  data.target_name = "wind_speed_kt";
  data.layout = SampleLayout::kImage;
  data.sample_shape = {s.input_frames, n, n};
  data.feature_names = PixelFeatureNames(data.sample_shape);
  data.synthetic = true;
  data.features.resize(rows, s.input_frames * pixels);
  data.dense_targets.resize(rows, s.predicted_frames * pixels);
  data.targets.resize(rows);
  Rng noise(s.seed ^ 0x9E3779B9u);  // golden-ratio constant: a stream unrelated to any track seed
  RowBlockWriter input_writer(data.features, 16), target_writer(data.dense_targets, 16);
  int64_t row = 0;
  int storm = 0;
  for (const StormTrack& track : tracks.value()) {
    const int length = static_cast<int>(track.wind_kt.size());
    // Each step is rendered (and its noise drawn) once, in step order, even when windows overlap.
    std::vector<double> frames(static_cast<size_t>(length) * static_cast<size_t>(pixels));
    int rendered = 0;
    for (int t0 = 0; t0 + window <= length; t0 += s.window_stride, ++row) {
      for (int t = std::max(rendered, t0); t < t0 + window; ++t) {
        double* frame = frames.data() + static_cast<int64_t>(t) * pixels;
        RenderStormFrame(track, t, n, frame);
        AddNoiseAndClamp(frame, pixels, s.pixel_noise_sd, noise);
      }
      rendered = std::max(rendered, t0 + window);
      const double* first = frames.data() + static_cast<int64_t>(t0) * pixels;
      std::copy(first, first + s.input_frames * pixels, input_writer.Next());
      std::copy(first + s.input_frames * pixels, first + window * pixels, target_writer.Next());
      data.targets(row) = track.wind_kt[static_cast<size_t>(t0 + s.input_frames)];
      data.groups.push_back(storm);
      data.steps.push_back(t0 + s.input_frames);
    }
    ++storm;
  }
  input_writer.Flush();
  target_writer.Flush();
  return data;
}

}  // namespace mlp
