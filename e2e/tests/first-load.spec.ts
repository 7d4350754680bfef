// The first load holds only the main wasm file: the pages come in groups of
// their own files (src/ui/lazy.rs, split by scripts/wasm-split.mjs), a deep
// link's group is fetched beside the main file (public/boot.js), and the rest
// is fetched in the background once the first page has painted, so that a link
// followed later needs no network. The code that reads a stored state is a
// group of its own too: fetched beside the main file when a state is stored,
// after the first paint on a first visit.
import { test, expect, type Page } from '@playwright/test';

/** The groups of src/ui/lazy.rs: the pages', the lesson panel's, and the stored-state decoder's. */
const PAGE_GROUPS = ['home', 'trainer', 'mail', 'it', 'admin', 'sharing'];
const GROUPS = [...PAGE_GROUPS, 'lesson', 'stored'];
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
    ['Start page', /RMS for individuals/],
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

/** Preloads (`link rel=preload`, from boot.js) among the page's resource entries. */
async function preloaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'link')
      .map((e) => e.name.split('/').pop()!),
  );
}

test('a stored state is read by a file fetched beside the main one; a first visit does without it', async ({ page }) => {
  const stored = await groupFiles(page, 'stored');
  expect(stored.length).toBeGreaterThan(0);
  await page.goto('/portal');
  await expect(page.getByLabel('Email address')).toBeVisible();
  expect(await preloaded(page), 'a first visit preloads no decoder').not.toContain(stored[0]);
  await page.getByLabel('Email address').fill('p.dover@fabrikam.com');
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('We sent a message to p.dover@fabrikam.com');
  await page.reload();
  await expect(page.getByLabel('Email address')).toBeVisible();
  const after = await preloaded(page);
  for (const file of stored) expect(after, `${file} preloaded beside the main file`).toContain(file);
  // The state read back: the sign-up's mail is in the inbox.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ }).click();
  await expect(page.getByRole('main')).toContainText('p.dover@fabrikam.com');
});

test('a stored state whose decoder can’t be fetched is kept, and the page says to reload', async ({ page }) => {
  await page.goto('/portal');
  await page.getByLabel('Email address').fill('p.dover@fabrikam.com');
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('We sent a message');
  const before = await page.evaluate(() => localStorage.getItem('rms-sim/state'));
  await page.route(isPageFile, (route) => route.abort());
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The simulator could not start');
  await expect(alert).toContainText('Your world is kept in this browser');
  expect(await page.evaluate(() => localStorage.getItem('rms-sim/state'))).toBe(before);
  await page.unroute(isPageFile);
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByLabel('Email address')).toBeVisible();
});

test('an action of a first visit, made before its decoder arrived while another tab saved, is replayed onto that tab’s state', async ({ context }) => {
  const a = await context.newPage();
  // Tab A's later files are held back until released.
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await a.route(isPageFile, async (route) => {
    await released;
    await route.continue();
  });
  await a.goto('/portal');
  await expect(a.getByLabel('Email address')).toBeVisible();
  // Tab B opens (it reads A's stored state, with its own decoder), signs
  // someone up and is closed: only the stored state keeps its sign-up now.
  const b = await context.newPage();
  await b.goto('/portal');
  await b.getByLabel('Email address').fill('p.dover@fabrikam.com');
  await b.getByRole('button', { name: 'Get started' }).click();
  await expect(b.getByRole('main').getByRole('status')).toContainText('We sent a message to p.dover@fabrikam.com');
  await b.close({ runBeforeUnload: true });
  // Tab A, still without the decoder, signs someone else up: shown at once,
  // and not saved over B's state, which A can't read yet.
  await a.getByLabel('Email address').fill('j.doe@fabrikam.com');
  await a.getByRole('button', { name: 'Get started' }).click();
  await expect(a.getByRole('main').getByRole('status')).toContainText('We sent a message to j.doe@fabrikam.com');
  release();
  // Once A's decoder arrives, A replays its sign-up onto B's state: both are
  // kept (A follows a link, not a reload: a tab closed before its decoder
  // arrived would lose its unsaved action, see ARCHITECTURE.md).
  await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ }).click();
  await expect(a.getByRole('main')).toContainText('j.doe@fabrikam.com');
  await expect(a.getByRole('main')).toContainText('p.dover@fabrikam.com', { timeout: 20_000 });
  // A new tab reads both from storage.
  const c = await context.newPage();
  await c.goto('/inbox');
  await expect(c.getByRole('main')).toContainText('j.doe@fabrikam.com');
  await expect(c.getByRole('main')).toContainText('p.dover@fabrikam.com');
});
