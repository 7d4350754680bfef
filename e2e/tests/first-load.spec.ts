// The first load holds only the main wasm file: the pages come in groups of
// their own files (src/ui/lazy.rs, split by scripts/wasm-split.mjs), a deep
// link's group is fetched beside the main file (public/boot.js), and the rest
// is fetched in the background once the first page has painted, so that a link
// followed later needs no network.
import { test, expect, type Page } from '@playwright/test';

/** The page groups of src/ui/lazy.rs. */
const GROUPS = ['start', 'mail', 'it', 'admin', 'sharing'];
const isPageFile = (url: string) => /\/(split|chunk)_[\w]+-[0-9a-f]{12}\.wasm$/.test(url);

/** The wasm files of one group, as boot.js lists them. */
async function groupFiles(page: Page, group: string): Promise<string[]> {
  const boot = await (await page.request.get('/boot.js')).text();
  const map = JSON.parse(boot.match(/const GROUP_FILES = (\{.*?\});/)![1]);
  expect(Object.keys(map).sort()).toEqual([...GROUPS].sort());
  return map[group];
}

test('the portal opens and signs up with none of the pages’ files', async ({ page }) => {
  const fetched: string[] = [];
  await page.route(isPageFile, (route) => {
    fetched.push(route.request().url());
    return route.abort();
  });
  await page.goto('/portal');
  await page.getByLabel('Email address').fill('p.dover@fabrikam.com');
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('We sent a message to p.dover@fabrikam.com');
  // The background fetch was tried (and refused here): the portal never needed it.
  expect(fetched.length).toBeGreaterThan(0);
});

test('a deep link fetches its page group beside the main file, not after it', async ({ page }) => {
  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: 'Directory' })).toBeVisible();
  const files = await groupFiles(page, 'it');
  expect(files.length).toBeGreaterThan(0);
  const entries = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({ name: e.name, by: (e as PerformanceResourceTiming).initiatorType })),
  );
  for (const file of files) {
    const entry = entries.find((e) => e.name.endsWith(`/${file}`));
    expect(entry, `${file} was fetched`).toBeTruthy();
    expect(entry!.by, `${file} was preloaded by boot.js`).toBe('link');
  }
});

test('once the first page has painted, every page is fetched: links work offline', async ({ page, context }) => {
  await page.goto('/portal');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const all = new Set<string>();
  for (const g of GROUPS) for (const f of await groupFiles(page, g)) all.add(f);
  await expect
    .poll(async () => {
      const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      return [...all].filter((f) => !names.some((n) => n.endsWith(`/${f}`))).length;
    }, { timeout: 30_000 })
    .toBe(0);
  await context.setOffline(true);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, heading] of [
    ['Directory', 'Directory'],
    ['Admin center', 'Admin center'],
    ['Sharing app', /Rights Management sharing/],
    ['Inbox', 'Inbox'],
    ['Lessons', 'Lessons'],
    ['Start', /RMS for individuals/],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await context.setOffline(false);
});

test('a page whose files can’t be fetched says so and offers a reload', async ({ page }) => {
  await page.route(isPageFile, (route) => route.abort());
  await page.goto('/admin');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This page could not be loaded');
  await expect(alert).toContainText('Reload the page to try again');
  await page.unroute(isPageFile);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Admin center' })).toBeVisible();
});
