// Course generators for signals, events, series and molecules (G6–G9, G12, G13).
#include <string>

#include "core/data/catalog/catalog.h"
#include "core/data/catalog/course_source_helpers.h"
#include "core/data/generators/covid_like.h"
#include "core/data/generators/molecules.h"
#include "core/data/generators/ode_spiral.h"
#include "core/data/generators/scintillator.h"
#include "core/data/generators/seismic.h"
#include "core/data/generators/solid_like.h"

namespace mlp {
namespace {

using course_sources::Param;
using course_sources::Synthetic;

}  // namespace

void AddCourseSignalSources(const std::string& group, std::vector<DataSource>* sources) {
  {
    DataSource s = NewGeneratorSource("scintillator", "Scintillator waveforms (ES / NS)", group);
    s.sheet = Synthetic("seed 002's PVT / ZnS(Ag) waveforms", "N traces of 1000 samples, 2 classes",
                        "samples of one trace; target: electron (ES) or neutron (NS) signal",
                        "1-D CNNs versus a simple pulse-shape cut");
    s.parameters = {Param("waveforms", "Waveforms", 50, 10000, 1000, true), Param("ns", "Share of NS", 0.01, 0.99, 0.5),
                    Param("noise", "Baseline noise (p.e.)", 0, 0.5, 0.07)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) {
      ScintillatorSettings settings;
      settings.seed = seed;
      settings.waveforms = static_cast<int>(v[0]);
      settings.ns_fraction = v[1];
      settings.noise_sd = v[2];
      return GenerateScintillatorWaveforms(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("solid_events", "SoLid-like rare-signal events", group);
    s.sheet = Synthetic("SoLid SM1 signal/background events (seed 002)", "N events × 6 features, about 1% signal",
                        "prompt energy, delayed pulses, ΔT, ΔR, hit cubes, energy ratio; target: signal or background",
                        "cut scans with S/√B, ROC and precision–recall, the accuracy paradox at 1% prevalence");
    s.parameters = {Param("events", "Events", 500, 200000, 20000, true), Param("signal", "Signal share", 0.001, 0.5, 0.01)};
    s.parameters[0].logarithmic = s.parameters[1].logarithmic = true;
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      SolidLikeSettings settings;
      settings.seed = seed;
      settings.events = static_cast<int>(v[0]);
      settings.signal_fraction = v[1];
      auto events = GenerateSolidLikeEvents(settings);
      if (!events.ok()) return events.status();
      return std::move(events).value().data;
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("covid_like", "COVID-like regional series", group);
    s.sheet = Synthetic("the UK dashboard and Google mobility series (seed 002)", "one row per day (365 by default)",
                        "day, weekday, retail, transit, workplaces, residential; target: reported cases",
                        "exponential-growth fits on log cases, lagged mobility regression, forecasting");
    s.parameters = {Param("days", "Days", 30, 1000, 365, true), Param("r0", "R0", 0.5, 4, 1.5),
                    Param("lockdown", "Lockdown effect", 0, 1, 0.8), Param("weekend", "Weekend reporting dip", 0, 0.9, 0.3)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) {
      CovidLikeSettings settings;
      settings.seed = seed;
      settings.days = static_cast<int>(v[0]);
      settings.r0 = v[1];
      settings.lockdown_effect = v[2];
      settings.weekend_dip = v[3];
      return GenerateCovidLike(settings);
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("seismic", "Seismic event classes", group);
    s.sheet = Synthetic("earthquake-monitoring records (seed 001)", "N traces of 1024 samples at 100 Hz, 3 classes",
                        "samples of one trace; target: earthquake, explosion or noise",
                        "spectral features + MLP versus a 1-D CNN on the raw trace");
    s.parameters = {Param("traces", "Traces", 30, 5000, 600, true), Param("noise", "Noise level", 0, 0.5, 0.05)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      SeismicSettings settings;
      settings.seed = seed;
      settings.traces = static_cast<int>(v[0]);
      settings.noise_level = v[1];
      auto events = GenerateSeismicEvents(settings);
      if (!events.ok()) return events.status();
      return std::move(events).value().data;
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("molecules", "Toy molecules (DeepSMILES one-hot)", group);
    s.sheet = Synthetic("the QM9 subset of seed 004's VAE lesson", "N molecules, 17 × 15 one-hot each",
                        "one-hot DeepSMILES symbols; target: a toy gap that falls with conjugation (labelled toy)",
                        "molecular VAEs: a latent space with a smooth property gradient");
    s.parameters = {Param("molecules", "Molecules", 100, 20000, 2000, true), Param("atoms", "Max heavy atoms", 2, 9, 9, true)};
    s.generate = [](const std::vector<double>& v, uint32_t seed) -> Result<Dataset> {
      MoleculeSettings settings;
      settings.seed = seed;
      settings.molecules = static_cast<int>(v[0]);
      settings.max_heavy_atoms = static_cast<int>(v[1]);
      auto set = GenerateMolecules(settings);
      if (!set.ok()) return set.status();
      return std::move(set).value().data;
    };
    sources->push_back(std::move(s));
  }
  {
    DataSource s = NewGeneratorSource("ode_spiral", "Neural-ODE spiral", group);
    s.sheet = {"Integrated with fourth-order Runge–Kutta from dz/dt = A z³ (synthetic)", "none needed: generated",
               "N time points × (t, x, y)", "t, x, y; target: t (for sequential splits)",
               "neural ODEs: learn the vector field from one trajectory; phase portraits"};
    s.parameters = {Param("samples", "Time points", 10, 5000, 1000, true), Param("end", "End time", 1, 50, 25),
                    Param("noise", "Observation noise", 0, 0.5, 0), WithChoices(Param("cubic", "Field", 0, 1, 1, true), {"linear A·z", "cubic A·z³"})};
    s.generate = [](const std::vector<double>& v, uint32_t seed) {
      OdeSpiralSettings settings;
      settings.seed = seed;
      settings.samples = static_cast<int>(v[0]);
      settings.end_time = v[1];
      settings.noise_sd = v[2];
      settings.cubic = v[3] > 0.5;
      return GenerateOdeSpiral(settings);
    };
    sources->push_back(std::move(s));
  }
}

}  // namespace mlp
