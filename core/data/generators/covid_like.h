// G9 — COVID-like regional daily series (seed 002's COVID/mobility project). A discrete-time SEIR
// epidemic (one step per day) whose transmission rate follows lockdowns; cases are reported from
// symptom onsets after a reporting delay, dip at weekends and carry Poisson noise; Google-style
// mobility indices (% change from baseline) drop with each lockdown on the day it starts.
// Infections react to mobility at once, reported cases only after the reporting delay; growth
// rates respond immediately to a change in incidence and the SEIR compartments overshoot, so the
// mobility–case-growth cross-correlation peaks a few days before the full delay: at 8–10 days
// with the defaults (onset → report 12 days), inside the 7–14 day lead the spec asks for.
// Why SEIR and onsets rather than SIR incidence: incidence β·S·I/N jumps the day β drops, so its
// growth rate carries a d(log β)/dt spike that drags that peak towards lag 0.
// Model, per day t (γ = 1/infectious_days, σ = 1/incubation_days, s(t) ∈ [0, 1] the lockdown):
//   β(t) = R0·γ·(1 − lockdown_effect·s(t));  new = β·S·I/N;  onset = σE
//   S −= new;  E += new − onset;  I += onset − γI       (E0 = I0 at day 0)
//   expected(t) = ascertainment · weekday(t) · Σ_d w(d)·onset(t − d), w triangular on delay ± 4 days
//   (onsets before day 0 are taken equal to those of day 0)
//   cases(t) ~ Poisson(expected(t))                      (poisson.h)
//   mobility_j(t) = 100·level_j·s(t) + Normal(0, mobility_noise_sd), levels: retail −0.75,
//   transit −0.70, workplaces −0.60, residential +0.25
// s(t) = max over lockdowns of strength·σ((t − start)/1.5)·σ((end − t)/4), σ the logistic
// function: a sharp start and a gradual reopening.
#pragma once

#include <cstdint>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

struct LockdownPeriod {
  int start_day = 0;      // first day of the lockdown
  int end_day = 0;        // reopening day (> start_day)
  double strength = 0.0;  // in [0, 1]: 1 = the full mobility drop of every index
};

struct CovidLikeSettings {
  uint32_t seed = 0;                  // NumPy-compatible seed (mlp::Rng)
  int days = 365;                     // rows (≥ 30)
  double population = 1.0e7;          // N
  double initial_infected = 1000.0;   // I0 = E0 at day 0 (0 < 2·I0 < N)
  double r0 = 1.5;                    // basic reproduction number β/γ (> 0)
  double incubation_days = 4.0;       // 1/σ (≥ 1)
  double infectious_days = 7.0;       // 1/γ (> 0)
  double lockdown_effect = 0.8;       // transmission cut at full strength, in [0, 1]
  double report_delay_days = 12.0;    // mean onset → report delay in days (testing, lab, reporting), ≥ 4
  double ascertainment = 0.4;         // share of infections reported, in (0, 1]
  double weekend_dip = 0.3;           // Saturday/Sunday report factor 1 − dip, in [0, 1); weekdays
                                      // are raised so the weekly mean factor stays 1
  int start_weekday = 0;              // weekday of day 0: 0 = Monday … 6 = Sunday
  double mobility_noise_sd = 3.0;     // noise of the mobility indices (percentage points), ≥ 0
  std::vector<LockdownPeriod> lockdowns = {{50, 120, 0.7}, {200, 260, 0.6}};
};

// Lockdown strength s(t) of the settings (see above), for t = 0 … days − 1.
std::vector<double> CovidLockdownStrength(const CovidLikeSettings& settings);

// Dataset "COVID-like regional cases (synthetic)", regression, one row per day; features
// day, weekday (0 = Monday), retail, transit, workplaces, residential (mobility in % change);
// target "cases" (reported cases that day). Use log(cases + 1) for growth fits.
Result<Dataset> GenerateCovidLike(const CovidLikeSettings& settings);

}  // namespace mlp
