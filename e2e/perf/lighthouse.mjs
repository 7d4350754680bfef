// Lighthouse's performance and SEO categories (12.2.3) on / and /portal as a
// phone: its default mobile run (simulated slow 4G, 4× CPU slowdown, a
// Moto G Power screen), on the build served gzipped (serve.mjs), with
// Debian's Chromium. Prints each route's scores and the metrics behind them.
//
// Not a test: Lighthouse's simulated timings still rest on this machine's
// observed CPU time, which a busy shared machine inflates. Usage:
//   BASE=http://127.0.0.1:8097 node e2e/perf/lighthouse.mjs
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM } from '../chromium.mjs';

const require = createRequire(import.meta.url);
const CLI = join(require.resolve('lighthouse/package.json'), '..', 'cli', 'index.js');
const BASE = (process.env.BASE ?? 'http://127.0.0.1:8097').replace(/\/$/, '');
const dir = mkdtempSync(join(tmpdir(), 'lighthouse-perf-'));

function run(route) {
  const out = join(dir, `${route.replace(/\W+/g, '_') || 'root'}.json`);
  const args = [
    CLI,
    `${BASE}${route}`,
    '--only-categories=performance,seo',
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox',
  ];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM } }, (err, _o, stderr) =>
      err ? reject(new Error(`lighthouse ${route}: ${stderr || err.message}`)) : resolve(JSON.parse(readFileSync(out, 'utf8'))),
    ),
  );
}

console.log('Lighthouse, mobile (simulated slow 4G, 4× CPU), goal: performance ≥ 95 on both:');
for (const route of ['/', '/portal']) {
  const r = await run(route);
  const a = r.audits;
  const s = (x) => (a[x]?.numericValue / 1000).toFixed(1);
  const seoLost = Object.entries(a)
    .filter(([id, x]) => r.categories.seo.auditRefs.some((ref) => ref.id === id && ref.weight > 0) && x.score !== null && x.score < 1)
    .map(([id]) => id);
  console.log(
    `  ${route.padEnd(8)} performance ${Math.round(r.categories.performance.score * 100)}, SEO ${Math.round(r.categories.seo.score * 100)}` +
      ` (FCP ${s('first-contentful-paint')} s, LCP ${s('largest-contentful-paint')} s, TBT ${Math.round(a['total-blocking-time'].numericValue)} ms, SI ${s('speed-index')} s)` +
      (seoLost.length ? `; SEO audits lost: ${seoLost.join(', ')}` : ''),
  );
}
