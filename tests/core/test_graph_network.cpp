// GraphNetwork (core/deep/graph_network.h): every parameter gradient of a graph with skips — one
// node feeding three consumers, a concatenation, a sum, the input read twice — against central
// differences in double; a dead-end node gets zero gradients; shape and source errors say which
// nodes and shapes disagree and leave the graph unchanged; summary, names and fingerprint follow
// the wiring.
#include <catch2/catch.hpp>

#include "core/deep/graph_network.h"
#include "core/nn/gradient_check.h"

using namespace mlp;
using namespace mlp::deep;
using nn::Shape;

namespace {

nn::Conv2DSettings Conv(int filters, int kernel, int pad) {
  nn::Conv2DSettings c;
  c.filters = filters;
  c.kernel_height = c.kernel_width = kernel;
  c.pad_y = c.pad_x = pad;
  return c;
}

template <typename S>
int Must(const Result<int>& added) {
  INFO(added.status().message());
  REQUIRE(added.ok());
  return added.value();
}

// input 6×6×2
//  0 conv 3 3×3 pad 1 → 1 tanh ─┬→ 2 max-pool → 3 conv 3 3×3 pad 1 → 4 batch-norm → 5 upsample 2 ─┐
//                               ├──────────────────────────────────────────── 6 concat [5, 1] ←─┘
//                               │                                                  7 conv 3 3×3 pad 1
//                               └──────────────────────────────────────────── 8 add [7, 1]
//  9 tanh → 10 concat [9, input] → 11 conv 1 1×1 (logits, 36)
// Node 1 feeds three consumers; the input feeds nodes 0 and 10. Smooth activations: the check
// meets no kink (max-pool's only kink is a tie, which random data do not produce).
std::unique_ptr<GraphNetwork<double>> SkipGraph() {
  using G = GraphNetwork<double>;
  auto g = std::make_unique<G>(Shape{1, 6, 6, 2}, OutputLoss::kSigmoidCrossEntropy);
  const int conv0 = Must<double>(g->AddConv2D(G::kInput, Conv(3, 3, 1)));
  const int act = Must<double>(g->AddActivation(conv0, nn::Activation::kTanh));
  int at = Must<double>(g->AddMaxPool(act));
  at = Must<double>(g->AddConv2D(at, Conv(3, 3, 1)));
  at = Must<double>(g->AddBatchNorm(at));
  at = Must<double>(g->AddUpsample(at, 2));
  at = Must<double>(g->AddConcat(at, act));
  at = Must<double>(g->AddConv2D(at, Conv(3, 3, 1)));
  at = Must<double>(g->AddSum(at, act));
  at = Must<double>(g->AddActivation(at, nn::Activation::kTanh));
  at = Must<double>(g->AddConcat(at, G::kInput));
  nn::Conv2DSettings head = Conv(1, 1, 0);
  head.init = nn::WeightInit::kGlorotUniform;
  Must<double>(g->AddConv2D(at, head));
  return g;
}

}  // namespace

TEST_CASE("every parameter gradient of a graph with skip connections matches finite differences", "[graph]") {
  auto g = SkipGraph();
  REQUIRE(g->node_count() == 12);
  REQUIRE(g->output_shape() == Shape{1, 6, 6, 1});
  g->Initialize(21);
  Rng rng(22);
  const int batch = 3, outputs = 36;
  const nn::MatrixD x = nn::UniformMatrix<double>(rng, g->input_shape().size(), batch, -1.0, 1.0);
  nn::MatrixD t(outputs, batch);
  for (int j = 0; j < batch; ++j)
    for (int i = 0; i < outputs; ++i) t(i, j) = rng.Uniform() < 0.3 ? 1.0 : 0.0;
  nn::MatrixD grad(outputs, batch);
  OutputLossGradient<double>(OutputLoss::kSigmoidCrossEntropy, g->Forward(x), t, grad);
  g->Backward(grad);
  std::vector<nn::Parameter<double>> parameters = g->Parameters();
  REQUIRE(parameters.size() == 10);  // 4 convolutions and 1 batch norm, 2 tensors each
  std::vector<nn::MatrixD> analytic;
  for (const nn::Parameter<double>& p : parameters) analytic.push_back(p.grad);
  const auto f = [&] { return OutputLossValue<double>(OutputLoss::kSigmoidCrossEntropy, g->Forward(x), t); };
  for (size_t k = 0; k < parameters.size(); ++k) {
    INFO("parameter " << parameters[k].name);
    const nn::MatrixD numeric = nn::NumericalGradient(f, parameters[k].value);
    CHECK(nn::MaxRelativeError(analytic[k], numeric) < 1e-6);
    CHECK(analytic[k].cwiseAbs().maxCoeff() > 0.0);  // the check is not vacuous
  }
  // A second Backward gives the same gradients (the accumulators start again from zero).
  OutputLossGradient<double>(OutputLoss::kSigmoidCrossEntropy, g->Forward(x), t, grad);
  g->Backward(grad);
  for (size_t k = 0; k < parameters.size(); ++k) CHECK(parameters[k].grad == analytic[k]);
}

