// The deep benchmark's three networks in TensorFlow.js on its wasm backend (threads + SIMD when
// the page is cross-origin isolated), timed like core/bench/deep_tasks.cpp: 5 warm-up steps, then
// steps until `seconds` have passed; one step = optimizer.minimize(loss) on the next random batch.
//   window.tfjsBench.init(threads) -> {backend, threadsRequested, threadsUsed, simd, multithread, ...}
//   window.tfjsBench.run(task, seconds) -> {task, batch, steps, seconds, samples_per_second,
//                                           final_loss, fallbacks: {kernel: cpu calls per step}}
// A kernel that the wasm backend does not register would abort training. TF.js 4.22 lacks
// Conv2DBackpropFilter (the convolution filter gradient): it is computed by the wasm backend's own
// Conv3DBackpropFilterV2 at depth 1 (registerConv2DFilterGradientViaConv3D; ?conv3d=0 turns that
// off). Any other missing kernel is registered for 'wasm' as a per-op fallback that copies its
// inputs to the cpu backend, runs the cpu kernel and copies the outputs back. The result's
// `fallbacks` lists both kinds with their calls per step, so the table says which figures are
// not TF.js's own wasm kernels.
(function () {
  const WARMUP_STEPS = 5;
  const BATCH_POOL = 8;
  const fallbacks = new Set();
  const fallbackCalls = new Map();  // kernel name -> calls since the last run() started

  function kernelFallbackToCpu(name) {
    const cpuKernel = tf.getKernel(name, 'cpu');
    if (!cpuKernel) throw new Error(`kernel ${name} is on neither wasm nor cpu`);
    tf.registerKernel({
      kernelName: name,
      backendName: 'wasm',
      kernelFunc: ({ inputs, attrs, backend }) => {
        fallbackCalls.set(name, (fallbackCalls.get(name) || 0) + 1);
        const cpu = tf.engine().findBackend('cpu');
        const toCpu = (t) => ({ dataId: cpu.write(backend.readSync(t.dataId).slice(), t.shape, t.dtype), shape: t.shape, dtype: t.dtype });
        const cpuInputs = {};
        for (const [key, t] of Object.entries(inputs)) cpuInputs[key] = t == null ? t : toCpu(t);
        const out = cpuKernel.kernelFunc({ inputs: cpuInputs, attrs, backend: cpu });
        const back = (o) => {
          const result = { dataId: backend.write(cpu.readSync(o.dataId), o.shape, o.dtype), shape: o.shape, dtype: o.dtype };
          cpu.disposeData(o.dataId);
          return result;
        };
        const result = Array.isArray(out) ? out.map(back) : back(out);
        for (const t of Object.values(cpuInputs)) if (t) cpu.disposeData(t.dataId);
        return result;
      },
    });
    fallbacks.add(name);
  }

  // Conv2DBackpropFilter (the filter gradient of conv2d, and of conv2dTranspose) has no wasm kernel
  // in TF.js 4.22, but Conv3DBackpropFilterV2 has one: a 2-D convolution is a 3-D one of depth 1,
  // so reshaping x and dy (no copy: same data, new shape) keeps the whole step in wasm. Only for
  // 'same'/'valid' padding (all these models use) in NHWC; anything else goes to the cpu fallback.
  function registerConv2DFilterGradientViaConv3D() {
    const conv3d = tf.getKernel('Conv3DBackpropFilterV2', 'wasm');
    tf.registerKernel({
      kernelName: 'Conv2DBackpropFilter',
      backendName: 'wasm',
      kernelFunc: ({ inputs, attrs, backend }) => {
        const { x, dy } = inputs;
        const { strides, pad, dataFormat, filterShape } = attrs;
        if ((pad !== 'same' && pad !== 'valid') || (dataFormat && dataFormat !== 'NHWC'))
          throw new Error(`Conv2DBackpropFilter via Conv3D: pad ${pad}, ${dataFormat} not handled`);
        fallbackCalls.set('Conv2DBackpropFilter→wasm Conv3DBackpropFilterV2', (fallbackCalls.get('Conv2DBackpropFilter→wasm Conv3DBackpropFilterV2') || 0) + 1);
        const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
        const as3d = (t) => ({ dataId: t.dataId, shape: [t.shape[0], 1, ...t.shape.slice(1)], dtype: t.dtype });
        const dw = conv3d.kernelFunc({ inputs: { x: as3d(x), dy: as3d(dy) }, backend,
                                       attrs: { strides: [1, sh, sw], pad, filterShape: [1, ...filterShape] } });
        return { dataId: dw.dataId, shape: filterShape, dtype: dw.dtype };
      },
    });
  }

  // Runs fn(); while it fails for a kernel missing on wasm, patches that kernel and tries again.
  function withFallbacks(fn) {
    for (;;) {
      try {
        return fn();
      } catch (error) {
        const match = /Kernel '(\w+)' not registered for backend 'wasm'/.exec(String(error && error.message));
        if (!match || fallbacks.has(match[1])) throw error;
        kernelFallbackToCpu(match[1]);
      }
    }
  }

  // Layers of each task (channels-last like ours), its batch and optimiser.
  function mlp() {
    const model = tf.sequential({ layers: [
      tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10 }),
    ] });
    return { batch: 64, inputShape: [784], optimizer: tf.train.sgd(0.1), loss: classifierLoss(model), parts: [model] };
  }

  function cnn() {
    const model = tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 128, activation: 'relu' }),
      tf.layers.dense({ units: 10 }),
    ] });
    return { batch: 32, inputShape: [28, 28, 1], optimizer: tf.train.adam(1e-3), loss: classifierLoss(model), parts: [model] };
  }

  function classifierLoss(model) {
    return (x, y) => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }));
  }

  // conv-VAE, 2-D latent: Bernoulli (sigmoid cross-entropy from logits) summed per image + KL,
  // averaged over the batch; z = mean + exp(logvar / 2)·eps.
  function vae() {
    const encoder = tf.sequential({ layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 4 }),
    ] });
    const decoder = tf.sequential({ layers: [
      tf.layers.dense({ inputShape: [2], units: 7 * 7 * 32, activation: 'relu' }),
      tf.layers.reshape({ targetShape: [7, 7, 32] }),
      tf.layers.conv2dTranspose({ filters: 32, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.conv2dTranspose({ filters: 64, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }),
      tf.layers.conv2dTranspose({ filters: 1, kernelSize: 3, strides: 1, padding: 'same' }),
    ] });
    const loss = (x) => {
      const stats = encoder.apply(x, { training: true });
      const mean = stats.slice([0, 0], [-1, 2]);
      const logvar = stats.slice([0, 2], [-1, 2]);
      const z = mean.add(tf.exp(logvar.mul(0.5)).mul(tf.randomNormal(mean.shape)));
      const logits = decoder.apply(z, { training: true });
      // softplus(l) − x·l = −[x log σ(l) + (1 − x) log(1 − σ(l))]
      const reconstruction = tf.softplus(logits).sub(x.mul(logits)).sum().div(x.shape[0]);
      const kl = tf.scalar(-0.5).mul(tf.scalar(1).add(logvar).sub(mean.square()).sub(logvar.exp()).sum()).div(x.shape[0]);
      return reconstruction.add(kl);
    };
    return { batch: 64, inputShape: [28, 28, 1], optimizer: tf.train.adam(1e-3), loss, parts: [encoder, decoder], autoencoder: true };
  }

  const TASKS = { mlp, cnn, vae };
  let info = null;

  async function init(threads) {
    const dist = new URL('node_modules/@tensorflow/tfjs-backend-wasm/dist/', location.href).href;
    tf.wasm.setWasmPaths(dist);
    tf.wasm.setThreadsCount(threads);  // must precede the backend's initialisation
    const ok = await tf.setBackend('wasm');
    await tf.ready();
    tf.engine().findBackend('cpu');  // initialised now, for per-op fallbacks
    const useConv3D = new URLSearchParams(location.search).get('conv3d') !== '0';
    if (useConv3D && !tf.getKernel('Conv2DBackpropFilter', 'wasm')) registerConv2DFilterGradientViaConv3D();
    info = {
      tfjs: tf.version.tfjs,
      backend: tf.getBackend(),
      backendOk: ok,
      threadsRequested: threads,
      threadsUsed: typeof tf.wasm.getThreadsCount === 'function' ? tf.wasm.getThreadsCount() : null,
      conv2dFilterGradient: tf.getKernel('Conv2DBackpropFilter', 'wasm') ? (useConv3D ? 'wasm Conv3DBackpropFilterV2 (depth 1)' : 'wasm') : 'missing on wasm',
      simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
      multithread: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
      crossOriginIsolated: self.crossOriginIsolated,
      cores: navigator.hardwareConcurrency,
    };
    return info;
  }

  function run(task, seconds) {
    if (!TASKS[task]) return { task, error: `unknown task ${task}` };
    const m = TASKS[task]();
    const xs = [], ys = [];
    for (let i = 0; i < BATCH_POOL; i++) {
      xs.push(tf.randomUniform([m.batch, ...m.inputShape], 0, 1, 'float32', 1234 + i));
      ys.push(m.autoencoder ? null : tf.oneHot(tf.randomUniform([m.batch], 0, 10, 'int32', 99 + i), 10).toFloat());
    }
    let next = 0;
    const step = () => {
      const i = next;
      next = (next + 1) % BATCH_POOL;
      const cost = withFallbacks(() => m.optimizer.minimize(() => m.loss(xs[i], ys[i]), true));
      const value = cost.dataSync()[0];  // waits for the step (wasm runs synchronously anyway)
      cost.dispose();
      return value;
    };
    fallbackCalls.clear();
    for (let i = 0; i < WARMUP_STEPS; i++) step();
    let steps = 0, loss = NaN;
    const start = performance.now();
    let elapsed = 0;
    do {
      loss = step();
      steps++;
      elapsed = (performance.now() - start) / 1000;
    } while (elapsed < seconds);
    for (const t of [...xs, ...ys]) if (t) t.dispose();
    for (const part of m.parts) part.dispose();
    m.optimizer.dispose();
    return {
      task, batch: m.batch, steps, seconds: elapsed, samples_per_second: steps * m.batch / elapsed, final_loss: loss,
      // kernels this task ran on the cpu backend, with calls per training step
      fallbacks: Object.fromEntries([...fallbackCalls].map(([k, n]) => [k, +(n / (steps + WARMUP_STEPS)).toFixed(2)])),
      tensors: tf.memory().numTensors,
    };
  }

  window.tfjsBench = { init, run, info: () => info };
})();
