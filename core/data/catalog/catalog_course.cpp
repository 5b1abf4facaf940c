// Course generators: synthetic stand-ins for the course's datasets that cannot be shipped
// (course-inventory §5.2, G1–G13). Each keeps the lesson of the data it replaces.
#include <string>

#include "core/data/catalog/catalog.h"
#include "core/data/catalog/course_source_helpers.h"
#include "core/data/generators/circle_aggregates.h"
#include "core/data/generators/hand_images.h"
#include "core/data/generators/lung_slices.h"
#include "core/data/generators/muon_pairs.h"
#include "core/data/generators/storms.h"
#include "core/data/generators/well_logs.h"
#include "core/data/generators/wine_like.h"

namespace mlp {
namespace {

using course_sources::Param;
using course_sources::Synthetic;

void AddCourseImageSources(const std::string& group, std::vector<DataSource>* sources) {
  {
    DataSource s = NewGeneratorSource("hands", "Hand-like X-ray images", group);
    s.sheet = Synthetic("the 8000 hand X-rays of seed 000's VAE project", "N images of 32×32 grey pixels",
                        "pixels; target: the hand's rotation in degrees", "variational autoencoders: a 2-D latent that captures rotation and finger spread");
    s.parameters = {Param("samples", "Images", 100, 20000, 8000, true), Param("rotation", "Max rotation (°)", 0, 90, 25),
                    Param("noise", "Pixel noise", 0, 0.3, 0.03)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      HandImageSettings settings;
      settings.seed = seed;
      settings.samples = static_cast<int>(v[0]);
      settings.max_rotation_deg = v[1];
      settings.noise_sd = v[2];
      return GenerateHandImages(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("lung_slices", "Lung-CT-like slices with lesion masks", group);
    s.sheet = Synthetic("the LIDC-IDRI lung CT subset (seed 004, U-Net lesson)", "119 slices of 128×128 pixels + masks",
                        "pixels; target: has a lesion; per-pixel lesion masks", "segmentation: why 98% pixel accuracy means little when lesions are 2% of pixels");
    s.parameters = {Param("samples", "Slices", 10, 1000, 119, true), Param("size", "Image size", 32, 256, 128, true),
                    Param("nodules", "Max nodules per slice", 0, 5, 2, true)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      LungSliceSettings settings;
      settings.seed = seed;
      settings.samples = static_cast<int>(v[0]);
      settings.image_size = static_cast<int>(v[1]);
      settings.max_nodules = static_cast<int>(v[2]);
      return GenerateLungSlices(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("circle_aggregates", "Touching-circle aggregates", group);
    s.sheet = Synthetic("seed 003's particle-aggregate images", "N images of N×N pixels, 1–5 circles",
                        "pixels; target: how many circles touch", "CNN counting; the Fourier (diffraction) view of the same images");
    s.parameters = {Param("samples", "Images", 50, 10000, 1000, true), Param("size", "Image size", 16, 128, 64, true),
                    Param("radius", "Circle radius", 2, 30, 10, true), WithChoices(Param("diffraction", "View", 0, 1, 0, true), {"real space", "diffraction |FFT|²"})};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      CircleAggregateSettings settings;
      settings.seed = seed;
      settings.samples = static_cast<int>(v[0]);
      settings.image_size = static_cast<int>(v[1]);
      settings.radius = static_cast<int>(v[2]);
      settings.diffraction = v[3] > 0.5;
      return GenerateCircleAggregates(settings);
    };
    sources->push_back(std::move(s));
  }
  const auto storm_settings = [](const std::vector<double>& v, uint32_t seed) {
    StormSettings settings;
    settings.seed = seed;
    settings.storms = static_cast<int>(v[0]);
    settings.image_size = static_cast<int>(v[1]);
    return settings;
  };
  const std::vector<SourceParameter> storm_parameters = {Param("storms", "Storms", 1, 100, 30, true),
                                                         Param("size", "Frame size", 16, 128, 64, true)};
  {
    DataSource s = NewGeneratorSource("storm_images", "Storm satellite frames", group);
    s.sheet = Synthetic("seed 000's storm satellite images", "frames of 64×64 pixels from 30 storms",
                        "pixels; target: the storm's wind speed (kt)", "CNN regression from image to wind speed; the min/max-speed gallery");
    s.parameters = storm_parameters;
    s.generate = [storm_settings](const std::vector<double>& v, uint32_t seed) { return GenerateStormImages(storm_settings(v, seed)); };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("storm_series", "Storm wind-speed series", group);
    s.sheet = Synthetic("seed 000's 30 storm wind-speed records", "one row per storm and step",
                        "storm_id, step, wind_speed_kt; target: the next step's speed", "LSTM forecasting; split sequentially, never at random");
    s.parameters = storm_parameters;
    s.generate = [storm_settings](const std::vector<double>& v, uint32_t seed) { return GenerateStormSeries(storm_settings(v, seed)); };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("storm_sequences", "Storm frame sequences", group);
    s.sheet = Synthetic("seed 000's storm image sequences", "windows of 4 frames of 32×32 pixels; the next 3 frames as targets",
                        "frames × pixels; dense targets: the next frames", "ConvLSTM next-frame prediction");
    // Smaller frames than the other storm sets: a ConvLSTM then trains in a browser in a minute or two.
    s.parameters = {storm_parameters[0], Param("size", "Frame size", 16, 128, 32, true)};
    s.generate = [storm_settings](const std::vector<double>& v, uint32_t seed) { return GenerateStormSequences(storm_settings(v, seed)); };
    sources->push_back(std::move(s));
  }
}

}  // namespace

void AddCourseGeneratorSources(std::vector<DataSource>* sources) {
  const std::string group = "Course generators (synthetic)";
  {
    DataSource s = NewGeneratorSource("wine_like", "Red-wine-like table", group);
    s.sheet = Synthetic("winequality-red.csv (Cortez et al. 2009), which is not available offline",
                        "1599 rows × 11 features; quality 3–8 with the course's counts",
                        "fixed acidity … alcohol (the real file's columns); target: quality grade",
                        "regression vs classification of quality, random forests, kernel ridge, premium (> 5) labels");
    s.parameters = {Param("noise", "Quality noise scale", 0.1, 3, 1)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      WineLikeSettings settings;
      settings.seed = seed;
      settings.noise_scale = v[0];
      return GenerateWineLike(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("well_logs", "Ocean-drilling well logs", group);
    s.sheet = Synthetic("IODP well logs (seed 000), not available offline",
                        "about 4000 rows (600 m every 0.15 m) × 4 columns, 5 lithologies",
                        "DEPTH_WMSF, HCGR, HURA, MUNSELL_COLOR (categorical code); target: lithology",
                        "spatial split by depth vs random split, log transforms, one-hot colours, logistic regression");
    s.parameters = {Param("depth", "Max depth (m)", 30, 1200, 600), Param("step", "Logging step (m)", 0.05, 2, 0.15),
                    Param("layer", "Median layer (m)", 0.3, 20, 2), Param("colour_noise", "Colour noise", 0, 1, 0.15)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      WellLogSettings settings;
      settings.seed = seed;
      settings.max_depth_m = v[0];
      settings.depth_step_m = v[1];
      settings.median_layer_thickness_m = v[2];
      settings.colour_noise = v[3];
      if (v[0] / v[1] > 2e6) return Status::Error("That is more than two million logging depths; use a larger step.");
      return GenerateWellLogs(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("muon_pairs", "e⁺e⁻ to μ⁺μ⁻ angles", group);
    s.sheet = {"Generated by accept–reject Monte-Carlo from the Born-level angular law (synthetic)",
               "none needed: generated", "N events × 1 feature", "cos_theta; target: forward (cos θ > 0) or backward",
               "fitting the asymmetry κ by maximum likelihood; how many events it takes to see κ = ±0.07"};
    s.parameters = {Param("kappa", "Asymmetry κ", -0.5, 0.5, 0.0), Param("events", "Events", 100, 300000, 2000, true)};
    s.parameters[1].logarithmic = true;
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      MuonPairSettings settings;
      settings.seed = seed;
      settings.kappa = v[0];
      settings.events = static_cast<int64_t>(v[1]);
      return GenerateMuonPairs(settings);
    };
    sources->push_back(std::move(s));
  }
  AddCourseImageSources(group, sources);
  AddCourseSignalSources(group, sources);
  AddCourseForecastSources(group, sources);
}

}  // namespace mlp
