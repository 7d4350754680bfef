// Installable, and working offline after one visit: the web app manifest and
// the service worker (public/sw.js, its build identity written by
// scripts/sw-build.mjs). The other specs block service workers (see
// playwright.config.ts); these let it run.
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

test.use({ serviceWorkers: 'allow' });

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = resolve(here, '..', process.env.E2E_DIST ?? '../dist');

/** The first visit: the worker installs and, after a reload, controls the page. */
async function visitOnce(page: Page, base = '') {
  await page.goto(`${base}/`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('after one visit the simulator opens and works offline, deep links included', async ({ page, context }) => {
  await visitOnce(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await page.goto('/portal');
  const button = page.getByRole('button', { name: 'Get started' });
  await expect(button).toBeEnabled(); // the personal-domain table came from the cache too
  await page.getByLabel('Email address').fill('p.dover@fabrikam.com');
  await button.click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('p.dover@fabrikam.com');
  await page.goto('/inbox/p.dover@fabrikam.com');
  await expect(page.getByRole('link', { name: /Microsoft RMS/ })).toBeVisible();
  await context.setOffline(false);
});

test('the manifest is linked and makes the simulator installable', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const res = await request.get(href!);
  expect(res.headers()['content-type']).toContain('application/manifest+json');
  const manifest = await res.json();
  expect(manifest).toMatchObject({ name: 'RMS for individuals simulator', start_url: '/', scope: '/', display: 'standalone' });
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const r = await request.get(icon.src);
    expect(r.ok()).toBe(true);
    expect(r.headers()['content-type']).toBe(icon.type);
  }
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#/);
});

test('a new build is installed beside the old one, and "Reload" switches to it whole', async ({ browser }) => {
  // A copy of the build on a server of its own, so the test can change it.
  const dir = mkdtempSync(join(tmpdir(), 'rms-sw-'));
  cpSync(dist, dir, { recursive: true });
  const port = 8700 + Math.floor(Math.random() * 200);
  const server: ChildProcess = spawn('node', [join(here, '..', 'serve.mjs'), String(port), dir], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  let context: BrowserContext | undefined;
  try {
    await expect.poll(async () => fetch(`${base}/`).then((r) => r.ok).catch(() => false), { timeout: 15_000 }).toBe(true);
    context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    await visitOnce(page, base);
    const cachesBefore = await page.evaluate(() => caches.keys());
    expect(cachesBefore).toHaveLength(1);
    // "Deploy" a new build: another identity in sw.js, as the build hook writes it.
    const sw = join(dir, 'sw.js');
    const text = readFileSync(sw, 'utf8');
    const build = /const BUILD = "([0-9a-f]+)"/.exec(text)![1];
    writeFileSync(sw, text.replace(`const BUILD = "${build}"`, 'const BUILD = "0000000000000000"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the simulator is ready' });
    await expect(notice).toBeVisible();
    // Until then the old worker still serves the old build.
    expect(await page.evaluate(() => caches.keys())).toContain(cachesBefore[0]);
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['rms-sim-0000000000000000']);
  } finally {
    await context?.close();
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
