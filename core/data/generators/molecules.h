// G6 — small toy molecules as DeepSMILES one-hot matrices (seed 004's chemical VAE with a
// property head; QM9 itself is not available offline). Option (a) of the course inventory:
// a tiny grammar writes C/N/O/F molecules of ≤ 9 heavy atoms as Kekulé SMILES (no aromatic
// lowercase: the seed's vocabulary has none), which are converted to DeepSMILES and one-hot
// encoded over the seed's 15 symbols "#)3456789=CFNOx" ('x' = stop/padding), 17 positions.
// Grammar, per molecule: 2–9 heavy atoms on a main chain; with probability ring_probability the
// first r atoms (r = 3–6) close a ring (single closure bond); up to two branches of 1–2 atoms
// hang off chain atoms after the ring; atoms are C (mostly), N, O, and F only at chain or branch
// ends; bonds are single, double or triple within each atom's valence (C 4, N 3, O 2, F 1), no
// triple bonds inside rings. Strings longer than max_length DeepSMILES symbols are redrawn.
// The property is a TOY "gap" (Hartree), additive and decreasing with conjugation:
//   gap = 0.32 − 0.03·doubles − 0.04·triples − 0.03·conjugated pairs (two multiple bonds joined by
//         one single bond) − 0.01·(N or O on a multiple bond) + 0.01·[ring] + Normal(0, noise)
// It is not a quantum-chemical band gap; it only gives the latent space a smooth gradient.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/status.h"
#include "core/data/dataset.h"

namespace mlp {

inline constexpr std::string_view kDeepSmilesVocabulary = "#)3456789=CFNOx";  // 15 symbols, 'x' = stop

struct MoleculeSettings {
  uint32_t seed = 0;               // NumPy-compatible seed (mlp::Rng)
  int molecules = 2000;            // rows
  int min_heavy_atoms = 2;         // in [2, max]
  int max_heavy_atoms = 9;         // ≤ 9 (QM9-like)
  double ring_probability = 0.4;   // in [0, 1]
  int max_length = 17;             // DeepSMILES positions (≥ 10); shorter strings are padded with 'x'
  double gap_noise_sd = 0.005;     // Hartree, ≥ 0
};

struct MoleculeSet {
  std::vector<std::string> smiles;       // Kekulé SMILES, one per row
  std::vector<std::string> deep_smiles;  // the same molecules in DeepSMILES
  // Dataset "Toy molecules, DeepSMILES one-hot (synthetic)": layout kImage with sample_shape
  // {max_length, 15} (row-major: position × symbol, 0/1), regression target "toy_gap_Ha".
  Dataset data;
};

Result<MoleculeSet> GenerateMolecules(const MoleculeSettings& settings);

// SMILES → DeepSMILES (O'Boyle & Dalke 2018) for the subset used here: atoms C N O F, bonds
// = and #, single-digit ring closures, nested branches. Rings: the opening digit is dropped and
// the closing digit becomes the ring size counted along the current path (branch atoms already
// closed do not count), preceded by the closure's bond symbol. Branches: '(' is dropped and each
// ')' becomes as many ')' as the branch put atoms on the path. Fails on anything else.
Result<std::string> SmilesToDeepSmiles(std::string_view smiles);

// One-hot rows of a DeepSMILES string padded with 'x' to max_length: max_length × 15 values,
// row-major. Fails for symbols outside the vocabulary or strings longer than max_length.
Result<Eigen::VectorXd> OneHotDeepSmiles(std::string_view deep_smiles, int max_length);

}  // namespace mlp
