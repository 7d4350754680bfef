// Screenshots of /lessons, a page with the lesson panel, presenter mode and
// /presenter at 1280×720 and 390×844. Needs a release build served at BASE.
// Usage: node lessons-shots.mjs [outdir]
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const BASE = process.env.BASE ?? 'http://127.0.0.1:8198';
const out = process.argv[2] ?? '/tmp/shots';
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--no-sandbox'] });

for (const [width, height] of [
  [1280, 720],
  [390, 844],
]) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const shot = (name, full = false) => page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: full });
  await page.goto(`${BASE}/lessons`);
  await page.getByRole('heading', { name: 'Lessons', exact: true }).waitFor();
  await shot('lessons');
  await shot('lessons-full', true);
  await page.getByRole('button', { name: /Start lesson.*IT takes control/ }).click();
  await page.getByText('Step 1 of 7').waitFor();
  await shot('panel-signin');
  await page.getByRole('button', { name: 'Show me' }).click();
  await page.getByTestId('step-state').filter({ hasText: 'Done' }).waitFor();
  await shot('panel-done');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Show me' }).click();
  await page.getByTestId('step-state').filter({ hasText: 'Done' }).waitFor();
  await shot('panel-admin');
  await page.goto(`${BASE}/powershell`);
  await page.getByRole('textbox', { name: 'PowerShell command' }).waitFor();
  await shot('panel-powershell');
  await page.goto(`${BASE}/admin`);
  await page.getByRole('heading', { name: 'Admin center' }).waitFor();
  if (width < 700) {
    await page.getByRole('button', { name: 'Hide lesson' }).click();
    await shot('panel-collapsed');
    await page.getByRole('button', { name: 'Show lesson' }).click();
    await page.goto(`${BASE}/lessons`);
  }
  await page.getByRole('button', { name: 'Presenter mode' }).first().click();
  await shot('presenter-mode');
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Open presenter view' }).first().click(),
  ]);
  await popup.setViewportSize({ width, height });
  await popup.getByRole('heading', { name: 'Presenter view' }).waitFor();
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: `${out}/presenter-${width}.png` });
  await context.close();
}
await browser.close();
