// The clock's quick steps beside "Advance time" ("+15 minutes", "+1 hour",
// "+1 day") and, while a DNS record propagates, "Skip to …", which moves the
// clock to the moment it becomes visible.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/sim';
import { dnsRecords } from './fixtures/admin';

async function clockIso(page: Page): Promise<number> {
  const iso = await page.getByTestId('clock').getAttribute('datetime');
  return Date.parse(iso!);
}

test('the quick steps move the clock by 15 minutes, an hour and a day', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  const start = await clockIso(page);
  await page.getByRole('button', { name: '+15 minutes', exact: true }).click();
  await expect.poll(() => clockIso(page)).toBe(start + 15 * 60_000);
  await page.getByRole('button', { name: '+1 hour', exact: true }).click();
  await expect.poll(() => clockIso(page)).toBe(start + 75 * 60_000);
  await page.getByRole('button', { name: '+1 day', exact: true }).click();
  await expect.poll(() => clockIso(page)).toBe(start + 75 * 60_000 + 86_400_000);
});

test('"Skip to …" appears while a DNS record propagates and moves the clock to when it is visible', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await expect(page.getByRole('button', { name: /^Skip to/ })).toHaveCount(0);
  await sim.open('/dns');
  await page.getByLabel('Domain', { exact: true }).fill('fabrikam.com');
  await page.getByLabel('Value', { exact: true }).fill('MS=ms12345678');
  await page.getByRole('button', { name: 'Add record', exact: true }).click();
  await expect(sim.status()).toContainText('The TXT record was added to fabrikam.com');
  const start = await clockIso(page);
  const skip = page.getByRole('button', { name: /^Skip to \d\d:\d\d: the DNS record of fabrikam\.com becomes visible$/ });
  await expect(skip).toBeVisible();
  await skip.click();
  await expect(skip).toHaveCount(0);
  const now = await clockIso(page);
  expect(now - start).toBeGreaterThanOrEqual(15 * 60_000);
  expect(now - start).toBeLessThanOrEqual(60 * 60_000);
  await expect(await sim.cell(dnsRecords(sim), 'MS=ms12345678', 'Propagation')).toHaveText('Visible');
});
