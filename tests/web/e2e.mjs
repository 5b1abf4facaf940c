// End-to-end tests of the web build in headless Chromium.
//
//   node tests/web/e2e.mjs [--root DIR] [--only threaded|single-threaded] [--train-deadline S]
//
// Assembles build/site (scripts/assemble_site.sh) unless --root names a directory to serve as is.
// For each build — threaded, served WITH the cross-origin isolation headers; single-threaded,
// served WITHOUT them, each by its own scripts/serve.py — it checks that the page loads without
// errors and picks that build, trains through the page API (loss falls), trains through the UI
// (mouse clicks on the app's widgets) until the spiral's test accuracy reaches 0.90, and writes
// screenshots to build/test-artifacts/web-<flavour>-*.png. Then it checks that the page shows its
// error panel when WebGL 2 is missing, when a build file is missing and on a runtime error.
// Prints one line per check and exits non-zero if any check failed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { artifactsDir, assembleSite, BUILDS, missingBuildFiles, startServer } from './lib/server.mjs';
import { testDataTab } from './data_tab.mjs';
import { testModelsTab } from './models_tab.mjs';
import { testDeepTab } from './deep_tab.mjs';
import { clickWidget, frames, launchChromium, openPage, pollStatus, sleep, status, waitReady } from './lib/browser.mjs';

