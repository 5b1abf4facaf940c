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
    l.id = "cnn-storm-wind";
    l.title = "From a satellite picture to a wind speed";
    l.section = "Convolutional networks";
    l.workspace = "deep";
    l.explanation =
        "Each image is one frame of a synthetic tropical storm; the target is its wind speed in knots. Strong "
        "storms have a small, sharp eye and tight spiral arms, weak ones are loose and dim, and the same "
        "convolutional trunk as the digit classifier ends here in one number trained with squared error. "
        "Predictions plots every held-out frame's predicted speed against the true one: points on the "
        "diagonal are right. The loss is counted in units of the speeds' spread, so 0.5 means no better "
        "than always guessing the average.";
    l.source = "storm_images";
    l.source_values = {{"size", 32}};
    l.split = RandomSplit(0.25, 0);
    l.model = "cnn_regressor";
    l.model_values = {{"epochs", 12}};
    l.view = "predictions";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "cnn-circle-counter";
    l.title = "Counting touching circles";
    l.section = "Convolutional networks";
    l.workspace = "deep";
    l.explanation =
        "Each image shows one to five discs that touch and overlap, like particles stuck together under a "
        "microscope. Counting them is harder than it looks: where two discs merge there is no gap to see. "
        "Three convolution-and-pooling stages build up from edges to arcs to whole discs before a dense layer "
        "picks the count. Confusion shows that the mistakes are almost always off by one, and mostly for "
        "the crowded images.";
    l.source = "circle_aggregates";
    l.split = RandomSplit(0.25, 0);
    l.model = "cnn_counter";
    l.model_values = {{"epochs", 12}};
    l.view = "confusion";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "vae-digits-latent";
    l.title = "A variational autoencoder draws digits";
    l.section = "Generative models";
    l.workspace = "deep";
    l.explanation =
        "The encoder squeezes each 8 by 8 digit into just two numbers, the centre of a small Gaussian cloud; "
        "the decoder has to redraw the digit from one random point of that cloud. The loss adds how badly "
        "the digit is redrawn to how far the clouds stray from a standard normal (the KL term), which keeps "
        "the two-dimensional map tidy. Latent space shows where each digit lands, coloured by its label, "
        "the redrawn digits, new digits decoded from random points, and a grid that walks across the map. "
        "Raise beta for a smoother map with blurrier digits.";
    l.source = "digits";
    l.split = RandomSplit(0.25, 0);
    l.model = "vae_conv";
    l.model_values = {{"epochs", 20}};
    l.view = "latent";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "vae-hands";
    l.title = "Generating hand X-rays from two numbers";
    l.section = "Generative models";
    l.workspace = "deep";
    l.explanation =
        "Synthetic 32 by 32 hand images that differ in rotation and finger spread. A convolutional VAE with a "
        "two-dimensional latent space learns to place them on a map where nearby points are similar hands. "
        "The traversal grid on the right of Latent space decodes a regular grid of points: moving along one "
        "axis rotates the hand, along the other the fingers open and close. The scatter is coloured by the "
        "true rotation, so a smooth colour gradient means the network found that factor by itself.";
    l.source = "hands";
    l.source_values = {{"samples", 2000}};
    l.split = RandomSplit(0.2, 0);
    l.model = "vae_conv";
    l.model_values = {{"epochs", 10}};
    l.view = "latent";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "molecule-vae";
    l.title = "A latent space of molecules with a property";
    l.section = "Generative models";
    l.workspace = "deep";
    l.explanation =
        "Small toy molecules written as DeepSMILES strings, one symbol per row of a one-hot grid. The VAE "
        "learns to rebuild the strings from a 14-number code while a third network predicts a toy electronic "
        "gap from that code; its error is weighted 100 times in the loss, which forces the latent space to "
        "sort the molecules by the property. Latent space shows the first two latent dimensions coloured by "
        "the gap: look for a smooth colour gradient.";
    l.source = "molecules";
    l.split = RandomSplit(0.2, 0);
    l.model = "vae_molecule";
    l.model_values = {{"epochs", 15}};
    l.view = "latent";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "unet-lung-slices";
    l.title = "A U-Net outlines lesions in lung slices";
    l.section = "Segmentation";
    l.workspace = "deep";
    l.explanation =
        "119 synthetic lung slices with small round lesions, and a mask marking every lesion pixel. The U-Net "
        "halves the image three times to see context, then doubles it back, and skip connections hand the "
        "fine detail of each level to the way up so that the outline lands on the right pixels. Lesions are "
        "about 2% of the pixels, so pixel accuracy is near 98% before the network has learnt anything: watch "
        "Dice and IoU, which only count lesion pixels. Segmentation shows image, true mask, predicted "
        "probability and an overlay (true green, predicted red, both yellow).";
    l.source = "lung_slices";
    l.source_values = {{"size", 64}};
    l.split = RandomSplit(0.16, 0);
    l.model = "unet";
    l.view = "segmentation";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "lstm-storm-forecast";
    l.title = "An LSTM forecasts a storm's wind speed";
    l.section = "Recurrent networks";
    l.workspace = "deep";
    l.explanation =
        "Each row holds the last 8 wind speeds of one storm, and the target is the next one. The LSTM reads "
        "the 8 values in order, keeps a memory of the trend, and predicts how much the speed will change. "
        "The split is sequential: the last storms are held out whole, so the model is tested on storms it "
        "never saw, as a real forecast would be. Predictions shows a held-out storm's true track with the "
        "forecast on top, and the plain guess \"the next value equals the last one\" to beat.";
    l.source = "storm_windows";
    l.split.kind = SplitKind::kSequential;
    l.split.test_fraction = 0.25;
    l.model = "lstm_forecaster";
    l.view = "predictions";
    lessons.push_back(std::move(l));
  }
  {
    Lesson l;
    l.id = "convlstm-storm-frames";
    l.title = "A ConvLSTM predicts the next satellite frames";
    l.section = "Recurrent networks";
    l.workspace = "deep";
    l.explanation =
        "Each example is four consecutive frames of a storm; the model must produce the three frames that "
        "follow. A convolutional LSTM keeps a memory per pixel neighbourhood, so it can follow the spiral "
        "arms as they turn, and it predicts how each new frame differs from the last one it saw. The frame "
        "player shows the true sequence next to the model's: generated frames are marked in red. Expect the "
        "generated frames to be a little blurred, as the course's were.";
    l.source = "storm_sequences";
    l.split = RandomSplit(0.2, 0);
    l.model = "convlstm_frames";
    l.view = "frames";
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
