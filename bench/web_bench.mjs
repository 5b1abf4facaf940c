// Browser benchmark of the web builds in headless Chromium (figures only; never pass/fail).
//
//   node bench/web_bench.mjs [--root DIR] [--seconds S] [--train-seconds S]
//
// Assembles build/site unless --root is given. For each build present — threaded (served with the
// isolation headers) and single-threaded (served without) — in the same Chromium it
//   1. runs the app's training benchmark, playground.benchmark(threads, S) (MLP 784-128-10,
//      batch 64, SGD, random data), after a warm-up of short calls (V8 has no on-stack
//      replacement for wasm, so one long cold call would stay in the baseline tier):
//      threaded with 1 and navigator.hardwareConcurrency threads, single-threaded with 1;
//   2. trains the spiral (default network plus the sin(x1), sin(x2) inputs) for --train-seconds and
//      reads the app's frame time median, training epochs per second and training share.
// Prints two tables; ratios are against the single-threaded build with 1 thread (or the first row
// when that build is missing).
import { parseArgs } from 'node:util';
import { assembleSite, BUILDS, missingBuildFiles, startServer } from '../tests/web/lib/server.mjs';
import { launchChromium, openPage, sleep, status, waitReady } from '../tests/web/lib/browser.mjs';

const { values: options } = parseArgs({
  options: {
    root: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    'train-seconds': { type: 'string', default: '10' },
  },
});
const BENCH_SECONDS = Number(options.seconds);
const TRAIN_SECONDS = Number(options['train-seconds']);
const WARMUP_CALLS = 4;
const WARMUP_SECONDS = 0.25;

const fmt = (x, digits = 1) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '—');

function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
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
    console.log(`${flavour}: ready in ${ready.ms} ms; simd ${info.status.simd}, app threads ${info.status.threads}, cores ${info.cores}`);

    // The benchmark blocks the page; pause training so it does not compete.
    await page.evaluate(() => playground.pause());
    const threadCounts = flavour === 'threaded' ? [...new Set([1, info.cores])] : [1];
    const bench = [];
    for (const threads of threadCounts) {
      for (let i = 0; i < WARMUP_CALLS; i++) await page.evaluate(([t, s]) => playground.benchmark(t, s), [threads, WARMUP_SECONDS]);
      const result = await page.evaluate(([t, s]) => playground.benchmark(t, s), [threads, BENCH_SECONDS]);
      console.log(`  benchmark(${threads}, ${BENCH_SECONDS}): ${fmt(result.samplesPerSecond, 0)} samples/s`);
      bench.push({ flavour, requested: threads, ...result });
    }

    // Training the spiral from the app's defaults, as a user would see it.
    const applied = await page.evaluate(() => playground.applySettings({ dataset: 'spiral', features: 'x1,x2,sinx1,sinx2' }));
    if (applied !== null) throw new Error(`applySettings({dataset: 'spiral', features: ...}) failed: ${applied}`);
    await page.evaluate(() => playground.play());
    const start = await status(page);
    await sleep(TRAIN_SECONDS * 1000);
    const end = await status(page);
    await page.evaluate(() => playground.pause());
    const train = {
      flavour,
      frameMsMedian: end.frameMsMedian,
      fps: end.fps,
      epochsPerSecond: end.epochsPerSecond,
      trainingShare: end.trainingShare,
      epochs: end.epoch - start.epoch,
      testAccuracy: end.testAccuracy,
    };
    if (log.pageErrors.length) console.log(`  page errors: ${log.pageErrors.join(' | ')}`);
    return { bench, train };
  } finally {
    await context.close();
    await server.close();
  }
}

async function main() {
  const root = options.root || assembleSite();
  const flavours = Object.keys(BUILDS).filter((f) => missingBuildFiles(root, f).length === 0);
  if (!flavours.length) throw new Error(`no complete build in ${root}`);

  const browser = await launchChromium();
  console.log(`Chromium ${browser.version()}; benchmark ${BENCH_SECONDS} s per run after ${WARMUP_CALLS}×${WARMUP_SECONDS} s warm-up; training ${TRAIN_SECONDS} s\n`);
  const runs = [];
  try {
    for (const flavour of flavours) runs.push(await benchBuild(browser, root, flavour));
  } finally {
    await browser.close();
  }

  const benchRows = runs.flatMap((r) => r.bench);
  const reference = benchRows.find((r) => r.flavour === 'single-threaded' && r.threads === 1) || benchRows[0];
  console.log(`\nTraining benchmark (MLP 784-128-10, batch 64, SGD); ratio vs ${reference.flavour} × ${reference.threads} thread(s)`);
  table(['build', 'threads', 'samples/s', 'ratio', 'samples', 'seconds'],
        benchRows.map((r) => [r.flavour, r.threads, fmt(r.samplesPerSecond, 0), fmt(r.samplesPerSecond / reference.samplesPerSecond, 2),
                              r.samples, fmt(r.seconds, 2)]));

  console.log(`\nSpiral training (default network + sin inputs), ${TRAIN_SECONDS} s (figures reported by the app)`);
  table(['build', 'frame ms (median)', 'fps', 'epochs/s', 'training share', 'epochs', 'test accuracy'],
        runs.map(({ train: t }) => [t.flavour, fmt(t.frameMsMedian, 2), fmt(t.fps, 1), fmt(t.epochsPerSecond, 1), fmt(t.trainingShare, 2), t.epochs, fmt(t.testAccuracy, 3)]));
}

main().catch((error) => {
  console.error(`web_bench: ${error.stack || error}`);
  process.exit(1);
});
