/*
 * ML Playground page loader.
 *
 * Checks that the browser can run the app (WebGL 2, WebAssembly SIMD), picks a build — the threaded
 * one (playground-mt.js) when the page is cross-origin isolated, the single-threaded SIMD one
 * (playground-st.js) otherwise; `?build=st|mt` forces one for testing — downloads its .wasm with a
 * progress bar, starts it on <canvas id="canvas">, and shows any failure in the page.
 * The rest of the query string (without `build`) goes to the app as its initial settings:
 * Module.arguments = ["--settings", "<query>"].
 *
 * Page API, for tests, benchmarks and scripts in the console:
 *
 *   playground.ready          Promise<void>: resolves once the app's main loop runs, rejects with
 *                             an Error when loading fails. Every call below needs it resolved.
 *   playground.flavour        "threaded" | "single-threaded" (the build chosen).
 *   playground.error          null, or the message of the error panel once one is shown.
 *   playground.status()       Parsed status: {flavour, simd, threads, epoch, running, problem,
 *                             trainLoss, testLoss, trainAccuracy, testAccuracy, message, fps,
 *                             frameMsMedian, epochsPerSecond, trainingShare, settings}.
 *   playground.play() / pause() / step() / reset() / regenerate()
 *                             -> null, or an error message from the app.
 *   playground.applySettings(settings)
 *                             settings: a query string ("dataset=spiral&layers=8,8", a leading
 *                             "?" is ignored) or an object ({dataset: "spiral", layers: [8, 8]};
 *                             arrays are comma-joined) -> null, or an error message.
 *   playground.widgetRect(name)
 *                             {x, y, w, h} in CSS pixels relative to the viewport of a named
 *                             widget ("play", "pause", "step", "reset", "dataset:spiral", …),
 *                             or null when the app does not know or has not drawn it.
 *   playground.benchmark(threads, seconds)
 *                             Runs the app's training benchmark (blocks the page for `seconds`)
 *                             -> {samplesPerSecond, threads, samples, seconds}.
 *   playground.benchmarkClassic(task, threads = 0)
 *                             Fits and predicts one classic-model benchmark task ("forest",
 *                             "kmeans", "pca", "gmm", "gp", "krr", "logistic"; the arrays of
 *                             bench/classic_bench.py) with `threads` pool threads (0: unchanged);
 *                             blocks the page -> {task, fit_s, predict_s, checksum, threads}, or
 *                             {task, error} for an unknown task.
 *   playground.benchmarkDeep(task, threads = 0, seconds = 2)
 *                             Trains one deep benchmark task ("mlp", "cnn", "vae"; random 28×28
 *                             data, core/bench/deep_tasks.h) for about `seconds` after 5 warm-up
 *                             steps with `threads` pool threads (0: unchanged); blocks the page
 *                             -> {task, available, threads, batch, steps, seconds,
 *                             samples_per_second, warmup_seconds, checksum, final_loss, note},
 *                             or {task, error} for an unknown task.
 */
