// Browser checks of the deep-model lessons beyond the CNN (models_tab.mjs): each lesson link opens
// its data, network and view and trains live in the page; the check reads the Deep tab's status
// (playground.deepStatus) after a few epochs and saves a screenshot of the lesson's view.
import { frames, openPage, sleep, waitReady } from './lib/browser.mjs';

// Lessons, the epochs to wait for, and what must hold then (`first` is the first status read at
// epoch ≥ 1; fast models may be further on; firstValidationLoss is epoch 1's).
const LESSONS = [
  {
    id: 'vae-digits-latent', epochs: 3, timeoutMs: 150000,
    claim: 'the VAE lesson trains: its validation loss (−ELBO) falls and the latent scatter fills',
    holds: (first, last) => last.validationLoss < last.firstValidationLoss && last.latentPoints > 100 &&
                            Number.isFinite(last.validationKl) && last.validationKl > 0,
  },
  {
    id: 'unet-lung-slices', epochs: 4, timeoutMs: 240000,
    claim: 'the U-Net lesson trains: validation Dice of the lesion masks rises above 0.3',
    holds: (first, last) => last.validationDice > 0.3 && last.validationDice >= first.validationDice,
  },
  {
    id: 'lstm-storm-forecast', epochs: 3, timeoutMs: 150000,
    // Loss in units of the spread of the targets (the change per step): 0.5 is always guessing the mean change.
    claim: 'the LSTM forecasting lesson trains: validation loss below 0.45 (0.5 = always the mean change)',
    holds: (first, last) => last.validationLoss < 0.45,
  },
];

async function runLesson(page, lesson) {
  await page.evaluate((id) => window.playground.command(`lesson:${id}`), lesson.id);
  const status = () => page.evaluate(() => window.playground.deepStatus());
  const t0 = Date.now();
  let first = await status();
  while (!(first.epoch >= 1 && first.model) && Date.now() - t0 < lesson.timeoutMs) { await sleep(250); first = await status(); }
  let last = first;
  while (!(last.epoch >= lesson.epochs) && Date.now() - t0 < lesson.timeoutMs) { await sleep(250); last = await status(); }
  await page.evaluate(() => window.playground.command('deep:pause'));
  return { first, last, seconds: (Date.now() - t0) / 1000 };
}

export async function testDeepTab({ browser, server, flavour, check, shot, problems, viewport }) {
  const tag = `[${flavour}] deep:`;
  const context = await browser.newContext({ viewport });
  try {
    const { page, log } = await openPage(context, server.url);
    const ready = await waitReady(page);
    if (!check(`${tag} page loads`, ready.ok, ready.error || '')) return;
    for (const lesson of LESSONS) {
      const { first, last, seconds } = await runLesson(page, lesson);
      await page.mouse.move(1, 1);
      await frames(page, 4);
      await shot(page, `${flavour}-lesson-${lesson.id}`);
      check(`${tag} ${lesson.claim} (${last.epoch} epochs in ${seconds.toFixed(0)} s)`,
            last.epoch >= lesson.epochs && !last.message && lesson.holds(first, last),
            `epoch 1: ${JSON.stringify(first)}; epoch ${last.epoch}: ${JSON.stringify(last)}`);
    }
    const issues = problems(log);
    check(`${tag} no page errors`, issues.length === 0, issues.slice(0, 6).join(' | '));
    await page.close();
  } finally {
    await context.close();
  }
}
