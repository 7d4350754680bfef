// Internal admin takeover ("Become the admin"): a standard member of the
// unmanaged fabrikam.com directory proves ownership of the domain with a DNS
// TXT record and becomes its global administrator. DNS changes take 15 to 60
// minutes of simulated time to be seen.
import { test, expect } from './fixtures/sim';
import {
  PRESET_FABRIKAM,
  PAT,
  ROSA,
  TXT_VALUE,
  loadPreset,
  signInAs,
  signOut,
  openAdmin,
  section,
  rowWith,
  fact,
  dnsRecords,
  startBecomeAdmin,
  publishDnsRecord,
} from './fixtures/admin';

const DOMAIN = 'fabrikam.com';
const CONFIRM = "Okay, I've added the record";

test('p.dover@fabrikam.com becomes the admin of the unmanaged fabrikam.com directory', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);

  // Signed out, the admin center only offers to sign in.
  await signOut(sim);
  await openAdmin(sim);
  await expect(page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute('href', '/signin');
  await expect(page.getByRole('main').getByRole('button', { name: 'Become the admin' })).toHaveCount(0);

  // A standard member of the unmanaged tenant sees the wizard.
  await signInAs(sim, PAT);
  await openAdmin(sim);
  const wizard = section(page, 'Become the admin');
  await expect(wizard).toContainText('unmanaged directory');
  await expect(section(page, 'Domains')).toHaveCount(0);
  const txt = await startBecomeAdmin(sim);
  expect(txt).toMatch(TXT_VALUE);
  await expect(wizard.getByTestId('challenge-domain')).toHaveText(DOMAIN);
  // What happened behind the scenes: the choice is logged with the value.
  const behind = page.getByRole('main').getByRole('group').filter({ hasText: 'What happened behind the scenes' });
  await expect(behind).toContainText(`${PAT.email} chose to become the admin of ${DOMAIN}`);
  await expect(behind).toContainText(txt);

  // The prefilled DNS page.
  const link = wizard.getByRole('link', { name: 'Open the DNS page with this record filled in' });
  await expect(link).toHaveAttribute('href', /^\/dns\?/);
  await link.click();
  await expect(sim.heading()).toHaveText('DNS');
  await expect(page).toHaveTitle(/^DNS · /);
  await expect(page.getByLabel('Domain', { exact: true })).toHaveValue(DOMAIN);
  await expect(page.getByLabel('Type', { exact: true })).toHaveValue('TXT');
  await expect(page.getByLabel('Value', { exact: true })).toHaveValue(txt);
  await page.getByRole('button', { name: 'Add record', exact: true }).click();
  await expect(sim.status()).toContainText(`The TXT record was added to ${DOMAIN}`);
  await expect(sim.status()).toContainText('Resolvers will see it from');
  const records = dnsRecords(sim);
  for (const column of ['Domain', 'Type', 'Value', 'Propagation']) {
    await expect(records.getByRole('columnheader', { name: column, exact: true })).toBeVisible();
  }
  const record = rowWith(records, txt);
  await expect(record).toHaveCount(1);
  await expect(await sim.cell(records, txt, 'Domain')).toHaveText(DOMAIN);
  await expect(await sim.cell(records, txt, 'Type')).toHaveText('TXT');
  await expect(await sim.cell(records, txt, 'Propagation')).toContainText('Propagating: visible from');
  await expect(record.getByRole('button', { name: 'Remove', exact: true })).toBeVisible();

  // Right away, the record isn't visible yet.
  await openAdmin(sim);
  await expect(wizard.getByTestId('challenge-value')).toHaveText(txt);
  await wizard.getByRole('button', { name: CONFIRM, exact: true }).click();
  const alert = sim.alert();
  await expect(alert).toContainText('Verification failed');
  await expect(alert).toContainText('15 to 60 minutes');
  await expect(alert).toContainText(DOMAIN);
  await expect(sim.status()).toHaveCount(0);
  await expect(section(page, 'Domains')).toHaveCount(0);

  // An hour later it is: the record shows Visible, and the confirmation works.
  await sim.advanceClock(1, 'hours');
  await sim.open('/dns');
  await expect(await sim.cell(dnsRecords(sim), txt, 'Propagation')).toHaveText('Visible');
  await openAdmin(sim);
  await page.getByRole('button', { name: CONFIRM, exact: true }).click();
  await expect(sim.status()).toContainText(`You're now the global administrator of ${DOMAIN}`);
  await expect(sim.alert()).toHaveCount(0);
  await expect(behind).toContainText(`${PAT.email} took over ${DOMAIN} (internal takeover)`);

  // The admin center: Domains with fabrikam.com Verified, the users kept.
  await expect(page.getByRole('main')).toContainText(`Signed in as ${PAT.email}, a global administrator.`);
  const domains = section(page, 'Domains').getByRole('table');
  await expect(rowWith(domains, DOMAIN)).toHaveCount(1);
  await expect(await sim.cell(domains, DOMAIN, 'Status')).toHaveText('Verified');
  await expect(section(page, 'Become the admin')).toHaveCount(0);
  const users = sim.table(section(page, 'Users'), 'User');
  await expect(rowWith(users, PAT.email)).toHaveCount(1);
  await expect(rowWith(users, ROSA.email)).toHaveCount(1);
  await expect(users.getByRole('row')).toHaveCount(3);
  await expect(await sim.cell(users, PAT.email, 'Role')).toHaveText('Global administrator');
  await expect(await sim.cell(users, ROSA.email, 'Role')).not.toContainText('administrator');
  // Still here after a reload (the state was saved).
  await page.reload();
  await expect(await sim.cell(section(page, 'Users').getByRole('table'), PAT.email, 'Role')).toHaveText('Global administrator');

  // /directory: fabrikam.com is managed, p.dover its global administrator.
  await sim.open('/directory');
  const fabrikam = sim.tenantSection(DOMAIN);
  await expect(fabrikam).toHaveCount(1);
  await expect(fabrikam.getByText('Managed', { exact: true })).toBeVisible();
  await expect(fabrikam.getByText('Unmanaged', { exact: true })).toHaveCount(0);
  await expect(fact(fabrikam, 'Global administrators')).toHaveText(PAT.email);
  await expect(fact(fabrikam, 'Domains')).toHaveText(`${DOMAIN} (Verified)`);
  const dirUsers = sim.table(fabrikam, 'User');
  await expect(await sim.cell(dirUsers, PAT.email, 'Role')).toHaveText('Global administrator');
  await expect(await sim.cell(dirUsers, ROSA.email, 'Creation method')).toHaveText('EmailVerified');
  await expect(
    await sim.cell(sim.table(fabrikam, 'AccountSkuId'), 'fabrikamcom:RIGHTSMANAGEMENT_ADHOC', 'ConsumedUnits'),
  ).toHaveText('2');

  // The other member now sees a managed directory: no wizard for them.
  await signInAs(sim, ROSA);
  await openAdmin(sim);
  await expect(section(page, 'Become the admin')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('alert')).toContainText(`${ROSA.email} isn't a global administrator`);
});

