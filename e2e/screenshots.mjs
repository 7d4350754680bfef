// Walks the seed flow in Debian's Chromium and saves screenshots of the main
// pages (the README's pictures come from here). Needs a release build served
// at BASE (default http://127.0.0.1:8091: `node serve.mjs 8091`).
// Usage: node screenshots.mjs [outdir] [width]
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const BASE = process.env.BASE ?? 'http://127.0.0.1:8091';
const out = process.argv[2] ?? '../docs/screenshots';
const width = Number(process.argv[3] ?? 1280);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
const shot = (name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });

await page.goto(`${BASE}/portal`);
await page.getByLabel('Email address').fill('p.dover@fabrikam.com');
await page.getByRole('button', { name: 'Get started' }).click();
await page.getByRole('status').waitFor();
await shot('portal');

await page.goto(`${BASE}/inbox/p.dover@fabrikam.com`);
await page.getByRole('link', { name: /Microsoft RMS/ }).first().click();
await page.getByRole('article').waitFor();
await shot('mailbox');
const href = await page.getByRole('link', { name: 'Complete your sign-up' }).getAttribute('href');

await page.goto(`${BASE}${href}`);
await page.getByLabel('First name').fill('Pat');
await page.getByLabel('Password', { exact: true }).fill('password');
await page.getByRole('button', { name: 'Create' }).click();
await page.getByRole('alert').waitFor();
await shot('account-errors');
await page.getByLabel('Last name').fill('Dover');
await page.getByLabel('Password', { exact: true }).fill('Fabrikam-2016!');
await page.getByLabel('Confirm password').fill('Fabrikam-2016!');
await page.getByLabel('Country').selectOption('US');
await page.getByRole('button', { name: 'Create' }).click();
await page.getByRole('status').waitFor();

await page.goto(`${BASE}/signin?email=p.dover@fabrikam.com`);
await page.getByLabel('Password').fill('Fabrikam-2016!');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('button', { name: 'Sign out' }).waitFor();

await page.goto(`${BASE}/directory`);
await page.getByRole('heading', { name: 'fabrikam.com' }).waitFor();
await shot('directory');


await browser.close();
console.log(`screenshots written to ${out}`);
