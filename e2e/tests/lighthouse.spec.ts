// Lighthouse's accessibility category (12.2.3, the last release for Node 20)
// scores 100 on the main routes, as a phone (its default, 412 px wide) and
// as a desktop. Lighthouse's own Chromium run, one route at a time; a failure
// names each audit that lost points.
import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { CHROMIUM } from '../chromium.mjs';

const require = createRequire(import.meta.url);
const CLI = join(require.resolve('lighthouse/package.json'), '..', 'cli', 'index.js');
const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));

const RUNS: [string, 'mobile' | 'desktop'][] = [
  ['/', 'mobile'],
  ['/portal', 'mobile'],
  ['/directory', 'mobile'],
  ['/events', 'mobile'],
  ['/', 'desktop'],
  ['/admin', 'desktop'],
];

function lighthouse(url: string, form: 'mobile' | 'desktop', out: string): Promise<void> {
  const args = [
    CLI,
    url,
    '--only-categories=accessibility',
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    '--chrome-flags=--headless=new --no-sandbox',
    ...(form === 'desktop' ? ['--preset=desktop'] : []),
  ];
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM } }, (err, _o, stderr) =>
      err ? reject(new Error(`lighthouse ${url}: ${stderr || err.message}`)) : resolve(),
    ),
  );
}

for (const [route, form] of RUNS) {
  test(`Lighthouse accessibility is 100 on ${route} (${form})`, async ({ baseURL }) => {
    // Lighthouse waits for the page itself; this only bounds a hung run.
    test.setTimeout(300_000);
    const out = join(dir, `${form}${route.replace(/\W+/g, '_')}.json`);
    await lighthouse(`${baseURL}${route}`, form, out);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const lost = Object.entries(report.audits as Record<string, { score: number | null; title: string; scoreDisplayMode: string }>)
      .filter(([, a]) => a.scoreDisplayMode === 'binary' && a.score !== null && a.score < 1)
      .map(([id, a]) => `${id}: ${a.title}`);
    expect(lost, `${route} (${form})`).toEqual([]);
    expect(report.categories.accessibility.score).toBe(1);
  });
}
