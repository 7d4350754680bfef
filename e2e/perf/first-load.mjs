// The first load, measured as issue 14's table does: side by side with a
// floor page in one run, served gzipped (serve.mjs) as a static host would.
//
//   bytes before ready   gzipped bytes of every file the page fetched before it
//                        was ready (the document, scripts, styles, wasm), on a
//                        first visit (empty storage); the files fetched after
//                        (the other pages, the stored-state decoder, the
//                        personal-domain table) are listed apart
//   ready                navigation start → ready: on /portal the "Email
//                        address" textbox is in the page, visible and enabled;
//                        on / the start page's heading is drawn
//   floor                the same moment on a static copy of the portal as it
//                        was drawn (the same HTML and style sheets, no script,
//                        no wasm), loaded alternately with the app in the same
//                        run; the ratio app / floor is what the goal bounds
//
// Not a test: a timing on a shared machine varies by ±50 % from run to run, so
// only ratios of one run mean something. Usage (dist/ served on BASE):
//   BASE=http://127.0.0.1:8097 DIST=dist node e2e/perf/first-load.mjs
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.mjs';
import { readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BASE = (process.env.BASE ?? 'http://127.0.0.1:8097').replace(/\/$/, '');
const DIST = process.env.DIST ?? 'dist';
const RUNS = Number(process.env.RUNS ?? 10);
const FLOOR = 'perf-floor.html';
const CONTEXT = { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 };

/** In the page before its scripts: notes when it is ready (see above). */
function watch() {
  const ready = () => {
    if (location.pathname === '/') {
      const h1 = document.querySelector('main h1');
      return h1 && !document.querySelector('.page-loading') && h1.getBoundingClientRect().height > 0;
    }
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Email address');
    const input = label?.control;
    return input && !input.disabled && input.getBoundingClientRect().height > 0;
  };
  window.__ready = null;
  const check = () => {
    if (window.__ready === null && ready()) window.__ready = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => {
    check();
    if (window.__ready === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const gzCache = new Map();
/** The gzipped size of a file of the build, by its URL. */
function gzSize(url) {
  let path = new URL(url).pathname.replace(/^\//, '');
  if (!path || !existsSync(join(DIST, path))) path = 'index.html';
  if (!gzCache.has(path)) gzCache.set(path, gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length);
  return gzCache.get(path);
}

/** One first visit of `route`: when it was ready, and what it fetched before and after. */
async function visit(browser, route) {
  const context = await browser.newContext(CONTEXT);
  // The service worker would fetch the whole build: a first visit before it.
  await context.route('**/sw.js', (r) => r.abort());
  const page = await context.newPage();
  await page.addInitScript(watch);
  await page.goto(`${BASE}${route}`);
  await page.waitForFunction(() => window.__ready !== null, null, { timeout: 60_000 });
  // Let the background fetches of the first second finish, to list them.
  await page.waitForTimeout(1500);
  const { ready, entries } = await page.evaluate(() => ({
    ready: window.__ready,
    entries: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })),
  }));
  await context.close();
  const before = [{ name: `${BASE}${route}`, start: 0 }, ...entries.filter((e) => e.start <= ready)];
  const after = entries.filter((e) => e.start > ready && !e.name.endsWith('/sw.js'));
  const bytes = (list) => list.reduce((n, e) => n + gzSize(e.name), 0);
  return { ready, before: bytes(before), after: bytes(after), files: before.length, later: after.length };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  // The floor: the portal as the app drew it, as static HTML with the same style sheets.
  {
    const page = await browser.newPage(CONTEXT);
    await page.addInitScript(watch);
    await page.goto(`${BASE}/portal`);
    await page.waitForFunction(() => window.__ready !== null);
    const html = await page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true);
      doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload]').forEach((n) => n.remove());
      return `<!doctype html>\n${doc.outerHTML}`;
    });
    await page.close();
    writeFileSync(join(DIST, FLOOR), html);
  }
  const portal = [];
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    portal.push(await visit(browser, '/portal'));
    floor.push(await visit(browser, `/${FLOOR}`));
  }
  const home = [];
  for (let i = 0; i < Math.ceil(RUNS / 2); i++) home.push(await visit(browser, '/'));
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  const ms = (list) => median(list.map((r) => r.ready));
  const p = portal[0];
  const h = home[0];
  console.log(`First load (gzipped as served; medians of ${RUNS}, 1280×720, first visits):`);
  console.log(`  /portal: ${kb(p.before)} in ${p.files} files before it is ready (goal ≤ 200 KB); ${kb(p.after)} in ${p.later} files fetched after`);
  console.log(`  /:       ${kb(h.before)} in ${h.files} files before it is ready; ${kb(h.after)} in ${h.later} files fetched after`);
  console.log(`  floor page (the portal as static HTML): ${kb(floor[0].before)}`);
  const ratio = ms(portal) / ms(floor);
  console.log(
    `  portal ready ${ms(portal).toFixed(0)} ms, floor page ${ms(floor).toFixed(0)} ms: ${ratio.toFixed(1)}× (goal ≤ 1.5×); / ready ${ms(home).toFixed(0)} ms`,
  );
  console.log(`ratios: first-load portal/floor ${ratio.toFixed(2)}`);
} finally {
  rmSync(join(DIST, FLOOR), { force: true });
  await browser.close();
}
