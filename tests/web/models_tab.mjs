// Browser checks of the Classic models tab: a lesson link opens data, model and view and fits;
// the page URL keeps the lesson; UI clicks on Step and Play drive a model.
import { clickWidget, frames, openPage, sleep, waitReady } from './lib/browser.mjs';

const modelStatus = (page) => page.evaluate(() => window.playground.modelStatus());

async function pollModel(page, predicate, timeoutMs = 60000) {
  const t0 = Date.now();
  for (;;) {
    const s = await modelStatus(page);
    if (predicate(s)) return { ok: true, status: s, ms: Date.now() - t0 };
    if (Date.now() - t0 > timeoutMs) return { ok: false, status: s, ms: Date.now() - t0 };
    await sleep(200);
  }
}

export async function testModelsTab({ browser, server, flavour, check, shot, problems, viewport }) {
  const tag = `[${flavour}] models:`;
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  try {
    const { page, log } = await openPage(context, `${server.url}?lesson=kernel-ridge-sinusoid`);
    const ready = await waitReady(page);
    if (!check(`${tag} lesson link loads`, ready.ok, ready.error || '')) return;
    const krr = await pollModel(page, (s) => s.finished);
    await page.mouse.move(1, 1);
    await frames(page, 4);
    await shot(page, `${flavour}-lesson-kernel-ridge`);
    const search = await page.evaluate(() => location.search);
    check(`${tag} ?lesson=kernel-ridge-sinusoid fits kernel ridge (test R² > 0.95) and keeps the lesson in the URL`,
          krr.ok && krr.status.model === 'kernel_ridge' && krr.status.testR2 > 0.95 && /lesson=kernel-ridge-sinusoid/.test(search),
          `${JSON.stringify(krr.status)} in ${krr.ms} ms; URL ${search}`);

    await page.evaluate(() => window.playground.command('lesson:svm-moons'));
    const svm = await pollModel(page, (s) => s.model === 'svc' && s.finished);
    await frames(page, 4);
    await shot(page, `${flavour}-lesson-svm-moons`);
    check(`${tag} the SVM lesson separates the moons (test accuracy ≥ 0.9)`, svm.ok && svm.status.testAccuracy >= 0.9,
          JSON.stringify(svm.status));

    // A decision tree grown by UI clicks: Reset, Step twice (two nodes), then Play to the end.
    await page.evaluate(() => window.playground.command('lesson:decision-tree-iris'));
    await pollModel(page, (s) => s.model === 'decision_tree' && s.finished);
    await clickWidget(page, 'model-reset');
    const reset = await pollModel(page, (s) => s.steps === 0, 10000);
    await clickWidget(page, 'model-step');
    await clickWidget(page, 'model-step');
    const stepped = await pollModel(page, (s) => s.steps === 2, 10000);
    await clickWidget(page, 'model-play');
    const grown = await pollModel(page, (s) => s.finished, 30000);
    await clickWidget(page, 'model-view:metrics');
    await page.mouse.move(1, 1);
    await frames(page, 4);
    await shot(page, `${flavour}-lesson-tree-metrics`);
    check(`${tag} Reset, Step, Step, Play clicks grow the iris tree`, reset.ok && stepped.ok && grown.ok &&
          grown.status.testAccuracy >= 0.9, `${stepped.status.steps} steps after two clicks; final ${JSON.stringify(grown.status)}`);

    // The tree itself, and the over-fitting curves of a polynomial sweep.
    await clickWidget(page, 'model-view:tree');
    await page.mouse.move(1, 1);
    await frames(page, 4);
    await shot(page, `${flavour}-lesson-tree-diagram`);
    await page.evaluate(() => window.playground.command('lesson:polynomial-overfitting'));
    await pollModel(page, (s) => s.model === 'linear_regression' && s.finished);
    await page.evaluate(() => window.playground.command('model-view:complexity'));
    const sweep = await pollModel(page, (s) => s.sweepPoints >= 12 && !s.sweepBusy, 60000);
    await page.mouse.move(1, 1);
    await frames(page, 4);
    await shot(page, `${flavour}-lesson-polynomial-complexity`);
    check(`${tag} the polynomial lesson's Complexity view sweeps degrees 1 to 12`, sweep.ok, JSON.stringify(sweep.status));

    // The Monte-Carlo lab: one experiment fitted, then the toy study plays.
    await page.evaluate(() => window.playground.command('lesson:monte-carlo-kappa'));
    const t0 = Date.now();
    let mc = await page.evaluate(() => window.playground.monteCarloStatus());
    while ((mc.toysDone < 20 || !(mc.experimentEvents > 0)) && Date.now() - t0 < 60000) {
      await sleep(200);
      mc = await page.evaluate(() => window.playground.monteCarloStatus());
    }
    await page.mouse.move(1, 1);
    await frames(page, 4);
    await shot(page, `${flavour}-lesson-monte-carlo`);
    check(`${tag} the Monte-Carlo lesson fits kappa (σ near 2.49/√N) and plays toys`,
          mc.toysDone >= 20 && Math.abs(mc.fittedSigma - 2.49 / Math.sqrt(mc.experimentEvents)) < 0.1 * mc.fittedSigma,
          JSON.stringify(mc));
    await page.evaluate(() => window.playground.command('montecarlo:pause'));

    // The neural-ODE lab: the field trains through the solver and its loss falls.
    await page.evaluate(() => window.playground.command('lesson:neural-ode-spiral'));
    const o0 = Date.now();
    let ode = await page.evaluate(() => window.playground.odeStatus());
    while (ode.steps < 60 && Date.now() - o0 < 90000) {
      await sleep(250);
      ode = await page.evaluate(() => window.playground.odeStatus());
    }
    await page.mouse.move(1, 1);
    await frames(page, 4);
    await shot(page, `${flavour}-lesson-neural-ode`);
    check(`${tag} the neural-ODE lesson trains (60 steps, loss falls 5×)`, ode.steps >= 60 && ode.loss < ode.firstLoss / 5,
          JSON.stringify(ode));
    await page.evaluate(() => window.playground.command('ode:pause'));

    // The CNN lesson: the course's small convolutional network on the 8×8 digits; its loss falls.
    await page.evaluate(() => window.playground.command('lesson:cnn-digits'));
    const deepStatus = () => page.evaluate(() => window.playground.deepStatus());
    const c0 = Date.now();
    let first = await deepStatus();
    while (!(first.epoch >= 1) && Date.now() - c0 < 120000) { await sleep(250); first = await deepStatus(); }
    let later = first;
    while (!(later.epoch >= 4) && Date.now() - c0 < 240000) { await sleep(250); later = await deepStatus(); }
    await page.mouse.move(1, 1);
    await frames(page, 4);
    await shot(page, `${flavour}-lesson-cnn-digits`);
    check(`${tag} the CNN lesson trains on the digits and its validation loss falls (accuracy > 0.9 by epoch 4)`,
          first.epoch >= 1 && later.epoch >= 4 && later.validationLoss < first.validationLoss && later.validationAccuracy > 0.9,
          `epoch ${first.epoch}: ${JSON.stringify(first)}; epoch ${later.epoch}: ${JSON.stringify(later)}`);
    await page.evaluate(() => window.playground.command('deep:pause'));

    // The trained weights download as a file and load back through the page's import (as a drop
    // or the file picker would): the run scores them at once, and they are the trained ones.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }),
                                          page.evaluate(() => window.playground.command('deep:save'))]);
    const fs = await import('node:fs/promises');
    const bytes = [...await fs.readFile(await download.path())];
    await page.evaluate(() => window.playground.command('deep:reset'));
    await sleep(500);
    await page.evaluate((b) => window.playground.importFiles([{ name: 'cnn_simple.mlpw', bytes: new Uint8Array(b) }]), bytes);
    const l0 = Date.now();
    let loaded = await deepStatus();
    while (!/Loaded weights/.test(loaded.note) && Date.now() - l0 < 30000) { await sleep(250); loaded = await deepStatus(); }
    const accuracy = Number((/accuracy ([0-9]+(?:\.[0-9]+)?)/.exec(loaded.note) || [])[1]);
    check(`${tag} the CNN's weights download (${bytes.length} bytes) and load back with the trained accuracy (> 0.9)`,
          download.suggestedFilename() === 'cnn_simple.mlpw' && bytes.length > 1000 && accuracy > 0.9,
          `${download.suggestedFilename()}: ${JSON.stringify(loaded)}`);

    const issues = problems(log);
    check(`${tag} no page errors`, issues.length === 0, issues.slice(0, 6).join(' | '));
    await page.close();
  } finally {
    await context.close();
  }
}