(function () {
  'use strict';

  const STARTUP_TIMEOUT_S = 30;  // visible seconds from "Starting…" to the first frame

  const $ = (id) => document.getElementById(id);
  const canvas = $('canvas');
  const baseUrl = new URL('.', (document.currentScript && document.currentScript.src) || location.href);

  // ---- Loading overlay and error panel ------------------------------------------------------

  function setProgress(text, fraction, detail) {
    $('overlay-text').textContent = text;
    const bar = $('overlay-progress');
    if (fraction === null || fraction === undefined) {
      bar.removeAttribute('value');  // indeterminate
    } else {
      bar.max = 1;
      bar.value = Math.max(0, Math.min(1, fraction));
    }
    $('overlay-detail').textContent = detail || '\u00a0';
  }

  let errorShown = null;

  // Shows the error panel. The first error is the cause; later ones are appended to the details.
  function showError(title, message, detail) {
    if (errorShown) {
      const extra = [title, message, detail].filter(Boolean).join(': ');
      const pre = $('error-detail');
      pre.textContent += (pre.textContent ? '\n\n' : '') + 'Then: ' + extra;
      pre.hidden = false;
      return;
    }
    errorShown = message ? `${title}: ${message}` : title;
    $('error-title').textContent = title;
    $('error-message').textContent = message || '';
    const pre = $('error-detail');
    pre.textContent = detail || '';
    pre.hidden = !detail;
    $('overlay').hidden = true;
    $('error').hidden = false;
    $('error-reload').focus();
    console.error(`[playground] ${errorShown}${detail ? '\n' + detail : ''}`);
    rejectReady(new Error(errorShown));
  }

  $('error-reload').addEventListener('click', () => location.reload());

  const describe = (reason) => (reason instanceof Error ? reason.stack || `${reason.name}: ${reason.message}` : String(reason));

  // Emscripten unwinds the C stack with `throw "unwind"`; that is control flow, not an error.
  const isUnwind = (value) => value === 'unwind' || (value && value.name === 'ExitStatus' && value.status === 0);

  window.addEventListener('error', (event) => {
    if (isUnwind(event.error)) return;
    const message = event.message || (event.error && event.error.message) || 'unknown error';
    if (/ResizeObserver loop/.test(message)) return;  // benign browser notice
    const where = event.filename ? `\n(${event.filename}:${event.lineno}:${event.colno})` : '';
    showError('ML Playground stopped because of an error', message,
              (event.error ? describe(event.error) : message) + where);
  });

  window.addEventListener('unhandledrejection', (event) => {
    if (isUnwind(event.reason)) return;
    showError('ML Playground stopped because of an error',
              event.reason && event.reason.message ? event.reason.message : String(event.reason),
              describe(event.reason));
  });

  canvas.addEventListener('webglcontextlost', () => {
    showError('The graphics context was lost',
              'The browser reset WebGL (GPU driver reset, or too many WebGL pages open). Reload the page to continue.');
  });
  canvas.addEventListener('contextmenu', (event) => event.preventDefault());
  canvas.addEventListener('pointerdown', () => canvas.focus({ preventScroll: true }));

  // ---- Files: the user's own (picker, drag and drop) and the built-in datasets ------------------

  let instance = null;  // the running module
  const kMaxImportBytes = 768 * 1024 * 1024;  // the app refuses more; say so before reading the file

  async function importFiles(files) {
    if (!instance) throw new Error('playground is not ready yet (await playground.ready)');
    const loaded = [];
    for (const file of files) {
      const name = file.webkitRelativePath || file.name || 'file';
      if ((file.size || 0) > kMaxImportBytes) {
        showToast(`${name} is ${mb(file.size)} MB, more than the ${mb(kMaxImportBytes)} MB the playground can hold in memory. ` +
                  'Use a sample of the rows, or the desktop app.');
        return;
      }
      // A File/Blob (picker, drop) or a plain {name, bytes} from the page API.
      const bytes = file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(file.bytes);
      loaded.push({ name, bytes });
    }
    if (!loaded.length) return;
    instance._mlp_import_begin();
    for (const { name, bytes } of loaded) {
      const pointer = instance._malloc(Math.max(bytes.length, 1));
      instance.HEAPU8.set(bytes, pointer);  // read HEAPU8 after malloc: the heap may have grown
      instance.ccall('mlp_import_add', null, ['string', 'number', 'number'], [name, pointer, bytes.length]);
      instance._free(pointer);
    }
    instance._mlp_import_end();
  }

  // A hidden file input the app opens through Module.openFilePicker (its "Import" button).
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.multiple = true;
  picker.hidden = true;
  picker.accept = '.csv,.tsv,.txt,.npy,.npz,.png,.gz,.idx,.idx1-ubyte,.idx3-ubyte,.mlpw,application/octet-stream';
  picker.addEventListener('change', () => {
    const files = Array.from(picker.files || []);
    picker.value = '';
    importFiles(files).catch((error) => showToast(`Could not read the file: ${error.message || error}`));
  });
  document.body.appendChild(picker);

  canvas.addEventListener('dragover', (event) => { event.preventDefault(); event.dataTransfer.dropEffect = 'copy'; });
  canvas.addEventListener('drop', (event) => {
    event.preventDefault();
    const files = Array.from((event.dataTransfer && event.dataTransfer.files) || []);
    if (files.length) importFiles(files).catch((error) => showToast(`Could not read the file: ${error.message || error}`));
  });

  // Built-in datasets are fetched only when a learner picks one.
  async function fetchDataset(file, request) {
    let bytes = null, error = '';
    try {
      const response = await fetch(new URL(`assets/data/${file}`, baseUrl).href);
      if (!response.ok) throw new Error(`HTTP ${response.status} for assets/data/${file}`);
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (e) {
      error = `Could not download ${file}: ${e.message || e}. Check the connection and pick the dataset again.`;
    }
    const pointer = bytes ? instance._malloc(Math.max(bytes.length, 1)) : 0;
    if (bytes) instance.HEAPU8.set(bytes, pointer);
    instance.ccall('mlp_dataset_fetched', null, ['number', 'number', 'number', 'string'],
                   [request, pointer, bytes ? bytes.length : 0, error]);
    if (pointer) instance._free(pointer);
  }

  // A short message over the page for problems found before the app sees a file.
  function showToast(text) {
    let toast = document.getElementById('toast');
    if (!toast) {
      toast = document.createElement('div');
      toast.id = 'toast';
      toast.setAttribute('role', 'alert');
      document.body.appendChild(toast);
    }
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(showToast.timer);
    showToast.timer = setTimeout(() => { toast.hidden = true; }, 8000);
  }

  // ---- Page API (bound to the module once it runs) --------------------------------------------

  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});  // failures are shown in the page; do not report them as unhandled too

  let api = null;  // set when the module runs
  const need = () => {
    if (!api) throw new Error(errorShown ? `playground failed: ${errorShown}` : 'playground is not ready yet (await playground.ready)');
    return api;
  };
  const orNull = (text) => (text ? text : null);

  // {dataset: 'spiral', layers: [8, 8]} -> "dataset=spiral&layers=8,8"
  function toQuery(settings) {
    if (typeof settings === 'string') return settings.replace(/^\?/, '');
    if (!settings || typeof settings !== 'object') throw new TypeError('applySettings expects a query string or an object');
    const enc = (v) => encodeURIComponent(String(v));
    return Object.entries(settings)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => `${enc(key)}=${Array.isArray(value) ? value.map(enc).join(',') : enc(value)}`)
      .join('&');
  }

  let flavour = null;
  const playground = {
    ready,
    get flavour() { return flavour; },
    get error() { return errorShown; },
    status: () => JSON.parse(need().statusJson()),
    play: () => orNull(need().command('play')),
    pause: () => orNull(need().command('pause')),
    step: () => orNull(need().command('step')),
    reset: () => orNull(need().command('reset')),
    regenerate: () => orNull(need().command('regenerate')),
    applySettings: (settings) => orNull(need().applySettings(toQuery(settings))),
    widgetRect(name) {
      const text = need().widgetRect(String(name));
      if (!text) return null;
      const r = JSON.parse(text);
      const box = canvas.getBoundingClientRect();
      if (!box.width || !box.height || !canvas.width || !canvas.height) return null;
      const sx = box.width / canvas.width, sy = box.height / canvas.height;
      return { x: box.left + r.x * sx, y: box.top + r.y * sy, w: r.w * sx, h: r.h * sy };
    },
    benchmark: (threads, seconds) => JSON.parse(need().benchmarkJson(threads | 0, +seconds)),
    benchmarkClassic: (task, threads = 0) => JSON.parse(need().benchmarkClassicJson(String(task), threads | 0)),
    benchmarkDeep: (task, threads = 0, seconds = 2) =>
      JSON.parse(need().benchmarkDeepJson(String(task), threads | 0, +seconds)),
    command: (name) => orNull(need().command(String(name))),
    dataStatus: () => JSON.parse(need().dataStatusJson()),
    modelStatus: () => JSON.parse(need().modelStatusJson()),
    deepStatus: () => JSON.parse(need().deepStatusJson()),
    monteCarloStatus: () => JSON.parse(need().monteCarloStatusJson()),
    odeStatus: () => JSON.parse(need().odeStatusJson()),
    // Imports File/Blob objects (or {name, bytes}) as if dropped on the page.
    importFiles: (files) => importFiles(Array.from(files)),
  };
  Object.defineProperty(window, 'playground', { value: Object.freeze(playground), enumerable: true });

  // ---- Checks before loading anything -------------------------------------------------------

  function hasWebGL2() {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return false;
      const lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();  // free it: browsers cap the number of live contexts
      return true;
    } catch (e) {
      return false;
    }
  }

  function hasWasmSimd() {
    // A function returning i8x16.popcnt(i8x16.splat(0)).
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0,
                                  65, 0, 253, 15, 253, 98, 11]);
    try { return WebAssembly.validate(bytes); } catch (e) { return false; }
  }

  // Splits location.search into the build override and the settings passed on to the app,
  // keeping the original encoding of the settings (URLSearchParams would rewrite "8,8" as "8%2C8").
  function parseQuery(search) {
    let build = null;
    const kept = [];
    for (const part of search.replace(/^\?/, '').split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const rawKey = eq < 0 ? part : part.slice(0, eq);
      let key = rawKey;
      try { key = decodeURIComponent(rawKey.replace(/\+/g, ' ')); } catch (e) { /* keep it raw */ }
      if (key === 'build') build = eq < 0 ? '' : part.slice(eq + 1);
      else kept.push(part);
    }
    return { build, settings: kept.join('&') };
  }

  // ---- Loading --------------------------------------------------------------------------------

  // The app's last lines on stderr, shown with a failure: they usually say what went wrong.
  const stderrLines = [];
  function printErr(text) {
    console.warn(text);
    stderrLines.push(String(text));
    if (stderrLines.length > 20) stderrLines.shift();
  }
  const recentStderr = () => (stderrLines.length ? `\nThe app reported:\n${stderrLines.join('\n')}` : '');

  const mb = (bytes) => (bytes / 1048576).toFixed(bytes < 10485760 ? 2 : 1);

  class LoadError extends Error {}

  async function fetchWasm(url, file) {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (e) {
      throw new LoadError(`Could not download ${file}: network error (${e.message}). Check the connection and reload.`);
    }
    if (!response.ok) {
      throw new LoadError(`Could not download ${file}: HTTP ${response.status} ${response.statusText}`.trim() + '.');
    }
    // A compressed response's Content-Length counts compressed bytes: show bytes only.
    const total = response.headers.get('Content-Encoding') ? 0 : Number(response.headers.get('Content-Length')) || 0;
    let bytes;
    if (response.body && response.body.getReader) {
      const reader = response.body.getReader();
      const chunks = [];
      let received = 0;
      for (;;) {
        let step;
        try {
          step = await reader.read();
        } catch (e) {
          throw new LoadError(`Download of ${file} was interrupted (${e.message}). Reload to try again.`);
        }
        if (step.done) break;
        chunks.push(step.value);
        received += step.value.length;
        setProgress('Downloading…', total ? received / total : null,
                    total ? `${mb(received)} / ${mb(total)} MB` : `${mb(received)} MB`);
      }
      bytes = new Uint8Array(received);
      let offset = 0;
      for (const chunk of chunks) { bytes.set(chunk, offset); offset += chunk.length; }
    } else {
      bytes = new Uint8Array(await response.arrayBuffer());
    }
    // "\0asm": catches servers that answer a missing file with an HTML page and status 200.
    if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) {
      throw new LoadError(`${file} is not a WebAssembly file (${bytes.length} bytes of ` +
                          `${response.headers.get('Content-Type') || 'unknown type'}).`);
    }
    return bytes;
  }

  function loadScript(url, file) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => {
        // A <script> error carries no status: ask the server once more for a useful message.
        fetch(url, { method: 'HEAD' })
          .then((r) => reject(new LoadError(`Could not load ${file}: HTTP ${r.status} ${r.statusText}`.trim() + '.')))
          .catch((e) => reject(new LoadError(`Could not load ${file}: network error (${e.message}).`)));
      };
      document.head.appendChild(script);
    });
  }

  // Resolves after the first frame of the app's main loop: Emscripten's main loop
  // (emscripten_set_main_loop) calls Module.postMainLoop after every frame.
  function waitForMainLoop(Module) {
    return new Promise((resolve, reject) => {
      let visibleSeconds = 0;
      const timer = setInterval(() => {
        // Hidden tabs get no animation frames: only count time the page could have drawn.
        if (document.visibilityState === 'visible') visibleSeconds += 0.25;
        if (visibleSeconds < STARTUP_TIMEOUT_S) return;
        clearInterval(timer);
        Module.postMainLoop = null;
        reject(new LoadError(`The app did not draw its first frame within ${STARTUP_TIMEOUT_S} s.` + recentStderr()));
      }, 250);
      Module.postMainLoop = () => {
        Module.postMainLoop = null;
        clearInterval(timer);
        resolve();
      };
    });
  }

  async function start() {
    if (!hasWebGL2()) {
      showError('WebGL 2 is not available',
                'ML Playground draws with WebGL 2, which this browser could not provide. Turn on ' +
                'hardware acceleration in the browser settings, update the browser or the graphics ' +
                'driver, or try another browser.');
      return;
    }
    if (typeof WebAssembly !== 'object' || !hasWasmSimd()) {
      showError('WebAssembly SIMD is not available',
                'ML Playground needs WebAssembly with SIMD (Chrome/Edge 91+, Firefox 89+, Safari 16.4+). ' +
                'Update the browser or try another one.');
      return;
    }

    const query = parseQuery(location.search);
    let threaded = self.crossOriginIsolated === true;
    if (query.build !== null) {
      if (query.build !== 'st' && query.build !== 'mt') {
        showError('Unknown build requested', `?build=${query.build} is not a build; use ?build=st or ?build=mt.`);
        return;
      }
      threaded = query.build === 'mt';
      if (threaded && !self.crossOriginIsolated) {
        showError('The threaded build needs an isolated page',
                  'This page is not cross-origin isolated, so SharedArrayBuffer (needed by the threaded ' +
                  'build) is missing. Serve it with the Cross-Origin-Opener-Policy and ' +
                  'Cross-Origin-Embedder-Policy headers (scripts/serve.py does), or use ?build=st.');
        return;
      }
    }
    const name = threaded ? 'playground-mt' : 'playground-st';
    flavour = threaded ? 'threaded' : 'single-threaded';
    const scriptUrl = new URL(`${name}.js`, baseUrl).href;

    setProgress('Downloading…', 0, '');
    const [bytes] = await Promise.all([
      fetchWasm(new URL(`${name}.wasm`, baseUrl).href, `${name}.wasm`),
      loadScript(scriptUrl, `${name}.js`),
    ]);
    if (typeof window.createPlayground !== 'function') {
      throw new LoadError(`${name}.js loaded but did not define createPlayground().`);
    }

    setProgress('Compiling…', null, `${mb(bytes.length)} MB of WebAssembly`);
    const Module = {
      canvas,
      arguments: query.settings ? ['--settings', query.settings] : [],
      wasmBinary: bytes,
      mainScriptUrlOrBlob: scriptUrl,  // pthread workers import the main script from here
      locateFile: (path) => new URL(path, baseUrl).href,
      monitorRunDependencies: (left) => { if (left === 0) setProgress('Starting…', null, ''); },
      printErr,
      openFilePicker: () => picker.click(),
      // Trained weights and other files the learner keeps: a download of a Blob.
      downloadFile: (name, bytes) => {
        const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = name;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      },
      fetchDataset: (file, request) => { fetchDataset(file, request); },
      onAbort: (what) => showError('ML Playground stopped (runtime abort)',
                                   'The app hit an internal error and cannot continue. Reload the page.',
                                   String(what) + recentStderr()),
      onExit: (code) => {
        if (code !== 0) showError('ML Playground stopped', `The app exited with status ${code}.`, recentStderr().trim());
      },
    };
    const mainLoop = waitForMainLoop(Module);
    mainLoop.catch(() => {});  // awaited below; do not let an early rejection count as unhandled
    instance = await window.createPlayground(Module);
    if (errorShown) return;

    const cwrap = instance.cwrap;
    const bound = {
      statusJson: cwrap('mlp_status_json', 'string', []),
      command: cwrap('mlp_command', 'string', ['string']),
      applySettings: cwrap('mlp_apply_settings', 'string', ['string']),
      widgetRect: cwrap('mlp_widget_rect', 'string', ['string']),
      benchmarkJson: cwrap('mlp_benchmark_json', 'string', ['number', 'number']),
      benchmarkClassicJson: cwrap('mlp_benchmark_classic_json', 'string', ['string', 'number']),
      benchmarkDeepJson: cwrap('mlp_benchmark_deep_json', 'string', ['string', 'number', 'number']),
      dataStatusJson: cwrap('mlp_data_status_json', 'string', []),
      modelStatusJson: cwrap('mlp_model_status_json', 'string', []),
      deepStatusJson: cwrap('mlp_deep_status_json', 'string', []),
      monteCarloStatusJson: cwrap('mlp_montecarlo_status_json', 'string', []),
      odeStatusJson: cwrap('mlp_ode_status_json', 'string', []),
    };
    await mainLoop;
    if (errorShown) return;
    api = bound;
    $('overlay').hidden = true;
    // Take keyboard focus, unless embedded: a host page keeps its own focus until the user clicks.
    if (window.top === window) canvas.focus({ preventScroll: true });
    resolveReady();
  }

  start().catch((error) => {
    if (error instanceof LoadError) {
      showError('ML Playground could not load', error.message);
    } else {
      showError('ML Playground could not start', error && error.message ? error.message : String(error),
                describe(error));
    }
  });
})();
