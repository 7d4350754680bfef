// Walks the seed flow in Debian's Chromium and saves what a person sees of
// the main pages at a projector's 1280×720 and a phone's 390×844 (the
// README's pictures come from here: {page}-{width}.png). Needs a release
// build served at BASE (default http://127.0.0.1:8091: `node serve.mjs 8091`).
// Usage: node screenshots.mjs [outdir]
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const BASE = process.env.BASE ?? 'http://127.0.0.1:8091';
const out = process.argv[2] ?? '../docs/screenshots';
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

for (const [width, height] of [
  [1280, 720],
  [390, 844],
]) {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const shot = (name) => page.screenshot({ path: `${out}/${name}-${width}.png` });

  await page.goto(`${BASE}/`);
  await page.getByRole('heading', { name: 'Scenarios' }).waitFor();
  await shot('start');

  await page.goto(`${BASE}/portal`);
  await page.getByLabel('Email address').fill('p.dover@fabrikam.com');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('main').getByRole('status').waitFor();
  await shot('portal');

  await page.goto(`${BASE}/inbox/p.dover@fabrikam.com`);
  await page.getByRole('link', { name: /Microsoft RMS/ }).first().click();
  await page.getByRole('article').waitFor();
  const href = await page.getByRole('link', { name: 'Complete your sign-up' }).getAttribute('href');
  await page.goto(`${BASE}${href}`);
  await page.getByLabel('First name').fill('Pat');
  await page.getByLabel('Last name').fill('Dover');
  await page.getByLabel('Password', { exact: true }).fill('Fabrikam-2016!');
  await page.getByLabel('Confirm password').fill('Fabrikam-2016!');
  await page.getByLabel('Country').selectOption('US');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('main').getByRole('status').waitFor();

  await page.goto(`${BASE}/directory`);
  await page.getByRole('heading', { name: 'fabrikam.com' }).first().waitFor();
  await shot('directory');

  await page.goto(`${BASE}/events`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot('events');
}

await browser.close();
console.log(`screenshots written to ${out}`);
