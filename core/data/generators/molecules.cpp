// G6: toy molecule grammar, SMILES → DeepSMILES conversion and one-hot encoding (molecules.h).
#include "core/data/generators/molecules.h"

#include <algorithm>
#include <cmath>

#include "core/base/rng.h"

namespace mlp {
namespace {

int Valence(char element) {
  switch (element) {
    case 'C': return 4;
    case 'N': return 3;
    case 'O': return 2;
    default: return 1;  // F
  }
}

const char* BondSymbol(int order) { return order == 3 ? "#" : order == 2 ? "=" : ""; }

struct Bond {
  int a, b, order;
  bool in_ring;
};

// One molecule drawn from the grammar, written as SMILES, with its toy gap (noise excluded).
struct DrawnMolecule {
  std::string smiles;
  double gap = 0.0;
};

char DrawElement(Rng& rng, bool terminal) {
  const double u = rng.Uniform();
  if (terminal && u < 0.1) return 'F';
  if (u < 0.25) return 'N';
  if (u < 0.35) return 'O';
  return 'C';
}

DrawnMolecule DrawMolecule(Rng& rng, const MoleculeSettings& s) {
  const int heavy = s.min_heavy_atoms + static_cast<int>(rng.Interval(static_cast<uint64_t>(s.max_heavy_atoms - s.min_heavy_atoms)));
  int ring = 0;
  if (heavy >= 3 && rng.Uniform() < s.ring_probability) ring = 3 + static_cast<int>(rng.Interval(static_cast<uint64_t>(std::min(6, heavy) - 3)));
  const int lowest_anchor = ring > 0 ? ring - 1 : 1;
  int chain = heavy;
  std::vector<int> branch_lengths;
  for (int b = 0; b < 2; ++b) {
    if (rng.Uniform() >= 0.35) continue;
    const int length = 1 + static_cast<int>(rng.Interval(1));
    if (lowest_anchor <= chain - length - 2) {
      chain -= length;
      branch_lengths.push_back(length);
    }
  }
  // Atoms: chain 0 … chain−1, then the branch atoms.
  std::vector<char> element;
  for (int i = 0; i < chain; ++i) element.push_back(DrawElement(rng, ring == 0 ? (i == 0 || i == chain - 1) : i == chain - 1 && chain > ring));
  std::vector<Bond> bonds;
  for (int i = 1; i < chain; ++i) bonds.push_back({i - 1, i, 1, i < ring});
  if (ring > 0) bonds.push_back({0, ring - 1, 1, true});
  std::vector<int> anchors;
  std::vector<std::vector<int>> branch_atoms;
  for (int length : branch_lengths) {
    const int anchor = lowest_anchor + static_cast<int>(rng.Interval(static_cast<uint64_t>(chain - 2 - lowest_anchor)));
    std::vector<int> atoms;
    int previous = anchor;
    for (int k = 0; k < length; ++k) {
      element.push_back(DrawElement(rng, k == length - 1));
      const int atom = static_cast<int>(element.size()) - 1;
      bonds.push_back({previous, atom, 1, false});
      atoms.push_back(atom);
      previous = atom;
    }
    anchors.push_back(anchor);
    branch_atoms.push_back(atoms);
  }
  // Valence with single bonds only: an over-bonded atom becomes carbon.
  std::vector<int> used(element.size(), 0);
  for (const Bond& bond : bonds) {
    ++used[static_cast<size_t>(bond.a)];
    ++used[static_cast<size_t>(bond.b)];
  }
  for (size_t i = 0; i < element.size(); ++i) {
    if (used[i] > Valence(element[i])) element[i] = 'C';
  }
  // Upgrade bonds where both atoms have free valence (one uniform per bond, in bond order).
  for (Bond& bond : bonds) {
    const double u = rng.Uniform();
    const int wanted = u < 0.08 && !bond.in_ring ? 3 : u < 0.33 ? 2 : 1;
    const int extra = wanted - 1;
    if (extra == 0) continue;
    const size_t a = static_cast<size_t>(bond.a), b = static_cast<size_t>(bond.b);
    if (used[a] + extra <= Valence(element[a]) && used[b] + extra <= Valence(element[b])) {
      bond.order = wanted;
      used[a] += extra;
      used[b] += extra;
    }
  }
  // SMILES: chain atoms with their ring digit, branches in parentheses after their anchor.
  auto bond_between = [&](int a, int b) {
    for (const Bond& bond : bonds) {
      if ((bond.a == a && bond.b == b) || (bond.a == b && bond.b == a)) return bond.order;
    }
    return 1;
  };
  DrawnMolecule out;
  for (int i = 0; i < chain; ++i) {
    if (i > 0) out.smiles += BondSymbol(bond_between(i - 1, i));
    out.smiles += element[static_cast<size_t>(i)];
    if (ring > 0 && (i == 0 || i == ring - 1)) out.smiles += '1';
    for (size_t b = 0; b < anchors.size(); ++b) {
      if (anchors[b] != i) continue;
      out.smiles += '(';
      int previous = i;
      for (int atom : branch_atoms[b]) {
        out.smiles += BondSymbol(bond_between(previous, atom));
        out.smiles += element[static_cast<size_t>(atom)];
        previous = atom;
      }
      out.smiles += ')';
    }
  }
  // Toy gap.
  int doubles = 0, triples = 0, conjugated = 0, hetero_on_multiple = 0;
  std::vector<int> multiple_at(element.size(), 0);
  for (const Bond& bond : bonds) {
    doubles += bond.order == 2;
    triples += bond.order == 3;
    if (bond.order > 1) {
      ++multiple_at[static_cast<size_t>(bond.a)];
      ++multiple_at[static_cast<size_t>(bond.b)];
    }
  }
  for (const Bond& bond : bonds) {
    if (bond.order == 1) conjugated += multiple_at[static_cast<size_t>(bond.a)] * multiple_at[static_cast<size_t>(bond.b)];
  }
  for (size_t i = 0; i < element.size(); ++i) hetero_on_multiple += (element[i] == 'N' || element[i] == 'O') && multiple_at[i] > 0;
  out.gap = 0.32 - 0.03 * doubles - 0.04 * triples - 0.03 * conjugated - 0.01 * hetero_on_multiple + (ring > 0 ? 0.01 : 0.0);
  return out;
}

}  // namespace

Result<std::string> SmilesToDeepSmiles(std::string_view smiles) {
  std::string out;
  std::vector<int> path;            // atom ids on the current path
  std::vector<size_t> branch_start; // path length when each open branch began
  int open_ring_atom[10];
  std::string open_ring_bond[10];
  std::fill(open_ring_atom, open_ring_atom + 10, -1);
  std::string pending_bond;
  int atoms = 0;
  for (char c : smiles) {
    if (c == 'C' || c == 'N' || c == 'O' || c == 'F') {
      out += pending_bond;
      pending_bond.clear();
      out += c;
      path.push_back(atoms++);
    } else if (c == '=' || c == '#') {
      pending_bond = std::string(1, c);
    } else if (c >= '1' && c <= '9') {
      if (path.empty()) return Status::Error("SMILES ring digit before any atom.");
      const int digit = c - '0';
      if (open_ring_atom[digit] < 0) {
        open_ring_atom[digit] = path.back();
        open_ring_bond[digit] = pending_bond;
      } else {
        const auto where = std::find(path.begin(), path.end(), open_ring_atom[digit]);
        if (where == path.end()) return Status::Error("SMILES ring closes to an atom off the current path.");
        const long size = static_cast<long>(path.end() - where);
        if (size > 9) return Status::Error("Rings larger than 9 atoms are not supported.");
        out += pending_bond.empty() ? open_ring_bond[digit] : pending_bond;
        out += static_cast<char>('0' + size);
        open_ring_atom[digit] = -1;
      }
      pending_bond.clear();
    } else if (c == '(') {
      branch_start.push_back(path.size());
    } else if (c == ')') {
      if (branch_start.empty()) return Status::Error("Unbalanced ')' in SMILES.");
      const size_t start = branch_start.back();
      branch_start.pop_back();
      out.append(path.size() - start, ')');
      path.resize(start);
    } else {
      return Status::Error(std::string("Unsupported SMILES symbol '") + c + "' (only C N O F = # ( ) 1-9).");
    }
  }
  if (!branch_start.empty()) return Status::Error("Unclosed '(' in SMILES.");
  for (int atom : open_ring_atom) {
    if (atom >= 0) return Status::Error("Unclosed ring in SMILES.");
  }
  return out;
}

Result<Eigen::VectorXd> OneHotDeepSmiles(std::string_view deep_smiles, int max_length) {
  if (static_cast<int>(deep_smiles.size()) > max_length) return Status::Error("DeepSMILES string longer than the maximum length.");
  const int symbols = static_cast<int>(kDeepSmilesVocabulary.size());
  Eigen::VectorXd one_hot = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(max_length) * symbols);
  for (int p = 0; p < max_length; ++p) {
    const char c = p < static_cast<int>(deep_smiles.size()) ? deep_smiles[static_cast<size_t>(p)] : 'x';
    const size_t index = kDeepSmilesVocabulary.find(c);
    if (index == std::string_view::npos) return Status::Error(std::string("Symbol '") + c + "' is not in the DeepSMILES vocabulary.");
    one_hot(static_cast<Eigen::Index>(p) * symbols + static_cast<Eigen::Index>(index)) = 1.0;
  }
  return one_hot;
}

