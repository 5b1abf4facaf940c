// The deep-learning benchmark of issue 5 §6 in one run: training samples/s of mlp, cnn and vae
// (core/bench/deep_tasks.h) — ours natively next to PyTorch, ours in the browser (both web builds)
// next to TensorFlow.js's wasm backend in the same headless Chromium — at 1 and 2 threads.
// Figures only; never pass/fail.
//
//   node bench/deep_web_bench.mjs [--seconds 3] [--threads 1,2] [--tasks mlp,cnn,vae] [--root DIR]
//                                 [--no-native] [--no-torch] [--no-tfjs] [--no-web] [--tfjs-cpu-fallback]
//
// Needs: build/native/bench/bench_deep (cmake --build build/native --target bench_deep), the web
// builds (scripts/build.sh web-mt web-st; build/site is assembled unless --root), and the
// baselines from `scripts/setup.sh --bench` (python3-torch; TF.js in bench/node_modules; OpenBLAS
// in bench/openblas, put first on torch's LD_LIBRARY_PATH because Debian's torch otherwise uses
// the reference BLAS). A missing part is reported and its columns stay empty.
// Order: native, PyTorch, then the browser pages one at a time, so no two runs share the cores.
// Per browser task: one short warm-up call (V8 has no on-stack replacement for wasm, so a cold
// call's loops stay in the baseline tier), then one timed call of --seconds; inside each call 5
// warm-up steps precede the timing. TF.js runs on its wasm backend with tf.wasm.setThreadsCount(n)
// in a page served with the isolation headers (the threaded SIMD binary); what it actually used is
// printed. TF.js's missing Conv2DBackpropFilter is computed by its wasm Conv3DBackpropFilterV2
// (--tfjs-cpu-fallback: on its cpu backend instead); any other kernel missing on wasm runs on the
// cpu backend per op (bench/tfjs_bench.js). Either way it is named under the table.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { assembleSite, BUILDS, missingBuildFiles, repoRoot, startServer } from '../tests/web/lib/server.mjs';
import { launchChromium, openPage, waitReady } from '../tests/web/lib/browser.mjs';

const ALL_TASKS = ['mlp', 'cnn', 'vae'];
const TARGET_WEB = { mlp: 5, cnn: 4, vae: 4 };  // browser ≥ this × TF.js wasm; native ≥ 1 × PyTorch
const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '3' },
    threads: { type: 'string', default: '1,2' },
    tasks: { type: 'string', default: ALL_TASKS.join(',') },
    root: { type: 'string' },
    'no-native': { type: 'boolean', default: false },
    'no-torch': { type: 'boolean', default: false },
    'no-tfjs': { type: 'boolean', default: false },
    'no-web': { type: 'boolean', default: false },
    'tfjs-cpu-fallback': { type: 'boolean', default: false },
  },
});
const SECONDS = Math.max(0.1, Number(options.seconds));
const WARM_SECONDS = Math.min(1, SECONDS / 3);
const THREADS = options.threads.split(',').filter(Boolean).map(Number);
const TASKS = options.tasks.split(',').filter(Boolean);
const bench = join(repoRoot, 'bench');

const fmt = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(0) : '—');
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? (a / b).toFixed(2) : '—');
const load = () => `${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min) on ${os.cpus().length} cores`;

function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

// Runs a command printing JSON lines; results[task][threads] = parsed line. Null (reason printed) on failure.
function jsonLines(what, file, args, env = {}) {
  try {
    const text = execFileSync(file, args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env },
                                            stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 20 });
    const results = {};
    for (const line of text.split('\n').filter((l) => l.startsWith('{'))) {
      const r = JSON.parse(line);
      (results[r.task] ||= {})[r.threads] = r;
    }
    return results;
  } catch (error) {
    console.log(`${what} unavailable: ${String(error.stderr || error.message).trim().split('\n').pop()}`);
    return null;
  }
}

function nativeTimings() {
  const exe = join(repoRoot, 'build', 'native', 'bench', 'bench_deep');
  if (options['no-native']) return null;
  if (!existsSync(exe)) return console.log('ours native unavailable: build it with cmake --build build/native --target bench_deep'), null;
  return jsonLines('ours native', exe, ['--seconds', String(SECONDS), '--threads', THREADS.join(','), ...TASKS]);
}

