#include "core/deep/weights_io.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

namespace mlp::deep {
namespace {

constexpr char kMagic[4] = {'M', 'L', 'P', 'W'};
constexpr size_t kChecksumBytes = 8;

void PutU32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void PutString(std::vector<uint8_t>& out, const std::string& text) {
  PutU32(out, static_cast<uint32_t>(text.size()));
  out.insert(out.end(), text.begin(), text.end());
}

// Sequential reader over [data, data + end); every read checks the bounds first.
struct Reader {
  const uint8_t* data;
  size_t end, at = 0;
  bool U32(uint32_t* v) {
    if (end - at < 4) return false;
    *v = 0;
    for (int i = 0; i < 4; ++i) *v |= static_cast<uint32_t>(data[at + i]) << (8 * i);
    at += 4;
    return true;
  }
  bool String(std::string* text) {
    uint32_t n;
    if (!U32(&n) || end - at < n) return false;
    text->assign(reinterpret_cast<const char*>(data + at), n);
    at += n;
    return true;
  }
};

float ReadF32(const uint8_t* p) {
  const uint32_t bits = static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
                        static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
  float value;
  std::memcpy(&value, &bits, 4);
  return value;
}

// Every stored tensor of the network, as (name, values): parameters, then state.
template <typename S>
std::vector<std::pair<std::string, Eigen::Map<nn::Matrix<S>>>> Tensors(TrainableNetwork<S>& network) {
  std::vector<std::pair<std::string, Eigen::Map<nn::Matrix<S>>>> all;
  for (const nn::Parameter<S>& p : network.Parameters()) all.emplace_back(p.name, p.value);
  for (const StateTensor<S>& t : network.States()) all.emplace_back(t.name, t.value);
  return all;
}

Status Truncated() {
  return Status::Error("The weights file is truncated (it ends before all the weights it announces): save it again.");
}

}  // namespace

uint64_t Fnv1a64(const uint8_t* data, size_t size) {
  uint64_t hash = 14695981039346656037ull;
  for (size_t i = 0; i < size; ++i) hash = (hash ^ data[i]) * 1099511628211ull;
  return hash;
}

template <typename S>
std::vector<uint8_t> SaveWeights(TrainableNetwork<S>& network) {
  std::vector<uint8_t> out(kMagic, kMagic + 4);
  PutU32(out, kWeightsFormatVersion);
  PutString(out, network.Fingerprint());
  const auto tensors = Tensors(network);
  PutU32(out, static_cast<uint32_t>(tensors.size()));
  for (const auto& [name, value] : tensors) {
    PutString(out, name);
    PutU32(out, static_cast<uint32_t>(value.rows()));
    PutU32(out, static_cast<uint32_t>(value.cols()));
    for (Eigen::Index i = 0; i < value.size(); ++i) {
      const float f = static_cast<float>(value.data()[i]);
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      PutU32(out, bits);
    }
  }
  const uint64_t checksum = Fnv1a64(out.data(), out.size());
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(checksum >> (8 * i)));
  return out;
}