TEST_CASE("a merge of a node with itself sends both halves of the gradient back to it", "[graph]") {
  using G = GraphNetwork<double>;
  G g(Shape{1, 4, 4, 1}, OutputLoss::kMeanSquaredError);
  const int conv = Must<double>(g.AddConv2D(G::kInput, Conv(2, 3, 1)));
  const int twice = Must<double>(g.AddSum(conv, conv));
  const int joined = Must<double>(g.AddConcat(twice, twice));
  Must<double>(g.AddConv2D(joined, Conv(1, 1, 0)));
  g.Initialize(4);
  Rng rng(5);
  const nn::MatrixD x = nn::UniformMatrix<double>(rng, 16, 2, -1.0, 1.0);
  const nn::MatrixD t = nn::UniformMatrix<double>(rng, 16, 2, -1.0, 1.0);
  nn::MatrixD grad(16, 2);
  OutputLossGradient<double>(OutputLoss::kMeanSquaredError, g.Forward(x), t, grad);
  g.Backward(grad);
  std::vector<nn::Parameter<double>> parameters = g.Parameters();
  const auto f = [&] { return OutputLossValue<double>(OutputLoss::kMeanSquaredError, g.Forward(x), t); };
  for (nn::Parameter<double>& p : parameters) {
    INFO("parameter " << p.name);
    const nn::MatrixD analytic = p.grad;
    CHECK(nn::MaxRelativeError(analytic, nn::NumericalGradient(f, p.value)) < 1e-6);
  }
}

TEST_CASE("a graph node nobody reads gets zero gradients, overwritten each Backward", "[graph]") {
  using G = GraphNetwork<double>;
  G g(Shape{1, 4, 4, 1}, OutputLoss::kMeanSquaredError);
  const int dead = Must<double>(g.AddConv2D(G::kInput, Conv(2, 3, 1)));
  Must<double>(g.AddConv2D(G::kInput, Conv(1, 3, 1)));
  g.Initialize(1);
  Rng rng(2);
  const nn::MatrixD x = nn::UniformMatrix<double>(rng, 16, 2, -1.0, 1.0);
  std::vector<nn::Parameter<double>> parameters = g.Parameters();
  parameters[0].grad.setConstant(7.0);  // stale numbers the next Backward must overwrite
  g.Forward(x);
  g.Backward(nn::MatrixD::Ones(16, 2));
  CHECK(parameters[0].name == "node" + std::to_string(dead) + ".W");
  CHECK(parameters[0].grad.isZero(0.0));
  CHECK(parameters[1].grad.isZero(0.0));
  CHECK_FALSE(parameters[2].grad.isZero(0.0));
}

TEST_CASE("GraphNetwork refuses wrong shapes and unknown nodes with a message and stays unchanged", "[graph]") {
  using G = GraphNetwork<float>;
  G g(Shape{1, 8, 8, 1});
  const int conv = Must<float>(g.AddConv2D(G::kInput, Conv(4, 3, 1)));
  const int pool = Must<float>(g.AddMaxPool(conv));
  REQUIRE(g.node_count() == 2);

  Result<int> wrong = g.Add(std::make_unique<nn::ActivationLayer<float>>(Shape{1, 8, 8, 4}, nn::Activation::kReLU), pool);
  REQUIRE_FALSE(wrong.ok());
  CHECK(wrong.status().message() ==
        "Node 2 (relu) takes 8×8×4 but node 1 (max-pool 2×2) gives 4×4×4: build the layer for 4×4×4.");
  Result<int> from_input = g.Add(std::make_unique<nn::ActivationLayer<float>>(Shape{1, 4, 4, 4}, nn::Activation::kReLU), G::kInput);
  REQUIRE_FALSE(from_input.ok());
  CHECK(from_input.status().message().find("but the network's input gives 8×8×1") != std::string::npos);

  Result<int> concat = g.AddConcat(pool, conv);
  REQUIRE_FALSE(concat.ok());
  CHECK(concat.status().message().rfind("Node 2 (concat 1 + 0) joins 4×4×4 and 8×8×4: concatenate: both inputs need the same", 0) == 0);
  Result<int> sum = g.AddSum(conv, G::kInput);
  REQUIRE_FALSE(sum.ok());
  CHECK(sum.status().message() == "Node 2 (add 0 + input) adds 8×8×4 to 8×8×1: a sum needs two tensors of the same shape.");
  Result<int> ahead = g.AddConv2D(5, Conv(4, 3, 1));
  REQUIRE_FALSE(ahead.ok());
  CHECK(ahead.status().message() ==
        "Node 2 (conv2d) reads node 5, which does not exist yet: a node reads the input (-1) or nodes 0..1.");
  Result<int> self = g.AddConcat(conv, 2);
  REQUIRE_FALSE(self.ok());
  Result<int> pool_too_big = g.AddMaxPool(pool, {8, 8, 0, 0});
  REQUIRE_FALSE(pool_too_big.ok());
  CHECK(pool_too_big.status().message().rfind("Node 2: max-pool: ", 0) == 0);
  Result<int> no_filters = g.AddConv2D(pool, Conv(0, 3, 1));
  REQUIRE_FALSE(no_filters.ok());
  CHECK(no_filters.status().message().rfind("Node 2: conv2d: ", 0) == 0);
  CHECK(g.node_count() == 2);  // unchanged by every refusal

  // The refusals left no trace: the graph still trains end to end.
  const int up = Must<float>(g.AddUpsample(pool, 2));
  const int joined = Must<float>(g.AddConcat(up, conv));
  Must<float>(g.AddConv2D(joined, Conv(1, 1, 0)));
  g.Initialize(3);
  const nn::MatrixF x = nn::MatrixF::Constant(64, 2, 0.5f);
  CHECK(g.Forward(x).rows() == 64);
  g.Backward(nn::MatrixF::Ones(64, 2));
  for (const nn::Parameter<float>& p : g.Parameters()) CHECK(p.grad.allFinite());
}

