// The deep-learning lessons: each opens the Deep models tab (or the Neural ODE lab) on data and a
// network of the deep catalogue (core/deep/deep_catalog.h), with a view that shows the point.
#include "core/lessons/lesson_parts.h"

namespace mlp {

void AddDeepLessons(std::vector<Lesson>& lessons) {
  {
    Lesson l;
    l.id = "cnn-digits";
    l.title = "A small CNN reads handwritten digits";
    l.section = "Convolutional networks";
    l.workspace = "deep";
    l.explanation =
        "1,797 handwritten digits of 8 by 8 pixels and the course's small convolutional network: 16 then 32 "
        "filters of 3 by 3 pixels, each followed by max-pooling, and a dense layer that votes for the digit. "
        "Watch the validation accuracy pass 95% within a few epochs. Confusion shows which digits it still "
        "mixes up and the images it got wrong; Filters shows what the first layer looks for and how each "
        "layer transforms one digit. Then try the plain MLP on the same data.";
    l.source = "digits";
    l.split = RandomSplit(0.25, 0);
    l.model = "cnn_simple";
    l.model_values = {{"epochs", 8}};
    l.view = "training";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "cnn1d-scintillator-pulses";
    l.title = "A 1-D CNN tells neutron pulses from electron pulses";
    l.section = "Convolutional networks";
    l.workspace = "deep";
    l.explanation =
        "Each row is one detector trace of 1,000 samples. Electron-like and neutron-like signals differ in how "
        "slowly their light dies away, which a person would measure with a hand-made tail-to-total cut. Here "
        "a small 1-D convolutional network learns its own pulse-shape filters: they slide along time, so a "
        "pulse is recognised wherever it starts. Filters shows the learnt kernels and what each layer makes "
        "of one trace; Confusion shows which class it still mistakes.";
    l.source = "scintillator";
    l.split = RandomSplit(0.25, 0);
    l.model = "cnn1d_waveform";
    l.model_values = {{"epochs", 6}};
    l.view = "training";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "neural-ode-spiral";
    l.title = "A network learns the law of motion";
    l.section = "Neural ODEs";
    l.workspace = "ode";
    l.explanation =
        "A point spirals into the origin. Rather than memorising where it is at each time, a small network "
        "learns its velocity at every position, and an ODE solver integrates that velocity into a path. "
        "Training only ever solves short windows, yet the orange path from the first point follows the whole "
        "spiral once the arrows are right: the model has learned the dynamics, not the data. Try the cubic "
        "spiral: its fast first turn has few observations and is much harder.";
    lessons.push_back(std::move(l));
  }
}

}  // namespace mlp
