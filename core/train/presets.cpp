#include "core/train/presets.h"

namespace mlp {

const std::vector<Preset>& Presets() {
  static const std::vector<Preset> presets = {
      {"circle", "dataset=circle&features=x1,x2&layers=4,2&activation=tanh&lr=0.03",
       "A ring around a disc: two small hidden layers bend a boundary around the centre."},
      {"circle-squares", "dataset=circle&features=x1sq,x2sq&layers=&activation=tanh&lr=0.03",
       "With x1² and x2² as inputs the circle becomes linearly separable: no hidden layer needed."},
      {"xor", "dataset=xor&features=x1,x2&layers=4,4&activation=tanh&lr=0.03",
       "Exclusive or cannot be split by one line; a hidden layer combines several."},
      {"gauss", "dataset=gauss&features=x1,x2&layers=&activation=tanh&lr=0.03",
       "Two blobs need nothing but a linear boundary (logistic regression)."},
      {"moons", "dataset=moons&features=x1,x2&layers=6,4&activation=relu&optimizer=adam&lr=0.01",
       "Two interleaved half circles, learned with ReLU units and Adam."},
      {"spiral",
       "dataset=spiral&noise=0&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&layers=8,8,6&activation=tanh&"
       "optimizer=adam&lr=0.01&batch=10",
       "Two interleaved arms: the hard case, with all seven input features and three hidden layers."},
      {"plane", "dataset=plane&features=x1,x2&layers=&activation=linear&lr=0.01",
       "A tilted plane: linear regression recovers it exactly."},
      {"bumps", "dataset=bumps&features=x1,x2&layers=8,8&activation=tanh&optimizer=adam&lr=0.01",
       "Regression of a bumpy surface with a small tanh network."},
      {"diverge", "dataset=plane&features=x1,x2,x1sq,x2sq&layers=8,8&activation=relu&lr=3",
       "A learning rate far too large: training diverges and the session explains why."},
  };
  return presets;
}

Result<PlaygroundSettings> PresetSettings(std::string_view name) {
  std::string known;
  for (const Preset& preset : Presets()) {
    if (preset.name == name) {
      PlaygroundSettings settings;
      if (Status status = ApplyQuery(preset.query, &settings); !status.ok()) return status;
      return settings;
    }
    known += (known.empty() ? "" : ", ") + std::string(preset.name);
  }
  return Status::Error("Unknown preset '" + std::string(name) + "'. Known presets: " + known + ".");
}

}  // namespace mlp
