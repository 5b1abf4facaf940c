#include "ui/platform.h"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace mlp::ui {

void Platform::FetchDatasetFile(const std::string& file, BytesCallback done) {
  const std::string path = DatasetsDirectory() + "/" + file;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    done(false, {}, "Cannot open " + path + ". The built-in datasets are made by scripts/setup.sh: run it once.");
    return;
  }
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  done(true, std::move(bytes), "");
}

Result<std::string> Platform::SaveFile(const std::string& name, const std::vector<uint8_t>& bytes) {
  std::error_code error;
  const std::filesystem::path path = std::filesystem::absolute(name, error);
  if (error) return Status::Error("Cannot resolve " + name + ": " + error.message());
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::Error("Could not write " + path.string() + " (is the directory writable?).");
  return "Saved " + std::to_string(bytes.size()) + " bytes to " + path.string() + ".";
}

}  // namespace mlp::ui