template <typename S>
Status LoadWeights(TrainableNetwork<S>& network, const uint8_t* data, size_t size) {
  if (size < 4 || std::memcmp(data, kMagic, 4) != 0)
    return Status::Error("This is not an ML Playground weights file (it does not start with \"MLPW\").");
  if (size < 8 + kChecksumBytes) return Truncated();
  Reader in{data, size - kChecksumBytes, 4};
  uint32_t version = 0;
  in.U32(&version);
  if (version != kWeightsFormatVersion)
    return Status::Error("The weights file has format version " + std::to_string(version) + "; this build reads version " +
                         std::to_string(kWeightsFormatVersion) + ".");
  // Structure first (so a cut file reads as truncated), then the checksum, then the architecture.
  std::string fingerprint;
  uint32_t count = 0;
  if (!in.String(&fingerprint) || !in.U32(&count)) return Truncated();
  struct Stored {
    std::string name;
    uint32_t rows = 0, cols = 0;
    size_t offset = 0;  // of the first value
  };
  std::vector<Stored> stored;
  for (uint32_t k = 0; k < count; ++k) {
    Stored s;
    if (!in.String(&s.name) || !in.U32(&s.rows) || !in.U32(&s.cols)) return Truncated();
    const uint64_t bytes = uint64_t{s.rows} * s.cols * 4;
    if (in.end - in.at < bytes) return Truncated();
    s.offset = in.at;
    in.at += static_cast<size_t>(bytes);
    stored.push_back(std::move(s));
  }
  if (in.at != in.end)
    return Status::Error("The weights file has " + std::to_string(in.end - in.at) + " unexpected bytes before its checksum: it is damaged.");
  uint64_t checksum = 0;
  for (int i = 0; i < 8; ++i) checksum |= static_cast<uint64_t>(data[in.end + i]) << (8 * i);
  if (checksum != Fnv1a64(data, in.end))
    return Status::Error("The weights file is damaged (checksum mismatch): download or save it again.");
  const std::string mine = network.Fingerprint();
  if (fingerprint != mine)
    return Status::Error("These weights belong to another architecture.\nFile:\n" + fingerprint + "This model:\n" + mine);
  auto tensors = Tensors(network);
  if (tensors.size() != stored.size())
    return Status::Error("The weights file has " + std::to_string(stored.size()) + " tensors; this model has " +
                         std::to_string(tensors.size()) + ".");
  for (size_t k = 0; k < stored.size(); ++k) {
    const auto& [name, value] = tensors[k];
    const Stored& s = stored[k];
    if (s.name != name || s.rows != value.rows() || s.cols != value.cols())
      return Status::Error("Tensor " + std::to_string(k) + " of the file is " + s.name + " (" + std::to_string(s.rows) + "×" +
                           std::to_string(s.cols) + ") but the model expects " + name + " (" +
                           std::to_string(value.rows()) + "×" + std::to_string(value.cols()) + ").");
    for (size_t i = 0; i < size_t{s.rows} * s.cols; ++i)
      if (!std::isfinite(ReadF32(data + s.offset + 4 * i)))
        return Status::Error("Tensor " + s.name + " holds a non-finite weight: the file was saved from a diverged run.");
  }
  // Everything checked: only now write.
  for (size_t k = 0; k < stored.size(); ++k) {
    Eigen::Map<nn::Matrix<S>>& value = tensors[k].second;
    for (Eigen::Index i = 0; i < value.size(); ++i)
      value.data()[i] = static_cast<S>(ReadF32(data + stored[k].offset + 4 * static_cast<size_t>(i)));
  }
  return Status::Ok();
}

template <typename S>
Status SaveWeightsFile(TrainableNetwork<S>& network, const std::string& path) {
  const std::vector<uint8_t> bytes = SaveWeights(network);
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!out) return Status::Error("Could not write the weights to " + path + ".");
  return Status::Ok();
}

template <typename S>
Status LoadWeightsFile(TrainableNetwork<S>& network, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("Could not open the weights file " + path + ".");
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return LoadWeights(network, bytes);
}

#define MLP_INSTANTIATE_WEIGHTS_IO(S)                                                    \
  template std::vector<uint8_t> SaveWeights<S>(TrainableNetwork<S>&);                   \
  template Status LoadWeights<S>(TrainableNetwork<S>&, const uint8_t*, size_t);         \
  template Status SaveWeightsFile<S>(TrainableNetwork<S>&, const std::string&);         \
  template Status LoadWeightsFile<S>(TrainableNetwork<S>&, const std::string&);
MLP_INSTANTIATE_WEIGHTS_IO(float)
MLP_INSTANTIATE_WEIGHTS_IO(double)
#undef MLP_INSTANTIATE_WEIGHTS_IO

}  // namespace mlp::deep
