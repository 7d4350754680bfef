// State lives in localStorage: it survives a reload. The simulated clock
// drives everything time-based, such as the 24-hour confirmation link.
import { test, expect } from './fixtures/sim';

const EMAIL = 'p.dover@fabrikam.com';

test('a completed sign-up is still in the directory after a reload', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await sim.completeSignUp(EMAIL);

  await sim.open('/directory');
  await expect(await sim.cell(sim.table(sim.tenantSection('fabrikam.com'), 'User'), EMAIL, 'User')).toHaveText(EMAIL);

  await page.reload();
  await expect(sim.heading()).toHaveText('Directory');
  const fabrikam = sim.tenantSection('fabrikam.com');
  await expect(fabrikam).toHaveCount(1);
  await expect(await sim.cell(sim.table(fabrikam, 'User'), EMAIL, 'Creation method')).toHaveText('EmailVerified');
  await expect(await sim.cell(sim.table(fabrikam, 'AccountSkuId'), 'fabrikamcom:RIGHTSMANAGEMENT_ADHOC', 'ConsumedUnits')).toHaveText('1');
});

test('"Advance time" moves the simulated clock, and the new time survives a reload', async ({ sim }) => {
  const { page } = sim;
  await sim.start();

  const clock = sim.clock();
  // Every scenario starts on Monday 2 May 2016, 09:00 UTC.
  await expect(clock).toHaveAttribute('datetime', '2016-05-02T09:00:00Z');
  await expect(clock).toHaveText('Mon 2 May 2016, 09:00:00 UTC');

  await page.getByRole('button', { name: 'Advance time' }).click();
  await page.getByLabel('Amount').fill('90');
  await page.getByLabel('Unit').selectOption('minutes');
  await page.getByRole('button', { name: 'Advance', exact: true }).click();
  await expect(clock).toHaveText('Mon 2 May 2016, 10:30:00 UTC');

  await sim.advanceClock(2, 'days');
  await expect(clock).toHaveText('Wed 4 May 2016, 10:30:00 UTC');

  await page.reload();
  await expect(sim.heading()).toBeVisible();
  await expect(sim.clock()).toHaveText('Wed 4 May 2016, 10:30:00 UTC');

  // The clock is on every page, with the same time.
  await sim.open('/events');
  await expect(sim.clock()).toHaveText('Wed 4 May 2016, 10:30:00 UTC');
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'Clock advanced by 2 days' })).toHaveCount(1);
});

test('a confirmation link opened 25 hours later has expired', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await sim.signUpExpectingEmail(EMAIL);
  const href = await sim.confirmationHref(EMAIL);

  await sim.advanceClock(25, 'hours');
  await sim.open(href);

  await expect(sim.alert()).toContainText('This sign-up link expired');
  await expect(sim.alert()).toContainText('valid for 24 hours');
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
  await expect(page.getByLabel('First name')).toHaveCount(0);
});