TEST_CASE("the graph's summary, tensor names, views and fingerprint follow its wiring", "[graph]") {
  auto g = SkipGraph();
  const NetworkSummary s = g->Summary();
  REQUIRE(s.rows.size() == 12);
  CHECK(s.rows[0].layer == "conv2d 3 3×3 pad 1");
  CHECK(s.rows[0].parameters == 3 * 9 * 2 + 3);
  CHECK(s.rows[2].layer == "max-pool 2×2");  // fed by the node just before: no arrow
  CHECK(ShapeText(s.rows[2].output) == "3×3×3");
  CHECK(s.rows[6].layer == "concat 5 + 1");
  CHECK(g->node_sources(6) == std::vector<int>{5, 1});
  CHECK(g->node_sources(3) == std::vector<int>{2});
  CHECK(g->node_sources(0) == std::vector<int>{GraphNetwork<double>::kInput});
  CHECK(ShapeText(s.rows[6].output) == "6×6×6");
  CHECK(s.rows[8].layer == "add 7 + 1");
  CHECK(s.rows[10].layer == "concat 9 + input");
  CHECK(ShapeText(s.rows[10].output) == "6×6×5");
  CHECK(s.rows[11].parameters == 5 + 1);
  CHECK(s.total_parameters == 57 + 84 + 6 + 165 + 6);
  CHECK(s.loss == "sigmoid + bce");

  const std::vector<nn::Parameter<double>> parameters = g->Parameters();
  CHECK(parameters[0].name == "node0.W");
  CHECK(parameters[4].name == "node4.gamma");
  CHECK(parameters[9].name == "node11.b");
  const std::vector<StateTensor<double>> states = g->States();
  REQUIRE(states.size() == 2);
  CHECK(states[0].name == "node4.running_mean");
  CHECK(states[1].name == "node4.running_variance");

  g->Initialize(5);
  const FilterBank filters = g->FirstFilters();
  CHECK(filters.filters == 3);
  CHECK(filters.channels == 2);
  CHECK(filters.weights.size() == 3 * 9 * 2);
  Rng rng(6);
  const nn::MatrixD x = nn::UniformMatrix<double>(rng, 72, 2, -1.0, 1.0);
  const nn::MatrixD logits = g->Forward(x);
  REQUIRE(g->StageCount() == 12);
  CHECK(g->StageName(8) == "add 7 + 1");
  CHECK(g->StageShape(5) == Shape{1, 6, 6, 3});
  CHECK(g->StageOutput(11) == logits);
  CHECK(g->StageOutput(1).rows() == 6 * 6 * 3);

  // The same layers wired differently have another fingerprint (weights would not fit).
  using G = GraphNetwork<double>;
  G a(Shape{1, 4, 4, 1}), b(Shape{1, 4, 4, 1});
  for (G* n : {&a, &b}) {
    const int c0 = Must<double>(n->AddConv2D(G::kInput, Conv(2, 3, 1)));
    const int c1 = Must<double>(n->AddConv2D(c0, Conv(2, 3, 1)));
    Must<double>(n->AddConcat(c1, n == &a ? c0 : c1));
  }
  CHECK(a.Fingerprint() != b.Fingerprint());
  CHECK(a.Fingerprint().find("2 ← 1, 0: concat → 4×4×4") != std::string::npos);
}