const { values: options } = parseArgs({
  options: {
    root: { type: 'string' },
    only: { type: 'string' },
    'train-deadline': { type: 'string', default: '120' },
  },
});
const TRAIN_DEADLINE_MS = Number(options['train-deadline']) * 1000;
const TARGET_ACCURACY = 0.9;
const VIEWPORT = { width: 1280, height: 800 };
// Widgets drawn in the default (classification) view; "dataset:plane" appears in regression only.
const WIDGETS = ['play', 'step', 'reset', 'dataset:circle', 'dataset:xor', 'dataset:gauss', 'dataset:spiral', 'dataset:moons'];

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? ' — ' + detail : ''}`);
  return ok;
}
const fmt = (x, digits = 4) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : String(x));
const shot = (page, name) => page.screenshot({ path: join(artifactsDir, `web-${name}.png`) });

// Page-level failures collected by openPage(): anything here fails the "no errors" check.
function problems(log) {
  return [
    ...log.pageErrors.map((e) => `page error: ${e}`),
    ...log.consoleErrors.map((e) => `console error: ${e}`),
    ...log.badResponses.map((e) => `HTTP ${e}`),
    ...log.foreignRequests.map((e) => `request to another origin: ${e}`),
  ];
}

// Records the texts the loading overlay shows, from the very start of the page.
const RECORD_OVERLAY = () => {
  window.__overlayTexts = [];
  document.addEventListener('DOMContentLoaded', () => {
    const record = () => {
      const text = `${document.getElementById('overlay-text').textContent} | ${document.getElementById('overlay-detail').textContent}`;
      if (window.__overlayTexts[window.__overlayTexts.length - 1] !== text) window.__overlayTexts.push(text);
    };
    new MutationObserver(record).observe(document.getElementById('overlay'), { subtree: true, childList: true, characterData: true });
  });
};

async function testBuild(browser, root, flavour) {
  const spec = BUILDS[flavour];
  const missing = missingBuildFiles(root, flavour);
  if (!check(`[${flavour}] build present`, missing.length === 0, missing.length ? `missing in ${root}: ${missing.join(', ')}` : '')) return;

  const server = await startServer({ root, isolation: spec.isolation });
  try {
    await testLoadAndTrain(browser, server, flavour);
    await testUrlAndHiDpi(browser, server, flavour);
    await testDataTab({ browser, server, flavour, check, shot, problems, viewport: VIEWPORT });
    await testModelsTab({ browser, server, flavour, check, shot, problems, viewport: VIEWPORT });
    await testDeepTab({ browser, server, flavour, check, shot, problems, viewport: VIEWPORT });
  } finally {
    await server.close();
  }
}

// Load, API training, UI training of the spiral to the target accuracy, at devicePixelRatio 1.
async function testLoadAndTrain(browser, server, flavour) {
  const spec = BUILDS[flavour];
  const tag = `[${flavour}]`;
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(RECORD_OVERLAY);
  try {
    // ---- Load ----
    const { page, log } = await openPage(context, server.url);
    const ready = await waitReady(page);
    if (!check(`${tag} page loads`, ready.ok, ready.ok ? `ready in ${ready.ms} ms` : `${ready.error}; panel: ${await errorPanelText(page)}`)) {
      await shot(page, `${flavour}-failed-load`);
      return;
    }
    const info = await page.evaluate(() => ({ flavour: playground.flavour, isolated: self.crossOriginIsolated, status: playground.status() }));
    check(`${tag} build chosen`, info.flavour === flavour && info.status.flavour === flavour && info.isolated === spec.isolation,
          `page ${info.flavour}, app ${info.status.flavour}, crossOriginIsolated ${info.isolated}, simd ${info.status.simd}, threads ${info.status.threads}`);
    const overlay = await page.evaluate(() => window.__overlayTexts);
    const sawBytes = overlay.some((t) => /^Downloading… \| [\d.]+ \/ [\d.]+ MB$/.test(t));
    const sawCompile = overlay.some((t) => t.startsWith('Compiling…'));
    const sawStart = overlay.some((t) => t.startsWith('Starting…'));
    check(`${tag} loading overlay shows progress`, sawBytes && sawCompile && sawStart && await page.locator('#overlay').isHidden(),
          `${overlay.length} states, last ${JSON.stringify(overlay[overlay.length - 1])}`);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, focused: document.activeElement === c, tabIndex: c.tabIndex };
    });
    check(`${tag} canvas fills the window`, canvas.cssW === VIEWPORT.width && canvas.cssH === VIEWPORT.height &&
          canvas.w === VIEWPORT.width && canvas.h === VIEWPORT.height && canvas.focused,
          `backing ${canvas.w}×${canvas.h}, CSS ${canvas.cssW}×${canvas.cssH}, focused ${canvas.focused}`);
    await frames(page, 5);
    await shot(page, `${flavour}-loaded`);

    // ---- Widgets the app reports ----
    const rects = await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, playground.widgetRect(n)])), [...WIDGETS, 'pause', 'no-such-widget']);
    const badRects = WIDGETS.filter((n) => {
      const r = rects[n];
      return !r || !(r.w > 0 && r.h > 0 && r.x >= 0 && r.y >= 0 && r.x + r.w <= VIEWPORT.width && r.y + r.h <= VIEWPORT.height);
    });
    check(`${tag} widget rects`, badRects.length === 0 && rects['no-such-widget'] === null,
          badRects.length ? `missing or off-screen: ${badRects.join(', ')}` : `play at ${JSON.stringify(rects.play)}; pause ${rects.pause ? 'known' : 'unknown'}`);

    // ---- Training through the page API ----
    const bad = await page.evaluate(() => playground.applySettings({ dataset: 'no-such-dataset' }));
    check(`${tag} applySettings rejects a bad value`, typeof bad === 'string' && bad.length > 0, `returned ${JSON.stringify(bad)}`);
    const applied = await page.evaluate(() => playground.applySettings({ dataset: 'xor' }));
    const s0 = await status(page);
    check(`${tag} applySettings({dataset: 'xor'})`, applied === null && /(^|&)dataset=xor(&|$)/.test(s0.settings),
          `returned ${JSON.stringify(applied)}, settings "${s0.settings}"`);
    // The address bar follows the settings, so copying it shares this run.
    await page.waitForFunction(() => /[?&]dataset=xor(&|$)/.test(location.search), null, { timeout: 3000 }).catch(() => {});
    const shared = await page.evaluate(() => location.search);
    check(`${tag} the page URL carries the settings`, /[?&]dataset=xor(&|$)/.test(shared), `location.search "${shared}"`);
    const playError = await page.evaluate(() => playground.play());
    let firstLoss = Number.isFinite(s0.trainLoss) ? s0.trainLoss : null;
    const trained = await pollStatus(page, (s) => {
      if (firstLoss === null && Number.isFinite(s.trainLoss)) firstLoss = s.trainLoss;
      return s.epoch >= s0.epoch + 50 && firstLoss !== null && s.trainLoss < 0.8 * firstLoss;
    }, { timeoutMs: 45000 });
    const s1 = trained.status;
    check(`${tag} API training: epoch advances, train loss falls`,
          playError === null && s1.running === true && s1.epoch > s0.epoch && trained.ok,
          `play() ${JSON.stringify(playError)}; epoch ${s0.epoch} → ${s1.epoch}, train loss ${fmt(firstLoss)} → ${fmt(s1.trainLoss)} in ${(trained.ms / 1000).toFixed(1)} s`);
    const pauseError = await page.evaluate(() => playground.pause());
    const paused = await pollStatus(page, (s) => !s.running, { timeoutMs: 5000 });
    const e1 = paused.status.epoch;
    await sleep(500);
    const e2 = (await status(page)).epoch;
    check(`${tag} API pause stops training`, pauseError === null && paused.ok && e2 === e1, `epoch ${e1} → ${e2} while paused`);

    const stepError = await page.evaluate(() => playground.step());
    const stepped = await pollStatus(page, (x) => x.epoch > e2, { timeoutMs: 5000 });
    const resetError = await page.evaluate(() => playground.reset());
    const wasReset = await pollStatus(page, (x) => x.epoch === 0, { timeoutMs: 5000 });
    const regenError = await page.evaluate(() => playground.regenerate());
    check(`${tag} API step, reset, regenerate`,
          stepError === null && stepped.ok && !stepped.status.running && resetError === null && wasReset.ok && regenError === null,
          `step: epoch ${e2} → ${stepped.status.epoch}; reset: epoch ${wasReset.status.epoch}; regenerate ${JSON.stringify(regenError)}`);

    const planeError = await page.evaluate(() => playground.applySettings({ dataset: 'plane' }));
    await frames(page, 3);
    const plane = await page.evaluate(() => ({ status: playground.status(), rect: playground.widgetRect('dataset:plane') }));
    check(`${tag} regression dataset (plane)`, planeError === null && plane.status.problem === 'regression' &&
          plane.status.trainAccuracy === null && plane.rect !== null,
          `applySettings ${JSON.stringify(planeError)}, problem ${plane.status.problem}, train accuracy ${plane.status.trainAccuracy}, ` +
          `widget ${JSON.stringify(plane.rect)}`);

    // ---- Training through the UI, from a fresh page with the app's defaults ----
    // The address bar now carries the last settings (a reload would restore them): open the bare
    // page for the app's defaults, and check a reload keeps what the URL says.
    await page.reload({ waitUntil: 'load' });
    const restored = await waitReady(page);
    const kept = restored.ok ? await status(page) : null;
    check(`${tag} reload restores the run from the URL`, kept !== null && /(^|&)dataset=plane(&|$)/.test(kept.settings),
          kept ? `settings "${kept.settings}"` : restored.error);
    await page.goto(server.url, { waitUntil: 'load' });
    const reready = await waitReady(page);
    if (!check(`${tag} page opens again with defaults`, reready.ok, reready.ok ? `ready in ${reready.ms} ms` : reready.error)) return;
    let s = await status(page);
    if (s.running) {
      await clickWidget(page, 'pause');
      const stopped = await pollStatus(page, (x) => !x.running, { timeoutMs: 5000 });
      check(`${tag} UI click on pause stops training`, stopped.ok, `running ${stopped.status.running}`);
    }
    const spiralRect = await clickWidget(page, 'dataset:spiral');
    const picked = await pollStatus(page, (x) => /(^|&)dataset=spiral(&|$)/.test(x.settings), { timeoutMs: 5000 });
    check(`${tag} UI click selects the spiral`, spiralRect !== null && picked.ok,
          `clicked ${JSON.stringify(spiralRect)}, settings "${picked.status.settings}"`);
    // Like a learner would: the default inputs (x1, x2) cannot bend around the arms, so add
    // sin(x1) and sin(x2) by clicking their nodes in the network diagram.
    for (const feature of ['sinx1', 'sinx2']) {
      const rect = await clickWidget(page, `feature:${feature}`);
      const added = await pollStatus(page, (x) => new RegExp(`features=[^&]*${feature}`).test(x.settings), { timeoutMs: 5000 });
      check(`${tag} UI click adds input ${feature}`, rect !== null && added.ok, `settings "${added.status.settings}"`);
    }
    s = await status(page);
    const playRect = await clickWidget(page, 'play');
    const started = await pollStatus(page, (x) => x.running && x.epoch > s.epoch, { timeoutMs: 10000 });
    check(`${tag} UI click on play trains`, playRect !== null && started.ok,
          `running ${started.status.running}, epoch ${s.epoch} → ${started.status.epoch}`);

    let lastReport = 0;
    const spiral = await pollStatus(page, (x) => x.testAccuracy >= TARGET_ACCURACY, {
      timeoutMs: TRAIN_DEADLINE_MS,
      intervalMs: 500,
      onTick: (x, ms) => {
        if (ms - lastReport < 15000) return;
        lastReport = ms;
        console.log(`      ${(ms / 1000).toFixed(0)} s: epoch ${x.epoch}, test accuracy ${fmt(x.testAccuracy, 3)}, test loss ${fmt(x.testLoss)}`);
      },
    });
    await parkMouse(page);
    await shot(page, `${flavour}-trained`);
    const f = spiral.status;
    check(`${tag} spiral reaches test accuracy ≥ ${TARGET_ACCURACY}`, spiral.ok,
          `test accuracy ${fmt(f.testAccuracy, 3)} (train ${fmt(f.trainAccuracy, 3)}) at epoch ${f.epoch} after ${(spiral.ms / 1000).toFixed(1)} s; ` +
          `${fmt(f.epochsPerSecond, 1)} epochs/s, frame median ${fmt(f.frameMsMedian, 1)} ms, settings "${f.settings}"`);

    const issues = problems(log);
    check(`${tag} no page errors`, issues.length === 0, issues.length ? issues.slice(0, 8).join(' | ') : `${log.requests.length} requests, all same-origin`);
    await page.close();
  } finally {
    await context.close();
  }
}

// Settings from the page URL reach the app (without the loader's own `build` key), and on a
// devicePixelRatio-2 screen at another size the canvas and widget clicks still line up.
async function testUrlAndHiDpi(browser, server, flavour) {
  const tag = `[${flavour}]`;
  const context = await browser.newContext({ viewport: { width: 900, height: 600 }, deviceScaleFactor: 2 });
  try {
    const { page, log } = await openPage(context, `${server.url}?dataset=gauss&build=${BUILDS[flavour].key}`);
    const ready = await waitReady(page);
    if (!check(`${tag} loads with URL settings at devicePixelRatio 2`, ready.ok, ready.ok ? '' : ready.error)) return;
    const s = await status(page);
    check(`${tag} URL settings reach the app`, /(^|&)dataset=gauss(&|$)/.test(s.settings) && !/(^|&)build=/.test(s.settings),
          `settings "${s.settings}"`);
    const size = await page.evaluate(() => { const c = document.getElementById('canvas'); return [c.width, c.height]; });
    check(`${tag} backing store is CSS size × 2`, size[0] === 1800 && size[1] === 1200, `${size[0]}×${size[1]}`);
    const rect = await clickWidget(page, 'dataset:moons');
    const picked = await pollStatus(page, (x) => /(^|&)dataset=moons(&|$)/.test(x.settings), { timeoutMs: 5000 });
    await parkMouse(page);
    await shot(page, `${flavour}-hidpi`);
    check(`${tag} hi-DPI click selects the moons`, rect !== null && picked.ok, `clicked ${JSON.stringify(rect)}, settings "${picked.status.settings}"`);
    const issues = problems(log);
    check(`${tag} no page errors at devicePixelRatio 2`, issues.length === 0, issues.slice(0, 8).join(' | '));
  } finally {
    await context.close();
  }
}

// Moves the pointer to the window's corner so no hover tooltip covers a screenshot.
async function parkMouse(page) {
  await page.mouse.move(1, 1);
  await frames(page, 3);
}

async function errorPanelText(page) {
  if (!(await page.locator('#error').isVisible())) return '(no error panel)';
  return (await page.locator('#error').innerText()).replace(/\s+/g, ' ').trim();
}

// Loads `url` in a fresh context prepared by `setup(context)` and expects the error panel.
async function expectErrorPanel(browser, name, url, expected, setup = async () => {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await setup(context);
    const { page, log } = await openPage(context, url);
    const outcome = await waitReady(page, 30000);
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10000 }).catch(() => {});
    const text = await errorPanelText(page);
    const visible = await page.locator('#error').isVisible();
    await shot(page, `error-${name}`);
    const errorProp = await page.evaluate(() => playground.error);
    return { ok: visible && !outcome.ok && expected.test(text) && errorProp !== null, text, log };
  } finally {
    await context.close();
  }
}

async function testErrors(browser, root) {
  const flavour = missingBuildFiles(root, 'single-threaded').length === 0 ? 'single-threaded' : 'threaded';
  const spec = BUILDS[flavour];
  const server = await startServer({ root, isolation: spec.isolation });
  const tag = '[errors]';
  try {
    // No WebGL 2: the loader must say so before it downloads anything.
    let r = await expectErrorPanel(browser, 'no-webgl2', server.url, /WebGL 2/, (context) => context.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    }));
    const fetched = r.log.requests.filter((u) => /playground-\w+\.(js|wasm)$/.test(u));
    check(`${tag} no WebGL 2 (getContext returns null) shows the panel`, r.ok && fetched.length === 0,
          `"${r.text.slice(0, 90)}…"; build files requested: ${fetched.length}`);

    const noGl = await launchChromium({ extraArgs: ['--disable-webgl', '--disable-webgl2'] });
    try {
      r = await expectErrorPanel(noGl, 'webgl-disabled', server.url, /WebGL 2/);
      check(`${tag} no WebGL 2 (--disable-webgl) shows the panel`, r.ok, `"${r.text.slice(0, 90)}…"`);
    } finally {
      await noGl.close();
    }

    r = await expectErrorPanel(browser, 'wasm-404', server.url, /HTTP 404/,
                               (context) => context.route(/playground-\w+\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' })));
    check(`${tag} missing .wasm (HTTP 404) shows the panel`, r.ok, `"${r.text}"`);

    r = await expectErrorPanel(browser, 'js-404', server.url, /HTTP 404/,
                               (context) => context.route(/playground-\w+\.js$/, (route) => route.fulfill({ status: 404, body: 'not found' })));
    check(`${tag} missing .js (HTTP 404) shows the panel`, r.ok, `"${r.text}"`);

    if (!spec.isolation) {
      r = await expectErrorPanel(browser, 'mt-not-isolated', `${server.url}?build=mt`, /isolated/);
      check(`${tag} ?build=mt on a page without isolation explains why`, r.ok, `"${r.text.slice(0, 90)}…"`);
    }

    // A runtime error after start (an uncaught exception in a callback) must not leave a frozen canvas.
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const { page } = await openPage(context, server.url);
      const ready = await waitReady(page);
      await page.evaluate(() => setTimeout(() => { throw new Error('e2e injected failure'); }, 0));
      await page.locator('#error').waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
      const text = await errorPanelText(page);
      await shot(page, 'error-runtime');
      check(`${tag} runtime error after start shows the panel`, ready.ok && /e2e injected failure/.test(text), `"${text.slice(0, 120)}"`);
    } finally {
      await context.close();
    }
  } finally {
    await server.close();
  }
}

async function main() {
  mkdirSync(artifactsDir, { recursive: true });
  const root = options.root || assembleSite();
  const flavours = options.only ? [options.only] : Object.keys(BUILDS);
  for (const f of flavours) if (!BUILDS[f]) throw new Error(`--only must be one of ${Object.keys(BUILDS).join(', ')}`);

  const browser = await launchChromium();
  console.log(`Chromium ${browser.version()}, serving ${root}`);
  try {
    for (const flavour of flavours) {
      try {
        await testBuild(browser, root, flavour);
      } catch (error) {
        check(`[${flavour}] ran to the end`, false, error.stack || String(error));
      }
    }
    try {
      await testErrors(browser, root);
    } catch (error) {
      check('[errors] ran to the end', false, error.stack || String(error));
    }
  } finally {
    await browser.close();
  }

  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length}/${results.length} checks passed; screenshots in ${artifactsDir}`);
  if (failed.length) {
    console.log(`FAILED: ${failed.map((r) => r.name).join('; ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`e2e: ${error.stack || error}`);
  process.exit(1);
});
