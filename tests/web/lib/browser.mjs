// Headless Chromium (Debian's /usr/bin/chromium through playwright-core) and helpers for driving
// the playground page through its window.playground API and with the mouse.
import { chromium } from 'playwright-core';

// Software WebGL (SwiftShader through ANGLE): the machines have no GPU.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export function launchChromium({ extraArgs = [] } = {}) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Opens `url` in a new page of `context` and records what could go wrong on it: uncaught page
// errors, console errors, failed or foreign requests. Does not wait for the app.
export async function openPage(context, url) {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const log = { pageErrors: [], consoleErrors: [], console: [], badResponses: [], foreignRequests: [], requests: [] };
  page.on('pageerror', (error) => log.pageErrors.push(error.message));
  page.on('console', (message) => {
    log.console.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('request', (request) => {
    log.requests.push(request.url());
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) log.foreignRequests.push(request.url());
  });
  page.on('response', (response) => { if (response.status() >= 400) log.badResponses.push(`${response.status()} ${response.url()}`); });
  await page.goto(url, { waitUntil: 'load' });
  return { page, log };
}

// Waits for playground.ready. Resolves to {ok: true, ms} or {ok: false, error, ms}.
export async function waitReady(page, timeoutMs = 90000) {
  const t0 = Date.now();
  const result = await page.evaluate((ms) => {
    const timeout = new Promise((resolve) => setTimeout(() => resolve({ ok: false, error: `not ready after ${ms} ms` }), ms));
    const ready = window.playground.ready.then(() => ({ ok: true }), (error) => ({ ok: false, error: String(error && error.message || error) }));
    return Promise.race([ready, timeout]);
  }, timeoutMs);
  return { ...result, ms: Date.now() - t0 };
}

export const status = (page) => page.evaluate(() => window.playground.status());

// Polls playground.status() until predicate(status) holds. Resolves to {ok, status, ms}.
// onTick(status, ms) is called after every poll (for progress output).
export async function pollStatus(page, predicate, { timeoutMs = 30000, intervalMs = 250, onTick = null } = {}) {
  const t0 = Date.now();
  let last = null;
  for (;;) {
    last = await status(page);
    const ms = Date.now() - t0;
    if (onTick) onTick(last, ms);
    if (predicate(last)) return { ok: true, status: last, ms };
    if (ms >= timeoutMs) return { ok: false, status: last, ms };
    await sleep(intervalMs);
  }
}

// Waits for `count` animation frames of the page.
export const frames = (page, count = 2) => page.evaluate((n) => new Promise((resolve) => {
  const next = (left) => (left ? requestAnimationFrame(() => next(left - 1)) : resolve());
  next(n);
}), count);

// Clicks the centre of the named widget like a user: move, press, release, with frames between
// so the app sees the hover, the press and the release. Resolves to the rect clicked, or null.
export async function clickWidget(page, name) {
  const rect = await page.evaluate((n) => window.playground.widgetRect(n), name);
  if (!rect) return null;
  const x = rect.x + rect.w / 2;
  const y = rect.y + rect.h / 2;
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 2);
  return rect;
}
