// A large world against the default one, side by side in one run (ratios; no
// absolute budget: a shared machine's times vary by ±50 % from run to run).
//
//   "Get started" on /portal: the click → the status naming the address, and
//   the next painted frame after the click.
//   /directory and /inbox, two ways: opened (navigation start → the page's
//   heading is in main and a frame has been painted after it: this includes
//   reading the stored world), and reached from /portal by its link in the
//   site's navigation (the click → the heading and a frame: the page alone);
//   and how many elements the page holds then.
//
// Usage: BASE=http://127.0.0.1:8097 BIG=/tmp/big.txt node perf/large-world.mjs
//   BIG   a stored state (`cargo run --release --example big_world > big.txt`)
//   RUNS  loads per page and world (default 5)
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';
import { readFile } from 'node:fs/promises';

const BASE = (process.env.BASE ?? 'http://127.0.0.1:8097').replace(/\/$/, '');
const RUNS = Number(process.env.RUNS ?? 5);
const big = await readFile(process.env.BIG ?? '/tmp/big.txt', 'utf8');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Runs in the page before its scripts: notes when `heading` is in main and a frame followed. */
function watch(heading) {
  window.__listReady = new Promise((resolve) => {
    const seen = () => [...document.querySelectorAll('main h1')].some((h) => h.textContent.trim() === heading);
    const mo = new MutationObserver(() => {
      if (!seen()) return;
      mo.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve({ t: performance.now(), elements: document.querySelectorAll('*').length })));
    });
    mo.observe(document, { subtree: true, childList: true });
  });
}

async function load(browser, route, heading, state) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  if (state) await context.addInitScript((s) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('rms-sim/state', s); sessionStorage.setItem('seeded', '1'); } }, state);
  await context.addInitScript(watch, heading);
  const page = await context.newPage();
  // The first load compiles and caches the wasm; the measured ones follow.
  await page.goto(`${BASE}${route}`);
  await page.evaluate(() => window.__listReady);
  const opened = [];
  const reached = [];
  let elements = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.goto(`${BASE}${route}`);
    const r = await page.evaluate(() => window.__listReady);
    opened.push(r.t);
    elements = r.elements;
    await page.goto(`${BASE}/portal`);
    await page.locator('main h1').first().waitFor();
    reached.push(
      await page.evaluate(
        ({ route, heading }) =>
          new Promise((resolve) => {
            const link = document.querySelector(`nav a[href="${route}"]`);
            const seen = () => [...document.querySelectorAll('main h1')].some((h) => h.textContent.trim() === heading);
            const t0 = performance.now();
            const mo = new MutationObserver(() => {
              if (!seen()) return;
              mo.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
            });
            mo.observe(document, { subtree: true, childList: true });
            link.click();
          }),
        { route, heading },
      ),
    );
  }
  await context.close();
  return { opened: median(opened), reached: median(reached), elements };
}

/** "Get started" RUNS times on /portal, each for a new address; medians of the click → status and → the next frame. */
async function getStarted(browser, state) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  if (state) await context.addInitScript((s) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('rms-sim/state', s); sessionStorage.setItem('seeded', '1'); } }, state);
  const page = await context.newPage();
  await page.goto(`${BASE}/portal`);
  const status = [];
  const frame = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const email = `clicker${i}@clickers${i}.com`;
    await page.waitForFunction(() =>
      [...document.querySelectorAll('main button')].some((b) => b.textContent.trim() === 'Get started' && !b.disabled),
    );
    await page.getByLabel('Email address').fill(email);
    const r = await page.evaluate(
      (email) =>
        new Promise((resolve, reject) => {
          const main = document.querySelector('main');
          const button = [...main.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Get started');
          let t1 = null;
          const mo = new MutationObserver(() => {
            const s = main.querySelector('[role="status"]');
            if (t1 === null && s && s.textContent.includes(email)) t1 = performance.now();
          });
          mo.observe(main, { subtree: true, childList: true, characterData: true });
          const t0 = performance.now();
          button.click();
          requestAnimationFrame(() => {
            const tf = performance.now();
            mo.disconnect();
            if (t1 === null) reject(new Error('no status by the next frame'));
            else resolve({ status: t1 - t0, frame: tf - t0 });
          });
        }),
      email,
    );
    // The first click warms the code up.
    if (i > 0) {
      status.push(r.status);
      frame.push(r.frame);
    }
  }
  await context.close();
  return { status: median(status), frame: median(frame) };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--no-sandbox'] });
try {
  {
    const small = await getStarted(browser, null);
    const large = await getStarted(browser, big);
    console.log(
      `large world: "Get started" click → status: default world ${small.status.toFixed(1)} ms, large world ${large.status.toFixed(1)} ms; ` +
        `→ next frame: ${small.frame.toFixed(1)} ms, ${large.frame.toFixed(1)} ms, ratio ${(large.frame / small.frame).toFixed(2)}`,
    );
  }
  for (const [route, heading] of [['/directory', 'Directory'], ['/inbox', 'Inbox']]) {
    const small = await load(browser, route, heading, null);
    const large = await load(browser, route, heading, big);
    console.log(
      `large world: ${route} opened: default world ${small.opened.toFixed(0)} ms, large world ${large.opened.toFixed(0)} ms, ratio ${(large.opened / small.opened).toFixed(2)}; ` +
        `reached by its link: ${small.reached.toFixed(0)} ms, ${large.reached.toFixed(0)} ms, ratio ${(large.reached / small.reached).toFixed(2)} (goal ≤ 1.5); ` +
        `elements ${small.elements} and ${large.elements}`,
    );
  }
} finally {
  await browser.close();
}
