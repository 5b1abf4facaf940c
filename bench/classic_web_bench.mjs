// Classic models in the browser next to scikit-learn (issue 4, item 5). Figures only; never pass/fail.
//
//   node bench/classic_web_bench.mjs [--root DIR] [--tasks forest,krr,...] [--runs N] [--no-sklearn]
//
// Needs the web builds (scripts/build.sh web-mt web-st); assembles build/site unless --root is
// given. First runs `/usr/bin/python3 bench/classic_bench.py --json` (skipped with --no-sklearn or
// when it fails): scikit-learn's native fit/predict times and, when build/native/bench/bench_classic
// exists, ours natively, on the same arrays. Then, in headless Chromium, for each build present —
// threaded (served with the isolation headers, navigator.hardwareConcurrency pool threads) and
// single-threaded (without) — calls playground.benchmarkClassic(task) per task: one warm-up call
// (V8 has no on-stack replacement for wasm, so a cold call's loops stay in the baseline tier), then
// --runs timed calls, keeping the fastest. The arrays are drawn in C++ (core/bench/classic_tasks)
// exactly as the script draws them with NumPy. The runs are sequential, so they do not compete.
// Prints a fit table and a predict table with the ratios browser / scikit-learn (below 1: faster).
// Caveat: Debian's NumPy/SciPy use the reference BLAS/LAPACK (the script prints which), far slower
// than the OpenBLAS in pip's wheels, so scikit-learn's BLAS-bound figures here (PCA, GP, kernel
// ridge fit, GP predict) flatter us. For a fair baseline without touching the system, unpack
// Debian's OpenBLAS and put it first on the library path (the script then names it as the BLAS):
//   (cd /tmp && apt-get download libopenblas0-pthread && dpkg-deb -x libopenblas0-pthread_*.deb ob)
//   LD_LIBRARY_PATH=/tmp/ob/usr/lib/x86_64-linux-gnu/openblas-pthread node bench/classic_web_bench.mjs
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { assembleSite, BUILDS, missingBuildFiles, repoRoot, startServer } from '../tests/web/lib/server.mjs';
import { launchChromium, openPage, waitReady } from '../tests/web/lib/browser.mjs';

const ALL_TASKS = ['forest', 'kmeans', 'pca', 'gmm', 'gp', 'krr', 'logistic'];
const { values: options } = parseArgs({
  options: {
    root: { type: 'string' },
    tasks: { type: 'string', default: ALL_TASKS.join(',') },
    runs: { type: 'string', default: '1' },
    'no-sklearn': { type: 'boolean', default: false },
  },
});
const TASKS = options.tasks.split(',').filter(Boolean);
const RUNS = Math.max(1, Number(options.runs) | 0);

const fmt = (x, digits = 4) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '—');
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? fmt(a / b, 2) : '—');

function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

// scikit-learn's (and our native) timings from one run of the script, or null with the reason printed.
function sklearnTimings() {
  if (options['no-sklearn']) return null;
  try {
    const text = execFileSync('/usr/bin/python3', ['bench/classic_bench.py', '--json'],
                              { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20 });
    const result = JSON.parse(text.trim().split('\n').pop());
    return { ...result, byTask: Object.fromEntries(result.tasks.map((t) => [t.task, t])) };
  } catch (error) {
    console.log(`scikit-learn timings unavailable: ${String(error.stderr || error.message).trim().split('\n').pop()}`);
    return null;
  }
}

