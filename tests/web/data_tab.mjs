// Browser checks of the Data tab: a built-in set is downloaded only when picked, a CSV goes in
// through the real file chooser (clicking the app's Import button) and through drag and drop,
// the column chooser and the check run train on it, and a broken file is explained in the page.
import { clickWidget, frames, openPage, sleep, waitReady } from './lib/browser.mjs';

const dataStatus = (page) => page.evaluate(() => window.playground.dataStatus());

async function pollData(page, predicate, timeoutMs = 30000) {
  const t0 = Date.now();
  for (;;) {
    const s = await dataStatus(page);
    if (predicate(s)) return { ok: true, status: s, ms: Date.now() - t0 };
    if (Date.now() - t0 > timeoutMs) return { ok: false, status: s, ms: Date.now() - t0 };
    await sleep(200);
  }
}

// Two separable classes with a text column and a missing value, ';'-separated, class last.
function shapesCsv(rows = 300) {
  let csv = 'width;height;colour;kind\r\n';
  for (let i = 0; i < rows; i++) {
    const big = i % 2 === 0;
    csv += `${big ? 5 + (i % 7) : 1 + (i % 3)};${i === 17 ? '' : big ? '4.5' : '1.25'};${i % 3 ? 'blue' : 'red'};${big ? 'large' : 'small'}\r\n`;
  }
  return csv;
}

export async function testDataTab({ browser, server, flavour, check, shot, problems, viewport }) {
  const tag = `[${flavour}] data:`;
  const context = await browser.newContext({ viewport });
  try {
    const { page, log } = await openPage(context, server.url);
    const ready = await waitReady(page);
    if (!check(`${tag} page loads`, ready.ok, ready.error || '')) return;
    const dataRequests = () => log.requests.filter((u) => /\/assets\/data\//.test(u));
    check(`${tag} no dataset downloaded at start-up`, dataRequests().length === 0, dataRequests().join(', '));

    // The tab opens on the built-in iris set, fetched now. (A tab bar settles its layout over its
    // first frames; no user clicks that fast.)
    await frames(page, 10);
    const tab = await clickWidget(page, 'tab:data');
    const iris = await pollData(page, (s) => s.rows === 150 && !s.busy);
    check(`${tag} opening the tab downloads and shows iris`, tab !== null && iris.ok && dataRequests().length === 1 &&
          /iris\.npz$/.test(dataRequests()[0]), `${JSON.stringify(iris.status)}; requests ${dataRequests().join(', ')}`);
    for (const view of ['histograms', 'scatter-matrix', 'correlation', 'scatter3d']) {
      await clickWidget(page, `view:${view}`);
      await frames(page, 3);
      await page.mouse.move(1, 1);
      await frames(page, 2);
      await shot(page, `${flavour}-data-iris-${view}`);
    }

    // A generator with synthetic labelling; then an image set and its gallery.
    await page.evaluate(() => window.playground.command('data:fashion_mnist'));
    const fashion = await pollData(page, (s) => s.rows === 10000 && !s.busy, 60000);
    await clickWidget(page, 'view:images');
    await frames(page, 4);
    await page.mouse.move(1, 1);
    await frames(page, 2);
    await shot(page, `${flavour}-data-fashion-gallery`);
    check(`${tag} Fashion-MNIST loads on demand`, fashion.ok && fashion.status.columns === 784,
          `${JSON.stringify(fashion.status).slice(0, 200)} in ${fashion.ms} ms`);

    // Import through the app's own button and the browser's file chooser.
    const chooser = page.waitForEvent('filechooser', { timeout: 10000 }).catch(() => null);
    await clickWidget(page, 'import');
    const fileChooser = await chooser;
    if (fileChooser) {
      await fileChooser.setFiles({ name: 'shapes.csv', mimeType: 'text/csv', buffer: Buffer.from(shapesCsv()) });
    }
    const staged = await pollData(page, (s) => s.staged && !s.busy);
    check(`${tag} Import button opens the file chooser and stages the CSV`, fileChooser !== null && staged.ok &&
          staged.status.stagedColumns === 4, JSON.stringify(staged.status).slice(0, 200));
    await frames(page, 3);
    await shot(page, `${flavour}-data-columns`);
    await clickWidget(page, 'use-columns');
    const used = await pollData(page, (s) => s.rows === 300 && !s.staged);
    check(`${tag} chosen columns become the dataset (text one-hot encoded, gap imputed)`,
          used.ok && /impute/.test(used.status.chain) && /one-hot/.test(used.status.chain) && used.status.columns === 4,
          `${used.status.chain}; ${used.status.columns} model inputs; ${used.status.trainRows}/${used.status.testRows} rows`);
    await clickWidget(page, 'check-train');
    const trained = await pollData(page, (s) => s.checkEpoch >= 20 && s.checkTestAccuracy >= 0.95, 60000);
    await clickWidget(page, 'check-train');  // pause
    await clickWidget(page, 'view:table');
    await page.mouse.move(1, 1);
    await frames(page, 3);
    await shot(page, `${flavour}-data-imported-trained`);
    check(`${tag} a small network learns the imported CSV`, trained.ok,
          `epoch ${trained.status.checkEpoch}, test accuracy ${trained.status.checkTestAccuracy} after ${trained.ms} ms ${trained.status.checkMessage}`);

    // Drag and drop a broken NPY onto the canvas: explained, and the data stays.
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 200, 0, 123])], 'broken.npy'));
      const canvas = document.getElementById('canvas');
      canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    const broken = await pollData(page, (s) => /broken\.npy/.test(s.message) && !s.busy);
    await frames(page, 3);
    await shot(page, `${flavour}-data-broken-file`);
    check(`${tag} a dropped broken file is explained and the data stays`, broken.ok && broken.status.rows === 300,
          `"${broken.status.message.slice(0, 140)}"`);

    const issues = problems(log);
    check(`${tag} no page errors`, issues.length === 0, issues.slice(0, 6).join(' | '));
    await page.close();
  } finally {
    await context.close();
  }
}
