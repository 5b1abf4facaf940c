// G6 toy molecules: SMILES → DeepSMILES on hand-checked cases, one-hot layout, grammar validity
// (vocabulary, length, heavy-atom count) and the toy gap's dependence on conjugation.
#include <catch2/catch.hpp>

#include <string>

#include "core/data/generators/molecules.h"

TEST_CASE("G6 SMILES to DeepSMILES: rings by size, branches by closing counts", "[generators-signals]") {
  const std::pair<const char*, const char*> cases[] = {
      {"CC(=O)O", "CC=O)O"},           // acetic acid: one-atom branch, one ')'
      {"C1=CC=CC=C1", "C=CC=CC=C6"},   // Kekulé benzene: ring closure = ring size 6
      {"C1CC1", "CCC3"},               // cyclopropane
      {"CC(C)(C)C", "CCC)C)C"},        // neopentane: two one-atom branches
      {"C(CC)C", "CCC))C"},            // two-atom branch, two ')'
      {"OC1CCC(F)CC1", "OCCCCF)CC6"},  // closed branch atoms do not count in the ring size
      {"C=1CCC1", "CCCC=4"},           // the closure's bond symbol moves to the closing digit
      {"N#CC", "N#CC"},
  };
  for (const auto& [smiles, expected] : cases) {
    auto deep = mlp::SmilesToDeepSmiles(smiles);
    REQUIRE(deep.ok());
    CHECK(deep.value() == expected);
  }
  CHECK_FALSE(mlp::SmilesToDeepSmiles("c1ccccc1").ok());  // aromatic lowercase is outside the subset
  CHECK_FALSE(mlp::SmilesToDeepSmiles("CC(C").ok());
  CHECK_FALSE(mlp::SmilesToDeepSmiles("C1CC").ok());
}

TEST_CASE("G6 toy molecules: vocabulary, one-hot rows, sizes and the toy gap", "[generators-signals]") {
  mlp::MoleculeSettings settings;
  settings.seed = 1;
  settings.molecules = 500;
  auto generated = mlp::GenerateMolecules(settings);
  REQUIRE(generated.ok());
  const mlp::MoleculeSet& set = generated.value();
  const mlp::Dataset& data = set.data;
  CHECK(data.name == "Toy molecules, DeepSMILES one-hot (synthetic)");
  CHECK(data.synthetic);
  CHECK(data.layout == mlp::SampleLayout::kImage);
  CHECK(data.sample_shape == std::vector<int>{17, 15});
  REQUIRE(data.features.rows() == 500);
  REQUIRE(data.features.cols() == 17 * 15);
  REQUIRE(set.smiles.size() == 500);
  CHECK(mlp::GenerateMolecules(settings).value().smiles == set.smiles);

  int bad_rows = 0, bad_strings = 0, rings = 0, branches = 0;
  for (int i = 0; i < 500; ++i) {
    // Each position is exactly one symbol; the string decodes back from the one-hot rows.
    std::string decoded;
    for (int p = 0; p < 17; ++p) {
      const Eigen::VectorXd row = data.features.row(i).segment(p * 15, 15).transpose();
      Eigen::Index symbol;
      if (row.sum() != 1.0 || row.maxCoeff(&symbol) != 1.0) ++bad_rows;
      if (mlp::kDeepSmilesVocabulary[static_cast<size_t>(symbol)] != 'x') decoded += mlp::kDeepSmilesVocabulary[static_cast<size_t>(symbol)];
    }
    const std::string& deep = set.deep_smiles[static_cast<size_t>(i)];
    if (decoded != deep || deep.size() > 17 || mlp::SmilesToDeepSmiles(set.smiles[static_cast<size_t>(i)]).value() != deep) ++bad_strings;
    // Heavy atoms 2–9.
    const std::string& smiles = set.smiles[static_cast<size_t>(i)];
    const auto heavy = std::count_if(smiles.begin(), smiles.end(), [](char c) { return c == 'C' || c == 'N' || c == 'O' || c == 'F'; });
    if (heavy < 2 || heavy > 9) ++bad_strings;
    rings += smiles.find('1') != std::string::npos;
    branches += smiles.find('(') != std::string::npos;
  }
  CHECK(bad_rows == 0);
  CHECK(bad_strings == 0);
  CHECK(rings > 100);  // ring probability 0.4
  CHECK(branches > 50);

  // The toy gap falls with multiple bonds: molecules with '=' or '#' average lower.
  double saturated = 0.0, unsaturated = 0.0, n_saturated = 0.0, n_unsaturated = 0.0;
  for (int i = 0; i < 500; ++i) {
    const bool multiple = set.smiles[static_cast<size_t>(i)].find_first_of("=#") != std::string::npos;
    (multiple ? unsaturated : saturated) += data.targets(i);
    (multiple ? n_unsaturated : n_saturated) += 1.0;
  }
  REQUIRE(n_saturated > 20.0);
  REQUIRE(n_unsaturated > 20.0);
  CHECK(saturated / n_saturated > unsaturated / n_unsaturated + 0.03);

  mlp::MoleculeSettings bad;
  bad.max_heavy_atoms = 12;
  CHECK_FALSE(mlp::GenerateMolecules(bad).ok());
  bad = mlp::MoleculeSettings();
  bad.max_length = 5;
  CHECK_FALSE(mlp::GenerateMolecules(bad).ok());
}