async function benchBuild(browser, root, flavour) {
  const server = await startServer({ root, isolation: BUILDS[flavour].isolation });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const { page, log } = await openPage(context, server.url);
    const ready = await waitReady(page);
    if (!ready.ok) throw new Error(`${flavour} page did not start: ${ready.error}`);
    const info = await page.evaluate(() => ({ flavour: playground.flavour, cores: navigator.hardwareConcurrency, status: playground.status() }));
    if (info.flavour !== flavour) throw new Error(`expected the ${flavour} build, the page chose ${info.flavour}`);
    const threads = flavour === 'threaded' ? info.cores : 1;
    console.log(`${flavour}: ready in ${ready.ms} ms; simd ${info.status.simd}, cores ${info.cores}, benchmark threads ${threads}`);
    await page.evaluate(() => playground.pause());  // the benchmark blocks the page; nothing else should run

    const results = {};
    for (const task of TASKS) {
      const call = () => page.evaluate(([t, n]) => playground.benchmarkClassic(t, n), [task, threads]);
      const warm = await call();
      if (warm.error) throw new Error(`${flavour} ${task}: ${warm.error}`);
      let best = null;
      for (let i = 0; i < RUNS; i++) {
        const r = await call();
        best = best ? { ...best, fit_s: Math.min(best.fit_s, r.fit_s), predict_s: Math.min(best.predict_s, r.predict_s) } : r;
      }
      console.log(`  ${task}: fit ${fmt(best.fit_s)} s, predict ${fmt(best.predict_s)} s (threads ${best.threads}; warm-up fit ${fmt(warm.fit_s)} s)`);
      results[task] = best;
    }
    if (log.pageErrors.length) console.log(`  page errors: ${log.pageErrors.join(' | ')}`);
    return results;
  } finally {
    await context.close();
    await server.close();
  }
}

async function main() {
  const unknown = TASKS.filter((t) => !ALL_TASKS.includes(t));
  if (unknown.length) throw new Error(`unknown tasks: ${unknown.join(', ')} (known: ${ALL_TASKS.join(', ')})`);
  const root = options.root || assembleSite();
  const flavours = Object.keys(BUILDS).filter((f) => missingBuildFiles(root, f).length === 0);
  if (!flavours.length) throw new Error(`no complete build in ${root}`);

  // scikit-learn first, alone: the browser runs afterwards, so they never share the cores.
  const sk = sklearnTimings();
  console.log(`load average (1 min) at the start: ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
  if (sk) console.log(`scikit-learn ${sk.sklearn}, NumPy ${sk.numpy} (native, this machine; BLAS/LAPACK: ${(sk.blas || []).join(', ') || '?'})`);

  const browser = await launchChromium();
  console.log(`Chromium ${browser.version()}; per task 1 warm-up call, best of ${RUNS} timed call(s)\n`);
  const web = {};
  try {
    for (const flavour of flavours) web[flavour] = await benchBuild(browser, root, flavour);
  } finally {
    await browser.close();
  }

  const short = { threaded: 'mt', 'single-threaded': 'st' };
  for (const [what, key] of [['fit', 'fit_s'], ['predict', 'predict_s']]) {
    console.log(`\n${what} (seconds; ratio = browser / scikit-learn, below 1 is faster)`);
    const header = ['task', 'sklearn', 'ours native', ...flavours.map((f) => `web ${short[f]}`), ...flavours.map((f) => `${short[f]}/sk`)];
    const rows = TASKS.map((task) => {
      const s = sk && sk.byTask[task];
      const skTime = s ? s[`sklearn_${key}`] : undefined;
      const native = s ? s[`native_${key}`] : undefined;
      const browserTimes = flavours.map((f) => web[f][task][key]);
      return [task, fmt(skTime), fmt(native), ...browserTimes.map((t) => fmt(t)), ...browserTimes.map((t) => ratio(t, skTime))];
    });
    table(header, rows);
  }
  if (sk) {
    const different = sk.tasks.filter((t) => t.arrays_identical === false).map((t) => `${t.task} (max |diff| x ${t.x_max_diff}, y ${t.y_max_diff})`);
    console.log(`\narrays: C++ and NumPy ${different.length ? `identical except ${different.join(', ')}` : 'identical for every task'} (bench_classic --compare)`);
  }
  console.log(`load average (1 min) at the end: ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores (other processes inflate every figure)`);
}

main().catch((error) => {
  console.error(`classic_web_bench: ${error.stack || error}`);
  process.exit(1);
});