Result<MoleculeSet> GenerateMolecules(const MoleculeSettings& s) {
  if (s.molecules < 1) return Status::Error("Generate at least 1 molecule.");
  if (s.min_heavy_atoms < 2 || s.max_heavy_atoms > 9 || s.min_heavy_atoms > s.max_heavy_atoms) {
    return Status::Error("Heavy atoms must satisfy 2 ≤ min ≤ max ≤ 9.");
  }
  if (!(s.ring_probability >= 0.0 && s.ring_probability <= 1.0)) return Status::Error("The ring probability must lie in [0, 1].");
  if (s.max_length < 10) return Status::Error("The maximum DeepSMILES length must be at least 10.");
  if (!(s.gap_noise_sd >= 0.0)) return Status::Error("The gap noise cannot be negative.");

  Rng rng(s.seed);
  MoleculeSet out;
  const int symbols = static_cast<int>(kDeepSmilesVocabulary.size());
  Dataset& data = out.data;
  data.name = "Toy molecules, DeepSMILES one-hot (synthetic)";
  data.task = TaskKind::kRegression;
  data.target_name = "toy_gap_Ha";
  data.layout = SampleLayout::kImage;
  data.sample_shape = {s.max_length, symbols};
  data.synthetic = true;
  for (int p = 0; p < s.max_length; ++p) {
    for (char c : kDeepSmilesVocabulary) data.feature_names.push_back("p" + std::to_string(p) + "_" + c);
  }
  data.features.resize(s.molecules, static_cast<Eigen::Index>(s.max_length) * symbols);
  data.targets.resize(s.molecules);
  for (int i = 0; i < s.molecules; ++i) {
    for (int attempt = 0;; ++attempt) {
      if (attempt == 1000) return Status::Error("Could not draw a molecule short enough for the maximum length.");
      const DrawnMolecule molecule = DrawMolecule(rng, s);
      Result<std::string> deep = SmilesToDeepSmiles(molecule.smiles);
      if (!deep.ok()) return deep.status();  // a grammar bug, not a user error
      if (static_cast<int>(deep.value().size()) > s.max_length) continue;
      const Eigen::VectorXd one_hot = OneHotDeepSmiles(deep.value(), s.max_length).value();
      for (Eigen::Index j = 0; j < one_hot.size(); ++j) data.features(i, j) = one_hot(j);
      data.targets(i) = molecule.gap + (s.gap_noise_sd > 0.0 ? rng.Normal(0.0, s.gap_noise_sd) : 0.0);
      out.smiles.push_back(molecule.smiles);
      out.deep_smiles.push_back(deep.value());
      break;
    }
  }
  return out;
}

}  // namespace mlp
