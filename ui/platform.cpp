#include "ui/platform.h"

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

}  // namespace mlp::ui