function torchTimings() {
  if (options['no-torch']) return null;
  const openblas = join(bench, 'openblas', 'usr', 'lib', 'x86_64-linux-gnu', 'openblas-pthread');
  const env = existsSync(openblas) ? { LD_LIBRARY_PATH: [openblas, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') } : {};
  if (!env.LD_LIBRARY_PATH) console.log('note: bench/openblas missing (scripts/setup.sh --bench): torch runs on the system libblas.so.3');
  return jsonLines('PyTorch', '/usr/bin/python3', [join(bench, 'deep_torch_bench.py'), '--seconds', String(SECONDS),
                                                   '--threads', THREADS.join(','), ...TASKS], env);
}

// TF.js: one page per thread count (the wasm backend's threads are fixed at its initialisation).
async function tfjsTimings(browser) {
  if (options['no-tfjs']) return null;
  if (!existsSync(join(bench, 'node_modules', '@tensorflow', 'tfjs-backend-wasm'))) {
    console.log('TF.js unavailable: run scripts/setup.sh --bench (npm ci in bench/)');
    return null;
  }
  const results = {};
  for (const threads of THREADS) {
    const server = await startServer({ root: bench, isolation: true });
    const context = await browser.newContext();
    try {
      const query = options['tfjs-cpu-fallback'] ? '?conv3d=0' : '';
      const { page, log } = await openPage(context, `${server.url}tfjs_bench.html${query}`);
      const info = await page.evaluate((n) => window.tfjsBench.init(n), threads);
      console.log(`TF.js ${info.tfjs} ${threads} thread(s): backend ${info.backend}, threads used ${info.threadsUsed}, ` +
                  `SIMD ${info.simd}, multithread ${info.multithread}, crossOriginIsolated ${info.crossOriginIsolated}; ` +
                  `Conv2DBackpropFilter: ${info.conv2dFilterGradient}`);
      for (const task of TASKS) {
        const warm = await page.evaluate(([t, s]) => window.tfjsBench.run(t, s), [task, WARM_SECONDS]);
        if (warm.error) throw new Error(`TF.js ${task}: ${warm.error}`);
        const r = await page.evaluate(([t, s]) => window.tfjsBench.run(t, s), [task, SECONDS]);
        const fallbacks = Object.entries(r.fallbacks).map(([k, n]) => `${k} ×${n}/step`).join(', ');
        console.log(`  ${task}: ${fmt(r.samples_per_second)} samples/s (${r.steps} steps; loss ${r.final_loss.toFixed(3)})` +
                    (fallbacks ? `; kernels not TF.js's own on wasm: ${fallbacks}` : ''));
        (results[task] ||= {})[threads] = { ...r, threadsUsed: info.threadsUsed };
      }
      if (log.pageErrors.length) console.log(`  page errors: ${log.pageErrors.join(' | ')}`);
    } catch (error) {
      console.log(`TF.js ${threads} thread(s) failed: ${error.message.split('\n')[0]}`);
    } finally {
      await context.close();
      await server.close();
    }
  }
  return results;
}

// Ours in the browser: both builds; the single-threaded one only at 1 thread.
async function webTimings(browser) {
  if (options['no-web']) return null;
  let root;
  try {
    root = options.root || assembleSite();
  } catch (error) {
    console.log(`ours web unavailable: ${error.message.split('\n')[0]}`);
    return null;
  }
  const results = {};
  for (const flavour of Object.keys(BUILDS).filter((f) => missingBuildFiles(root, f).length === 0)) {
    const server = await startServer({ root, isolation: BUILDS[flavour].isolation });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const { page, log } = await openPage(context, server.url);
      const ready = await waitReady(page);
      if (!ready.ok) throw new Error(`page did not start: ${ready.error}`);
      const info = await page.evaluate(() => ({ flavour: playground.flavour, status: playground.status() }));
      if (info.flavour !== flavour) throw new Error(`expected the ${flavour} build, the page chose ${info.flavour}`);
      await page.evaluate(() => playground.pause());  // the benchmark blocks the page; nothing else should run
      const key = BUILDS[flavour].key;
      const threadCounts = flavour === 'threaded' ? THREADS : [1];
      console.log(`ours web-${key}: ready in ${ready.ms} ms; simd ${info.status.simd}`);
      for (const threads of threadCounts) {
        for (const task of TASKS) {
          const call = (s) => page.evaluate(([t, n, sec]) => playground.benchmarkDeep(t, n, sec), [task, threads, s]);
          const warm = await call(WARM_SECONDS);
          if (warm.error) throw new Error(`${task}: ${warm.error}`);
          const r = warm.available ? await call(SECONDS) : warm;
          console.log(`  ${task} ${threads} thread(s): ` + (r.available
            ? `${fmt(r.samples_per_second)} samples/s (pool threads ${r.threads}; ${r.steps} steps; checksum ${r.checksum.toFixed(6)})`
            : r.note));
          ((results[task] ||= {})[threads] ||= {})[key] = r;
        }
      }
      if (log.pageErrors.length) console.log(`  page errors: ${log.pageErrors.join(' | ')}`);
    } catch (error) {
      console.log(`ours web (${flavour}) failed: ${error.message.split('\n')[0]}`);
    } finally {
      await context.close();
      await server.close();
    }
  }
  return results;
}

async function main() {
  const unknown = TASKS.filter((t) => !ALL_TASKS.includes(t));
  if (unknown.length) throw new Error(`unknown tasks: ${unknown.join(', ')} (known: ${ALL_TASKS.join(', ')})`);
  console.log(`load average at the start: ${load()}`);
  console.log(`${SECONDS} s per timed run; threads ${THREADS.join(', ')}; tasks ${TASKS.join(', ')}\n`);
  const native = nativeTimings();
  const torch = torchTimings();
  const anyTorch = torch && Object.values(torch).flatMap((t) => Object.values(t))[0];
  if (anyTorch) console.log(`PyTorch ${anyTorch.torch}; BLAS: ${anyTorch.blas}`);
  console.log(`load average after the native runs: ${load()}`);

  let tfjs = null, web = null;
  if (!(options['no-tfjs'] && options['no-web'])) {
    const browser = await launchChromium();
    console.log(`Chromium ${browser.version()}`);
    try {
      tfjs = await tfjsTimings(browser);
      web = await webTimings(browser);
    } finally {
      await browser.close();
    }
  }

  const cell = (results, task, threads) => results && results[task] && results[task][threads];
  const ours = (r) => (!r ? undefined : r.available === false ? 'not yet' : r.samples_per_second);
  const show = (x) => (typeof x === 'string' ? x : fmt(x));
  console.log('\ntraining samples/s (higher is better); ratios: ours / theirs');
  const header = ['task', 'threads', 'ours native', 'PyTorch', 'native/torch',
                  'ours web-mt', 'ours web-st', 'TF.js wasm', 'mt/tfjs', 'st/tfjs', 'target'];
  const rows = [];
  const notes = [];
  for (const task of TASKS) {
    for (const threads of THREADS) {
      const n = ours(cell(native, task, threads));
      const t = cell(torch, task, threads);
      const w = cell(web, task, threads) || {};
      const mt = ours(w.mt), st = ours(w.st);
      const tf = cell(tfjs, task, threads);
      const tfSpeed = tf && tf.samples_per_second;
      const fallbacks = tf ? Object.keys(tf.fallbacks) : [];
      if (tf && tf.threadsUsed !== threads) notes.push(`${task} ${threads}t: TF.js was asked for ${threads} threads; its wasm backend reports ${tf.threadsUsed} (tf.wasm.getThreadsCount)`);
      for (const k of fallbacks) {
        notes.push(k.includes('→') ? `${task} ${threads}t: TF.js lacks ${k.split('→')[0]} on wasm; computed with ${k.split('→')[1]} (still wasm)`
                                   : `${task} ${threads}t: TF.js ran ${k} on its cpu backend (missing on wasm)`);
      }
      rows.push([task, threads, show(n), fmt(t && t.samples_per_second), ratio(n, t && t.samples_per_second),
                 show(mt), show(st), fmt(tfSpeed) + (fallbacks.length || (tf && tf.threadsUsed !== threads) ? '*' : ''), ratio(mt, tfSpeed), ratio(st, tfSpeed),
                 `web ≥${TARGET_WEB[task]}×, native ≥1×`]);
    }
  }
  table(header, rows);
  if (notes.length) console.log(`* ${notes.join('\n* ')}`);
  console.log(`load average at the end: ${load()} (other processes on these cores lower every figure)`);
}

main().catch((error) => {
  console.error(`deep_web_bench: ${error.stack || error}`);
  process.exit(1);
});