test('a wrong TXT value is refused, and the alert names the value DNS has', async ({ sim }) => {
  const { page } = sim;
  await sim.start();
  await loadPreset(sim, PRESET_FABRIKAM);
  await signInAs(sim, PAT);
  const txt = await startBecomeAdmin(sim);

  // A typo: the last digit changed.
  const last = Number(txt.at(-1));
  const wrong = `${txt.slice(0, -1)}${(last + 1) % 10}`;
  expect(wrong).not.toBe(txt);
  await publishDnsRecord(sim, DOMAIN, 'TXT', wrong);
  await sim.advanceClock(1, 'hours');

  await openAdmin(sim);
  await page.getByRole('button', { name: CONFIRM, exact: true }).click();
  const alert = sim.alert();
  await expect(alert).toContainText('Verification failed');
  await expect(alert).toContainText(`none with the value ${txt}`);
  await expect(alert).toContainText(`Found: TXT ${wrong}`);
  await expect(sim.status()).toHaveCount(0);
  await expect(section(page, 'Domains')).toHaveCount(0);
  await expect(section(page, 'Become the admin')).toBeVisible();

  // Nothing changed in the directory.
  await sim.open('/directory');
  const fabrikam = sim.tenantSection(DOMAIN);
  await expect(fabrikam.getByText('Unmanaged', { exact: true })).toBeVisible();
  await expect(fact(fabrikam, 'Global administrators')).toContainText('None');

  // Removing the typo and publishing the right value fixes it.
  await sim.open('/dns');
  await rowWith(dnsRecords(sim), wrong).getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(sim.status()).toContainText('The record was removed');
  await expect(rowWith(dnsRecords(sim), wrong)).toHaveCount(0);
  await publishDnsRecord(sim, DOMAIN, 'TXT', txt);
  await sim.advanceClock(1, 'hours');
  await openAdmin(sim);
  await page.getByRole('button', { name: CONFIRM, exact: true }).click();
  await expect(sim.status()).toContainText(`You're now the global administrator of ${DOMAIN}`);
});
