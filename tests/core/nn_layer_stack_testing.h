// A plain sequence of deep-engine layers for tests: Forward through all, Backward through all in
// reverse (the first layer skips dX). Used by the conv-layer, thread-determinism and no-allocation
// tests; the real model class lives elsewhere.
#pragma once

#include <memory>
#include <new>
#include <vector>

#include "core/nn/layers/layer.h"

namespace mlp::nn::testing {

template <typename S>
struct LayerStack {
  std::vector<std::unique_ptr<Layer<S>>> layers;

  template <typename L, typename... Args>
  L& Add(Args&&... args) {
    layers.push_back(std::make_unique<L>(std::forward<Args>(args)...));
    return static_cast<L&>(*layers.back());
  }
  Shape output_shape() const { return layers.back()->output_shape(); }
  void Initialize(Rng& rng) {
    for (auto& layer : layers) layer->Initialize(rng);
  }
  ConstMatrixView<S> Forward(const ConstRef<S>& x) {
    ConstMatrixView<S> a = layers.front()->Forward(x);
    for (size_t i = 1; i < layers.size(); ++i) new (&a) ConstMatrixView<S>(layers[i]->Forward(a));
    return a;
  }
  void Backward(const ConstRef<S>& dy) {
    ConstMatrixView<S> g(dy.data(), dy.rows(), dy.cols());
    for (size_t i = layers.size(); i-- > 0;) new (&g) ConstMatrixView<S>(layers[i]->Backward(g, i > 0));
  }
};

}  // namespace mlp::nn::testing
