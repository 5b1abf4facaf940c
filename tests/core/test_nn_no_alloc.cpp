// A training step (ComputeGradients + Optimizer::Step) does not allocate once the model has seen
// its largest batch, even when the next batch is smaller (an epoch's last), with 1 and 2 threads.
//
// Two witnesses:
// - Every heap allocation in the process is counted during the step: on glibc by interposing
//   malloc/calloc/realloc (operator new and Eigen both go through malloc), elsewhere (the web
//   builds, sanitizer builds) by replacing global operator new. A self-test proves the counter
//   sees a deliberate allocation. This is the proof.
// - Eigen's EIGEN_RUNTIME_NO_MALLOC with set_is_malloc_allowed(false), eigen_assert redefined to
//   count refusals so it also works in Release. It is best-effort: it only guards Eigen code
//   compiled in THIS file, and where the linker keeps another file's copy of Eigen's (inline)
//   aligned_malloc it sees nothing. It still catches what is inlined here.
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace {
std::atomic<int> g_eigen_malloc_refusals{0};
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
void CountAllocation() {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace

// Must precede every Eigen include of this file.
#define EIGEN_RUNTIME_NO_MALLOC
#define eigen_assert(condition) \
  do { if (!(condition)) g_eigen_malloc_refusals.fetch_add(1); } while (false)

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MLP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define MLP_SANITIZED 1
#endif
#endif

#if defined(__GLIBC__) && !defined(__EMSCRIPTEN__) && !defined(MLP_SANITIZED)
// glibc supports replacing malloc by symbol interposition; these forward to glibc's allocator, so
// pointers stay interchangeable with every other allocation function.
extern "C" {
void* __libc_malloc(size_t size);
void* __libc_calloc(size_t count, size_t size);
void* __libc_realloc(void* pointer, size_t size);
void* malloc(size_t size) noexcept {
  CountAllocation();
  return __libc_malloc(size);
}
void* calloc(size_t count, size_t size) noexcept {
  CountAllocation();
  return __libc_calloc(count, size);
}
void* realloc(void* pointer, size_t size) noexcept {
  CountAllocation();
  return __libc_realloc(pointer, size);
}
}
#else
// Every replaceable allocation form goes through here, so new/delete pairs always match.
void* operator new(std::size_t size) {
  CountAllocation();
  if (void* pointer = std::malloc(size == 0 ? 1 : size)) return pointer;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  CountAllocation();
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* pointer) noexcept { std::free(pointer); }
void operator delete[](void* pointer) noexcept { std::free(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { std::free(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { std::free(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { std::free(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { std::free(pointer); }
#endif

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/base/thread_pool.h"
#include "core/nn/gradient_check.h"
#include "core/nn/layers/activation_layer.h"
#include "core/nn/layers/batch_norm_layer.h"
#include "core/nn/layers/concat_channels.h"
#include "core/nn/layers/conv2d_layer.h"
#include "core/nn/layers/conv2d_transpose_layer.h"
#include "core/nn/layers/conv_lstm.h"
#include "core/nn/layers/dropout_layer.h"
#include "core/nn/layers/fully_connected_layer.h"
#include "core/nn/layers/lstm.h"
#include "core/nn/layers/pooling_layers.h"
#include "core/nn/layers/separable_conv2d_layer.h"
#include "core/nn/layers/shape_layers.h"
#include "core/nn/layers/upsample_layer.h"
#include "core/nn/mlp.h"
#include "core/nn/optimizer.h"
#include "nn_layer_stack_testing.h"

using namespace mlp::nn;

namespace {

struct AllocationWindow {
  AllocationWindow() {
    g_allocations = 0;
    g_eigen_malloc_refusals = 0;
    Eigen::internal::set_is_malloc_allowed(false);
    g_counting = true;
  }
  ~AllocationWindow() {
    g_counting = false;
    Eigen::internal::set_is_malloc_allowed(true);
  }
};

struct Setup {
  MlpSpec spec;
  Loss loss;
  Regularization regularization;
  OptimizerSettings optimizer;
};

}  // namespace

TEST_CASE("the allocation counter sees a deliberate allocation", "[nn]") {
  long heap = 0;
  {
    AllocationWindow window;
    std::vector<float> v(256, 1.0f);  // operator new, which the counter sees on every platform
    heap = g_allocations.load();
  }
  CHECK(heap > 0);
}

TEST_CASE("a training step does not allocate after warm-up, even on a smaller last batch", "[nn]") {
  const int previous_threads = mlp::SharedPool().threads();
  // MNIST-shaped fused softmax+CCE with SGD+momentum, and a chained sigmoid+MSE with L2 and Adam.
  Setup setups[2];
  setups[0].spec.inputs = 784;
  setups[0].spec.hidden = {128};
  setups[0].spec.hidden_activation = Activation::kReLU;
  setups[0].spec.outputs = 10;
  setups[0].spec.output_activation = Activation::kSoftmax;
  setups[0].loss = Loss::kCategoricalCrossEntropy;
  setups[0].regularization = Regularization::kNone;
  setups[0].optimizer.momentum = 0.9;
  setups[1].spec.inputs = 40;
  setups[1].spec.hidden = {64, 32};
  setups[1].spec.hidden_activation = Activation::kLeakyReLU;
  setups[1].spec.outputs = 3;
  setups[1].spec.output_activation = Activation::kSigmoid;
  setups[1].loss = Loss::kMeanSquaredError;
  setups[1].regularization = Regularization::kL2;
  setups[1].optimizer.kind = OptimizerKind::kAdam;

  for (int threads : {1, 2}) {
    for (const Setup& setup : setups) {
      INFO("threads " << threads << ", inputs " << setup.spec.inputs);
      mlp::SetSharedPoolThreads(threads);
      mlp::Rng rng(8);
      const int batch = 64, last_batch = 17, samples = 2 * batch + last_batch;
      const MatrixF x = UniformMatrix<float>(rng, samples, setup.spec.inputs, 0.0, 1.0);
      MatrixF y = MatrixF::Zero(samples, setup.spec.outputs);
      for (int i = 0; i < samples; ++i) y(i, i % setup.spec.outputs) = 1.0f;
      Mlp<float> model(setup.spec);
      model.Initialize(rng);
      Optimizer<float> optimizer(setup.optimizer, model.Parameters());

      auto step = [&](int start, int rows) {
        const float loss = model.ComputeGradients(x.middleRows(start, rows), y.middleRows(start, rows),
                                                  setup.loss, setup.regularization, 1e-3f);
        optimizer.Step(model.Parameters());
        return loss;
      };
      // Warm-up: full batches only.
      step(0, batch);
      step(batch, batch);

      float losses[3] = {0, 0, 0};
      long heap = 0;
      int eigen = 0;
      {
        AllocationWindow window;
        losses[0] = step(2 * batch, last_batch);  // the smaller last batch
        losses[1] = step(0, batch);               // the next epoch's first, full batch
        losses[2] = step(2 * batch, last_batch);
        heap = g_allocations.load();
        eigen = g_eigen_malloc_refusals.load();
      }
      CHECK(heap == 0);
      CHECK(eigen == 0);
      for (float loss : losses) CHECK(std::isfinite(loss));
    }
  }
  mlp::SetSharedPoolThreads(previous_threads);
}

TEST_CASE("LSTM Forward and Backward do not allocate after warm-up, even on a smaller batch", "[nn][nn-seq]") {
  const int previous_threads = mlp::SharedPool().threads();
  for (int threads : {1, 2}) {
    for (bool sequences : {false, true}) {
      INFO("threads " << threads << ", return_sequences " << sequences);
      mlp::SetSharedPoolThreads(threads);
      LstmSettings settings;
      settings.steps = 12;
      settings.features = 5;
      settings.units = 32;
      settings.return_sequences = sequences;
      LstmLayer<float> layer(settings);
      mlp::Rng rng(4);
      layer.Initialize(rng);
      const int batch = 48, last_batch = 13;
      const MatrixF x = UniformMatrix<float>(rng, 12 * 5, batch, -1.0, 1.0);
      const MatrixF dy = UniformMatrix<float>(rng, layer.output_shape().size(), batch, -1.0, 1.0);
      auto pass = [&](int columns) {
        const float out = layer.Forward(x.leftCols(columns)).sum();
        return out + layer.Backward(dy.leftCols(columns)).sum();
      };
      pass(batch);  // warm-up: the largest batch
      float sums[2] = {0, 0};
      long heap = 0;
      int eigen = 0;
      {
        AllocationWindow window;
        sums[0] = pass(last_batch);
        sums[1] = pass(batch);
        heap = g_allocations.load();
        eigen = g_eigen_malloc_refusals.load();
      }
      CHECK(heap == 0);
      CHECK(eigen == 0);
      for (float sum : sums) CHECK(std::isfinite(sum));
    }
  }
  mlp::SetSharedPoolThreads(previous_threads);
}

TEST_CASE("ConvLSTM Forward and Backward do not allocate after warm-up", "[nn][nn-seq]") {
  const int previous_threads = mlp::SharedPool().threads();
  for (int threads : {1, 2}) {
    INFO("threads " << threads);
    mlp::SetSharedPoolThreads(threads);
    ConvLstmSettings settings;
    settings.steps = 3;
    settings.height = 6;
    settings.width = 5;
    settings.channels = 2;
    settings.filters = 4;
    ConvLstmLayer<float> layer(settings);
    mlp::Rng rng(6);
    layer.Initialize(rng);
    const int batch = 6, last_batch = 2;
    const MatrixF x = UniformMatrix<float>(rng, layer.input_shape().size(), batch, -1.0, 1.0);
    const MatrixF dy = UniformMatrix<float>(rng, layer.output_shape().size(), batch, -1.0, 1.0);
    auto pass = [&](int columns) {
      const float out = layer.Forward(x.leftCols(columns)).sum();
      return out + layer.Backward(dy.leftCols(columns)).sum();
    };
    pass(batch);
    long heap = 0;
    int eigen = 0;
    float sum = 0.0f;
    {
      AllocationWindow window;
      sum = pass(last_batch) + pass(batch);
      heap = g_allocations.load();
      eigen = g_eigen_malloc_refusals.load();
    }
    CHECK(heap == 0);
    CHECK(eigen == 0);
    CHECK(std::isfinite(sum));
  }
  mlp::SetSharedPoolThreads(previous_threads);
}

TEST_CASE("conv-family layers do not allocate in Forward + Backward after warm-up, even on a smaller batch",
          "[nn-conv]") {
  const int previous_threads = mlp::SharedPool().threads();
  for (int threads : {1, 2}) {
    INFO("threads " << threads);
    mlp::SetSharedPoolThreads(threads);
    // conv → batch-norm → relu → max-pool → separable conv → transposed conv → upsample → dropout →
    // average-pool → flatten → dense, plus a channel concatenation on the side.
    const Shape input{1, 12, 10, 2};
    Conv2DSettings conv_settings;
    conv_settings.filters = 6;
    conv_settings.pad_y = conv_settings.pad_x = 1;
    testing::LayerStack<float> stack;
    Conv2D<float>& conv = stack.Add<Conv2D<float>>(input, conv_settings);
    BatchNorm<float>& norm = stack.Add<BatchNorm<float>>(conv.output_shape());
    ActivationLayer<float>& relu = stack.Add<ActivationLayer<float>>(norm.output_shape(), Activation::kReLU);
    MaxPool2D<float>& pool = stack.Add<MaxPool2D<float>>(relu.output_shape(), PoolSettings{2, 2, 0, 0});
    conv_settings.filters = 5;
    SeparableConv2D<float>& separable = stack.Add<SeparableConv2D<float>>(pool.output_shape(), conv_settings);
    Conv2DTransposeSettings transpose_settings;
    transpose_settings.filters = 3;
    Conv2DTranspose<float>& transpose = stack.Add<Conv2DTranspose<float>>(separable.output_shape(), transpose_settings);
    Upsample2D<float>& upsample = stack.Add<Upsample2D<float>>(transpose.output_shape(), 1, 2);
    Dropout<float>& dropout = stack.Add<Dropout<float>>(upsample.output_shape(), 0.3, 4);
    AveragePool2D<float>& average = stack.Add<AveragePool2D<float>>(dropout.output_shape(), PoolSettings{2, 2, 0, 0});
    Flatten<float>& flatten = stack.Add<Flatten<float>>(average.output_shape());
    stack.Add<FullyConnected<float>>(flatten.output_shape(), 10);
    ChannelConcat<float> concat(input, conv.output_shape());

    mlp::Rng rng(8);
    stack.Initialize(rng);
    const int batch = 16, last_batch = 5;
    const MatrixF x = UniformMatrix<float>(rng, input.size(), batch, -1.0, 1.0);
    const MatrixF dy = UniformMatrix<float>(rng, 10, batch, -1.0, 1.0);
    const MatrixF dconcat = UniformMatrix<float>(rng, concat.output_shape().size(), batch, -1.0, 1.0);
    auto step = [&](int columns) {
      const float y = stack.Forward(x.leftCols(columns))(0, 0);
      stack.Backward(dy.leftCols(columns));
      concat.Forward(x.leftCols(columns), conv.Forward(x.leftCols(columns)));
      concat.Backward(dconcat.leftCols(columns));
      return y;
    };
    step(batch);
    step(batch);

    float outputs[3] = {0, 0, 0};
    long heap = 0;
    int eigen = 0;
    {
      AllocationWindow window;
      outputs[0] = step(last_batch);
      outputs[1] = step(batch);
      stack.layers[1]->SetTraining(false);  // batch-norm and dropout in inference mode too
      stack.layers[7]->SetTraining(false);
      outputs[2] = step(last_batch);
      heap = g_allocations.load();
      eigen = g_eigen_malloc_refusals.load();
    }
    CHECK(heap == 0);
    CHECK(eigen == 0);
    for (float output : outputs) CHECK(std::isfinite(output));
  }
  mlp::SetSharedPoolThreads(previous_threads);
}

#include "core/deep/batching.h"
#include "core/deep/network.h"

TEST_CASE("a deep Network training step with its BatchMaker does not allocate after warm-up", "[deep]") {
  using namespace mlp::deep;
  const int previous_threads = mlp::SharedPool().threads();
  // 8×8 images, 10 classes; the course's SimpleClassifier shape: conv → relu → pool twice, dense.
  mlp::Dataset data;
  data.layout = mlp::SampleLayout::kImage;
  data.sample_shape = {8, 8};
  mlp::Rng rng(9);
  data.features = UniformMatrix<double>(rng, 40, 64, 0.0, 1.0);
  data.targets.resize(40);
  for (int i = 0; i < 40; ++i) data.targets(i) = i % 10;
  std::vector<int64_t> rows(40);
  for (int i = 0; i < 40; ++i) rows[static_cast<size_t>(i)] = i;
  for (int threads : {1, 2}) {
    INFO("threads " << threads);
    mlp::SetSharedPoolThreads(threads);
    Network<float> net(Shape{1, 8, 8, 1});
    Conv2DSettings conv;
    conv.pad_y = conv.pad_x = 1;
    REQUIRE(net.AddConv2D(conv).ok());
    REQUIRE(net.AddActivation(Activation::kReLU).ok());
    REQUIRE(net.AddMaxPool({}).ok());
    REQUIRE(net.AddDense(32).ok());
    REQUIRE(net.AddActivation(Activation::kReLU).ok());
    REQUIRE(net.AddDense(10).ok());
    net.Initialize(1);
    std::vector<Parameter<float>> parameters = net.Parameters();
    OptimizerSettings adam;
    adam.kind = OptimizerKind::kAdam;
    Optimizer<float> optimizer(adam, parameters);
    BatchMaker maker(data, rows, TargetEncoding::kOneHot, 10);
    maker.Shuffle(rng);
    MatrixF grad(10, 16);
    const auto step = [&](int index) {
      const int b = maker.Fill(index, 16);  // batches of 16, 16, 8
      const auto logits = net.Forward(maker.x());
      const double loss = OutputLossValue<float>(OutputLoss::kSoftmaxCrossEntropy, logits, maker.y());
      OutputLossGradient<float>(OutputLoss::kSoftmaxCrossEntropy, logits, maker.y(), grad.leftCols(b));
      net.Backward(grad.leftCols(b));
      optimizer.Step(parameters);
      return loss;
    };
    step(0);  // warm-up on a full batch
    long heap = 0;
    int eigen = 0;
    double loss = 0;
    {
      AllocationWindow window;
      loss = step(2) + step(1);  // the smaller last batch, then a full one
      heap = g_allocations.load();
      eigen = g_eigen_malloc_refusals.load();
    }
    CHECK(heap == 0);
    CHECK(eigen == 0);
    CHECK(std::isfinite(loss));
  }
  mlp::SetSharedPoolThreads(previous_threads);
}

#include "core/data/generators/lung_slices.h"
#include "core/deep/unet.h"

TEST_CASE("a U-Net (GraphNetwork) training step does not allocate after warm-up", "[graph][unet]") {
  using namespace mlp::deep;
  const int previous_threads = mlp::SharedPool().threads();
  mlp::LungSliceSettings lungs;
  lungs.image_size = 16;
  lungs.samples = 20;
  mlp::Result<mlp::Dataset> data = mlp::GenerateLungSlices(lungs);
  REQUIRE(data.ok());
  std::vector<int64_t> rows(20);
  for (int i = 0; i < 20; ++i) rows[static_cast<size_t>(i)] = i;
  for (int threads : {1, 2}) {
    INFO("threads " << threads);
    mlp::SetSharedPoolThreads(threads);
    UNetSettings settings;
    settings.depth = 2;  // skips, a node read by two consumers, concatenation, batch norm, transposed conv
    mlp::Result<std::unique_ptr<GraphNetwork<float>>> made = MakeUNet<float>(Shape{1, 16, 16, 1}, settings);
    REQUIRE(made.ok());
    GraphNetwork<float>& net = *made.value();
    net.Initialize(1);
    std::vector<Parameter<float>> parameters = net.Parameters();
    OptimizerSettings adam;
    adam.kind = OptimizerKind::kAdam;
    Optimizer<float> optimizer(adam, parameters);
    BatchMaker maker(data.value(), rows, TargetEncoding::kDense, 2);
    mlp::Rng rng(3);
    maker.Shuffle(rng);
    MatrixF grad(256, 8);
    const auto step = [&](int index) {
      const int b = maker.Fill(index, 8);  // batches of 8, 8, 4
      const auto logits = net.Forward(maker.x());
      const double loss = OutputLossValue<float>(OutputLoss::kSigmoidCrossEntropy, logits, maker.y());
      OutputLossGradient<float>(OutputLoss::kSigmoidCrossEntropy, logits, maker.y(), grad.leftCols(b));
      net.Backward(grad.leftCols(b));
      optimizer.Step(parameters);
      return loss;
    };
    step(0);  // warm-up on a full batch
    long heap = 0;
    int eigen = 0;
    double loss = 0;
    {
      AllocationWindow window;
      loss = step(2) + step(1);  // the smaller last batch, then a full one
      net.SetTraining(false);    // and inference
      loss += net.Forward(maker.x()).sum();
      net.SetTraining(true);
      heap = g_allocations.load();
      eigen = g_eigen_malloc_refusals.load();
    }
    CHECK(heap == 0);
    CHECK(eigen == 0);
    CHECK(std::isfinite(loss));
  }
  mlp::SetSharedPoolThreads(previous_threads);
}

#include "core/deep/vae_network.h"

TEST_CASE("a VAE training step (sampling, KL, property head) does not allocate after warm-up", "[vae]") {
  using namespace mlp::deep;
  const int previous_threads = mlp::SharedPool().threads();
  mlp::Rng rng(5);
  const MatrixF x = UniformMatrix<float>(rng, 64, 16, 0.0, 1.0);
  MatrixF target(65, 16);
  target.topRows(64) = x;
  target.row(64) = UniformMatrix<float>(rng, 1, 16, -1.0, 1.0);
  for (int threads : {1, 2}) {
    INFO("threads " << threads);
    mlp::SetSharedPoolThreads(threads);
    auto encoder = std::make_unique<Network<float>>(Shape{1, 8, 8, 1});
    Conv2DSettings conv;
    conv.filters = 4, conv.stride_y = conv.stride_x = 2, conv.pad_y = conv.pad_x = 1;
    REQUIRE(encoder->AddConv2D(conv).ok());
    REQUIRE(encoder->AddActivation(Activation::kReLU).ok());
    REQUIRE(encoder->AddDense(4).ok());
    auto decoder = std::make_unique<Network<float>>(Shape{1, 1, 1, 2});
    REQUIRE(decoder->AddDense(16).ok());
    REQUIRE(decoder->AddActivation(Activation::kReLU).ok());
    REQUIRE(decoder->AddDense(64).ok());
    auto head = std::make_unique<Network<float>>(Shape{1, 1, 1, 2});
    REQUIRE(head->AddDense(1).ok());
    VaeNetwork<float> vae(std::move(encoder), std::move(decoder), std::move(head), VaeSettings{});
    vae.Initialize(1);
    std::vector<Parameter<float>> parameters = vae.Parameters();
    OptimizerSettings adam;
    adam.kind = OptimizerKind::kAdam;
    Optimizer<float> optimizer(adam, parameters);
    MatrixF grad(65, 16);
    const auto step = [&](int b) {
      const auto out = vae.Forward(x.leftCols(b));
      const double loss = vae.LossValue(out, target.leftCols(b)) + vae.AuxiliaryLoss();
      vae.LossGradient(out, target.leftCols(b), grad.leftCols(b));
      vae.Backward(grad.leftCols(b));
      optimizer.Step(parameters);
      return loss;
    };
    step(16);  // warm-up on a full batch
    long heap = 0;
    double loss = 0;
    {
      AllocationWindow window;
      loss = step(8) + step(16);  // a smaller batch, then a full one
      heap = g_allocations.load();
    }
    CHECK(heap == 0);
    CHECK(std::isfinite(loss));
  }
  mlp::SetSharedPoolThreads(previous_threads);
}
